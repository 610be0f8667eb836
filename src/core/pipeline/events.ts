// What one Ask/Review/Explain run reports while it happens. The chat view renders these in order;
// the same sequence drives the integration tests.

import type { FixAction, ProviderFailure } from '../wire/types';
import type { Origin, Route, ToolCall, Usage } from '../request';

export interface AttachedContext {
  path: string;          // workspace-relative path, or "untitled"
  startLine: number;     // 1-based
  endLine: number;
  trimmed: boolean;      // true when cut to fit the model's context window
}

export type AskEvent =
  /** Routing is decided; nothing has been sent yet. */
  | { type: 'route'; route: Route; origin: Origin; model: string; provider: string; reasons: string[];
      context: AttachedContext[]; redactions: Record<string, number>;
      /** At most: the prompt plus a full-length answer (what budgets and confirmAboveUsd check). */
      estimatedCostUsd: number | null;
      /** Likely: the prompt plus this user's median answer length for the route and kind. */
      likelyCostUsd?: number | null }
  /** A streamed text delta of the answer (markdown). */
  | { type: 'delta'; text: string }
  /** A non-fatal fact, e.g. "cloud failed (503), answered by the local model instead". */
  /** `replaces`: the text of an earlier notice this one supersedes (a wait that is over). */
  | { type: 'notice'; text: string; replaces?: string }
  /** The answer finished (ok, cancelled, or failed part-way). */
  | { type: 'done'; status: 'ok' | 'cancelled' | 'failed'; footer: AnswerFooter;
      /** The model asked the editor's agent to run these tools (model-picker requests only). */
      toolCalls?: ToolCall[] }
  /** The request could not be made or failed; `fixes` are the buttons the UI offers. */
  | { type: 'error'; message: string; fixes: FixAction[]; failure?: ProviderFailure }
  /** After a local answer: its confidence, and whether the cloud was asked, is offered, or cannot be. */
  | EscalationEvent;

export interface EscalationEvent {
  type: 'escalation';
  /** Ledger id of the local answer, for a manual "Ask the cloud" (`escalatedFrom`). */
  requestId: string;
  band?: 'low' | 'middle' | 'high';
  confidence: number;
  /** hybrid.routing.escalationThreshold when the answer was scored. */
  threshold: number;
  /** "Stays local: confidence 0.30 (cloud below 0.70)": every surface shows the score this way. */
  headline: string;
  /** What the scale and the threshold mean, naming the setting (the headline's tooltip). */
  thresholdTip: string;
  summary: string;
  action: 'escalated' | 'offered' | 'available' | 'unavailable';
  /** The cloud model "Ask the cloud" would ask (offered: the tier the offer named; available: the frontier model). */
  askModel?: string;
  /** Readable: why it escalated / is offered, or why "Ask the cloud" is unavailable. */
  reason: string;
}

export interface AnswerFooter {
  route: Route;
  provider: string;
  model: string;
  reasons: string[];
  redactions: Record<string, number>;
  usage: Usage;
  costUsd: number | null;  // null = unknown price
  ttftMs: number | null;
  totalMs: number;
  notes: string[];
}

/** Ask-mode as the user chose it (palette command or chat-view selector). */
export type AskMode = 'auto' | 'private' | 'cloud';
