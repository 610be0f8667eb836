// What a LiteLLM gateway tells about itself, fetched with the user's virtual key and kept for a short while:
// `/model/info` (where each model group runs) and `/key/info` (the key's and team's spend and budget). Failures are
// answers too: no deployments known means no group counts as private (fail closed).

import { parseKeyInfo, parseModelInfo, type GatewayBudget, type GatewayDeployment } from './gateway';

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
  /** 401 or 403 when the gateway's last answer to `/model/info` refused the key; undefined otherwise. */
  keyRefused(): number | undefined;
}

export function createGatewayInfo(o: GatewayInfoOptions): GatewayInfo {
  const ttl = o.ttlMs ?? 5 * 60_000;
  const now = o.now ?? Date.now;
  const doFetch = o.fetch ?? globalThis.fetch;
  const base = o.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  let refused: number | undefined;

  async function getJson(path: string): Promise<unknown> {
    const hit = cache.get(path);
    if (hit && now() - hit.at < ttl) return hit.value;
    const value = (async () => {
      const key = await o.apiKey();
      const res = await doFetch(`${base}${path}`, {
        headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      if (path === '/model/info') refused = res.status === 401 || res.status === 403 ? res.status : undefined;
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json() as Promise<unknown>;
    })();
    cache.set(path, { at: now(), value });
    // A failed answer is not kept: the next call asks again.
    value.catch(() => cache.delete(path));
    return value;
  }

  return {
    async deployments() {
      try { return parseModelInfo(await getJson('/model/info')); } catch { return undefined; }
    },
    async budget() {
      try { return parseKeyInfo(await getJson('/key/info')); } catch { return undefined; }
    },
    keyRefused: () => refused,
  };
}
