// The conversation, kept on the host side so it survives the view being hidden (retainContextWhenHidden is off)
// and re-sent whole after each `ready`. Plain data, no editor API.

import { applyAskEvent, newTurn, type AskEventView, type TurnMode, type TurnStatus, type TurnView } from '../../shared/protocol/chat';

export interface HistoryTurn { role: 'user' | 'assistant'; content: string; local?: boolean }

/** Where a thread is kept between window reloads (the extension passes the workspace's state). */
export interface ThreadStore {
  load(): TurnView[] | undefined;
  save(turns: TurnView[]): void;
}

/** Turns kept across reloads: the recent conversation, not an archive. */
const PERSISTED_TURNS = 30;
/** How often a streaming answer's words so far are written. */
const STREAMING_PERSIST_MS = 2_000;

export class ChatThread {
  private turns: TurnView[] = [];
  private seq = 0;

  private persistedAt = 0;

  constructor(private readonly maxTurns = 100, private readonly store?: ThreadStore, private readonly now: () => number = Date.now) {
    const saved = store?.load();
    if (Array.isArray(saved)) {
      // A turn that was streaming when the window went away did not finish.
      this.turns = saved.slice(-PERSISTED_TURNS).map((t) => (t.status === 'streaming' ? { ...t, status: 'cancelled' } : t));
    }
  }

  private persist(): void {
    this.persistedAt = this.now();
    this.store?.save(JSON.parse(JSON.stringify(this.turns.slice(-PERSISTED_TURNS))) as TurnView[]);
  }

  get all(): readonly TurnView[] {
    return this.turns;
  }

  start(question: string, mode: TurnMode): TurnView {
    const turn = newTurn(`t${Date.now().toString(36)}-${(++this.seq).toString(36)}`, question, mode);
    this.turns.push(turn);
    if (this.turns.length > this.maxTurns) this.turns.splice(0, this.turns.length - this.maxTurns);
    // Kept as it starts, still streaming: a reload before it ends brings the question back, marked cancelled.
    this.persist();
    return turn;
  }

  find(id: string): TurnView | undefined {
    return this.turns.find((t) => t.id === id);
  }

  apply(id: string, event: AskEventView): void {
    const t = this.find(id);
    if (!t) return;
    const first = event.type === 'delta' && !t.text;
    applyAskEvent(t, event);
    // The outcome is kept the moment the view shows it (the turn's end comes after escalation and the ledger); while
    // it streams, the first words at once and then the words so far every few seconds: a reload mid-answer loses
    // at most those.
    if (first || event.type === 'done' || event.type === 'error' || this.now() - this.persistedAt >= STREAMING_PERSIST_MS) this.persist();
  }

  end(id: string, status: TurnStatus): TurnStatus {
    const t = this.find(id);
    if (!t) return status;
    if (t.status === 'streaming') t.status = status;
    this.persist();
    return t.status;
  }

  /**
   * Earlier completed Ask turns as model history, oldest first. Failed, cancelled and Explain-Route turns are
   * left out (an explanation never reached a model).
   */
  history(before?: string): HistoryTurn[] {
    const out: HistoryTurn[] = [];
    for (const t of this.turns) {
      if (t.id === before) break;
      if (t.status !== 'ok' || t.mode === 'explain' || !t.text) continue;
      const local = t.route?.route !== 'cloud';
      out.push({ role: 'user', content: t.question, local }, { role: 'assistant', content: t.text, local });
    }
    return out;
  }

  clear(): void {
    this.turns = [];
    this.persist();
  }

  /** A deep copy for posting (postMessage clones anyway; this keeps later mutations out of queued posts). */
  snapshot(): TurnView[] {
    return JSON.parse(JSON.stringify(this.turns)) as TurnView[];
  }
}
