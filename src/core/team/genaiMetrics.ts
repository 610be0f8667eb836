// Spend and latency as OpenTelemetry GenAI metrics (semantic-conventions-genai, stability: Development): what one
// ledger record becomes. Attributes are a fixed vocabulary — route, origin, outcome, provider and model names —
// never prompt text, file paths, answers or reasons (reasons can name a path); a user id only when the admin sets one.

import type { LedgerRecord } from '../request';
import { codeValue as code, modelValue, userIdValue } from './telemetryValues';

export { shownModel } from './telemetryValues';

export const GENAI = {
  tokenUsage: 'gen_ai.client.token.usage',
  duration: 'gen_ai.client.operation.duration',
  timeToFirstChunk: 'gen_ai.client.operation.time_to_first_chunk',
  // No accepted cost convention yet (a proposal names gen_ai.usage.cost.amount): ours lives under our own namespace.
  cost: 'hybrid.client.cost',
} as const;

export type Instrument = keyof typeof GENAI;

export interface Measurement {
  instrument: Instrument;
  value: number;
  attributes: Record<string, string>;
}

/** Provider ids as the conventions spell them where they have one; our own id otherwise. */
const PROVIDER_NAME: Record<string, string> = { anthropic: 'anthropic', openai: 'openai', 'openai-compatible': 'openai', litellm: 'litellm', 'litellm-private': 'litellm' };

export function measurementsOf(r: LedgerRecord, opts: { userId?: string } = {}): Measurement[] {
  // A refusal never reached a model: no operation to measure (it stays in the ledger and the spend panel).
  if (r.route === 'refuse') return [];
  const attributes: Record<string, string> = {
    'gen_ai.operation.name': r.kind === 'completion' ? 'text_completion' : 'chat',
    'gen_ai.provider.name': PROVIDER_NAME[r.provider] ?? code(r.provider),
    'gen_ai.request.model': modelAttribute(r.model),
    'gen_ai.response.model': modelAttribute(r.model),
    'hybrid.route': code(r.route),
    'hybrid.origin': code(r.origin),
    'hybrid.reason': code(r.outcome ?? r.status),
    ...(r.status === 'failed' ? { 'error.type': code(r.outcome ?? 'failed') } : {}),
    ...(opts.userId ? { 'user.id': userIdValue(opts.userId) } : {}),
  };
  for (const k of Object.keys(attributes)) attributes[k] = bounded(attributes[k]!);
  const out: Measurement[] = [];
  // One NaN in a cumulative histogram spoils its sum for every later export: a figure that is no count is left out.
  const push = (m: Measurement): void => { if (Number.isFinite(m.value) && m.value >= 0) out.push(m); };
  const t = r.tokens;
  push({ instrument: 'tokenUsage', value: t.input + t.cacheRead + t.cacheWrite + (t.cacheWrite1h ?? 0), attributes: { ...attributes, 'gen_ai.token.type': 'input' } });
  push({ instrument: 'tokenUsage', value: t.output, attributes: { ...attributes, 'gen_ai.token.type': 'output' } });
  push({ instrument: 'duration', value: r.totalMs / 1000, attributes });
  if (r.ttftMs !== null) push({ instrument: 'timeToFirstChunk', value: r.ttftMs / 1000, attributes });
  if (typeof r.costUsd === 'number') {
    const source = r.tableCostUsd !== undefined ? 'gateway' : t.source;
    push({ instrument: 'cost', value: r.costUsd, attributes: { ...attributes, 'hybrid.cost.currency': 'USD', 'hybrid.cost.source': source } });
  }
  return out;
}

/** Longest attribute value exported: a server may name its model with anything, and a collector may refuse the lot. */
export const ATTRIBUTE_CHARS = 256;

function bounded(v: string): string {
  return v.length > ATTRIBUTE_CHARS ? `${v.slice(0, ATTRIBUTE_CHARS - 1)}…` : v;
}

const modelSeen = new Map<string, string>();

/** The model attribute (telemetryValues.modelValue), kept per name: asked once per model, not per record. */
export function modelAttribute(model: string): string {
  let v = modelSeen.get(model);
  if (v !== undefined) return v;
  v = modelValue(model);
  if (modelSeen.size >= 512) modelSeen.clear();
  modelSeen.set(model, v);
  return v;
}
