// VS Code's language-model requests (the model picker, the built-in Agent and Ask modes) in our pipeline's terms.
// The adapter turns the editor's message parts into these plain shapes; this file decides what is the question,
// what is history, which attached files and tool results are context, and which files the tools read, so all of
// it is classified and gated like any Ask. Pure: no editor API.

import type { AskInput } from '../pipeline/ask';
import type { ChatTurn, ContextItem, Origin, ToolCall, ToolResult, ToolSpec } from '../request';
import { resultMentions } from '../privacy/filePaths';
import { toolMentions, toolReadPath } from './toolPaths';
import type { LocalTurns } from './localTurns';

export { toolMentions, toolReadPath } from './toolPaths';

export type LmPart =
  | { kind: 'text'; text: string }
  | { kind: 'toolCall'; call: ToolCall }
  | { kind: 'toolResult'; callId: string; text: string };

export interface LmMessage { role: 'user' | 'assistant'; parts: LmPart[] }

/** The three models Hybrid offers in the picker; each is one of our Ask modes. */
export const HYBRID_MODELS = [
  { id: 'hybrid-auto', name: 'Hybrid Auto', origin: 'askAuto', detail: 'Local or cloud per request, with the reason; secrets redacted before the cloud' },
  { id: 'hybrid-private', name: 'Hybrid Private', origin: 'askPrivate', detail: 'Your local model; nothing leaves this machine' },
  { id: 'hybrid-cloud', name: 'Hybrid Cloud', origin: 'askCloud', detail: 'The cloud model through the egress gate; private files never leave' },
] as const satisfies readonly { id: string; name: string; origin: Origin; detail: string }[];

export type HybridModelId = typeof HYBRID_MODELS[number]['id'];

export function originOfModel(id: string): Origin | undefined {
  return HYBRID_MODELS.find((m) => m.id === id)?.origin;
}

// Agents attach files as `<attachment … filePath="…">content</attachment>` blocks in the user's text. Read
// leniently (any case, either quote, `uri=` too, a block cut off at the end of the text): a spelling we missed
// would leave a private file's content inline, its path never judged.
const ATTACHMENT = /<attachment\b([^>]*)>([\s\S]*?)(?:<\/attachment\s*>|$(?![\s\S]))/gi;
const FILE_PATH_ATTR = /\b(?:filePath|path|uri|file)\s*=\s*(?:"([^"]+)"|'([^']+)')/i;

