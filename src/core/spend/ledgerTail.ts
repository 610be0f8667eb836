// Reads back what every window appended to the shared ledger folder, a little at a time. Each window appends its
// own records (one whole line per write, O_APPEND), so to count the others' spend a window only needs the bytes
// added since it last looked: the tail keeps one byte offset per month file and reads from there.
//
// - An unterminated last line is another window's append in progress (or a crash's torn tail): it is left for the
//   next read, the offset stays at the start of that line.
// - A file that shrank was cut back by a tail repair: it is read again from the start; the spend model drops the
//   records it already has by id.
// - Reads go in slices so a year-old file never has to sit in memory whole.
import * as path from 'node:path';
import type { LedgerRecord } from '../request';
import { LEDGER_FILE_RE } from './ledger';
import type { LedgerFs } from './ledgerFs';
import { parseLedgerLines, type LineCounts } from './ledgerLines';

const SLICE_BYTES = 1 << 20;

export interface TailRead extends LineCounts {
  /** Records in file order (oldest month first); may include ones the caller already has. */
  records: LedgerRecord[];
}

export class LedgerTail {
  private readonly offsets = new Map<string, number>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string, private readonly fs: LedgerFs, private readonly fromMonth?: string) {}

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
    const out: TailRead = { records: [], skipped: 0, salvaged: 0, damaged: 0 };
    let names: string[];
    try { names = await this.fs.readdir(this.dir); } catch { return out; }
    const files = names
      .filter((n) => { const m = LEDGER_FILE_RE.exec(n); return m !== null && (!this.fromMonth || m[1] >= this.fromMonth); })
      .sort();
    for (const name of files) {
      try { await this.readFile(name, out); } catch { /* unreadable now; the offset stays and the next read retries */ }
    }
    return out;
  }

  private async readFile(name: string, out: TailRead): Promise<void> {
    const file = path.join(this.dir, name);
    const size = await this.fs.size(file);
    let offset = this.offsets.get(name) ?? 0;
    if (size < offset) offset = 0;
    while (offset < size) {
      const end = Math.min(size, offset + SLICE_BYTES);
      const bytes = await this.fs.readRange(file, offset, end);
      const lastNl = bytes.lastIndexOf(0x0a);
      if (lastNl < 0) {
        // No line end within a whole slice: a line longer than any record (garbage). Skip it rather than stall.
        if (end < size && bytes.length === SLICE_BYTES) { out.skipped++; offset = end; continue; }
        break;
      }
      parseLedgerLines(bytes.subarray(0, lastNl + 1).toString('utf8'), (r) => out.records.push(r), out);
      offset += lastNl + 1;
    }
    this.offsets.set(name, offset);
  }
}
