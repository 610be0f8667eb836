// Cloud answers in flight, one small file each, so a window that dies mid-answer (a reload, a crash, a killed
// extension host) still leaves its spend in the ledger: the provider bills the prompt it received whether or not
// the answer arrived. The pipeline hands over the record to keep (an estimate, outcome "interrupted"); the answer's
// own record removes it; the next window to open the ledger appends the ones whose window is gone.
//
// Files are named `<pid>-<request id>.json` so that another open window's answers in flight are left alone: only a
// file whose process no longer runs, or one older than any answer can take, is an orphan.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LedgerRecord } from '../request';
import { writeWholeSync } from '../wholeFile';
import { parseLine, serializeRecord } from './ledgerRecord';

/** No answer streams this long (the time-outs end it well before): an older file is an orphan whatever its pid. */
const ORPHAN_AFTER_MS = 60 * 60 * 1000;
const FILE_RE = /^(\d+)-([^/\\]+)\.json$/;

export interface JournalFs {
  /** Writes via a temporary file and a rename (creating the folder), so a reader never sees half a record. */
  writeWhole(file: string, data: string): void;
  read(file: string): string;
  list(dir: string): string[];
  remove(file: string): void;
}

export const nodeJournalFs: JournalFs = {
  // No fsync: this guards against a killed window, not a power cut, and it runs before every cloud request.
  writeWhole(file, data) { writeWholeSync(file, data, { mode: 0o600 }); },
  read(file) { return fs.readFileSync(file, 'utf8'); },
  list(dir) { try { return fs.readdirSync(dir); } catch { return []; } },
  remove(file) { fs.rmSync(file, { force: true }); },
};

/** True while a process with this id runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}

export interface Orphan { file: string; record: LedgerRecord | undefined }

export class InflightJournal {
  constructor(
    private readonly dir: string,
    private readonly files: JournalFs = nodeJournalFs,
    private readonly pid: number = process.pid,
    private readonly alive: (pid: number) => boolean = processAlive,
    private readonly now: () => number = Date.now,
  ) {}

  private fileOf(id: string): string {
    return path.join(this.dir, `${this.pid}-${id.replace(/[^\w.-]/g, '_')}.json`);
  }

  /** Keeps the record until settle(id). Throws when the disk refuses (the caller logs it; the answer goes on). */
  keep(record: LedgerRecord): void {
    this.files.writeWhole(this.fileOf(record.id), serializeRecord(record));
  }

  /** The answer's own record landed (or it never needed keeping). */
  settle(id: string): void {
    this.files.remove(this.fileOf(id));
  }

  /** Files whose window is gone; `record` is undefined for a damaged file (remove it, nothing to recover). */
  orphans(): Orphan[] {
    const out: Orphan[] = [];
    for (const name of this.files.list(this.dir)) {
      const m = FILE_RE.exec(name);
      if (!m) continue;
      const file = path.join(this.dir, name);
      let record: LedgerRecord | undefined;
      try { record = parseLine(this.files.read(file).trim())?.record; } catch { record = undefined; }
      const pid = Number(m[1]);
      const old = record !== undefined && this.now() - Date.parse(record.time) > ORPHAN_AFTER_MS;
      if (pid !== this.pid && (old || !this.alive(pid))) out.push({ file, record });
    }
    return out;
  }

  remove(file: string): void {
    this.files.remove(file);
  }
}

/**
 * Appends the orphans' records to the ledger, unless the ledger already holds one with that id (the window died
 * between its record and the settle), and removes their files. A record the disk refuses keeps its file, so the
 * next window tries again; it is returned so this session still counts it.
 */
export async function recordOrphans(journal: InflightJournal, take: (r: LedgerRecord) => boolean,
  append: (r: LedgerRecord) => Promise<{ written: boolean }>): Promise<{ kept: LedgerRecord[]; unwritten: LedgerRecord[] }> {
  const kept: LedgerRecord[] = [];
  const unwritten: LedgerRecord[] = [];
  for (const { file, record } of journal.orphans()) {
    if (record && take(record)) {
      const result = await append(record).catch(() => ({ written: false }));
      if (!result.written) { unwritten.push(record); continue; }
      kept.push(record);
    }
    journal.remove(file);
  }
  return { kept, unwritten };
}
