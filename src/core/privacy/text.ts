// Small string helpers shared by the detectors: entropy, placeholder tests, line lookup.

/** Shannon entropy in bits per character (gitleaks' formula). */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = s.length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Entropy test with the alphabet taken into account: hex can carry at most 4 bits per character, and a random
 * 32-character hex token measures 3.2–3.9, so a hex run of 20+ characters only needs 3.0 where mixed-alphabet
 * values need `threshold`. From 32 characters 2.8: of 200,000 random 40-hex tokens, 37 measure under 3.2 and one
 * under 3.0 (the lowest 2.88) — a fixed 3.0 would let one real token in 200,000 through.
 */
export function highEntropy(v: string, threshold: number): boolean {
  const hex = v.length >= 20 && /^[0-9a-f]+$|^[0-9A-F]+$/.test(v) && /\d/.test(v) && /[a-fA-F]/.test(v);
  const t = hex ? Math.min(threshold, v.length >= 32 ? 2.8 : 3.0) : threshold;
  return shannonEntropy(v) >= t;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Documentation / template placeholders, after gitleaks' global allowlist and detect-secrets' filters.
const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|changeme|change_me|your[_-]?|xxxx|\*\*\*|redacted|insert|replace|todo|fixme|fake|secret_here|key_here|token_here|<[^>]*>/i;
const TEMPLATE = /^\$[A-Za-z_]\w*$|^\$\{[^}]*\}$|^\{\{.*\}\}$|^\$\{\{.*\}\}$|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|\$\{|\{\{/;

/** A whole value that names another (`${DB_PASSWORD}`, `$TOKEN`, `{{ .Values.pw }}`), not one written inline. */
export function isTemplateReference(s: string): boolean {
  return /^\$[A-Za-z_]\w*$|^\$\{[^}]*\}$|^\{\{.*\}\}$|^\$\{\{.*\}\}$/.test(s);
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** True for values that are obviously not real secrets: templates, placeholders, sequences, repeated chars. */
export function isPlaceholder(value: string): boolean {
  if (TEMPLATE.test(value)) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true;
  if (isSequential(value)) return true;
  return false;
}

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', '0123456789abcdef'];

function isSequential(value: string): boolean {
  const v = value.toLowerCase();
  if (v.length < 6) return false;
  for (const seq of SEQUENCES) {
    const doubled = seq + seq;
    if (doubled.includes(v)) return true;
  }
  return false;
}

/** Maps offsets to 1-based line numbers; built lazily because most scans find nothing. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (!this.starts) {
      const starts = [0];
      let i = this.text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = this.text.indexOf('\n', i + 1);
      }
      this.starts = starts;
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
