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

const JSON_CLOSE = /["}\]\s]+$/;
const JSON_OPEN = /^\s*[{[]\s*(?:"[^"]{0,64}"\s*:\s*)?"?/;

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
    // A call's arguments are JSON: the value the model wrote ends before the closing `"}` and starts after `{"key":"`.
    // (Matched on the last few characters only, so a long run of spaces cannot make the match quadratic.)
    const leftEnd = left.text.length - (JSON_CLOSE.exec(left.text.slice(-16))?.[0].length ?? 0);
    const rightStart = JSON_OPEN.exec(right.text)?.[0].length ?? 0;
    const tail = left.text.slice(Math.max(0, leftEnd - SEAM_REACH), leftEnd);
    const head = right.text.slice(rightStart, rightStart + SEAM_REACH);
    const offset = leftEnd - tail.length;
    for (const f of scan(tail + head)) {
      if (f.start >= tail.length || f.end <= tail.length) continue; // wholly on one side: that side's own scan saw it
      found++;
      const label = `${f.label ?? f.kind} (cut in two)`;
      left.findings.push({ ...f, start: offset + f.start, end: leftEnd, line: lineAt(left.text, offset + f.start), label });
      right.findings.push({ ...f, start: rightStart, end: rightStart + f.end - tail.length, line: 1, label });
    }
  }
  return found;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
