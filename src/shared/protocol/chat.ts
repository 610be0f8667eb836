// Messages between the extension host and the chat view. The webview bundle imports this file, so it imports only
// ./common: the shapes re-declare, structurally, the core types the chat renders (AskEvent, AnswerFooter). Messages
// from the webview arrive as `unknown` and pass `isFromChat` before the host acts on them.

import { LIMITS, assertNever, isObj, isSafeLink, oneOf, onlyKeys, requestId, str } from './validate';
import type { RouteName, UsageView } from './coreViews';

export type { RouteName, UsageView } from './coreViews';

export type AskModeName = 'auto' | 'private' | 'cloud';
export const ASK_MODES: readonly AskModeName[] = ['auto', 'private', 'cloud'];
/** A thread turn's mode: what the user picked, or which palette command produced it. */
export type TurnMode = AskModeName | 'review' | 'explain';
export type FixName = 'setApiKey' | 'startOllama' | 'pullModel' | 'openSettings' | 'retry' | 'retryLocal' | 'showLogs';
export const FIX_NAMES: readonly FixName[] =
  ['setApiKey', 'startOllama', 'pullModel', 'openSettings', 'retry', 'retryLocal', 'showLogs'];

export interface ContextView {
  path: string;
  startLine: number;
  endLine: number;
  trimmed: boolean;
}

export interface FooterView {
  route: RouteName;
  provider: string;
  model: string;
  reasons: string[];
  redactions: Record<string, number>;
  usage: UsageView;
  costUsd: number | null;
  ttftMs: number | null;
  totalMs: number;
  notes: string[];
}

export interface FailureView {
  code: string;
  message: string;
  fix?: FixName;
  fixDetail?: string;
  status?: number;
  retryAfterMs?: number;
}

export interface RouteEventView {
  type: 'route';
  route: RouteName;
  origin: string;
  model: string;
  provider: string;
  reasons: string[];
  context: ContextView[];
  redactions: Record<string, number>;
  /** At most (a full-length answer). */
  estimatedCostUsd: number | null;
  /** Likely (the user's median answer length); absent from older hosts. */
  likelyCostUsd?: number | null;
}

/** A local answer's confidence and what happened about the cloud (see core/pipeline/escalation.ts). */
export interface EscalationView {
  type: 'escalation';
  requestId: string;
  band?: 'low' | 'middle' | 'high';
  confidence: number;
  /** Absent on turns saved before the score was shown against its threshold. */
  threshold?: number;
  headline?: string;
  thresholdTip?: string;
  summary: string;
  action: 'escalated' | 'offered' | 'available' | 'unavailable';
  /** The cloud model "Ask the cloud" would ask (offered: the tier the offer named; available: the frontier model). */
  askModel?: string;
  reason: string;
  /** The user took the action: its answer is the Cloud turn below, and a second click must not ask (and bill) again. */
  taken?: boolean;
}

/** The cloud answer that followed an automatic escalation, shown under the local one. */
export interface EscalatedAnswerView {
  route?: RouteEventView;
  text: string;
  footer?: FooterView;
  error?: { message: string; fixes: FixName[]; failure?: FailureView };
}

export type AskEventView =
  | EscalationView
  | RouteEventView
  | { type: 'delta'; text: string }
  | { type: 'notice'; text: string; replaces?: string }
  | { type: 'done'; status: 'ok' | 'cancelled' | 'failed'; footer: FooterView }
  | { type: 'error'; message: string; fixes: FixName[]; failure?: FailureView };

export type TurnStatus = 'streaming' | 'ok' | 'cancelled' | 'failed';

/** One question and its answer as the chat view shows it; the host keeps these so the thread outlives the view. */
export interface TurnView {
  id: string;
  question: string;
  mode: TurnMode;
  route?: RouteEventView;
  text: string;
  notices: string[];
  footer?: FooterView;
  error?: { message: string; fixes: FixName[]; failure?: FailureView };
  status: TurnStatus;
  /** Set after a local answer: confidence, and the "Ask the cloud" action's state. */
  escalation?: EscalationView;
  /** The cloud's answer after an automatic escalation; events after `escalated` land here. */
  escalated?: EscalatedAnswerView;
}

export type LocalHealthName = 'ready' | 'offline' | 'modelMissing' | 'notLocal' | 'unknown';

