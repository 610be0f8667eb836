// What `@hybrid` writes into VS Code's Chat view for each pipeline event: a route badge with the model and the
// reasons, the redaction summary, the answer, and a cost line; plus which buttons and follow-ups to offer. Pure
// (markdown strings and plain descriptors), so the participant adapter only forwards them to the chat stream.

import { THRESHOLD_SETTING, withoutScore } from '../confidence';
import { summarizeRedactions } from '../egress/summary';
import type { AskEvent } from '../pipeline/events';
import type { ChatTurn } from '../request';
import { formatCost, formatEstimate, formatUsd } from '../../shared/money';
import { formatMs } from '../presentation/statusText';
import { cacheWritesOf } from '../spend/cost';

export type ChatMode = 'auto' | 'private' | 'cloud' | 'review' | 'explain';

/**
 * A button under the answer: re-asks the same question in another mode (through `@hybrid /<mode>`). `escalateFrom`:
 * the escalation of a local answer ("Ask the cloud" on an offer), asked like our chat view's button — on the tier
 * the offer named, linked to the local answer in the ledger — and `title` names that model.
 */
export interface ChatButton { title: string; mode: ChatMode; escalateFrom?: { id: string; band?: 'low' | 'middle' | 'high'; offered?: boolean } }

/** "Ask the cloud (gpt-5.4-mini)": the model the button asks, as our own chat view's offer button says it. */
export function askCloudTitle(model: string | undefined): string {
  return model ? `Ask the cloud (${model.replace(/[`*_[\]<>]/g, '')})` : 'Ask the cloud';
}

/** A button that runs one of our commands (e.g. Set API Key from a refused key's reply). */
export interface CommandButton { title: string; command: string }

export type ChatOut =
  /** `icons`: the text holds $(codicon) names, written as a MarkdownString with supportThemeIcons. */
  | { kind: 'markdown'; text: string; icons?: true }
  | { kind: 'button'; button: ChatButton }
  | { kind: 'command'; button: CommandButton };

// Codicons, not emoji: the emoji drew as an empty box where no colour-emoji font is installed (a test Chromium,
// many Linux desktops); a codicon is the workbench's own font and takes the theme's colour.
export const ROUTE_LABEL = { local: '$(lock) Local', cloud: '$(cloud) Cloud', refuse: '$(circle-slash) Not sent' } as const;

/** Markdown-safe inline text (model names, reasons come from our code, but keep them from breaking the layout). */
function inline(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/**
 * A failure's message, markdown-safe, with its paired backticks kept as code: "(`ollama serve`)" showed its
 * backticks escaped, where our chat view shows the command as code. An odd count keeps every backtick literal.
 */
export function inlineWithCode(s: string): string {
  const parts = s.split('`');
  if (parts.length % 2 === 0) return inline(s);
  return parts.map((p, i) => (i % 2 === 1 && p ? `\`${p}\`` : inline(p))).join('');
}

/**
 * `answered`: some answer text came before this event. An error before any is the response's errorDetails (the
 * participant returns it, and VS Code shows it as the reply's error); written here as well, it read twice.
 */
