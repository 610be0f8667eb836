// Secrets cut in two by an agent's tools: a terminal tool truncates its output at N characters and the agent
// asks for the rest, or a command carries the first half of a key whose second half comes back in the result.
// Each piece scans clean on its own, yet the model receives both and can join them. So the gate also scans each
// seam between neighbouring tool parts (a call's arguments, then the results) and redacts a finding that
// straddles it on both sides. Only tool parts: chat turns are whole texts a person wrote, and joining them would
// invent tokens out of unrelated sentences.

import type { Finding } from '../request';

/** How far either side of a seam a straddling value may reach (tokens and keys are well under this). */
const SEAM_REACH = 512;

type Scan = (text: string) => Finding[];

/**
 * Adds, to the findings of `texts[i]`, the piece of every value that straddles the seam between `texts[i]` and
 * `texts[i + 1]` (for the indices in `seamAfter`). Returns how many straddling values were found.
 */
export function findAcrossSeams(scanned: { text: string; findings: Finding[] }[], seamAfter: number[], scan: Scan): number {
  let found = 0;
  for (const i of seamAfter) {
    const left = scanned[i];
    const right = scanned[i + 1];
    if (!left || !right || !left.text || !right.text) continue;
    const tail = left.text.slice(-SEAM_REACH);
    const head = right.text.slice(0, SEAM_REACH);
    const offset = left.text.length - tail.length;
    for (const f of scan(tail + head)) {
      if (f.start >= tail.length || f.end <= tail.length) continue; // wholly on one side: that side's own scan saw it
      found++;
      left.findings.push({ ...f, start: offset + f.start, end: left.text.length, line: lineAt(left.text, offset + f.start), label: `${f.label ?? f.kind} (cut in two)` });
      right.findings.push({ ...f, start: 0, end: f.end - tail.length, line: 1, label: `${f.label ?? f.kind} (cut in two)` });
    }
  }
  return found;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
