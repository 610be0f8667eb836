// The one money formatter and the one count-noun rule, shared by the status bar tooltip (src/core/presentation),
// the chat footer and the spend panel (src/webview), so the same figure never reads "$0.0014" in one place and
// "<$0.01" in another. It lives in src/shared because webviews may import nothing else outside their folder.

/** USD for people: 4 decimals below a cent (a request's cost is often a fraction of one), 2 up to $1000. */
export function formatUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'unknown price';
  if (v === 0) return '$0.00';
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (abs < 0.00005) return `${sign}<$0.0001`;
  if (abs < 0.01) return `${sign}$${halfUp(abs, 4)}`;
  if (abs < 1000) return `${sign}$${halfUp(abs, 2)}`;
  return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
}

/**
 * `abs` to `digits` decimals, half-up on the decimal the figure stands for. toFixed rounds the binary value, and
 * $1.005 (335,000 tokens at $3) is stored as 1.00499999…, so it read "$1.00" where the bill says $1.01. Twelve
 * significant digits drop the float noise (a cost is a sum of a few products, exact far beyond that), then the
 * decimal exponent shift rounds the exact half up.
 */
function halfUp(abs: number, digits: number): string {
  const clean = Number(abs.toPrecision(12));
  return (Math.round(Number(`${clean}e${digits}`)) / 10 ** digits).toFixed(digits);
}

/**
 * A billed figure: "$0.0123", or "$0.0123 est." when it was priced from estimated token counts (the provider reported
 * no final usage), so an estimate never reads as the bill. Unknown and $0 figures carry no label.
 */
export function formatCost(v: number | null | undefined, estimated: boolean): string {
  const s = formatUsd(v);
  return estimated && typeof v === 'number' && Number.isFinite(v) && v !== 0 ? `${s} est.` : s;
}

/**
 * One answer's cost, as the footers and the request list show it: labelled "est." only for a cloud answer priced
 * from estimated tokens (a local answer's $0 is not an estimate of anything).
 */
export function formatAnswerCost(a: { costUsd: number | null | undefined; route: string; source: string }): string {
  return formatCost(a.costUsd, a.route === 'cloud' && a.source === 'estimate');
}

/** A period's spend: "$1.20", "$1.20 est." when estimates are part of it, "+ N unpriced" for unknown prices. */
export function formatSpent(t: { spentUsd: number; unknownPriceRequests: number; estimatedCostRequests: number }): string {
  const base = formatCost(t.spentUsd, t.estimatedCostRequests > 0);
  return t.unknownPriceRequests > 0 ? `${base} + ${t.unknownPriceRequests} unpriced` : base;
}

/** "1 request", "2 requests", "0 requests"; `many` for irregular nouns. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A pre-flight range: "~$0.0012, at most $0.02" (one figure when both round alike). */
export function formatEstimate(likelyUsd: number | null | undefined, atMostUsd: number | null | undefined): string {
  if (atMostUsd === null || atMostUsd === undefined || !Number.isFinite(atMostUsd)) return formatUsd(atMostUsd);
  if (likelyUsd === null || likelyUsd === undefined || !Number.isFinite(likelyUsd)) return `at most ${formatUsd(atMostUsd)}`;
  const likely = formatUsd(likelyUsd), most = formatUsd(atMostUsd);
  return likely === most ? `~${likely}` : `~${likely}, at most ${most}`;
}