export function renderEvent(e: AskEvent, mode: ChatMode, answered = true): ChatOut[] {
  switch (e.type) {
    case 'route': {
      const out: ChatOut[] = [];
      // Theme icons are read anywhere in that part: a "$(" in a provider or model name must stay text.
      const plain = (t: string) => t.replace(/\$\(/g, '$\u200b(');
      const where = e.route === 'refuse' ? '' : ` · ${plain(inline(e.provider))} · \`${plain(e.model.replace(/`/g, ''))}\``;
      out.push({ kind: 'markdown', text: `**${ROUTE_LABEL[e.route]}**${where}\n\n`, icons: true });
      if (e.reasons.length) out.push({ kind: 'markdown', text: `${e.reasons.map((r) => `- ${inlineWithCode(r)}`).join('\n')}\n\n` });
      const red = Object.keys(e.redactions).length ? summarizeRedactions(e.redactions) : '';
      if (e.route === 'cloud') out.push({ kind: 'markdown', text: `*Privacy:* ${red ? inline(red) : 'nothing sensitive found'} · *estimate* ${formatEstimate(e.likelyCostUsd ?? null, e.estimatedCostUsd)}\n\n---\n\n` });
      else if (e.route === 'local') out.push({ kind: 'markdown', text: '*Privacy:* stays on this machine\n\n---\n\n' });
      // No progress part here: the Chat view folds everything before one into a collapsed "steps" row, badge included.
      return out;
    }
    case 'delta': return [{ kind: 'markdown', text: e.text }];
    // A streamed transcript cannot take back its wait line; the retry's answer that follows says it is over.
    case 'notice': return e.replaces ? [] : [{ kind: 'markdown', text: `\n\n> ${inline(e.text)}\n\n` }];
    case 'done': {
      const f = e.footer;
      const cost = f.route === 'local' ? `${formatUsd(f.costUsd ?? 0)} (local)` : f.costUsd === null ? 'unknown price' : formatCost(f.costUsd, f.usage.source === 'estimate');
      const tokens = `${f.usage.input + f.usage.cacheRead + cacheWritesOf(f.usage)} in / ${f.usage.output} out tokens${f.usage.source === 'estimate' ? ' (estimated)' : ''}`;
      const red = Object.keys(f.redactions).length ? ` · ${inline(summarizeRedactions(f.redactions))}` : '';
      const status = e.status === 'cancelled' ? ' · stopped' : e.status === 'failed' ? ' · failed' : '';
      const notes = f.notes.length ? `\n\n${f.notes.map((n) => `> ${inline(n)}`).join('\n')}` : '';
      return [{ kind: 'markdown', text: `\n\n---\n\n**Cost:** ${cost} · ${tokens} · ${formatMs(f.totalMs)}${red}${status}${notes}\n` }];
    }
    case 'error': {
      const out: ChatOut[] = answered ? [{ kind: 'markdown', text: `\n\n**${e.failure?.code === 'blocked' || !e.failure ? 'Not sent' : 'Failed'}:** ${inlineWithCode(e.message)}\n\n` }] : [];
      if (e.fixes.includes('setApiKey')) out.push({ kind: 'command', button: { title: 'Set API Key', command: 'hybrid.setApiKey' } });
      if (e.fixes.includes('retryLocal') && mode !== 'private') out.push({ kind: 'button', button: { title: 'Retry on local', mode: 'private' } });
      return out;
    }
    case 'escalation': {
      const detail = withoutScore(e.reason && !e.reason.startsWith(e.summary) ? `${e.summary} — ${e.reason}` : e.reason || e.summary);
      // No tooltip here: the setting the threshold comes from is named in the line when the reason does not name it.
      const setting = detail.includes(THRESHOLD_SETTING) ? '' : ` (${THRESHOLD_SETTING})`;
      const out: ChatOut[] = [{ kind: 'markdown', text: `\n\n> **${inline(e.headline)}**${setting} — ${inline(detail)}\n\n` }];
      if (e.action === 'offered' || e.action === 'available') {
        out.push({ kind: 'button', button: { title: askCloudTitle(e.askModel), mode: 'cloud',
          escalateFrom: { id: e.requestId, ...(e.band ? { band: e.band } : {}), ...(e.action === 'offered' ? { offered: true } : {}) } } });
      }
      return out;
    }
  }
}

/** The buttons every finished answer gets, after whatever the events offered. */
export function closingButtons(route: 'local' | 'cloud' | 'refuse' | undefined, mode: ChatMode, offered: ChatButton[], cloudBarred = false): ChatButton[] {
  const out = [...offered];
  const has = (m: ChatMode) => out.some((b) => b.mode === m);
  if (mode === 'explain') return out;
  // A sensitive local answer (the pipeline said the cloud is unavailable for it) gets no "Ask the cloud"; nor does a
  // question asked privately (`/private`, `/review`) whose answer failed before the pipeline could say so — one click
  // would have sent what the user chose to keep on this machine.
  const askedPrivately = mode === 'private' || mode === 'review';
  if (route === 'local' && !cloudBarred && !askedPrivately && !has('cloud')) out.push({ title: 'Ask the cloud', mode: 'cloud' });
  if (route === 'cloud' && !has('private')) out.push({ title: 'Retry on local', mode: 'private' });
  out.push({ title: 'Explain route', mode: 'explain' });
  return out;
}

/** A suggestion VS Code shows under the newest reply (ChatFollowup): `command` is the slash command, none for auto. */
export interface Followup { label: string; prompt: string; command?: Exclude<ChatMode, 'auto'> }

