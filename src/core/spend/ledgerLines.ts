// Turning ledger bytes into records, shared by the whole-file load and the tail reader so both forgive the same
// damage: a BOM, NUL runs left by a crash on some filesystems, garbage or torn lines (skipped, never fatal).
import type { LedgerRecord } from '../request';
import { parseLine } from './ledgerRecord';

export interface LineCounts {
  /** Lines that were not a valid record. */
  skipped: number;
  /** Valid records recovered from a line that also held a torn fragment or NUL bytes. */
  salvaged: number;
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
    if (!parsed) { counts.skipped++; continue; }
    if (parsed.salvaged || hasNul) { counts.salvaged++; if (parsed.salvaged) counts.skipped++; }
    take(parsed.record);
  }
}
