// Whether an Ollama model is in memory (/api/ps) and loading it ahead of the first completion (an empty /api/generate,
// which is how Ollama documents "load a model"), so a cold model is a state the editor can show instead of a
// first-byte time-out. Both go through the official client.

import type { Ollama } from 'ollama';
import type { ModelResidency, ProviderFailure } from './types';

export interface ResidencyPorts {
  /** Runs `fn` with a client whose requests are bound to `signal` and a first-byte deadline of `ms`. */
  withClient<T>(signal: AbortSignal, ms: number, fn: (client: Ollama) => Promise<T>): Promise<T>;
  /** The model's trained context length (/api/show, cached by the provider). */
  contextLength(client: Ollama, model: string): Promise<number | undefined>;
  keepAlive: string | number;
  /** The options completions send (num_ctx): a model loaded with others would be reloaded by the first request. */
  loadOptions: Record<string, unknown>;
  mapError(err: unknown, model: string, timeoutMs: number): ProviderFailure;
}

const PS_TIMEOUT_MS = 2_000;

function sameModel(a: string, b: string): boolean {
  const full = (m: string): string => (m.includes(':') ? m : `${m}:latest`);
  return full(a) === full(b);
}

export async function residencyOf(p: ResidencyPorts, model: string, signal: AbortSignal): Promise<ModelResidency | undefined> {
  try {
    return await p.withClient(signal, PS_TIMEOUT_MS, async (client) => {
      const ps = await client.ps();
      const entry = (ps.models as unknown as Array<{ name: string; model?: string; context_length?: unknown }>)
        .find((m) => sameModel(m.name, model) || (m.model !== undefined && sameModel(m.model, model)));
      const contextLength = await p.contextLength(client, model).catch(() => undefined);
      return {
        loaded: entry !== undefined,
        ...(contextLength ? { contextLength } : {}),
        ...(typeof entry?.context_length === 'number' ? { loadedContext: entry.context_length } : {}),
      };
    });
  } catch {
    return undefined; // a server without /api/ps (or not answering it) cannot say: callers go on as before
  }
}

export async function warmModel(p: ResidencyPorts, model: string, loadTimeoutMs: number, signal: AbortSignal): Promise<ProviderFailure | undefined> {
  try {
    await p.withClient(signal, loadTimeoutMs, (client) => client.generate({ model, prompt: '', stream: false, keep_alive: p.keepAlive, options: p.loadOptions }));
    return undefined;
  } catch (err) {
    if (signal.aborted) return undefined;
    return p.mapError(err, model, loadTimeoutMs);
  }
}
