// Every `hybrid.*` setting, its type and its default, in one place. The VS Code adapter reads raw values and
// passes them through `normalizeSettings`, so malformed user settings fall back to defaults with a warning
// instead of breaking a feature. A unit test checks these keys against package.json.
import { defaultCloudModel } from './cloudDefaults';
import { readPricing } from './pricingSetting';

export type LocalProviderKind = 'ollama' | 'openai-compatible';
export type CloudProviderKind = 'anthropic' | 'openai';
export type OnCloudFindings = 'redact' | 'block';
export type OnBudgetExceeded = 'local' | 'confirm' | 'block';
export type CodebaseContextMode = 'auto' | 'off';
export type EscalationMode = 'auto' | 'offer' | 'off';

export interface PriceOverride {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
  contextWindow?: number;
}

export interface HybridSettings {
  'local.provider': LocalProviderKind;
  'local.baseUrl': string;
  'local.completionModel': string;
  'local.chatModel': string;
  'local.keepAlive': string;
  'local.numCtx': number;
  'local.costPerHour': number;
  'local.hardwareUsd': number;
  'local.amortizationMonths': number;
  'local.watts': number;
  'local.usdPerKwh': number;
  'local.hoursOnPerDay': number;
  'local.idleWatts': number;
  'cloud.provider': CloudProviderKind;
  'cloud.model': string;
  'cloud.lightModel': string;
  'anthropic.baseUrl': string;
  'openai.baseUrl': string;
  'timeouts.localFirstByteMs': number;
  'timeouts.cloudFirstByteMs': number;
  'timeouts.idleMs': number;
  'timeouts.localLoadMs': number;
  'privacy.onCloudFindings': OnCloudFindings;
  'privacy.privateGlobs': string[];
  'privacy.trustedHosts': string[];
  'privacy.markers': string[];
  'routing.complexityThreshold': number;
  'routing.localBelow': number;
  'routing.escalation': EscalationMode;
  'routing.escalationThreshold': number;
  'routing.embeddingModel': string;
  'budget.dailyUsd': number;
  'budget.monthlyUsd': number;
  'budget.onExceeded': OnBudgetExceeded;
  'confirmAboveUsd': number;
  'fallback.localToCloud': boolean;
  'fallback.cloudToLocal': boolean;
  'pricing': Record<string, PriceOverride>;
  'completion.enabled': boolean;
  'completion.disabledLanguages': string[];
  'completion.debounceMs': number;
  'completion.maxLines': number;
  'completion.prefixTokens': number;
  'completion.suffixTokens': number;
  'completion.useSnippets': boolean;
  'review.diagnostics': boolean;
  'context.codebase': CodebaseContextMode;
  'context.repoMapTokens': number;
  'context.localRerank': boolean;
  'gateway.baseUrl': string;
  'gateway.privateModels': string[];
  'gateway.privateModel': string;
  'gateway.completionModel': string;
  'telemetry.otlpEndpoint': string;
  'telemetry.userId': string;
  'fallback.overflowToCloud': boolean;
  'fallback.overflowTtftMs': number;
}

export type SettingKey = keyof HybridSettings;

export const DEFAULT_SETTINGS: Readonly<HybridSettings> = Object.freeze({
  'local.provider': 'ollama',
  'local.baseUrl': 'http://127.0.0.1:11434',
  'local.completionModel': 'qwen2.5-coder:1.5b',
  'local.chatModel': 'qwen2.5-coder:7b',
  'local.keepAlive': '30m',
  'local.numCtx': 8192,
  'local.costPerHour': 0,
  'local.hardwareUsd': 0,
  'local.amortizationMonths': 36,
  'local.watts': 0,
  'local.usdPerKwh': 0,
  'local.hoursOnPerDay': 0,
  'local.idleWatts': 0,
  'cloud.provider': 'anthropic',
  'cloud.model': 'claude-sonnet-5',
  'cloud.lightModel': 'auto',
  'anthropic.baseUrl': 'https://api.anthropic.com',
  'openai.baseUrl': 'https://api.openai.com/v1',
  'timeouts.localFirstByteMs': 10_000,
  'timeouts.cloudFirstByteMs': 30_000,
  'timeouts.idleMs': 20_000,
  'timeouts.localLoadMs': 120_000,
  'privacy.onCloudFindings': 'redact',
  'privacy.privateGlobs': [],
  'privacy.trustedHosts': [],
  'privacy.markers': ['CONFIDENTIAL', 'PROPRIETARY', 'INTERNAL USE ONLY'],
  'routing.complexityThreshold': 0.5,
  'routing.localBelow': 0.25,
  'routing.escalation': 'offer',
  'routing.escalationThreshold': 0.7,
  'routing.embeddingModel': '',
  'budget.dailyUsd': 0,
  'budget.monthlyUsd': 0,
  'budget.onExceeded': 'confirm',
  'confirmAboveUsd': 0,
  'fallback.localToCloud': false,
  'fallback.cloudToLocal': true,
  'pricing': {},
  'completion.enabled': true,
  'completion.disabledLanguages': ['plaintext', 'markdown', 'scminput'],
  'completion.debounceMs': 250,
  'completion.maxLines': 12,
  'completion.prefixTokens': 1024,
  'completion.suffixTokens': 256,
  'completion.useSnippets': true,
  'review.diagnostics': true,
  'context.codebase': 'auto',
  'context.repoMapTokens': 1500,
  'context.localRerank': false,
  'gateway.baseUrl': '',
  'gateway.privateModels': [],
  'gateway.privateModel': '',
  'gateway.completionModel': '',
  'telemetry.otlpEndpoint': '',
  'telemetry.userId': '',
  'fallback.overflowToCloud': false,
  'fallback.overflowTtftMs': 0,
}) as HybridSettings;

