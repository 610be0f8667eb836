// Turning ledger bytes into records, shared by the whole-file load and the tail reader so both forgive the same
// damage: a BOM, NUL runs left by a crash on some filesystems, garbage or torn lines (skipped, never fatal).
import type { LedgerRecord } from '../request';
import { LINE_START, parseLine } from './ledgerRecord';

export interface LineCounts {
  /** Lines that were not a valid record. */
  skipped: number;
  /** Valid records recovered from a line that also held a torn fragment or NUL bytes. */
  salvaged: number;
  /**
   * Of the skipped lines, those that were a whole record once (a record's start, braces closed at the line's end) and
   * no longer read: a record that was written and acknowledged, now lost to the totals. A torn fragment (a crash
   * inside write(), never acknowledged) ends before its closing brace and is not counted here.
   */
  damaged: number;
}

/** Parses complete lines (the caller cuts off any unterminated tail first). */
export function parseLedgerLines(text: string, take: (r: LedgerRecord) => void, counts: LineCounts): void {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  for (const raw of text.split('\n')) {
    if (raw.length === 0) continue;
    const hasNul = raw.includes('\u0000');
    const line = hasNul ? raw.replace(/\u0000+/g, '') : raw;
    if (line.trim().length === 0) { counts.skipped++; continue; }
    const parsed = parseLine(line);
    if (!parsed) { counts.skipped++; if (wasWholeRecord(line)) counts.damaged++; continue; }
    if (parsed.salvaged || hasNul) { counts.salvaged++; if (parsed.salvaged) counts.skipped++; }
    take(parsed.record);
  }
}

/** A line that starts a record and closes its braces exactly at its end (strings skipped): written whole once. */
function wasWholeRecord(line: string): boolean {
  const text = line.trimEnd();
  const at = text.lastIndexOf(LINE_START);
  if (at < 0) return false;
  let depth = 0;
  let quoted = false;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (quoted) { if (ch === '\\') i++; else if (ch === '"') quoted = false; continue; }
    if (ch === '"') quoted = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/**
 * What the user is told when acknowledged records can no longer be read (a damaged line in the middle of a ledger
 * file): the loss is said once, not only logged. Torn fragments of crashed writes are not losses and say nothing.
 */
export function unreadableLinesNotice(counts: Pick<LineCounts, 'damaged'>): string | undefined {
  const n = counts.damaged;
  if (!(n > 0)) return undefined;
  const what = n === 1 ? '1 record in the spend ledger could not be read' : `${n} records in the spend ledger could not be read`;
  return `${what} (a damaged line): ${n === 1 ? 'its cost is' : 'their cost is'} not in the totals. The ledger files are left as they are; the Hybrid log names the folder.`;
}
