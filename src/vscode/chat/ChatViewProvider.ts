// The chat view (a webview view in the "Hybrid Assistant" activity-bar container). The host owns the thread;
// the webview is a renderer that may be destroyed whenever it is hidden. Protocol: the webview posts `ready`,
// the host answers with a full snapshot, then streams turn events. Every incoming message passes isFromChat.

import * as vscode from 'vscode';
import type { AskEvent, AskMode } from '../../core/pipeline/events';
import { OneRunning } from '../../core/pipeline/oneRunning';
import { TurnReplays } from '../../core/pipeline/turnReplay';
import { isFromChat, NOT_SENT_BUSY, type AskEventView, type ChatStatus, type FixName, type FromChat, type ToChat, type TurnMode, type TurnStatus, type TurnView } from '../../shared/protocol/chat';
import { isSafeLink } from '../../shared/protocol/validate';
import { webviewHtml, webviewOptions } from '../webviewHtml';
import type { ChatHost } from './chatHost';
import { ChatThread, type ThreadStore } from './chatThread';

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'hybrid.chatView';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private status: ChatStatus | null = null;
  /** One running answer per thread: a newer palette command stops the running one; Stop reaches whichever runs. */
  private readonly running = new OneRunning();
  private readonly thread: ChatThread;
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private rejected = 0;
  /** The turn a palette command started while the page was away: the next snapshot scrolls it into view. */
  private revealTurn: string | undefined;

  /** Fires each time a freshly loaded webview has received its snapshot (tests wait on it). */
  readonly onDidBecomeReady = this.readyEmitter.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly host: ChatHost, store?: ThreadStore) {
    this.thread = new ChatThread(100, store);
    this.disposables.push(this.readyEmitter, host.onDidChangeStatus((s) => {
      this.status = s;
      this.post({ type: 'status', status: s });
    }));
    if (host.onDidChangeEditorContext) this.disposables.push(host.onDidChangeEditorContext(() => this.postEditorContext()));
  }

  // ---- for the lead's wiring and for tests ----------------------------------------------------------------

  get isReady(): boolean { return this.ready; }
  get isBusy(): boolean { return this.running.busy; }
  get html(): string | undefined { return this.view?.webview.html; }
  /** Messages that failed validation (a forged or buggy webview); never acted on. */
  get rejectedMessages(): number { return this.rejected; }
  get turns(): readonly TurnView[] { return this.thread.snapshot(); }
  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    this.render();
    view.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.viewDisposables);
    view.onDidChangeVisibility(() => {
      // Hidden: the page is destroyed (retainContextWhenHidden is off). Shown: a fresh page with a new nonce,
      // which posts `ready` and gets the snapshot.
      this.ready = false;
      if (view.visible) this.render();
    }, null, this.viewDisposables);
    view.onDidDispose(() => {
      if (this.view === view) { this.view = undefined; this.ready = false; }
      this.disposeView();
    }, null, this.viewDisposables);
  }

  /**
   * Shows an answer a palette command (Ask, Review Selection, Explain Route) started, in the same thread. The
   * command takes the thread at once (stopping any running answer) and streams once that one has ended.
   * `rerun` is what Retry (and Retry on local) of this turn runs: the command that made it, with its own context.
   */
  async runExternal(question: string, mode: AskMode | 'review' | 'explain', events: AsyncIterable<AskEvent>,
    abort: AbortController, rerun?: (onLocal: boolean) => Promise<void>): Promise<void> {
    const claim = this.running.claim(abort);
    try {
      await this.reveal();
      await claim.ready;
    } catch (err) {
      claim.release();
      throw err;
    }
    const turn = this.thread.start(question, mode);
    this.revealTurn = turn.id;
    this.paletteTurns.remember(turn.id, rerun ?? null);
    await this.consume(turn, events, abort, claim.release);
  }

  /** Clears the thread (the "New chat" title action); a running answer is stopped first. */
  async newChat(): Promise<void> {
    await this.running.stop();
    this.thread.clear();
    this.postSnapshot();
  }

  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${ChatViewProvider.viewType}.focus`);
  }

  dispose(): void {
    void this.running.stop();
    this.disposeView();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  // ---- internals ----------------------------------------------------------------------------------------

  /** The page carries the thread as it is now, so it paints it at once (no intro while `ready` goes round). */
  private render(): void {
    if (!this.view) return;
    const initial: ToChat = { type: 'snapshot', turns: this.thread.snapshot(), busy: this.isBusy, status: this.status };
    this.view.webview.html = webviewHtml(this.view.webview, this.extensionUri, 'chat', 'Hybrid Assistant', { initial });
  }

  private disposeView(): void {
    const list = this.viewDisposables;
    this.viewDisposables = [];
    for (const d of list) d.dispose();
  }

  /** Posts only to a page that said `ready`; anything missed is in the snapshot the next `ready` gets. */
  private post(message: ToChat): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
  }

  private postSnapshot(): void {
    if (!this.view || !this.ready) return;
    const reveal = this.revealTurn;
    this.revealTurn = undefined;
    this.post({ type: 'snapshot', turns: this.thread.snapshot(), busy: this.isBusy, status: this.status, ...(reveal ? { reveal } : {}) });
    this.postEditorContext();
  }

  private postEditorContext(): void {
    const label = this.host.editorContextLabel?.();
    if (label !== undefined) this.post({ type: 'editorContext', label });
  }

  private onMessage(raw: unknown): void {
    if (!isFromChat(raw)) { this.rejected++; return; }
    void this.handle(raw).catch((err: unknown) => {
      void vscode.window.showErrorMessage(`Hybrid Assistant: ${errorText(err)}`);
    });
  }

  private async handle(m: FromChat): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (!this.status) this.status = await this.host.getStatus().catch(() => null);
        this.postSnapshot();
        this.readyEmitter.fire();
        return;
      case 'ask':
        if (this.running.busy) { this.post({ type: 'notSent', question: m.question, ...(m.files?.length ? { files: m.files } : {}), reason: NOT_SENT_BUSY }); return; }
        return this.ask(m.question, m.mode, undefined, undefined, m.files);
      case 'pickFiles': {
        const paths = await this.host.pickFiles?.() ?? [];
        if (paths.length) this.post({ type: 'filesPicked', paths });
        return;
      }
      case 'stop':
        await this.running.stop();
        return;
      case 'newChat':
        return this.newChat();
      case 'askCloud':
        return this.askCloud(m.turnId);
      case 'fix':
        return this.fix(m.action, m.turnId, m.detail);
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        return;
      case 'insert':
        try {
          await this.host.insertAtCursor(m.code);
          this.post({ type: 'reply', id: m.id, ok: true });
        } catch (err) {
          this.post({ type: 'reply', id: m.id, ok: false, error: errorText(err) });
        }
        return;
      case 'askWithout': {
        const turn = this.thread.find(m.turnId);
        if (this.running.busy || !turn || (!isAskMode(turn.mode) && turn.mode !== 'explain')) return;
        const without = [...new Set([...(this.excluded.get(turn.id) ?? []), ...m.paths])];
        // From an Explain Route preview (nothing was sent yet) this is "remove before sending": the Ask (auto) it previewed.
        return this.ask(turn.question, isAskMode(turn.mode) ? turn.mode : 'auto', without, undefined, this.added.get(turn.id));
      }
      case 'openLink':
        // Validated again here: the guard already did, but this is the call that leaves the editor.
        if (isSafeLink(m.url)) await vscode.env.openExternal(vscode.Uri.parse(m.url, true));
        return;
    }
  }

  /** Turns a palette command made: their command reruns them (with their own context), not the chat. */
  private readonly paletteTurns = new TurnReplays<((onLocal: boolean) => Promise<void>) | null>();

  /** Context each "Ask again without …" turn left out, so a further removal keeps the earlier ones out too. */
  private readonly excluded = new Map<string, string[]>();

  /** Files the user added to a turn (+ File), so "Ask again without …" keeps the others. */
  private readonly added = new Map<string, string[]>();

  /** `retryOf`: the turn this one repeats (the host reuses the context that turn had). */
  private ask(question: string, mode: AskMode, without?: string[], retryOf?: string, files?: string[]): Promise<void> {
    const turn = this.thread.start(question, mode);
    if (without?.length) this.excluded.set(turn.id, without);
    if (files?.length) this.added.set(turn.id, files);
    const abort = new AbortController();
    const history = this.thread.history(turn.id);
    const events = started(() => this.host.submit(question, mode, history, abort.signal, without, { id: turn.id, ...(retryOf ? { retryOf } : {}) }, files));
    return this.consume(turn, events, abort);
  }

  /** A new Cloud turn for the same question; its history stops before the local answer, which never leaves. */
  private askCloud(turnId: string): Promise<void> {
    const from = this.thread.find(turnId);
    const e = from?.escalation;
    if (!from || !e || e.action === 'unavailable' || e.action === 'escalated' || e.taken || this.running.busy || !this.host.escalate) return Promise.resolve();
    const taken = { ...e, taken: true };
    this.thread.apply(from.id, taken);
    this.post({ type: 'event', turnId: from.id, event: taken });
    const history = this.thread.history(from.id);
    const turn = this.thread.start(from.question, 'cloud');
    const abort = new AbortController();
    const host = this.host as Required<ChatHost>;
    const events = started(() => host.escalate(from.question, history, { id: e.requestId, ...(e.band ? { band: e.band } : {}), ...(e.action === 'offered' ? { offered: true } : {}) }, abort.signal));
    return this.consume(turn, events, abort);
  }

  private async fix(action: FixName, turnId?: string, detail?: string): Promise<void> {
    const turn = turnId ? this.thread.find(turnId) : undefined;
    const retry = action === 'retry' || action === 'retryLocal';
    const palette = turn ? this.paletteTurns.recall(turn.id) : undefined;
    if (retry && turn && isAskMode(turn.mode) && palette === undefined) {
      if (this.running.busy) return;
      await this.ask(turn.question, action === 'retryLocal' ? 'private' : turn.mode, this.excluded.get(turn.id), turn.id);
      return;
    }
    // Palette turns (Review, Explain Route, palette Ask) are rerun by the command that made them.
    if (retry && palette) return palette(action === 'retryLocal');
    const fixed = await this.host.runFix(action, detail);
    // The user fixed the key from this turn's card to get its answer: ask again rather than leave them to retype.
    if (fixed === true && action === 'setApiKey' && turn && !this.running.busy) {
      if (palette) return palette(false);
      if (palette === undefined && isAskMode(turn.mode)) await this.ask(turn.question, turn.mode, this.excluded.get(turn.id), turn.id);
    }
  }

  /** `release` comes with a claim taken earlier (runExternal); otherwise the run claims the thread here. */
  private consume(turn: TurnView, events: AsyncIterable<AskEvent>, abort: AbortController, release?: () => void): Promise<void> {
    const done = release ?? this.running.claim(abort).release;
    this.post({ type: 'turnStart', turn: JSON.parse(JSON.stringify(turn)) as TurnView });
    // A page that was ready saw the turn start (and scrolled to it); only a page still loading needs `reveal`.
    if (this.ready && this.revealTurn === turn.id) this.revealTurn = undefined;
    let doneStatus: TurnStatus | undefined; // a failed `done` without the error that should follow still ends failed
    const emit = (event: AskEventView) => {
      if (event.type === 'done') doneStatus = event.status;
      this.thread.apply(turn.id, event);
      this.post({ type: 'event', turnId: turn.id, event });
    };
    return (async () => {
      try {
        // Stopped before it began (a newer command took the thread, Stop, New chat): nothing is asked at all.
        if (!abort.signal.aborted) for await (const event of events) emit(event);
      } catch (err) {
        if (!abort.signal.aborted) emit({ type: 'error', message: errorText(err), fixes: ['retry', 'showLogs'] });
      } finally {
        const fallback: TurnStatus = abort.signal.aborted ? 'cancelled' : doneStatus ?? 'ok';
        const status = this.thread.end(turn.id, fallback);
        done();
        this.post({ type: 'turnEnd', turnId: turn.id, status });
      }
    })();
  }
}

function isAskMode(m: TurnMode): m is AskMode {
  return m === 'auto' || m === 'private' || m === 'cloud';
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The host's stream, or one that fails at once when `submit`/`escalate` threw before returning its iterable. */
function started(start: () => AsyncIterable<AskEvent>): AsyncIterable<AskEvent> {
  try { return start(); } catch (err) { return failed(err); }
}

async function* failed(err: unknown): AsyncGenerator<AskEvent> {
  throw err instanceof Error ? err : new Error(String(err));
}