/**
 * What package.json declares, where it differs from the value an unset key resolves to: the Settings editor shows
 * the declared default, and "claude-sonnet-5" there read as the model in use after a switch to OpenAI (gpt-5.4).
 * Empty means "the provider's default", named in the setting's description.
 */
export const DECLARED_DEFAULTS: Partial<Record<SettingKey, unknown>> = { 'cloud.model': '' };

/** Keys whose empty (or blank) value means "not set": the Settings editor writes "" when the field is cleared. */
const EMPTY_IS_UNSET = new Set<SettingKey>(['cloud.model']);

const ENUMS: Partial<Record<SettingKey, readonly string[]>> = {
  'local.provider': ['ollama', 'openai-compatible'],
  'cloud.provider': ['anthropic', 'openai'],
  'privacy.onCloudFindings': ['redact', 'block'],
  'budget.onExceeded': ['local', 'confirm', 'block'],
  'context.codebase': ['auto', 'off'],
  'routing.escalation': ['auto', 'offer', 'off'],
};

// URLs whose empty value means "off": no gateway, no telemetry.
const OPTIONAL_URLS = new Set<SettingKey>(['gateway.baseUrl', 'telemetry.otlpEndpoint']);

// The bounds package.json declares (a unit test keeps the two equal): VS Code only underlines a value outside them
// in settings.json, it still hands it over. A 0 ms idle time-out fails every stream, 0 months divides by zero.
// Scores and thresholds compared with a 0..1 score; a larger value would silently disable a band.
// A bound may name its unit and why it exists, so the warning says what the number counts and what the limit guards.
interface Bound { min?: number; max?: number; integer?: boolean; unit?: string; why?: string }
const BOUNDS: Partial<Record<SettingKey, Bound>> = {
  // 256 Ki tokens is the longest window local models offer today (Qwen3); Ollama sets aside memory for all of it.
  'local.numCtx': { min: 512, max: 262_144, integer: true, unit: 'tokens', why: 'Ollama sets aside memory for the whole window when it loads the model, so a larger one fails to load or falls back to the CPU' }, 'local.amortizationMonths': { min: 1 }, 'local.hoursOnPerDay': { max: 24 },
  'timeouts.localFirstByteMs': { min: 500 }, 'timeouts.cloudFirstByteMs': { min: 1000 }, 'timeouts.idleMs': { min: 1000 },
  'timeouts.localLoadMs': { min: 1000 }, 'routing.complexityThreshold': { max: 1 }, 'routing.localBelow': { max: 1 },
  'routing.escalationThreshold': { max: 1 }, 'completion.maxLines': { min: 1 }, 'completion.prefixTokens': { min: 64 },
};

// Node fires a timer longer than 2^31-1 ms at once (TimeoutOverflowWarning): a "very long" time-out would end every request.
const TIMER_MAX_MS = 2_147_483_647;

// Names a request cannot go without: an empty model name reaches the server as a request it cannot answer.
const REQUIRED_STRINGS = new Set<SettingKey>(['local.chatModel', 'local.completionModel']);

// Settings read entry by entry, so one bad entry keeps the rest. Privacy settings fail closed: a malformed value
// must never make less private than the user asked. One entry that is not text keeps the others (the whole list
// falling back to [] would make every one of the user's private globs public); a lone string is a one-entry list;
// an unknown findings mode is the strict one. Prices: one mistyped model keeps the user's other prices.
const PARTIAL_FALLBACKS: Partial<Record<SettingKey, (v: unknown) => { value: unknown; problem?: string } | undefined>> = {
  'pricing': (v) => readPricing(v),
  'privacy.privateGlobs': (v) => privacyList(v),
  'privacy.markers': (v) => privacyList(v),
  'privacy.onCloudFindings': (v) => {
    const mode = typeof v === 'string' ? v.trim().toLowerCase() : '';
    if (mode === 'redact' || mode === 'block') return { value: mode, ...(mode !== v ? { problem: `read "${String(v)}" as "${mode}"` } : {}) };
    return { value: 'block', problem: 'expected one of redact, block; using block (the stricter) until it is fixed' };
  },
};