/** `file:///a/%2Eenv` → `/a/.env`; a plain path as it is. */
function attachedPath(p: string): string {
  if (!/^file:\/\//i.test(p)) return p;
  const rest = p.replace(/^file:\/\//i, '');
  try { return decodeURIComponent(rest); } catch { return rest; }
}

/** Attached files inside a user text, lifted out as context items (so their paths and contents are judged). */
export function liftAttachments(text: string, relative: (p: string) => string): { text: string; context: ContextItem[] } {
  const context: ContextItem[] = [];
  const rest = text.replace(ATTACHMENT, (whole, attrs: string, body: string) => {
    const m = FILE_PATH_ATTR.exec(attrs);
    const p = m?.[1] ?? m?.[2];
    if (!p) return whole;
    context.push({ source: 'file', path: relative(attachedPath(p)), text: body.replace(/^\n/, '') });
    return '';
  });
  return { text: context.length ? rest.replace(/<attachments>\s*<\/attachments>/gi, '').trim() : text, context };
}

/** The question of a picker request: its latest user message with text (-1: none). */
function questionIndex(messages: readonly LmMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user' && textOf(messages[i]).trim()) return i;
  return -1;
}

/** The question's text as the editor sent it (what a later request repeats as history). */
export function questionText(messages: readonly LmMessage[]): string {
  const q = questionIndex(messages);
  return q >= 0 ? textOf(messages[q]) : '';
}

function textOf(m: LmMessage): string {
  return m.parts.filter((p): p is Extract<LmPart, { kind: 'text' }> => p.kind === 'text').map((p) => p.text).join('');
}

interface CallFiles { path?: string; mentions: string[] }

function toTurn(m: LmMessage, filesOfCall: (id: string) => CallFiles, relativeOf: (p: string) => string): ChatTurn {
  const toolCalls = m.parts.filter((p): p is Extract<LmPart, { kind: 'toolCall' }> => p.kind === 'toolCall').map((p) => p.call);
  const toolResults: ToolResult[] = m.parts.filter((p): p is Extract<LmPart, { kind: 'toolResult' }> => p.kind === 'toolResult')
    .map((p) => {
      const { path, mentions: named } = filesOfCall(p.callId);
      // The files its lines come from too (a search's matches), so each is judged as a whole file.
      const mentions = [...new Set([...named, ...resultMentions(p.text).map(relativeOf)])].filter((m) => m !== path);
      return { callId: p.callId, content: p.text, ...(path ? { path } : {}), ...(mentions.length ? { mentions } : {}) };
    });
  return { role: m.role, content: textOf(m), ...(toolCalls.length ? { toolCalls } : {}), ...(toolResults.length ? { toolResults } : {}) };
}

/**
 * One picker request as an Ask: the question is the latest user text, the turns before it are history, the
 * agent's tool calls and results after it are `steps`; every tool result carries the file its call read, and
 * attached files become context items. `system` text (a leading assistant-less preamble) stays in the question.
 */
export function lmRequestToAsk(
  messages: readonly LmMessage[], origin: Origin, tools: ToolSpec[], relative: (p: string) => string,
  /** The exchanges the local model answered earlier (the provider's memory): marked so they stay local. */
  localTurns?: LocalTurns,
): AskInput {
  const calls = new Map<string, ToolCall>();
  for (const m of messages) for (const p of m.parts) if (p.kind === 'toolCall') calls.set(p.call.id, p.call);
  const filesOfCall = (id: string): CallFiles => {
    const call = calls.get(id);
    if (!call) return { mentions: [] };
    const p = toolReadPath(call);
    return { ...(p ? { path: relative(p) } : {}), mentions: toolMentions(call).map(relative) };
  };
  const q = questionIndex(messages);
  const turns = messages.map((m) => toTurn(m, filesOfCall, relative));
  if (localTurns && q > 0) localTurns.mark(turns.slice(0, q)).forEach((t, i) => { turns[i] = t; });
  // Files attached in earlier turns are lifted too: left inline in history, their paths would never be judged.
  // They join the question's context (once each), so the whole-file rules see every one of them.
  const earlier: ContextItem[] = [];
  turns.forEach((t, i) => {
    // A local exchange's attachments stay with it (inline, and off the cloud with the rest of it).
    if (t.role !== 'user' || i === q || t.local || !t.content.includes('<')) return;
    const l = liftAttachments(t.content, relative);
    if (!l.context.length) return;
    turns[i] = { ...t, content: l.text };
    earlier.push(...l.context);
  });
  const own = q >= 0 ? liftAttachments(turns[q].content, relative) : { text: '', context: [] };
  const seen = new Set(own.context.map((c) => `${c.path}\u0000${c.text}`));
  const lifted = { text: own.text, context: [...earlier.filter((c) => !seen.has(`${c.path}\u0000${c.text}`) && seen.add(`${c.path}\u0000${c.text}`)), ...own.context] };
  // The question turn's own tool results (rare: text and results together) travel as the first step.
  const questionResults = q >= 0 && turns[q].toolResults ? [{ role: 'user' as const, content: '', toolResults: turns[q].toolResults }] : [];
  return {
    origin, kind: 'ask',
    question: lifted.text || '(continue)',
    context: lifted.context,
    history: q > 0 ? turns.slice(0, q) : [],
    steps: [...questionResults, ...(q >= 0 ? turns.slice(q + 1) : turns)],
    ...(tools.length ? { tools } : {}),
  };
}
