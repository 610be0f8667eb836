// Team mode on a LiteLLM proxy (docs/team.md): which of the gateway's model groups may count as private, what the
// gateway says a key and its team have spent, and the gateway's own cost figure for one request. Pure: the adapter
// fetches `/model/info` and `/key/info` with the user's virtual key and hands the JSON here.

import { ignoredTrustedHosts, isLocalEndpoint } from '../route/locality';
import { cleartextProblem, cloudApiOf, gatewayUrlProblem } from './cloudHosts';

export { gatewayUrlProblem };

/** One deployment behind a model group, as `/model/info` lists it (`litellm_params.api_base` may be absent). */
export interface GatewayDeployment {
  group: string;
  apiBase: string | undefined;
  /** `litellm_params.model`, e.g. `hosted_vllm/qwen2.5-coder-32b` or `anthropic/claude-sonnet-4-5`. */
  model: string | undefined;
  /** `model_info.id`: what an answer's `x-litellm-model-id` header names. */
  id?: string;
}

/** Reads `GET /model/info` (`{ data: [{ model_name, litellm_params: { model, api_base } }] }`); junk is skipped. */
export function parseModelInfo(json: unknown): GatewayDeployment[] {
  const data = isObj(json) && Array.isArray(json['data']) ? json['data'] : [];
  const out: GatewayDeployment[] = [];
  for (const d of data) {
    if (!isObj(d) || typeof d['model_name'] !== 'string') continue;
    const p = isObj(d['litellm_params']) ? d['litellm_params'] : {};
    const id = isObj(d['model_info']) ? d['model_info']['id'] : undefined;
    out.push({
      group: d['model_name'],
      apiBase: typeof p['api_base'] === 'string' && p['api_base'] ? p['api_base'] : undefined,
      model: typeof p['model'] === 'string' ? p['model'] : undefined,
      ...(typeof id === 'string' && id ? { id } : {}),
    });
  }
  return out;
}

export type PrivateGroupVerdict =
  | { private: true }
  | { private: false; reason: string };

/**
 * May `group` carry private content? Only when (1) the admin declared it private in an application-scoped setting,
 * (2) the gateway itself is on this machine or a trusted host, and (3) where the gateway tells (`/model/info`),
 * every deployment of the group points at a trusted host. A deployment with no `api_base` is a provider's own
 * cloud endpoint (LiteLLM's default for `anthropic/…`, `openai/…`): not private. Unknown group: not private.
 */
export function judgePrivateGroup(
  group: string, gatewayUrl: string, declaredPrivate: readonly string[], trustedHosts: readonly string[],
  deployments: readonly GatewayDeployment[] | undefined,
): PrivateGroupVerdict {
  if (!declaredPrivate.includes(group)) {
    return { private: false, reason: `the gateway model group "${group}" is not declared private (hybrid.gateway.privateModels)` };
  }
  const notGateway = gatewayUrlProblem(gatewayUrl);
  if (notGateway) return { private: false, reason: notGateway };
  if (!isLocalEndpoint(gatewayUrl, [...trustedHosts])) {
    return { private: false, reason: `the gateway ${hostOf(gatewayUrl)} is not a trusted host (hybrid.privacy.trustedHosts)${ignoredNote(trustedHosts)}` };
  }
  const clear = cleartextProblem(gatewayUrl, trustedHosts);
  if (clear) return { private: false, reason: clear };
  if (!deployments) return { private: false, reason: 'the gateway did not say where the group runs (/model/info failed): private content waits until it does' };
  const mine = deployments.filter((d) => d.group === group);
  if (mine.length === 0) return { private: false, reason: `the gateway has no model group "${group}"` };
  // A provider's own API is never the team's, even when listed in trustedHosts by mistake.
  const outside = mine.filter((d) => !d.apiBase || cloudApiOf(d.apiBase) !== undefined || !isLocalEndpoint(d.apiBase, [...trustedHosts]));
  if (outside.length > 0) {
    const where = outside.map((d) => (!d.apiBase ? `${d.model ?? 'a provider'}'s cloud API` : cloudApiOf(d.apiBase) ? `${cloudApiOf(d.apiBase)}'s cloud API (${hostOf(d.apiBase)})` : hostOf(d.apiBase))).join(', ');
    return { private: false, reason: `the gateway sends "${group}" to ${where}, outside the trusted hosts${ignoredNote(trustedHosts)}` };
  }
  return { private: true };
}

