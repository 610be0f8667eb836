// The few file operations the ledger needs — deliberately no truncate or rewrite: other windows append to the same
// files, so nothing may ever cut them — behind an interface so tests can inject ENOSPC, EROFS and fsync
// failures (tests run as root, where chmod cannot make a folder read-only).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LedgerFileHandle {
  write(data: Buffer): Promise<number>;
  datasync(): Promise<void>;
  close(): Promise<void>;
}

export interface LedgerFs {
  mkdirp(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string): Promise<Buffer>;
  /** Bytes [start, end) of a file. */
  readRange(file: string, start: number, end: number): Promise<Buffer>;
  size(file: string): Promise<number>;
  /** Opens for appending (O_APPEND | O_CREAT): every write lands at the end, whoever else appends. */
  openAppend(file: string): Promise<LedgerFileHandle>;
  /** Makes a new directory entry durable; best effort (not possible on Windows). */
  syncDir(dir: string): Promise<void>;
}

export const nodeLedgerFs: LedgerFs = {
  async mkdirp(dir) { await fs.promises.mkdir(dir, { recursive: true }); },
  async readdir(dir) { return fs.promises.readdir(dir); },
  async readFile(file) { return fs.promises.readFile(file); },
  async readRange(file, start, end) {
    const h = await fs.promises.open(file, 'r');
    try {
      const buf = Buffer.alloc(Math.max(0, end - start));
      const { bytesRead } = await h.read(buf, 0, buf.length, start);
      return buf.subarray(0, bytesRead);
    } finally {
      await h.close();
    }
  },
  async size(file) {
    const st = await fs.promises.stat(file);
    // A folder where a month file belongs: said as such (with its path), not read as 4096 bytes of ledger.
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file} is a directory`), { code: 'EISDIR', path: file });
    return st.size;
  },
  async openAppend(file) {
    const h = await fs.promises.open(file, 'a', 0o600);
    return {
      async write(data) { return (await h.write(data, 0, data.length)).bytesWritten; },
      async datasync() { await h.datasync(); },
      async close() { await h.close(); },
    };
  },
  async syncDir(dir) {
    let h: fs.promises.FileHandle | undefined;
    try { h = await fs.promises.open(path.resolve(dir), 'r'); await h.sync(); } catch { /* unsupported here */ } finally { await h?.close().catch(() => undefined); }
  },
};

/** Bytes parsed between two turns of the event loop when a whole month file is read. */
const LOAD_SLICE = 512 << 10;

/**
 * Hands a file's text to `onText` in pieces that end at a line break (the last may not), reading a slice at a time and
 * yielding between slices: a 200 MB month file read as one string held the editor's event loop for seconds. A line
 * longer than a slice (records glued on one line) grows the slice until it ends, so it is never cut.
 */
export async function readLinesInSlices(fsImpl: LedgerFs, file: string, onText: (text: string) => void): Promise<void> {
  const size = await fsImpl.size(file);
  let offset = 0, span = LOAD_SLICE;
  while (offset < size) {
    const end = Math.min(size, offset + span);
    const bytes = await fsImpl.readRange(file, offset, end);
    if (bytes.length === 0) break;
    const lastNl = end >= size ? bytes.length - 1 : bytes.lastIndexOf(0x0a);
    if (lastNl < 0) { span *= 2; continue; }
    onText(bytes.subarray(0, lastNl + 1).toString('utf8'));
    offset += lastNl + 1;
    span = LOAD_SLICE;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
