// The plain data that flows through the pipeline: Request → Labels → Decision → stream → ledger record.
// No behaviour here; every layer imports these names.

export type Kind = 'completion' | 'ask' | 'review' | 'explain';
export type Origin = 'inline' | 'askCloud' | 'askPrivate' | 'askAuto' | 'review' | 'explainRoute';
export type Route = 'local' | 'cloud' | 'refuse';

/** One piece of editor context attached to a request. Paths are workspace-relative when possible. */
export interface ContextItem {
  source: 'selection' | 'visible' | 'file' | 'open' | 'snippet';
  text: string;
  path?: string;
  language?: string;
  /** 1-based inclusive line range of `text` inside the file, when known. */
  startLine?: number;
  endLine?: number;
  /**
   * Set when the whole file this item comes from is private (a path rule, `.aiignore`, or a proprietary marker
   * anywhere in it, not only in `text`): nothing from it goes to the cloud. Set by classify/filePrivacy.ts.
   */
  privateFile?: { kind: 'path' | 'marker' | 'unscannable'; reason: string };
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  /** This exchange was answered by the local model: it stays local and is never sent to the cloud as history. */
  local?: boolean;
  /** Assistant turns of an agent loop: the tools the model asked to run. */
  toolCalls?: ToolCall[];
  /** User turns of an agent loop: what those tools returned (cloud-bound content like any other context). */
  toolResults?: ToolResult[];
}

/** A tool the model may call (passed through from the editor's agent). `inputSchema` is JSON Schema. */
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema?: object;
}

/** `input` is the JSON text of the arguments, so the egress gate scans exactly what is sent. */
export interface ToolCall {
  id: string;
  name: string;
  input: string;
}

export interface ToolResult {
  callId: string;
  content: string;
  /** The workspace file the tool read, when known: judged by the same private-path rules as attached files. */
  path?: string;
  /**
   * Every other file the call's arguments name (a shell command's operands, a nested or listed path): a terminal
   * `cat private/plan.md` reads a file no `filePath` names. Judged like `path`; never sent.
   */
  mentions?: string[];
  /** Set when the whole file the tool read is private (a marker outside the lines read): nothing of it leaves. */
  privateFile?: { kind: 'path' | 'marker' | 'unscannable'; reason: string };
}

export interface Request {
  id: string;
  kind: Kind;
  origin: Origin;
  question: string;
  context: ContextItem[];
  /** Earlier turns of the same chat thread (they pass the egress gate again when they go to the cloud). */
  history?: ChatTurn[];
  /** An agent loop after the question: the model's tool calls and the tools' results, in order. */
  steps?: ChatTurn[];
  /** A fallback attempt has its own id; this is the id of the first attempt of the same question. */
  attemptOf?: string;
  /** A cloud escalation of the local answer with this ledger id. */
  escalatedFrom?: string;
}

export type FindingCategory = 'secret' | 'pii' | 'path' | 'marker' | 'unscannable';

/** A sensitive span. Never carries the matched value: only where it is and what it is. */
export interface Finding {
  kind: string;
  category: FindingCategory;
  /** Offsets into the scanned text (end exclusive). */
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** Human label, e.g. "AWS access key". */
  label?: string;
}

export interface Labels {
  kind: Kind;
  /** 0..1, higher = needs a stronger (cloud) model. */
  complexity: number;
  /** Why the classifier scored it so, readable by users. */
  signals: string[];
  findings: Finding[];
  /** Context paths that match a private glob / .aiignore / deny-list, or whose file is private as a whole. */
  privatePaths: string[];
  /** For a path in `privatePaths` whose file is private by its content (a marker elsewhere in it): why, in words. */
  privateReasons?: Record<string, string>;
  /** For a path in `privatePaths` made private by a path rule: the rule, where it lives and how to change it. */
  privatePathRules?: Record<string, string>;
}

export interface Decision {
  route: Route;
  reasons: string[];
  /** Set when the user must confirm before the request goes out (budget `confirm`, confirmAboveUsd). */
  needsConfirmation?: string;
  /** Automatic Ask only: which complexity band the question fell in ("middle" = local first, cloud when unsure). */
  band?: 'low' | 'middle' | 'high';
  /** Cloud routes: which cloud tier serves it (absent = frontier, `hybrid.cloud.model`). */
  tier?: 'frontier' | 'light';
  /** Sent to the cloud only because the private tier could not take it: down, or saturated (team overflow). */
  fallback?: CloudFallback;
}

