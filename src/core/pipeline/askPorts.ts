// The ask pipeline's shapes: the one port record the host fills in (AskPorts), the core rules bound to it
// (AskPolicy, deps.ts), what runAsk receives (AskDeps = both) and its input. Kept apart from ask.ts so the escalation
// steps and the builder import the shapes, not the pipeline.

import type { LogprobSupport } from '../confidence';
import type { BudgetState, ChatTurn, ContextItem, Decision, HealthState, Kind, Labels, LedgerRecord, Origin, Request, Route, ToolSpec, Usage } from '../request';
import type { PathPolicy } from '../privacy/paths';
import type { HybridSettings } from '../settings';
import type { PriceTable } from '../spend';
import type { PreflightEstimate } from '../spend/preflight';
import type { SemanticRouter } from '../task/semanticRouter';
import type { SealedChatBody } from '../wire/seal';
import type { ChatBody, ChatProvider } from '../wire/types';

/** "Ask the cloud" on an earlier local answer. */
export interface EscalateFrom {
  /** Ledger id of the local answer being escalated. */
  id: string;
  band?: Decision['band'];
  /** The button was the low-confidence offer: taking it runs the escalation that was offered, on the offered tier. */
  offered?: boolean;
}

export type GateOutcome =
  | { ok: true; body: SealedChatBody; redactions: Record<string, number>; redactedCount: number }
  | { ok: false; reason: string; kinds: Record<string, number> };

/** What the host provides: settings, state and I/O. Declared once; deps.ts binds the core rules to it. */
export interface AskPorts {
  settings: HybridSettings;
  pathPolicy: PathPolicy;
  /** The workspace folders' absolute paths (the egress gate reads paths typed relative to the folder above one). */
  workspaceRoots?: readonly string[];
  priceTable: PriceTable;
  budget(): BudgetState;
  health(): HealthState;
  local(): ChatProvider;
  /** undefined when no API key is available. */
  cloud(): Promise<ChatProvider | undefined>;
  /** `model`: whose tokenizer to count with (the one that answered, for a labelled estimate); else the adapter's default. */
  countTokens(text: string, model?: string): Promise<number>;
  record(record: LedgerRecord): Promise<void>;
  /** The record to keep if the window dies before this cloud answer's own record(): that record() supersedes it. */
  pending?(record: LedgerRecord): void;
  confirm(message: string): Promise<boolean>;
  newId(): string;
  now?(): number;
  /** What each local server + model showed about log-probabilities (the extension host's one); a fresh one otherwise. */
  logprobs?: LogprobSupport;
  /** "the private tier is saturated: …" when recent local answers start slower than the overflow threshold. */
  localPressure?(): string | undefined;
  /** Local-embedding second opinion for uncertain scores (providers/embed.ts); absent: rules only. */
  semantic?: SemanticRouter;
  /** This user's answer lengths (the spend model's history); without it, the defaults. */
  expectedOutput?(route: Route, kind: Exclude<Kind, 'completion'>): { tokens: number; basis: 'history' | 'default' };
}

/** The core rules runAsk applies, bound by deps.ts to the ports' settings, path rules and prices. */
export interface AskPolicy {
  classify(request: Request): Labels;
  /** The semantic router's second opinion on an uncertain score (local embeddings only); absent: rules only. */
  refine?(request: Request, labels: Labels, signal?: AbortSignal): Promise<Labels>;
  /** estimatedCostUsd null: the cloud model has no known price (the router asks rather than count it $0). */
  decide(request: Request, labels: Labels, budget: BudgetState, health: HealthState, estimatedCostUsd?: number | null): Decision;
  /** `privateFiles`: paths of context items whose whole file is private; the gate blocks them whatever the text says. */
  gate(body: ChatBody, contextPaths: string[], privateFiles?: string[]): GateOutcome;
  contextWindow(model: string): number | undefined;
  price(model: string, usage: Usage): number | undefined;
  /** Likely and at-most cost of a cloud request before it is sent (spend/preflight.ts). */
  preflight(model: string, promptTokens: number, kind: AskInput['kind'], maxOutputTokens: number): PreflightEstimate | undefined;
  /** The ledger's cost fields for an ended request (spend/cost.ts requestCost: the one pricing seam). */
  cost(route: 'local' | 'cloud', model: string, usage: Usage, totalMs: number, requestedModel?: string): { costUsd: number | null; cloudEquivalentUsd?: number | null };
}

/** What runAsk touches: the host's ports (defaults filled in) and the rules bound to them. */
export type AskDeps = Omit<AskPorts, 'pathPolicy' | 'priceTable' | 'semantic' | 'expectedOutput' | 'now' | 'logprobs'>
  & AskPolicy & { now(): number; logprobs: LogprobSupport };

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

