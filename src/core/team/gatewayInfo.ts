// What a LiteLLM gateway tells about itself, fetched with the user's virtual key and kept for a short while:
// `/model/info` (where each model group runs) and `/key/info` (the key's and team's spend and budget). Failures are
// answers too: no deployments known means no group counts as private (fail closed).

import { tlsAdvice, tlsProblemOf } from '../route/tlsTrust';
import { budgetFromHeaders, parseKeyInfo, parseModelInfo, type GatewayBudget, type GatewayDeployment } from './gateway';

export interface GatewayInfoOptions {
  baseUrl: string;
  apiKey: () => Promise<string | undefined>;
  /** How long an answer is reused (default 5 minutes): an admin's change shows within that time. */
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface GatewayInfo {
  /** undefined when the gateway could not be asked or answered nonsense. */
  deployments(): Promise<GatewayDeployment[] | undefined>;
  budget(): Promise<GatewayBudget | undefined>;
  /** 401 or 403 (400 for an expired key) when the gateway's last answer to `/model/info` refused the key. */
  keyRefused(): number | undefined;
  /** True when that refusal said the key has expired (LiteLLM's 400 `expired_key`). */
  keyExpired?(): boolean;
  /**
   * True when the key itself is fine but may not read `/model/info`: LiteLLM's route check for a key limited to
   * `llm_api_routes` (403, "Virtual key is not allowed to call this route").
   */
  routeDenied(): boolean;
  /** Why the last `/model/info` read failed when the user can fix it (a certificate this machine does not trust). */
  failure(): string | undefined;
  /** Forgets what `/model/info` said: the gateway just contradicted it (an answer from another deployment). */
  invalidate(): void;
  /** An answer's headers: the key's spend and limit, for when /key/info is closed to the key. */
  noteAnswer(headers: Pick<Headers, 'get'>): void;
}

/**
 * How long Ask (private) trusts a /model/info answer (inline completion keeps the default 5 minutes: it is asked per
 * keystroke). Bounds how long a moved deployment gets private questions from a release whose streamed answers do not
 * name their deployment (x-litellm-model-api-base; BerriAI/litellm#7249).
 */
export const CHAT_PROOF_MS = 30_000;

/** How long a failed answer stands before the gateway is asked again (a dead gateway is not asked per refresh). */
const FAILURE_HOLD_MS = 30_000;

export function createGatewayInfo(o: GatewayInfoOptions): GatewayInfo {
  const ttl = o.ttlMs ?? 5 * 60_000;
  const now = o.now ?? Date.now;
  const doFetch = o.fetch ?? globalThis.fetch;
  const base = o.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const cache = new Map<string, { at: number; ttl: number; value: Promise<unknown>; key: string | undefined }>();
  let refused: number | undefined;
  let denied = false;
  let expired = false;
  let why: string | undefined;
  let fromHeaders: { key: string | undefined; budget: GatewayBudget } | undefined;

  async function getJson(path: string): Promise<unknown> {
    const key = await o.apiKey();
    const hit = cache.get(path);
    // A new key (the user just ran "Set API Key") is asked about at once, whatever the last key was told.
    if (hit && hit.key === key && now() - hit.at < hit.ttl) return hit.value;
    const value = (async () => {
      const res = await doFetch(`${base}${path}`, {
        headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      }).catch((err: unknown) => {
        const tls = tlsProblemOf(err);
        if (path === '/model/info') why = tls ? `the gateway could not be asked where the group runs: ${tlsAdvice(hostOf(base), tls)}` : undefined;
        throw err;
      });
      if (path === '/model/info') why = undefined;
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        if (path === '/model/info') {
          denied = res.status === 403 && /not allowed to call this route/i.test(text);
          // An expired key is a 400 (`expired_key`): the key is the problem, not where the group runs.
          expired = (res.status === 400 || res.status === 401) && /expired_key|expired key/i.test(text);
          refused = expired || (!denied && (res.status === 401 || res.status === 403)) ? res.status : undefined;
        }
        throw new Error(`${path}: HTTP ${res.status}`);
      }
      if (path === '/model/info') { refused = undefined; denied = false; expired = false; }
      return res.json() as Promise<unknown>;
    })();
    const entry = { at: now(), ttl, value, key };
    cache.set(path, entry);
    // A failed answer stands a short while (a dead gateway is not asked on every status refresh), and only if it is
    // still the current one: a late failure of an expired fetch must not drop the fresh answer that replaced it.
    value.catch(() => { if (cache.get(path) === entry) cache.set(path, { ...entry, at: now(), ttl: Math.min(ttl, FAILURE_HOLD_MS) }); });
    return value;
  }

  return {
    async deployments() {
      try { return parseModelInfo(await getJson('/model/info')); } catch { return undefined; }
    },
    async budget() {
      try { return parseKeyInfo(await getJson('/key/info')); } catch {
        // Only figures the current key's answers gave: a rotated key's spend is not this key's.
        const key = await o.apiKey();
        return fromHeaders && fromHeaders.key === key ? fromHeaders.budget : undefined;
      }
    },
    noteAnswer(headers) {
      const budget = budgetFromHeaders(headers);
      if (budget) void o.apiKey().then((key) => { fromHeaders = { key, budget }; }, () => undefined);
    },
    keyRefused: () => refused,
    keyExpired: () => expired,
    failure: () => why,
    routeDenied: () => denied,
    invalidate: () => { cache.delete('/model/info'); },
  };
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