/** What the empty state and the header tell the user about their set-up. */
export interface ChatStatus {
  localHealth: LocalHealthName;
  localModel: string;
  cloudProvider: string;
  cloudKeySet: boolean;
  /** The model Cloud questions go to now (hybrid.cloud.model, or the provider's default when it is empty). */
  cloudModel?: string;
  demo: boolean;
}

/** Folds one event into a turn. Host and webview both use it, so their copies of the thread agree. */
export function applyAskEvent(turn: TurnView, event: AskEventView): void {
  if (event.type === 'escalation') {
    turn.escalation = event;
    // The turn goes on: until the cloud's part ends it shows progress (it looked finished while the cloud was
    // still retrying, and its error then appeared seconds later under a settled answer).
    if (event.action === 'escalated') { turn.escalated = { text: '' }; turn.status = 'streaming'; }
    return;
  }
  if (turn.escalated) return applyEscalatedEvent(turn, turn.escalated, event);
  switch (event.type) {
    case 'route':
      // A route after an error starts the next attempt (a fallback): the turn shows that attempt's answer, and
      // the fallback's notice (already in `notices`) says why the first one failed.
      if (turn.error) { turn.error = undefined; turn.text = ''; turn.footer = undefined; turn.status = 'streaming'; }
      turn.route = event;
      break;
    case 'delta': turn.text += event.text; break;
    case 'notice': addNotice(turn.notices, event); break;
    case 'done':
      turn.footer = event.footer;
      // An error event already decided the outcome; a trailing `done` only adds the footer. A failed `done` comes
      // before the error that explains it, as a separate message: ending the turn here showed a finished partial
      // answer without its card until that message landed (CI saw it). The error, or the turn's end, ends it.
      if (turn.status === 'streaming' && event.status !== 'failed') turn.status = event.status;
      break;
    case 'error':
      turn.error = { message: event.message, fixes: event.fixes, failure: event.failure };
      turn.status = 'failed';
      break;
    default: assertNever(event);
  }
}

function applyEscalatedEvent(turn: TurnView, e: EscalatedAnswerView, event: Exclude<AskEventView, EscalationView>): void {
  switch (event.type) {
    case 'route': e.route = event; break;
    case 'delta': e.text += event.text; break;
    case 'notice': addNotice(turn.notices, event); break;
    case 'done':
      e.footer = event.footer;
      // The local answer stands whatever became of the cloud's part (a failure shows in its block).
      if (turn.status === 'streaming') turn.status = event.status === 'cancelled' ? 'cancelled' : 'ok';
      break;
    // The local answer stands; only the escalated part failed.
    case 'error': e.error = { message: event.message, fixes: event.fixes, failure: event.failure }; break;
    default: assertNever(event);
  }
}

export function newTurn(id: string, question: string, mode: TurnMode): TurnView {
  return { id, question, mode, text: '', notices: [], status: 'streaming' };
}

// ---------------------------------------------------------------------------------------------------------------
// Chat view messages

export type ToChat =
  /** The whole thread; sent after every `ready`, and after "New chat". */
  /** `reveal`: the turn a palette command just started (the page scrolls it into view). */
  | { type: 'snapshot'; turns: TurnView[]; busy: boolean; status: ChatStatus | null; reveal?: string }
  | { type: 'turnStart'; turn: TurnView }
  | { type: 'event'; turnId: string; event: AskEventView }
  /** The host stopped reading the stream (finished, stopped, or failed). */
  | { type: 'turnEnd'; turnId: string; status: TurnStatus }
  | { type: 'status'; status: ChatStatus }
  | { type: 'reply'; id: number; ok: boolean; error?: string }
  /** What a question sent now would carry from the editor, in words ("src/cart.ts: lines 3–9 (selection)"). */
  | { type: 'editorContext'; label: string }
  /** Files the user picked to add to the next question (workspace-relative paths). */
  | { type: 'filesPicked'; paths: string[] }
  /** An `ask` the host did not start (another answer was running): the page puts it back in the box, says why. */
  | { type: 'notSent'; question: string; files?: string[]; reason: string };

