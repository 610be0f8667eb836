// A small file replaced whole: a reader (another window, the next start after a crash) sees the old content or the
// new, never half of it. Written to a temporary file, optionally flushed to disk, then renamed over the old one.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `durable`: fsync before the rename, for what must survive a power cut, not only a killed process. */
export function writeWholeSync(file: string, text: string, opts: { durable?: boolean; mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', opts.mode ?? 0o666);
  try {
    fs.writeSync(fd, text);
    if (opts.durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
