// Turns a private review answer into line findings for diagnostics. The review prompt asks for
// "- L<line>: <severity>: <text>"; models drift, so ranges ("L3-5"), "Line 3", bold markers and missing
// severities are accepted too. Lines outside the reviewed range are clamped into it.

export type ReviewSeverity = 'error' | 'warning' | 'info';

export interface ReviewFinding {
  line: number;      // 1-based line in the file
  endLine: number;
  severity: ReviewSeverity;
  message: string;
}

// One run of leading whitespace (`\s*(?:bullet\s*)?`, not `\s*bullet?\s*`): a whitespace-only line of 20 k
// characters tried every split of it between two `\s*` (0.4 s).
const LINE_RE = /^\s*(?:(?:[-*]|\d+[.)])\s*)?(?:\*\*)?(?:L|Line\s*)(\d+)(?:\s*[-–]\s*L?(\d+))?(?:\*\*)?\s*[:—-]\s*(?:(error|warning|info|note|suggestion)\s*[:—-]\s*)?(.+)$/i;

export function parseReviewFindings(answer: string, range: { startLine: number; endLine: number }): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const raw of answer.split('\n')) {
    const m = LINE_RE.exec(raw);
    if (!m) continue;
    const clamp = (n: number) => Math.min(range.endLine, Math.max(range.startLine, n));
    const line = clamp(Number(m[1]));
    const endLine = m[2] ? Math.max(line, clamp(Number(m[2]))) : line;
    const sev = (m[3] ?? 'warning').toLowerCase();
    const severity: ReviewSeverity = sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'info';
    const message = m[4].replace(/\*\*/g, '').trim();
    if (message) out.push({ line, endLine, severity, message });
  }
  return out;
}