export type FromChat =
  | { type: 'ready' }
  /** `files`: workspace files the user added to this question (picker or `#file:path`). */
  | { type: 'ask'; question: string; mode: AskModeName; files?: string[] }
  /** Opens the host's file picker; the answer is a `filesPicked`. */
  | { type: 'pickFiles' }
  | { type: 'stop' }
  | { type: 'newChat' }
  /** "Ask the cloud" on a local answer: the same question and context go to the cloud; the answer never does. */
  | { type: 'askCloud'; turnId: string }
  /** `turnId` names the failed turn for retry / retryLocal; the empty state's buttons send none. */
  | { type: 'fix'; action: FixName; turnId?: string; detail?: string }
  | { type: 'copy'; text: string }
  /** Needs an answer (no editor open → error shown next to the button). */
  | { type: 'insert'; id: number; code: string }
  | { type: 'openLink'; url: string }
  /** Re-asks a turn's question without some of the context it carried (paths as listed in its route context). */
  | { type: 'askWithout'; turnId: string; paths: string[] };

// ---------------------------------------------------------------------------------------------------------------
// Validators (the trust boundary: a webview can post anything)

const TURN_ID = /^[A-Za-z0-9_-]+$/;
/** What a fix button may carry: the setting it opens (ours only), the model a pull names; other fixes carry nothing. */
const FIX_DETAIL: Partial<Record<FixName, RegExp>> = { openSettings: /^hybrid(\.[A-Za-z][\w]*){0,4}$/, pullModel: /^(ollama pull )?[A-Za-z0-9][\w.:/-]*$/ };

function fixDetailOk(action: FixName, detail: unknown): boolean {
  return str(detail, LIMITS.detail, 1) && FIX_DETAIL[action]?.test(detail) === true;
}
const MAX_WITHOUT_PATHS = 100;
/** Files one question may add: enough for a real question, small enough that a forged list cannot flood the host. */
export const MAX_ADDED_FILES = 20;

export function isFromChat(x: unknown): x is FromChat {
  if (!isObj(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'pickFiles':
    case 'stop':
    case 'newChat':
      return onlyKeys(x, ['type']);
    case 'ask':
      return onlyKeys(x, ['type', 'question', 'mode', 'files'])
        && str(x.question, LIMITS.question, 1) && x.question.trim().length > 0 && oneOf(x.mode, ASK_MODES)
        && (x.files === undefined || (Array.isArray(x.files) && x.files.length <= MAX_ADDED_FILES
          && x.files.every((p) => str(p, LIMITS.detail, 1))));
    case 'askCloud':
      return onlyKeys(x, ['type', 'turnId']) && str(x.turnId, LIMITS.id, 1) && TURN_ID.test(x.turnId);
    case 'fix':
      return onlyKeys(x, ['type', 'action', 'turnId', 'detail'])
        && oneOf(x.action, FIX_NAMES)
        && (x.turnId === undefined || (str(x.turnId, LIMITS.id, 1) && TURN_ID.test(x.turnId)))
        && (x.detail === undefined || fixDetailOk(x.action, x.detail));
    case 'copy':
      return onlyKeys(x, ['type', 'text']) && str(x.text, LIMITS.code, 1);
    case 'insert':
      return onlyKeys(x, ['type', 'id', 'code']) && requestId(x.id) && str(x.code, LIMITS.code, 1);
    case 'openLink':
      return onlyKeys(x, ['type', 'url']) && str(x.url, LIMITS.url, 1) && isSafeLink(x.url);
    case 'askWithout':
      return onlyKeys(x, ['type', 'turnId', 'paths'])
        && str(x.turnId, LIMITS.id, 1) && TURN_ID.test(x.turnId)
        && Array.isArray(x.paths) && x.paths.length >= 1 && x.paths.length <= MAX_WITHOUT_PATHS
        && x.paths.every((p) => str(p, LIMITS.detail, 1));
    default:
      return false;
  }
}

export const NOT_SENT_BUSY = 'Not sent: another answer was still running. Your question is back in the box; press Enter when that answer ends, or Stop it first.';

const TO_CHAT_TYPES: readonly ToChat['type'][] = ['snapshot', 'turnStart', 'event', 'turnEnd', 'status', 'reply', 'editorContext', 'filesPicked', 'notSent'];

/** The host is trusted; the webview still checks the envelope so a stray message cannot crash the renderer. */
export function isToChat(x: unknown): x is ToChat {
  return isObj(x) && oneOf(x.type, TO_CHAT_TYPES);
}

/** A notice that supersedes an earlier one (a wait that is over) takes its place; any other is added. */
function addNotice(notices: string[], event: { text: string; replaces?: string }): void {
  const at = event.replaces === undefined ? -1 : notices.lastIndexOf(event.replaces);
  if (at >= 0) notices[at] = event.text;
  else notices.push(event.text);
}
