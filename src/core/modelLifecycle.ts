// Anthropic's deprecated models and the dates they reach end-of-life, as @anthropic-ai/sdk ships them
// (internal/data/deprecated-models.js). The SDK only console.warns about them, into a log nobody reads; we tell the
// user. The package's `exports` map does not expose internal/, so neither Node nor esbuild can import the table:
// this is a verbatim copy, and test/unit/core/modelLifecycle.test.ts fails when it differs from the installed SDK's,
// so an SDK upgrade that adds or moves a date cannot drift silently. The openai package ships no such table: OpenAI
// models get no dates from us.

export const ANTHROPIC_DEPRECATED_MODELS: Readonly<Record<string, string>> = Object.freeze({
  'claude-mythos-preview': 'June 30th, 2026',
  'claude-sonnet-4-5': 'November 30th, 2026',
  'claude-sonnet-4-5-20250929': 'November 30th, 2026',
});

export interface ModelLifecycle {
  /** The table's id the model name resolved to (a gateway's "anthropic/…" prefix removed). */
  model: string;
  /** End-of-life day, "2026-11-30" (UTC). */
  eol: string;
  /** true on and after the end-of-life day: the API no longer serves the model. */
  retired: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "November 30th, 2026" (the SDK's wording) → "2026-11-30"; undefined for anything that is not a real date. */
export function parseSdkDate(text: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  const day = Number(m[2]);
  const d = new Date(Date.UTC(Number(m[3]), month, day));
  // Date.UTC rolls "February 30th" over into March: such a date is not in the table, it is a typo in it.
  if (d.getUTCMonth() !== month || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/**
 * The name as the Anthropic API knows it: a LiteLLM group "anthropic/claude-sonnet-4-5", a Bedrock id
 * "anthropic.claude-sonnet-4-5-20250929-v1:0" and a Vertex id "claude-sonnet-4-5@20250929" name the same model.
 * Anything else is left alone: a near-miss ("claude-sonnet-4-50", "claude-sonnet-4-5-20260101") is another model,
 * and the table says nothing about it.
 */
function apiId(name: string): string {
  return name.trim().toLowerCase()
    .replace(/^(?:anthropic[/.])/, '')
    .replace(/-v\d+(?::\d+)?$/, '')
    .replace(/@(\d{8})$/, '-$1');
}

/** The UTC day of a moment: end-of-life dates are days, compared as days. */
export function utcDay(now: number | Date): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Whether `model` is deprecated (and when it reaches end-of-life), or undefined when the SDK's table does not list it. */
export function modelLifecycle(model: string, now: number | Date): ModelLifecycle | undefined {
  const id = apiId(model);
  if (!Object.prototype.hasOwnProperty.call(ANTHROPIC_DEPRECATED_MODELS, id)) return undefined;
  const eol = parseSdkDate(ANTHROPIC_DEPRECATED_MODELS[id]!);
  if (!eol) return undefined;
  return { model: id, eol, retired: utcDay(now) >= eol };
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-30" → "30 Nov 2026": unambiguous in every locale, unlike 11/30/2026. */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${SHORT_MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "reaches end-of-life on 30 Nov 2026" / "reached end-of-life on 30 Nov 2026". */
export function eolPhrase(life: ModelLifecycle): string {
  return `${life.retired ? 'reached' : 'reaches'} end-of-life on ${dayText(life.eol)}`;
}
