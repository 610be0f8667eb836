// Words of a question or identifier, normalised so "billing module", `BillingService` and billing_service.py meet.

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'for', 'how', 'should', 'we', 'i', 'is', 'are', 'this',
  'that', 'it', 'with', 'our', 'out', 'what', 'which', 'where', 'does', 'do', 'be', 'from', 'into', 'on', 'by', 'can', 'would',
  'could', 'codebase', 'code', 'module', 'modules', 'file', 'files', 'system', 'design', 'architecture', 'split', 'about',
  'between', 'when', 'why', 'there', 'its', 'all', 'any', 'them', 'they', 'so', 'if', 'as', 'at', 'work', 'works', 'way']);

export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/** Question terms with a crude stem (plural / -ing / -ed) so "invoices" meets `Invoice`. */
export function questionTerms(question: string): Set<string> {
  const out = new Set<string>();
  for (const w of identifierWords(question.replace(/#codebase/gi, ' '))) {
    if (STOP.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** How many of `terms` the words of `text` hit. */
export function overlap(terms: Set<string>, words: string[]): number {
  let n = 0;
  const seen = new Set<string>();
  for (const w of words) {
    const s = stem(w);
    if (terms.has(s) && !seen.has(s)) { n++; seen.add(s); }
  }
  return n;
}
