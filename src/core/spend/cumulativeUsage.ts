// Streams repeat their usage: Anthropic's message_delta after message_start, vLLM's running usage on every chunk
// (continuous_usage_stats), a proxy re-sending the final usage zeroed or empty. Each later figure is cumulative, so it
// replaces the earlier one — never adds to it — and a count that a later copy leaves out, nulls or zeroes stays.

/**
 * The later usage's counts over the earlier's. A null leaves the earlier value, and so does a 0 over a positive count:
 * a cumulative count never falls to 0, and compatible servers and proxies (sglang, envoy ai-gateway, a gateway's
 * trailing copy) send 0 for "reported before". Nested counts (the cache_creation split, the details) follow the same rule.
 */
export function mergeCumulative(earlier: Record<string, unknown> | undefined, later: object | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...earlier };
  for (const [k, v] of Object.entries(later ?? {})) {
    if (v === null || v === undefined) continue;
    if (v === 0 && typeof out[k] === 'number' && (out[k] as number) > 0) continue;
    const was = out[k];
    out[k] = typeof v === 'object' && !Array.isArray(v) && typeof was === 'object' && was !== null && !Array.isArray(was)
      ? mergeCumulative(was as Record<string, unknown>, v) : v;
  }
  return out;
}
