// The ask pipeline's one port record (AskDeps: everything runAsk touches, built by deps.ts from AskParts) and its
// input. Kept apart from ask.ts so the escalation steps and the builder import the shapes, not the pipeline.

import type { LogprobSupport } from '../confidence';
import type { BudgetState, ChatTurn, ContextItem, Decision, HealthState, Kind, Labels, LedgerRecord, Origin, Request, ToolSpec, Usage } from '../request';
import type { HybridSettings } from '../settings';
import type { PreflightEstimate } from '../spend/preflight';
import type { SealedChatBody } from '../wire/seal';
import type { ChatBody, ChatProvider } from '../wire/types';

/** "Ask the cloud" on an earlier local answer. */
export interface EscalateFrom {
  /** Ledger id of the local answer being escalated. */
  id: string;
  band?: Decision['band'];
}

export type GateOutcome =
  | { ok: true; body: SealedChatBody; redactions: Record<string, number>; redactedCount: number }
  | { ok: false; reason: string; kinds: Record<string, number> };

export interface AskDeps {
  settings: HybridSettings;
  /** What each local server + model showed about log-probabilities, learned for the life of the extension host. */
  logprobs: LogprobSupport;
  classify(request: Request): Labels;
  /** "the private tier is saturated: …" when recent local answers start slower than the overflow threshold. */
  localPressure?(): string | undefined;
  /** The semantic router's second opinion on an uncertain score (local embeddings only); absent: rules only. */
  refine?(request: Request, labels: Labels, signal?: AbortSignal): Promise<Labels>;
  /** estimatedCostUsd null: the cloud model has no known price (the router asks rather than count it $0). */
  decide(request: Request, labels: Labels, budget: BudgetState, health: HealthState, estimatedCostUsd?: number | null): Decision;
  /** `privateFiles`: paths of context items whose whole file is private; the gate blocks them whatever the text says. */
  gate(body: ChatBody, contextPaths: string[], privateFiles?: string[]): GateOutcome;
  budget(): BudgetState;
  health(): HealthState;
  local(): ChatProvider;
  /** undefined when no API key is available. */
  cloud(): Promise<ChatProvider | undefined>;
  countTokens(text: string): Promise<number>;
  contextWindow(model: string): number | undefined;
  price(model: string, usage: Usage): number | undefined;
  /** Likely and at-most cost of a cloud request before it is sent (spend/preflight.ts). */
  preflight(model: string, promptTokens: number, kind: AskInput['kind'], maxOutputTokens: number): PreflightEstimate | undefined;
  /** The ledger's cost fields for an ended request (spend/cost.ts requestCost: the one pricing seam). */
  cost(route: 'local' | 'cloud', model: string, usage: Usage, totalMs: number, requestedModel?: string): { costUsd: number | null; cloudEquivalentUsd?: number | null };
  record(record: LedgerRecord): Promise<void>;
  confirm(message: string): Promise<boolean>;
  now(): number;
  newId(): string;
}

export interface AskInput {
  origin: Origin;
  kind: Exclude<Kind, 'completion'>;
  question: string;
  context: ContextItem[];
  history?: ChatTurn[];
  /** Explain Route: decide and report, send nothing. */
  dryRun?: boolean;
  /** Lines for the route reasons from whoever added context, e.g. "attached a repo map of 142 files, 1,480 tokens". */
  contextNotes?: string[];
  /** Context paths the user removed ("Ask again without …"): nothing from them is attached. */
  excludePaths?: string[];
  /** "Ask the cloud" on an earlier local answer: the same question and context, to the cloud. */
  escalateFrom?: EscalateFrom;
  /** An editor agent's tools, passed through to the model; the answer may end in tool calls (`done.toolCalls`). */
  tools?: ToolSpec[];
  /** The agent loop so far after the question: tool calls and their results (judged like context). */
  steps?: ChatTurn[];
}

