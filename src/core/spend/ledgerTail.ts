// Reads back what every window appended to the shared ledger folder, a little at a time. Each window appends its
// own records (one whole line per write, O_APPEND), so to count the others' spend a window only needs the bytes
// added since it last looked: the tail keeps one byte offset per month file and reads from there.
//
// - An unterminated last line is another window's append in progress (or a crash's torn tail): it is left for the
//   next read, the offset stays at the start of that line.
// - A file that shrank, or whose bytes before the offset changed (a line deleted or edited by hand, then more appended
//   by another window), is read again from the start; the spend model drops the records it already has by id. Without
//   the second check the read resumed mid-line of a new record and lost it.
// - Damaged lines are counted per file as it reads now, so a file read again does not report its damage twice.
// - Reads go in slices so a year-old file never has to sit in memory whole.
import * as path from 'node:path';
import type { LedgerRecord } from '../request';
import { LEDGER_FILE_RE } from './ledger';
import type { LedgerFs } from './ledgerFs';
import { parseLedgerLines, type LineCounts } from './ledgerLines';
import { codeOf } from './ledgerWarnings';

const SLICE_BYTES = 1 << 20;
/** The longest line read whole (records glued on one line); a longer one is skipped and its records said lost. */
const MAX_LINE_READ = 64 << 20;
const STATUS_KEY = Buffer.from('"status":"');

function statusKeysIn(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(STATUS_KEY); at >= 0; at = bytes.indexOf(STATUS_KEY, at + 1)) n++;
  return n;
}
/** Bytes before the offset kept to notice a rewritten file: enough to differ wherever a record's id or time differs. */
const MARK_BYTES = 64;

interface FileState { offset: number; mark: Buffer; damaged: number; altered: number; invalid: number; newer: number }

/** What each file's lines said, as last read (a file read again from its start counts afresh). */
const SAID = ['damaged', 'altered', 'invalid', 'newer'] as const;

function resetSaid(st: FileState): void {
  for (const k of SAID) st[k] = 0;
}

export interface TailRead extends LineCounts {
  /** Records in file order (oldest month first); may include ones the caller already has. */
  records: LedgerRecord[];
}

export class LedgerTail {
  private readonly files = new Map<string, FileState>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string, private readonly fs: LedgerFs, private readonly fromMonth?: string) {}

  private readonly unreadable = new Map<string, string>();

  /** Month files that would not read at the last read, each with its error code. */
  get unreadableNow(): string[] {
    return [...this.unreadable.keys()].sort();
  }

  /** The error code of an unreadable month file (EACCES, EISDIR, …). */
  unreadableCode(name: string): string | undefined {
    return this.unreadable.get(name);
  }

  /** Damaged record lines in the files as last read (a file read again counts its damage once). */
  get damagedNow(): number {
    return this.total('damaged');
  }

  /** Records in the files as last read whose seal says they changed after they were written. */
  get alteredNow(): number {
    return this.total('altered');
  }

  /** Sealed lines with impossible values, and records of a newer format, in the files as last read. */
  get invalidNow(): number {
    return this.total('invalid');
  }

  get newerNow(): number {
    return this.total('newer');
  }

  private total(k: (typeof SAID)[number]): number {
    let n = 0;
    for (const f of this.files.values()) n += f[k];
    return n;
  }

  /**
   * Everything appended since the previous read (everything, the first time). Calls are serialised, so a read
   * asked for after an append has finished always sees that append.
   */
  read(): Promise<TailRead> {
    const next = this.chain.then(() => this.readOnce());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async readOnce(): Promise<TailRead> {
    const out: TailRead = { records: [], skipped: 0, salvaged: 0, damaged: 0, altered: 0 };
    let names: string[];
    try { names = await this.fs.readdir(this.dir); } catch { return out; }
    const files = names
      .filter((n) => { const m = LEDGER_FILE_RE.exec(n); return m !== null && (!this.fromMonth || m[1] >= this.fromMonth); })
      .sort();
    for (const name of files) {
      // Unreadable now (permission denied, a folder in its place): the offset stays, the next read retries, and until
      // then the file is named as missing from the totals rather than skipped in silence.
      try { await this.readFile(name, out); this.unreadable.delete(name); } catch (err) { this.unreadable.set(name, codeOf(err)); }
    }
    for (const name of this.unreadable.keys()) if (!files.includes(name)) this.unreadable.delete(name);
    return out;
  }

  private async readFile(name: string, out: TailRead): Promise<void> {
    const file = path.join(this.dir, name);
    const size = await this.fs.size(file);
    const st = this.files.get(name) ?? { offset: 0, mark: Buffer.alloc(0), damaged: 0, altered: 0, invalid: 0, newer: 0 };
    let offset = st.offset;
    let mark = size > offset ? st.mark : Buffer.alloc(0);
    if (size < offset) { offset = 0; resetSaid(st); }
    let span = SLICE_BYTES;
    while (offset < size) {
      // The first slice starts with the bytes last seen before the offset: if they changed, the file was rewritten.
      const from = offset - mark.length;
      const end = Math.min(size, from + span);
      const read = await this.fs.readRange(file, from, end);
      if (mark.length && !read.subarray(0, mark.length).equals(mark)) { offset = 0; mark = Buffer.alloc(0); resetSaid(st); continue; }
      const bytes = read.subarray(mark.length);
      mark = Buffer.alloc(0);
      const lastNl = bytes.lastIndexOf(0x0a);
      if (lastNl < 0) {
        if (end >= size || read.length < span) break;
        // No line end within a whole slice: records glued on one long line (line breaks stripped) or garbage. The slice
        // grows until the line ends, so the records on it count as the whole-file load counts them (before, every
        // record on a line over 1 MiB was skipped in silence); past MAX_LINE_READ the line is skipped and its records said.
        if (span < MAX_LINE_READ) { span = Math.min(MAX_LINE_READ, span * 2); continue; }
        out.skipped++;
        const lost = statusKeysIn(bytes);
        out.damaged += lost; st.damaged += lost;
        offset = end; st.mark = Buffer.from(read.subarray(read.length - MARK_BYTES));
        continue;
      }
      span = SLICE_BYTES;
      const before = SAID.map((k) => out[k] ?? 0);
      parseLedgerLines(bytes.subarray(0, lastNl + 1).toString('utf8'), (r) => out.records.push(r), out);
      SAID.forEach((k, i) => { st[k] += (out[k] ?? 0) - before[i]!; });
      offset += lastNl + 1;
      st.mark = Buffer.from(bytes.subarray(Math.max(0, lastNl + 1 - MARK_BYTES), lastNl + 1));
      // A turn of the event loop between slices: a big month file read for the panel must not freeze the editor.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    st.offset = offset;
    this.files.set(name, st);
  }
}
