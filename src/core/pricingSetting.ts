// `hybrid.pricing` read entry by entry: one mistyped model (a price as text, a missing field) must not take the
// user's other prices with it — those models would silently fall back to the bundled table, or to "unknown price".

/** The shape each entry must have; the rest of an entry (cache prices…) is read by the price table. */
function entryProblem(price: unknown): string | undefined {
  if (typeof price !== 'object' || price === null || Array.isArray(price)) return 'needs an object';
  for (const field of ['input', 'output']) {
    const n = (price as Record<string, unknown>)[field];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return `needs "${field}" (USD per million tokens)`;
  }
  return undefined;
}

/** The valid entries, and what was left out and why. */
export function readPricing(value: unknown): { value: Record<string, unknown>; problem?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { value: {}, problem: 'expected an object of model → prices; using the bundled prices' };
  }
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [model, price] of Object.entries(value as Record<string, unknown>)) {
    const problem = entryProblem(price);
    if (problem) dropped.push(`model "${model}" ${problem}`);
    else kept[model] = price;
  }
  if (!dropped.length) return { value: kept };
  const rest = Object.keys(kept).length;
  return { value: kept, problem: `${dropped.join('; ')}; ${dropped.length === 1 ? 'it uses' : 'they use'} the bundled prices${rest ? `, the other ${rest} of yours apply` : ''}` };
}
