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