function privacyList(v: unknown): { value: string[]; problem?: string } | undefined {
  if (typeof v === 'string') return { value: v.trim() ? [v] : [], problem: 'expected a list of strings; read the one string as a list' };
  if (!Array.isArray(v)) return undefined;
  const strings = v.filter((x): x is string => typeof x === 'string');
  if (strings.length === v.length) return { value: strings };
  if (strings.length === 0) return undefined;
  return { value: strings, problem: `expected a list of strings; ignored ${v.length - strings.length} entr${v.length - strings.length === 1 ? 'y' : 'ies'} that ${v.length - strings.length === 1 ? 'is' : 'are'} not text, the other ${strings.length} apply` };
}

/**
 * A privacy list read across scopes (user, workspace, folder): the union of every layer, so a workspace can add
 * private globs or markers but never remove the user's. A layer that is not a list joins as an entry (normalising
 * then keeps the strings), so a cloned repo's `"hybrid.privacy.privateGlobs": "x"` cannot knock out the user's list.
 * The built-in markers stay unless the user's own settings replace them.
 */
export function unionOfLayers(key: 'privacy.privateGlobs' | 'privacy.markers', global: unknown, workspace: unknown, folder: unknown): unknown[] | undefined {
  const layers = [global, workspace, folder];
  if (layers.every((l) => l === undefined)) return undefined;
  const merged = new Set<unknown>(key === 'privacy.markers' && global === undefined ? DEFAULT_SETTINGS[key] : []);
  for (const l of layers) if (Array.isArray(l)) l.forEach((v) => merged.add(v)); else if (l !== undefined && l !== null) merged.add(l);
  return [...merged];
}

export interface NormalizedSettings {
  settings: HybridSettings;
  /** One readable line per value that was ignored, e.g. "hybrid.budget.dailyUsd: expected a number ≥ 0". */
  problems: string[];
}

/** Turns raw (possibly malformed) values into a full, typed settings object. Unknown/invalid → default. */
export function normalizeSettings(raw: (key: SettingKey) => unknown): NormalizedSettings {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    const def = DEFAULT_SETTINGS[key] as unknown;
    const value = raw(key);
    if (value === undefined || value === null || (EMPTY_IS_UNSET.has(key) && typeof value === 'string' && !value.trim())) { out[key] = def; continue; }
    const partial = PARTIAL_FALLBACKS[key]?.(value);
    if (partial) {
      if (partial.problem) problems.push(`hybrid.${key}: ${partial.problem}`);
      out[key] = partial.value;
      continue;
    }
    const problem = check(key, def, value);
    if (problem) { problems.push(`hybrid.${key}: ${problem}; using the default`); out[key] = def; }
    else out[key] = typeof def === 'string' ? (value as string).trim() : value;
  }
  // Unset, empty (or unusable), the cloud model follows the provider: the default Claude id would be a 404 on OpenAI.
  if (out['cloud.model'] === DEFAULT_SETTINGS['cloud.model'] && raw('cloud.model') !== DEFAULT_SETTINGS['cloud.model']) {
    out['cloud.model'] = defaultCloudModel(out['cloud.provider'] as CloudProviderKind);
  }
  return { settings: out as unknown as HybridSettings, problems };
}

function check(key: SettingKey, def: unknown, value: unknown): string | undefined {
  const allowed = ENUMS[key];
  if (allowed) return allowed.includes(value as string) ? undefined : `expected one of ${allowed.join(', ')}`;
  if (typeof def === 'number') {
    return checkNumber(BOUNDS[key] ?? {}, key.endsWith('Ms') ? TIMER_MAX_MS : undefined, value);
  }
  if (typeof def === 'boolean') return typeof value === 'boolean' ? undefined : 'expected true or false';
  if (typeof def === 'string') {
    if (typeof value !== 'string') return 'expected a string';
    if (REQUIRED_STRINGS.has(key) && value.trim() === '') return 'expected a model name';
    // An empty gateway URL means "no gateway".
    if ((key.endsWith('baseUrl') || key === 'telemetry.otlpEndpoint') && !(OPTIONAL_URLS.has(key) && value.trim() === '') && !isHttpUrl(value)) return 'expected an http(s) URL';
    return undefined;
  }
  if (Array.isArray(def)) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'expected a list of strings';
  }
  return undefined;
}

/** "expected a number between 512 and 262144 tokens (got 1000000): why" — the value read, its unit, the reason. */
function checkNumber(b: Bound, timerMax: number | undefined, value: unknown): string | undefined {
  const { min = 0, max = timerMax, integer = false, unit, why } = b;
  const finite = typeof value === 'number' && Number.isFinite(value);
  const u = unit ? ` ${unit}` : '', got = finite ? ` (got ${value})` : '';
  if (!finite || value < min) return `expected a number ≥ ${min}${u}${got}`;
  if (max !== undefined && value > max) return `expected a number between ${min} and ${max}${u}${got}${why ? `: ${why}` : ''}`;
  return integer && !Number.isInteger(value) ? `expected a whole number of${u || ' units'}${got}` : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The problems worth telling the user now: those not in the last reading. A bad value stays bad while the user
 * changes other settings; saying so again on every change would bury the warning that is new.
 */
export function freshProblems(lastReported: ReadonlySet<string>, problems: readonly string[]): string[] {
  return problems.filter((p) => !lastReported.has(p));
}
