// Turning ledger bytes into records, shared by the whole-file load and the tail reader so both forgive the same
// damage: a BOM, NUL runs left by a crash on some filesystems, garbage or torn lines (skipped, never fatal).
import type { LedgerRecord } from '../request';
import { jsonShape } from './jsonPrefix';
import { LINE_START, parseLine, sealedAsWritten } from './ledgerRecord';

export interface LineCounts {
  /** Lines that were not a valid record. */
  skipped: number;
  /** Valid records recovered from a line that also held a torn fragment or NUL bytes. */
  salvaged: number;
  /**
   * Records the skipped lines held that were written whole once and no longer read (jsonPrefix.ts: not the start of
   * valid JSON): acknowledged records lost to the totals. A torn fragment (a crash inside write(), never acknowledged)
   * is the start of valid JSON and is not counted here.
   */
  damaged: number;
  /** Records that read but whose seal (ledgerRecord.ts) says they changed after they were written: counted as read, said. */
  altered: number;
  /** Lines sealed as written whose values no record can have (negative tokens, a cost of NaN): not counted, said. */
  invalid?: number;
  /** Records of a newer ledger format, read with the fields this version knows: counted, said. */
  newer?: number;
}

/** Parses complete lines (the caller cuts off any unterminated tail first). */
export function parseLedgerLines(text: string, take: (r: LedgerRecord) => void, counts: LineCounts): void {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  const clean = (k: number): string => { const raw = lines[k] ?? ''; return raw.includes('\u0000') ? raw.replace(/\u0000+/g, '') : raw; };
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]!;
    if (raw.length === 0) continue;
    const hasNul = raw.includes('\u0000');
    const line = clean(k);
    if (line.trim().length === 0) { counts.skipped++; continue; }
    // Whole records glued on one line (their line breaks stripped, or a torn fragment and the next append): each
    // `{"v":1,` starts one, and a `{"v":1,` can only occur inside a record as that start (quotes in values are escaped).
    if (line.indexOf(LINE_START, 1) > 0) { gluedRecords(line, take, counts); continue; }
    const parsed = parseLine(line);
    if (parsed) {
      if (parsed.salvaged || hasNul) { counts.salvaged++; if (parsed.salvaged) counts.skipped++; }
      if (parsed.altered) counts.altered++;
      if (parsed.newer) counts.newer = (counts.newer ?? 0) + 1;
      take(parsed.record);
      continue;
    }
    counts.skipped++;
    if (sealedAsWritten(line)) { counts.invalid = (counts.invalid ?? 0) + 1; continue; }
    // A record's start followed by a line that is not one: nothing follows a crash's cut but the next whole record,
    // so the two lines are one record broken by a line break (an editor's wrap: read back whole) or damaged across it.
    const next = clean(k + 1).replace(/\r$/, '');
    if (line.startsWith(LINE_START) && next.trim().length > 0 && !next.startsWith(LINE_START) && !parseLine(next)) {
      k++;
      const joined = parseLine(line.replace(/\r$/, '') + next);
      if (joined) { counts.salvaged++; take(joined.record); continue; }
      counts.skipped++;
      counts.damaged += Math.max(1, statusesIn(line + next));
      continue;
    }
    counts.damaged += damagedRecordsIn(line);
  }
}

/**
 * A line holding several records' starts: every piece that reads is counted, a piece cut by a crash (the start of
 * valid JSON, never acknowledged) is not a loss, any other piece is a damaged record and said. Before, only the last
 * piece was tried: 150,000 records on one line read as 1, the rest lost in silence.
 */
function gluedRecords(line: string, take: (r: LedgerRecord) => void, counts: LineCounts): void {
  const text = line.replace(/\r$/, '');
  const starts: number[] = [];
  for (let at = text.indexOf(LINE_START); at >= 0; at = text.indexOf(LINE_START, at + 1)) starts.push(at);
  counts.skipped++;
  counts.damaged += statusesIn(text.slice(0, starts[0]));
  starts.forEach((at, i) => {
    const piece = text.slice(at, starts[i + 1] ?? text.length);
    // A line break flipped into another control character leaves a whole record with one stray byte after it.
    const parsed = parseLine(piece) ?? parseLine(piece.replace(/[\u0000-\u001f\u007f]+$/, ''));
    if (parsed) { counts.salvaged++; if (parsed.altered) counts.altered++; take(parsed.record); return; }
    if (!isCut(piece)) counts.damaged += Math.max(1, statusesIn(piece));
  });
}

