// `@hybrid` in VS Code's Chat view. Each request runs through the same pipeline as the commands and our own chat
// view (AskService.ask: classify → decide → egress gate → provider → ledger) and streams back the route badge, the
// reasons, the redaction summary, the answer and the cost line (core/native/chatRender). Files and selections
// attached in the Chat input are context like any other: a private or CONFIDENTIAL file keeps the request local
// or refuses it.

import * as vscode from 'vscode';
import { afterStoppedNote, closingButtons, followupsFor, historyOfTurns, participantQuery, renderEvent, type ChatButton, type ChatMode, type CommandButton, type PastTurn, type TurnMeta } from '../../core/native/chatRender';
import type { AskInput } from '../../core/pipeline/ask';
import { lineSpan } from '../../core/context/lineSpan';
import { withFilePrivacy } from '../../core/privacy/filePrivacy';
import type { ChatTurn, ContextItem, Origin, Route } from '../../core/request';
import { contextPath, editorContext } from '../ask/editorContext';
import type { AskService } from '../ask/askService';
import { currentDocumentPrivacy } from '../privacy/documentPrivacy';

export const PARTICIPANT_ID = 'hybrid-assistant.hybrid';
export const PARTICIPANT_NAME = 'hybrid';
export const REASK_COMMAND = 'hybrid.chat.reask';
const WHOLE_FILE_LIMIT = 200_000;

/**
 * "Ask the cloud" on a local answer's offer, pressed: the re-ask travels as `@hybrid /cloud <question>` text, which
 * cannot carry which answer it escalates, so the button leaves it here and the request with that question takes it.
 */
let pendingEscalation: { question: string; from: NonNullable<ChatButton['escalateFrom']>; at: number } | undefined;
const PENDING_MS = 60_000;

function takeEscalation(mode: ChatMode, question: string): AskInput['escalateFrom'] {
  const p = pendingEscalation;
  pendingEscalation = undefined;
  return p && mode === 'cloud' && p.question === question && Date.now() - p.at < PENDING_MS ? p.from : undefined;
}

const MODES: Record<string, ChatMode> = { private: 'private', cloud: 'cloud', review: 'review', explain: 'explain' };
const ORIGIN: Record<ChatMode, Origin> = { auto: 'askAuto', private: 'askPrivate', cloud: 'askCloud', review: 'review', explain: 'explainRoute' };

export type { TurnMeta } from '../../core/native/chatRender';

/** Files, ranges and selections attached in the Chat input, read as context items. */
export async function referencesAsContext(refs: readonly vscode.ChatPromptReference[]): Promise<ContextItem[]> {
  const out: ContextItem[] = [];
  for (const ref of refs) {
    const v = ref.value;
    const uri = v instanceof vscode.Uri ? v : v instanceof vscode.Location ? v.uri : undefined;
    if (!uri) {
      if (typeof v === 'string' && v.trim()) out.push({ source: 'snippet', text: v, path: ref.id });
      continue;
    }
    let doc: vscode.TextDocument;
    try { doc = await vscode.workspace.openTextDocument(uri); } catch { continue; }
    const range = v instanceof vscode.Location ? v.range : undefined;
    const text = range ? doc.getText(range) : doc.getText();
    if (!range && text.length > WHOLE_FILE_LIMIT) continue;
    const path = contextPath(uri);
    // The whole document's verdict, as for the editor's own context: a range of an unsaved buffer whose marker sits
    // elsewhere in it is private too (a path lookup finds no file for an untitled buffer).
    const verdict = currentDocumentPrivacy().judge(doc, doc.isUntitled ? undefined : path);
    out.push(withFilePrivacy({ source: range ? 'selection' : 'file', path, language: doc.languageId, text,
      ...lineSpan(text, (range?.start.line ?? 0) + 1) }, verdict));
  }
  return out;
}

function pastTurns(ctx: vscode.ChatContext): PastTurn[] {
  return ctx.history.filter((t) => t.participant === PARTICIPANT_ID).map((t) => (t instanceof vscode.ChatRequestTurn
    ? { kind: 'request' as const, prompt: t.prompt }
    : { kind: 'response' as const, meta: (t as vscode.ChatResponseTurn).result.metadata as Partial<TurnMeta> | undefined }));
}

/** Earlier `@hybrid` turns of this conversation; a turn any local model answered is marked so it never goes to the cloud. */
export function historyOf(ctx: vscode.ChatContext): ChatTurn[] {
  return historyOfTurns(pastTurns(ctx));
}

