// The spend ledger: append-only JSON Lines, one file per month (`ledger-YYYY-MM.jsonl`), one record per request.
// Each append is one write() of one whole line on an O_APPEND handle followed by fdatasync, so a crash loses at
// most the record being written and two windows appending at once never interleave partial lines.
// Storage failures (full disk, read-only folder) never break the extension: records stay in memory for the
// session and one warning is raised.
import * as path from 'node:path';
import type { LedgerRecord } from '../request';
import type { Disposable } from '../ports';
import { nodeLedgerFs, readLinesInSlices, type LedgerFileHandle, type LedgerFs } from './ledgerFs';
import { parseLine, serializeRecord } from './ledgerRecord';
import { parseLedgerLines } from './ledgerLines';
import { codeOf, describe, remedy, unreadableFileNotice } from './ledgerWarnings';

export const LEDGER_FILE_RE = /^ledger-(\d{4}-\d{2})\.jsonl$/;

export interface LedgerOptions {
  fs?: LedgerFs;
  /** Called at most once per ledger, with a sentence for the user. */
  onWarning?: (message: string) => void;
}

export interface AppendResult {
  /** false: kept in memory only (storage unavailable); the record still counts for this session. */
  written: boolean;
  /** Error code (ENOSPC, EROFS, …) when not written. */
  error?: string;
}

export interface RepairReport {
  file: string;
  /** The file's size when its unterminated tail was seen; a `\n` was appended after it (nothing is cut). */
  sizeSeen: number;
}

export interface LoadResult {
  records: LedgerRecord[];
  /** Lines that were not a valid record (garbage, torn, NUL-filled): skipped, never fatal. */
  skipped: number;
  /** Valid records recovered from a line that also held a torn fragment or NUL bytes. */
  salvaged: number;
  /** Skipped lines that were whole records once (ledgerLines.ts): acknowledged records lost to the totals. */
  damaged: number;
  /** Records that read but changed after they were written (their seal does not match): counted, and said. */
  altered: number;
  /** Records whose id was already seen (a replayed write counts once). */
  duplicates: number;
  /** Of the duplicates, those whose figures differ from the first (a forged or corrupted replay): said. */
  conflicting?: number;
  /** Sealed lines with impossible values (ledgerLines.ts): not counted, said. */
  invalid?: number;
  /** Records of a newer ledger format: counted with the fields this version knows, said. */
  newer?: number;
  files: string[];
  /** Month files that exist and would not read (permission denied, a folder in their place): their spend is missing. */
  unreadable: string[];
}

/** A full disk or quota: the write did not land, so a later write can store the record. */
const SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);
/** How long a tail without its newline must stay unchanged before it counts as torn (another window may be mid-append). */
const TAIL_SETTLE_MS = 50;

export function monthOf(isoTime: string): string {
  return isoTime.slice(0, 7);
}

export function ledgerFileName(month: string): string {
  return `ledger-${month}.jsonl`;
}

export class Ledger {
  private readonly fs: LedgerFs;
  private readonly onWarning?: (message: string) => void;
  private handle: { month: string; h: LedgerFileHandle } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: string | undefined;
  private warned = false;
  /** Month files a warning has named already. */
  private readonly namedFiles = new Set<string>();
  private readonly memory: LedgerRecord[] = [];
  private readonly listeners = new Set<(r: LedgerRecord) => void>();
  private closed = false;
  /** The failure was a full disk at write(): writing again once there is space is safe. */
  private retryable = false;
  readonly repairs: RepairReport[] = [];

  private constructor(readonly dir: string, opts: LedgerOptions) {
    this.fs = opts.fs ?? nodeLedgerFs;
    this.onWarning = opts.onWarning;
  }

  /** Never throws: a folder that cannot be created or repaired gives a memory-only ledger and one warning. */
  static async open(dir: string, opts: LedgerOptions = {}): Promise<Ledger> {
    const ledger = new Ledger(dir, opts);
    try {
      await ledger.fs.mkdirp(dir);
      for (const name of await ledger.listFiles()) await ledger.repairTail(path.join(dir, name));
    } catch (err) {
      ledger.fail(err);
      // A disk still full when the window starts (a torn tail's repair refused): nothing was written, so once there
      // is space the records kept meanwhile go to disk, as the warning promises — not memory-only for the session.
      ledger.retryable = SPACE_CODES.has(ledger.failure ?? '');
    }
    return ledger;
  }

