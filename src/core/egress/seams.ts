// Secrets cut into pieces by an agent's tools: a terminal tool truncates its output at N characters and the agent
// asks for the rest (two, three pieces, the next one starting on a new line), or a command carries the first half
// of a key whose second half comes back in the result. Each piece scans clean on its own, yet the model receives
// them all and can join them. So the gate also scans the tool parts joined end to end — each part's edges, a short
// part whole, whitespace and JSON punctuation at the joins left out — and redacts every piece of a value found
// across a join. Only tool parts: chat turns are whole texts a person wrote, and joining them would invent tokens
// out of unrelated sentences.

import type { Finding } from '../request';

/** How far into a part a value crossing its edge may reach (tokens and keys are well under this). */
const EDGE = 512;

// A call's arguments are JSON: the value the model wrote ends before the closing `"}` and starts after `{"key":"`.
const CLOSE = /"?\s*[}\]]+\s*$/;
const OPEN = /^\s*[{[]\s*(?:"[^"]{0,64}"\s*:\s*)?"?/;
/** Characters a token is made of: whitespace between two of them at a join is what a model would drop. */
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=.]/;

type Scan = (text: string) => Finding[];

interface Piece { part: number; from: number; to: number; at: number }

/** A run of joined text no join-crossing value can leave: it ends where a long part's middle is left out. */
interface Segment { text: string; pieces: Piece[]; bounds: number[] }

/**
 * Adds, to each part listed in `parts` (indices into `scanned`, in the order the model reads them), the piece of
 * every value that crosses a join between them. Returns how many such values were found.
 */
export function findAcrossSeams(scanned: { text: string; findings: Finding[] }[], parts: number[], scan: Scan): number {
  if (parts.length < 2) return 0;
  const segments: Segment[] = [{ text: '', pieces: [], bounds: [] }];
  const push = (part: number, from: number, to: number) => {
    const seg = segments[segments.length - 1];
    seg.pieces.push({ part, from, to, at: seg.text.length });
    seg.text += scanned[part].text.slice(from, to);
  };
  for (const i of parts) {
    const text = scanned[i]?.text ?? '';
    const json = text.startsWith('{') || text.startsWith('[');
    // (Matched on the edges only, so a long run of spaces cannot make a match quadratic.)
    let end = text.length - (json ? CLOSE.exec(text.slice(-64))?.[0].length ?? 0 : 0);
    let start = Math.min(end, json ? OPEN.exec(text.slice(0, 128))?.[0].length ?? 0 : 0);
    // Whitespace at the join goes only between two token characters (`…ghp_ab` + `\ncd…`); elsewhere it stays, so
    // `credential = {` + `\n  setPath(` does not turn into an assignment.
    const seg = segments[segments.length - 1];
    const prev = seg.pieces[seg.pieces.length - 1];
    const lead = /^\s*/.exec(text.slice(start, start + 64))![0].length;
    if (prev && TOKEN_CHAR.test(text.charAt(start + lead))) {
      let keep = seg.text.length;
      while (keep > prev.at && /\s/.test(seg.text.charAt(keep - 1))) keep--;
      if (keep > prev.at && TOKEN_CHAR.test(seg.text.charAt(keep - 1))) {
        prev.to -= seg.text.length - keep;
        seg.text = seg.text.slice(0, keep);
        seg.bounds[seg.bounds.length - 1] = keep;
        start += lead;
      }
    }
    end = Math.max(start, end);
    if (end - start <= 2 * EDGE) push(i, start, end);
    else {
      push(i, start, start + EDGE);
      seg.bounds.push(seg.text.length);
      segments.push({ text: '', pieces: [], bounds: [] });
      push(i, end - EDGE, end);
    }
    segments[segments.length - 1].bounds.push(segments[segments.length - 1].text.length);
  }
  let found = 0;
  for (const seg of segments) {
    const joins = seg.bounds.slice(0, -1);
    if (joins.length === 0) continue; // one piece: nothing is joined here
    for (const f of scan(seg.text)) {
      if (!joins.some((b) => f.start < b && f.end > b)) continue; // inside one part: its own scan saw it
      found++;
      for (const p of seg.pieces) {
        const from = Math.max(f.start, p.at);
        const to = Math.min(f.end, p.at + (p.to - p.from));
        if (from >= to) continue;
        const target = scanned[p.part];
        const at = p.from + (from - p.at);
        target.findings.push({ ...f, start: at, end: p.from + (to - p.at), line: lineAt(target.text, at), label: `${f.label ?? f.kind} (cut in pieces)` });
      }
    }
  }
  return found;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