/** Entries that named no host were not silently dropped: the admin who wrote `*.corp.internal` learns why. */
function ignoredNote(trustedHosts: readonly string[]): string {
  const ignored = ignoredTrustedHosts(trustedHosts);
  return ignored.length ? ` (hybrid.privacy.trustedHosts entries that trust nothing: ${ignored.map((e) => `"${e}"`).join(', ')} — wildcards are not supported; list each host)` : '';
}

/** What `/key/info` tells about the key's and its team's budget (USD; undefined where the gateway sets none). */
export interface GatewayBudget {
  keySpendUsd: number;
  keyBudgetUsd: number | undefined;
  teamId: string | undefined;
  teamSpendUsd: number | undefined;
  teamBudgetUsd: number | undefined;
  budgetResetAt: string | undefined;
  /** `budget_duration` (`30d`, `1mo`…): how often the gateway resets the key's spend. */
  budgetDuration?: string | undefined;
}

/** Reads `GET /key/info` (`{ key, info: { spend, max_budget, team_id, budget_reset_at, litellm_budget_table? } }`). */
export function parseKeyInfo(json: unknown): GatewayBudget | undefined {
  const info = isObj(json) && isObj(json['info']) ? json['info'] : undefined;
  if (!info) return undefined;
  const team = isObj(info['team']) ? info['team'] : undefined;
  // A key created with a `budget_id` carries its limits in the linked budget table, not on the key row.
  const table = isObj(info['litellm_budget_table']) ? info['litellm_budget_table'] : undefined;
  const duration = info['budget_duration'] ?? table?.['budget_duration'];
  return {
    keySpendUsd: money(info['spend']) ?? 0,
    keyBudgetUsd: money(info['max_budget']) ?? money(table?.['max_budget']),
    ...(typeof duration === 'string' && duration ? { budgetDuration: duration } : {}),
    teamId: typeof info['team_id'] === 'string' ? info['team_id'] : undefined,
    teamSpendUsd: money(info['team_spend']) ?? money(team?.['spend']),
    teamBudgetUsd: money(info['team_max_budget']) ?? money(team?.['max_budget']),
    budgetResetAt: typeof info['budget_reset_at'] === 'string' ? info['budget_reset_at'] : undefined,
  };
}

/** One line for the status bar tooltip and the spend panel. */
export function describeGatewayBudget(b: GatewayBudget): string {
  const part = (who: string, spent: number | undefined, max: number | undefined): string | undefined =>
    spent === undefined ? undefined : max === undefined ? `${who} $${spent.toFixed(2)} spent (no budget)` : `${who} $${spent.toFixed(2)} of $${max.toFixed(2)}`;
  const reset = resetText(b);
  return ['Gateway:', [part('key', b.keySpendUsd, b.keyBudgetUsd), part(`team${b.teamId ? ` ${b.teamId}` : ''}`, b.teamSpendUsd, b.teamBudgetUsd), reset]
    .filter(Boolean).join(' · ')].join(' ');
}

/** "resets 2026-12-31 00:00 UTC (every 30d)": when a used-up budget comes back is the first thing a refused user asks. */
function resetText(b: GatewayBudget): string | undefined {
  const at = b.budgetResetAt ? Date.parse(b.budgetResetAt) : NaN;
  const when = Number.isFinite(at) ? new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : undefined;
  const every = b.budgetDuration && /^\d{1,4}(s|m|h|d|w|mo)$/.test(b.budgetDuration) ? `every ${b.budgetDuration}` : undefined;
  if (!when && !every) return undefined;
  return `resets ${[when, every && when ? `(${every})` : every].filter(Boolean).join(' ')}`;
}

/**
 * The key's spend and limit from a LiteLLM answer's headers (`x-litellm-key-spend`, `x-litellm-key-max-budget`):
 * the only budget figure a key limited to LLM routes can read (it may not call /key/info). The spend is the key's
 * before this request. "None" (no budget) is not $0.
 */
export function budgetFromHeaders(h: Pick<Headers, 'get'>): GatewayBudget | undefined {
  const spend = money(h.get('x-litellm-key-spend') ?? undefined);
  if (spend === undefined) return undefined;
  return { keySpendUsd: spend, keyBudgetUsd: money(h.get('x-litellm-key-max-budget') ?? undefined), teamId: undefined, teamSpendUsd: undefined, teamBudgetUsd: undefined, budgetResetAt: undefined };
}