/**
 * Follow-ups for a finished `@hybrid` turn. A turn's buttons already offer the other routes and the route's
 * explanation, so the same offers again as follow-ups, in other words ("Why this route?" beside "Explain route",
 * a bare "Ask the cloud" beside "Ask the cloud (claude-sonnet-4-6)" that names its model and is linked to the local
 * answer), only doubled them. A stopped turn is the exception: VS Code drops what is written after Stop, buttons
 * included, but still asks for follow-ups — the one place the reply can say it was stopped, and offer it again.
 */
export function followupsFor(meta: Partial<TurnMeta> | undefined): Followup[] {
  if (!meta?.question || meta.stopped !== true) return [];
  const begun = typeof meta.answer === 'string' && meta.answer.trim().length > 0;
  const command = meta.mode && meta.mode !== 'auto' ? { command: meta.mode } : {};
  return [{ label: `Stopped ${begun ? 'part-way' : 'before the answer began'} — ask again`, prompt: meta.question, ...command }];
}

/** The query that re-asks `question` in `mode` through the participant. */
export function participantQuery(participant: string, mode: ChatMode, question: string): string {
  return `@${participant} ${mode === 'auto' ? '' : `/${mode} `}${question}`;
}

/** What `@hybrid` remembers of a finished turn (ChatResult.metadata): enough for history, follow-ups and buttons. */
export interface TurnMeta {
  question: string; mode: ChatMode; route?: 'local' | 'cloud' | 'refuse'; answer: string; cloudBarred?: boolean;
  /** A local model wrote part of the answer (an escalated draft, a fallback): the turn never goes to the cloud. */
  keptLocal?: boolean;
  /** The answer broke off (the model failed part-way) or was stopped: its words are not history, as in our chat view. */
  incomplete?: boolean;
  /** The user pressed Stop: the next reply says so (VS Code shows nothing written to a reply after its Stop). */
  stopped?: boolean;
}

export type PastTurn = { kind: 'request'; prompt: string } | { kind: 'response'; meta: Partial<TurnMeta> | undefined };

/**
 * The line a reply opens with when the `@hybrid` reply just before it was stopped. VS Code's Chat drops whatever a
 * participant writes after Stop, and strips a stopped result's errorDetails (it keeps only the metadata), so the
 * stopped reply cannot say it is incomplete; and its words are not history, which a user asking "go on" must know.
 */
export function afterStoppedNote(turns: readonly PastTurn[]): string | undefined {
  const last = [...turns].reverse().find((t) => t.kind === 'response');
  if (last?.kind !== 'response' || last.meta?.stopped !== true) return undefined;
  const begun = typeof last.meta.answer === 'string' && last.meta.answer.trim().length > 0;
  return `> *The previous answer was stopped ${begun ? 'part-way' : 'before it began'}: ${begun ? 'it is incomplete, and neither it nor its question is' : 'its question is not'} sent with this one.*\n\n`;
}

/**
 * Earlier `@hybrid` turns as model history. A turn any local model answered is marked local, with the question
 * that asked it, so it never goes to the cloud, and so is a turn asked privately: a turn whose last route was the
 * cloud may still carry a local draft (automatic escalation appends the cloud's answer to it). Explain previews never
 * reached a model; an answer that broke off or was stopped goes with its question (a cut answer sent back reads to
 * the model as complete), and so does a turn with no answer text.
 */
export function historyOfTurns(turns: readonly PastTurn[]): ChatTurn[] {
  const out: ChatTurn[] = [];
  for (const t of turns) {
    if (t.kind === 'request') { out.push({ role: 'user', content: t.prompt }); continue; }
    const meta = t.meta;
    // No answer text (refused, failed or stopped before it began): an empty assistant turn is an API error at
    // Anthropic, and a refused question rode along as history on the next request.
    if (!meta || typeof meta.answer !== 'string' || !meta.answer.trim() || meta.mode === 'explain' || meta.incomplete === true || meta.stopped === true) {
      if (out.at(-1)?.role === 'user') out.pop();
      continue;
    }
    // A turn asked privately (`/private`, `/review`) stays local even when it never got a route (it failed first).
    const local = meta.route === 'local' || meta.keptLocal === true || meta.mode === 'private' || meta.mode === 'review';
    out.push({ role: 'assistant', content: meta.answer, ...(local ? { local: true } : {}) });
    if (local) { const q = out.at(-2); if (q?.role === 'user') q.local = true; }
  }
  return out;
}