export function createHandler(asker: AskService): vscode.ChatRequestHandler {
  return async (request, ctx, stream, token) => {
    const mode = MODES[request.command ?? ''] ?? 'auto';
    const editor = vscode.window.activeTextEditor;
    let context = await referencesAsContext(request.references);
    // Like our chat view: with nothing attached, the selection goes along; a review takes the whole file.
    if (!context.length && editor && (mode === 'review' || !editor.selection.isEmpty)) context = editorContext(editor);
    const question = request.prompt.trim() || (mode === 'review' ? 'Review this code.' : mode === 'explain' ? 'Explain this code.' : '');
    if (!question) {
      stream.markdown('Ask a question after `@hybrid`, or use `/private`, `/cloud`, `/review` or `/explain`.');
      return { metadata: { question: '', mode, answer: '' } satisfies TurnMeta };
    }
    if (mode === 'review' && !context.length) {
      stream.markdown('Open a file (or attach one with `#file`) to review it privately.');
      return { metadata: { question, mode, answer: '' } satisfies TurnMeta };
    }
    const note = afterStoppedNote(pastTurns(ctx));
    if (note) stream.markdown(note);
    const escalateFrom = takeEscalation(mode, question);
    const input: AskInput = {
      // An escalation is asked as our chat view asks it: from Ask (auto), on the tier its button named.
      origin: escalateFrom ? 'askAuto' : ORIGIN[mode], kind: mode === 'review' ? 'review' : 'ask', question, context,
      history: mode === 'explain' ? [] : historyOf(ctx), ...(mode === 'explain' ? { dryRun: true } : {}),
      ...(escalateFrom ? { escalateFrom } : {}),
    };
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    const offered: ChatButton[] = [];
    // Buttons go after the answer: one written mid-reply makes VS Code fold everything above it into "Completed N steps".
    const commands: CommandButton[] = [];
    let route: Route | undefined;
    let answer = '';
    let failed: string | undefined;
    let cloudBarred = false;
    let keptLocal = false;
    let ended: 'ok' | 'cancelled' | 'failed' | undefined;
    try {
      for await (const e of asker.ask(input, abort.signal)) {
        if (e.type === 'route') { route = e.route; if (e.route === 'local' && !input.dryRun) keptLocal = true; }
        if (e.type === 'delta') answer += e.text;
        if (e.type === 'error') { failed = e.message; ended = 'failed'; }
        if (e.type === 'done') { ended = e.status; if (e.status === 'ok') failed = undefined; }
        if (e.type === 'escalation' && e.action === 'unavailable') cloudBarred = true;
        for (const out of renderEvent(e, mode, answer.length > 0)) {
          if (out.kind === 'markdown') stream.markdown(out.icons ? new vscode.MarkdownString(out.text, true) : out.text);
          else if (out.kind === 'command') commands.push(out.button);
          else offered.push(out.button);
        }
      }
    } finally {
      sub.dispose();
    }
    for (const b of commands) stream.button({ command: b.command, title: b.title });
    for (const b of closingButtons(route, mode, offered, cloudBarred)) {
      stream.button({ command: REASK_COMMAND, title: b.title, arguments: [b.mode, question, ...(b.escalateFrom ? [b.escalateFrom] : [])] });
    }
    const stopped = token.isCancellationRequested || ended === 'cancelled';
    const incomplete = !!answer && (ended !== 'ok' || stopped);
    const metadata: TurnMeta = { question, mode, route, answer, ...(cloudBarred ? { cloudBarred } : {}), ...(keptLocal ? { keptLocal } : {}), ...(incomplete ? { incomplete } : {}), ...(stopped ? { stopped } : {}) };
    return failed && !answer ? { metadata, errorDetails: { message: failed } } : { metadata };
  };
}

export function followups(result: vscode.ChatResult): vscode.ChatFollowup[] {
  return followupsFor(result.metadata as Partial<TurnMeta> | undefined);
}

/** Buttons re-ask in the Chat view (`@hybrid /mode question`); where that command is missing, our own commands run. */
export async function reask(mode: ChatMode, question: string): Promise<void> {
  try {
    await vscode.commands.executeCommand('workbench.action.chat.open', { query: participantQuery(PARTICIPANT_NAME, mode, question) });
  } catch {
    const command = mode === 'cloud' ? 'hybrid.askCloud' : mode === 'private' ? 'hybrid.askPrivate' : mode === 'explain' ? 'hybrid.explainRoute' : 'hybrid.ask';
    await vscode.commands.executeCommand(command, question);
  }
}

export function registerParticipant(asker: AskService, extensionUri: vscode.Uri): vscode.Disposable[] {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, createHandler(asker));
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups: (result) => followups(result) };
  return [
    participant,
    vscode.commands.registerCommand(REASK_COMMAND, (mode: ChatMode, question: string, from?: ChatButton['escalateFrom']) => {
      if (!['auto', 'private', 'cloud', 'review', 'explain'].includes(mode) || typeof question !== 'string') return;
      pendingEscalation = mode === 'cloud' && from && typeof from.id === 'string' ? { question: question.trim(), from, at: Date.now() } : undefined;
      return reask(mode, question);
    }),
  ];
}