// The wordings LiteLLM releases use: key/user ("Budget has been exceeded! Current cost: …"), team and provider
// ("ExceededBudget: Team=… over budget. Spend=…, Budget=…"), the user budget hook's FastAPI refusal ("Max budget
// limit reached." with or without "Spend: …, Budget: …"), per-model budgets ("… exceeded budget for model=…", newer
// "… exceeded their budget for model=…"), and the error type itself when the body is text.
const BUDGET_TEXT = /budget_exceeded|budget has been exceeded|ExceededBudget|over budget\. Spend=|max budget limit reached|exceeded (?:their )?budget for model=/i;

/**
 * LiteLLM refuses a request over a key/user/team budget before calling the model: error type `budget_exceeded`,
 * HTTP 422 by default (`budget_exceeded_status_code`), 429 or 400 in older releases, and 401 where a release wrapped
 * it as an authentication error. `status` undefined: an error event inside a 200 stream (`data: {"error": …}`).
 * The body is a ProxyException (`{error: {type, message}}`), a FastAPI HTTPException (`{detail: "…"}` or
 * `{detail: {error: …}}`), a FastAPI validation error (`{detail: [{msg}]}`: never a budget), or text.
 */
export function isGatewayBudgetError(status: number | undefined, body: unknown): boolean {
  if (status !== undefined && ![400, 401, 403, 422, 429].includes(status)) return false;
  const { type, text } = refusalParts(body, 0);
  if (type === 'budget_exceeded') return true;
  // A 401/403 only counts when it says budget in so many words: otherwise it is the key.
  return BUDGET_TEXT.test(text);
}

/** The error type and words of a refusal, however deep LiteLLM's wrappers put them (FastAPI `detail` in a ProxyException…). */
export function refusalParts(body: unknown, depth: number): { type: string | undefined; text: string } {
  if (typeof body === 'string') return { type: undefined, text: body };
  if (depth > 3) return { type: undefined, text: '' };
  if (Array.isArray(body)) {
    // FastAPI's validation list: [{type, loc, msg, input}] — its `type` is a pydantic error kind, not LiteLLM's.
    return { type: undefined, text: body.map((d) => (isObj(d) && typeof d['msg'] === 'string' ? d['msg'] : '')).join(' ') };
  }
  if (!isObj(body)) return { type: undefined, text: '' };
  const inner = body['error'] ?? body['detail'];
  if (inner !== undefined && inner !== null && typeof inner !== 'number') {
    const deeper = refusalParts(inner, depth + 1);
    const own = typeof body['message'] === 'string' ? body['message'] : '';
    return { type: deeper.type ?? strType(body['type']), text: [deeper.text, own].filter(Boolean).join(' ') };
  }
  const text = ['message', 'msg'].map((k) => body[k]).filter((t): t is string => typeof t === 'string').join(' ');
  return { type: strType(body['type']), text };
}

function strType(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The gateway's own cost for a request: `usage.cost` of the final stream chunk (LiteLLM with
 * `include_cost_in_streaming_usage: true`), else the `x-litellm-response-cost` header. undefined when neither is a
 * usable figure: a non-negative decimal number (a numeric string too — the header is one); never NaN, ∞, hex.
 */
export function gatewayCostOf(usage: unknown, header?: string | null): number | undefined {
  const fromUsage = isObj(usage) ? money(usage['cost']) : undefined;
  if (fromUsage !== undefined) return fromUsage;
  return header === undefined || header === null ? undefined : money(header);
}

/** Differences smaller than this are rounding between two price tables, not a disagreement worth showing. */
const SAME_COST_USD = 0.000_001;

/** "the gateway billed $0.0123 (our price table: $0.0120)" when the two figures differ; undefined when they agree. */
export function costDifferenceNote(ourUsd: number | null | undefined, gatewayUsd: number | undefined): string | undefined {
  if (gatewayUsd === undefined) return undefined;
  if (ourUsd === null || ourUsd === undefined) return `Cost from the gateway: $${gatewayUsd.toFixed(6)} (no price for this model in our table).`;
  if (Math.abs(ourUsd - gatewayUsd) < SAME_COST_USD) return undefined;
  return `The gateway billed $${gatewayUsd.toFixed(6)}; our price table says $${ourUsd.toFixed(6)} (difference ${gatewayUsd > ourUsd ? '+' : '−'}$${Math.abs(gatewayUsd - ourUsd).toFixed(6)}).`;
}

function money(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