// Every record has exactly one `"status":"` key; inside a string value the quotes would be escaped.
const STATUS_KEY = '"status":"';

function statusesIn(text: string): number {
  let n = 0;
  for (let at = text.indexOf(STATUS_KEY); at >= 0; at = text.indexOf(STATUS_KEY, at + 1)) n++;
  return n;
}

/**
 * Records a line that does not read once held. Each piece from a record's start is a crash's cut when it is the start
 * of valid JSON (never acknowledged: nothing lost), else a record written whole and damaged since (a flipped bit,
 * zeroed bytes); text before the first start is the rest of a record whose start was damaged. A line with neither a
 * record's start nor its status key is not a record (garbage).
 */
function damagedRecordsIn(line: string): number {
  const text = line.replace(/\r$/, '');
  const starts: number[] = [];
  for (let at = text.indexOf(LINE_START); at >= 0; at = text.indexOf(LINE_START, at + 1)) starts.push(at);
  let n = statusesIn(text.slice(0, starts[0] ?? text.length));
  starts.forEach((at, i) => {
    const piece = text.slice(at, starts[i + 1] ?? text.length);
    if (!isCut(piece)) n += Math.max(1, statusesIn(piece));
  });
  return n;
}

/**
 * The start of valid JSON, and not a whole record whose closing quote was damaged: a line that ends inside a string
 * whose text ends in the record's own closing `}` is a full-length record with a quote flipped, not a cut (a cut
 * lands inside a reason that ends in `}` only by a remote chance, and then says one record too many, never one too few).
 */
function isCut(piece: string): boolean {
  const end: { inString?: boolean } = {};
  return jsonShape(piece, end) === 'prefix' && !(end.inString && piece.endsWith('}'));
}

/**
 * What the user is told when acknowledged records can no longer be read (a damaged line in the middle of a ledger
 * file): the loss is said once, not only logged. Torn fragments of crashed writes are not losses and say nothing.
 */
export function unreadableLinesNotice(counts: Pick<LineCounts, 'damaged'> & Partial<Pick<LineCounts, 'altered' | 'invalid' | 'newer'>> & { conflicting?: number }): string | undefined {
  const n = counts.damaged, a = counts.altered ?? 0, bad = counts.invalid ?? 0, newer = counts.newer ?? 0, twice = counts.conflicting ?? 0;
  const said: string[] = [];
  if (bad > 0) said.push(`${bad === 1 ? '1 record in the spend ledger holds' : `${bad} records in the spend ledger hold`} impossible values (negative tokens, a cost that is not a number), though written so: not counted.`);
  if (newer > 0) said.push(`${newer === 1 ? '1 record was' : `${newer} records were`} written by a newer version of Hybrid Assistant: counted with the fields this version knows.`);
  if (twice > 0) said.push(`${twice === 1 ? '1 record id appears' : `${twice} record ids appear`} twice with different figures (the same id): the first is counted, so a figure may be wrong.`);
  if (n > 0) {
    const what = n === 1 ? '1 record in the spend ledger could not be read' : `${n} records in the spend ledger could not be read`;
    said.push(`${what} (a damaged line): ${n === 1 ? 'its cost is' : 'their cost is'} not in the totals.`);
  }
  if (a > 0) {
    said.push(`${a === 1 ? '1 record in the spend ledger was' : `${a} records in the spend ledger were`} changed after ${a === 1 ? 'it was' : 'they were'} written (its checksum does not match): counted as ${a === 1 ? 'it reads' : 'they read'} now, so a figure may be wrong.`);
  }
  if (said.length === 0) return undefined;
  return `${said.join(' ')} The ledger files are left as they are; the Hybrid log names the folder.`;
}