  /** undefined while records reach the disk; otherwise the reason they do not. */
  get problem(): string | undefined {
    return this.failure;
  }

  onDidAppend(listener: (r: LedgerRecord) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  }

  /**
   * Appends one record (validated; unknown fields dropped). Appends from one ledger are written in call order.
   * Throws LedgerRecordError (synchronously) for an invalid record; storage errors resolve with `written: false`.
   */
  append(record: LedgerRecord): Promise<AppendResult> {
    const line = serializeRecord(record);
    const clean = parseLine(line.slice(0, -1))!.record;
    const done = this.queue.then(() => this.write(clean, line));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async write(record: LedgerRecord, line: string): Promise<AppendResult> {
    if (this.retryable && !this.closed) await this.writeBack();
    let result: AppendResult;
    if (this.failure || this.closed) {
      this.memory.push(record);
      result = { written: false, error: this.failure ?? 'closed' };
    } else {
      const error = await this.put(record.time, line);
      if (error) this.memory.push(record);
      result = error ? { written: false, error } : { written: true };
    }
    for (const l of this.listeners) {
      try { l(record); } catch { /* a listener's bug must not lose spend */ }
    }
    return result;
  }

  /** One line onto its month file: undefined once it is on disk, else the failure (which stops writing). */
  private async put(time: string, line: string): Promise<string | undefined> {
    let synced = false;
    try {
      const h = await this.handleFor(monthOf(time));
      const buf = Buffer.from(line, 'utf8');
      const n = await h.write(buf);
      // A short write means the disk filled up mid-line; the torn line is ended with a `\n` before the next write.
      if (n !== buf.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      synced = true;
      await h.datasync();
      return undefined;
    } catch (err) {
      // After a failed fsync the kernel may have dropped the data (fsyncgate): stop writing, never retry. A full
      // disk at write() is different: nothing was acknowledged, so the records kept meanwhile are written later.
      this.fail(err);
      this.retryable = !synced && SPACE_CODES.has(this.failure ?? '');
      return this.failure;
    }
  }

  /**
   * After a full disk: ends a line the disk cut, then writes the records kept in memory, oldest first, until one
   * fails again. Without this they lived only until the window closed — and reloading was the warning's fix.
   */
  private async writeBack(): Promise<void> {
    const code = this.failure;
    this.failure = undefined;
    this.retryable = false;
    try {
      // Every file, as open() does: the one this append goes to may hold a tail torn while the disk was full.
      await this.fs.mkdirp(this.dir);
      for (const name of await this.listFiles()) await this.repairTail(path.join(this.dir, name));
    } catch {
      this.failure = code;
      this.retryable = true;
      return;
    }
    while (this.memory.length > 0) {
      if (await this.put(this.memory[0]!.time, serializeRecord(this.memory[0]!))) return;
      this.memory.shift();
    }
  }

  private async handleFor(month: string): Promise<LedgerFileHandle> {
    if (this.handle?.month === month) return this.handle.h;
    if (this.handle) { const old = this.handle.h; this.handle = undefined; await old.close().catch(() => undefined); }
    const h = await this.fs.openAppend(path.join(this.dir, ledgerFileName(month)));
    this.handle = { month, h };
    await this.fs.syncDir(this.dir);
    return h;
  }

  private fail(err: unknown): void {
    if (this.failure) return;
    const code = codeOf(err);
    this.failure = code;
    if (this.handle) { const h = this.handle.h; this.handle = undefined; void h.close().catch(() => undefined); }
    if (!this.warned) {
      this.warned = true;
      const file = (err as { path?: unknown } | null)?.path;
      const name = typeof file === 'string' && LEDGER_FILE_RE.test(path.basename(file)) ? path.basename(file) : undefined;
      if (name) this.namedFiles.add(name);
      this.onWarning?.(
        `Hybrid Assistant cannot write its spend ledger in ${this.dir} (${name ? `${name}: ` : ''}${describe(code)}). ` +
          `Spend for this session is kept in memory only and still counts toward your budgets. ${remedy(code)}`,
      );
    }
  }

  private async listFiles(fromMonth?: string): Promise<string[]> {
    const names = await this.fs.readdir(this.dir);
    return names
      .filter((n) => { const m = LEDGER_FILE_RE.exec(n); return m !== null && (!fromMonth || m[1] >= fromMonth); })
      .sort();
  }

  /**
   * A file that does not end in `\n` was torn by a crash, a short write or power loss. Other windows may be
   * appending to it right now, so it is never cut or rewritten (a cut between our size check and the truncate
   * would drop their acknowledged record): a `\n` is appended through an O_APPEND handle instead. The fragment
   * becomes a line of its own (skipped on read), or — if another window's record landed first — a fragment glued
   * to a whole record, which reading recovers from its `{"v":1,` start. Either way no byte anyone wrote is lost.
   */
  private async repairTail(file: string): Promise<void> {
    const size = await this.fs.size(file);
    if (size === 0) return;
    const last = await this.fs.readRange(file, size - 1, size);
    if (last[0] === 0x0a) return;
    // Another window's append may be half copied into the page cache right now (a reader can see that): a tail is
    // torn only if it still lacks its `\n` a moment later with nothing more written. Ending an append in flight left
    // an empty line in the file.
    await new Promise((r) => setTimeout(r, TAIL_SETTLE_MS));
    const now = await this.fs.size(file);
    if (now !== size || (await this.fs.readRange(file, now - 1, now))[0] === 0x0a) return;
    const h = await this.fs.openAppend(file);
    try {
      const nl = Buffer.from('\n');
      if ((await h.write(nl)) !== 1) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      await h.datasync();
    } finally {
      await h.close().catch(() => undefined);
    }
    this.repairs.push({ file, sizeSeen: size });
  }

  /**
   * Every record from `fromMonth` ('YYYY-MM', inclusive) on, oldest file first, plus this session's
   * memory-only records. Unreadable files are reported through the warning, not thrown.
   */
  async load(fromMonth?: string): Promise<LoadResult> {
    const out: LoadResult = { records: [], skipped: 0, salvaged: 0, damaged: 0, altered: 0, duplicates: 0, files: [], unreadable: [] };
    const seen = new Map<string, string>();
    const take = (r: LedgerRecord): void => {
      const figures = JSON.stringify([r.costUsd, r.tokens, r.route, r.model]), first = seen.get(r.id);
      if (first !== undefined) { out.duplicates++; if (first !== figures) out.conflicting = (out.conflicting ?? 0) + 1; return; }
      seen.set(r.id, figures);
      out.records.push(r);
    };
    let names: string[] = [];
    try { names = await this.listFiles(fromMonth); } catch (err) { if (!this.failure) this.fail(err); }
    for (const name of names) {
      try { await readLinesInSlices(this.fs, path.join(this.dir, name), (text) => parseLedgerLines(text, take, out)); } catch (err) { this.unreadable(name, err, out); continue; }
      out.files.push(name);
    }
    for (const r of this.memory) if (!fromMonth || monthOf(r.time) >= fromMonth) take(r);
    return out;
  }

  /** Whether a warning of this ledger has named the month file already (a caller's own notice would repeat it). */
  named(name: string): boolean {
    return this.namedFiles.has(name);
  }

  /** A month file that would not read: named in the result and said once (unless a write warning named it already). */
  private unreadable(name: string, err: unknown, out: LoadResult): void {
    out.unreadable.push(name);
    if (this.namedFiles.has(name)) return;
    this.namedFiles.add(name);
    this.onWarning?.(unreadableFileNotice(this.dir, name, codeOf(err)));
  }

  /** Waits for pending appends and closes the file. Later appends are kept in memory. */
  async close(): Promise<void> {
    // Reloading the window is what the full-disk warning asks for: the records kept in memory get a last chance.
    this.queue = this.queue.then(() => (this.retryable ? this.writeBack() : undefined)).catch(() => undefined);
    await this.queue;
    this.closed = true;
    const h = this.handle?.h;
    this.handle = undefined;
    await h?.close().catch(() => undefined);
  }
}