export type CloudFallback = 'localDown' | 'overflow';

export type UsageSource = 'provider' | 'estimate';

export interface Usage {
  input: number;
  output: number;
  cacheRead: number;
  /** Cache writes billed at the 5-minute rate (and writes whose duration the provider did not say). */
  cacheWrite: number;
  /** Cache writes billed at the 1-hour rate (Anthropic `cache_creation.ephemeral_1h_input_tokens`). */
  cacheWrite1h?: number;
  /** Of `input`, the audio tokens (OpenAI `prompt_tokens_details.audio_tokens`): billed at the model's audio price. */
  audioInput?: number;
  /** Of `output`, the audio tokens (OpenAI `completion_tokens_details.audio_tokens`). */
  audioOutput?: number;
  /** Of `input`, the uncached image tokens (`input_tokens_details.image_tokens`): billed at the model's image price. */
  imageInput?: number;
  /** Of `cacheRead`, the audio tokens (`cached_tokens_details.audio_tokens`): billed at the model's cached-audio price. */
  audioCacheRead?: number;
  /** Cached image tokens: a part of cacheRead with their own price (the realtime models). */
  imageCacheRead?: number;
  /** Web searches the provider ran (Anthropic `server_tool_use.web_search_requests`): billed per search, a fee the
   * price table does not have, so the cost is the tokens' only and says so. */
  webSearches?: number;
  /** A service tier the API reported other than the standard one (flex, priority): its prices are not in the table. */
  serviceTier?: string;
  source: UsageSource;
}

export interface Timing {
  ttftMs: number | null;
  totalMs: number;
}

export type Finish = 'stop' | 'length' | 'cancelled' | 'error';

/** Budget position, computed by the spend model and fed to the router. */
export interface BudgetState {
  level: 'none' | 'ok' | 'near' | 'exceeded'; // none = no budget set; near = ≥ 80 %; exceeded = ≥ 100 %
  spentTodayUsd: number;
  spentMonthUsd: number;
  dailyUsd: number;   // 0 = no daily budget
  monthlyUsd: number; // 0 = no monthly budget
}

/** Provider health, fed to the router so "local is down" is a routing input, not a crash. */
export interface HealthState {
  local: 'ready' | 'offline' | 'modelMissing' | 'notLocal' | 'unknown';
  cloud: 'ready' | 'noKey' | 'unknown';
}

export type RecordStatus = 'ok' | 'failed' | 'cancelled';

/** One ledger line. Never holds prompt text, file contents or keys. */
export interface LedgerRecord {
  v: 1;
  /** One id per attempt: a fallback is a second record, never a replay of the first. */
  id: string;
  /** For a fallback attempt: the id of the first attempt of the same question. */
  attemptOf?: string;
  /** ISO-8601 UTC time the request started. */
  time: string;
  origin: Origin;
  kind: Kind;
  route: Route;
  provider: string;
  model: string;
  tokens: Usage;
  /** USD; null = unknown model (never a silent 0). Local requests: costPerHour × inference time. */
  costUsd: number | null;
  /** What the same tokens would have cost on the configured cloud model (for "saved vs all-cloud"). */
  cloudEquivalentUsd?: number | null;
  /** Set when a gateway reported its own cost (then `costUsd` is the gateway's bill): our price table's figure. */
  tableCostUsd?: number | null;
  ttftMs: number | null;
  totalMs: number;
  status: RecordStatus;
  /** For completions: shown / accepted / dropped; for failures: the failure code. */
  outcome?: string;
  reasons: string[];
  /** Redaction counts by finding kind, e.g. {"aws-access-key-id": 1, "email": 2}. */
  redactions?: Record<string, number>;
  /** Inline completion suggestion records: the editor's language id (never any text of the file). */
  language?: string;
  /** Set on a cloud escalation: the id of the local answer's record it escalated from. */
  escalatedFrom?: string;
  /** A cloud request made only because the private tier was down or saturated (spend panel: what fallbacks cost). */
  fallback?: CloudFallback;
}
