// The packaged extension: `npm run package` writes hybrid-assistant-<version>.vsix at the repo root.
// Rebuilt only when it is missing or older than anything that goes into it.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServerHost';

/** Inputs of the .vsix: a change to any of these makes it stale. */
const INPUTS = ['src', 'media', 'package.json', 'package-lock.json', 'esbuild.js', 'tsconfig.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md'];

export function vsixPath(): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(REPO_ROOT, `${name}-${version}.vsix`);
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the .vsix must be (re)built, or undefined when it is up to date. */
export function vsixStaleReason(file = vsixPath()): string | undefined {
  if (!fs.existsSync(file)) return `${path.basename(file)} is missing`;
  const built = fs.statSync(file).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(path.join(REPO_ROOT, input)) > built);
  return changed ? `${changed} changed after ${path.basename(file)} was built` : undefined;
}

/** Runs `npm run package` when needed and returns the .vsix path. */
export async function ensureVsix(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  const file = vsixPath();
  const reason = vsixStaleReason(file);
  if (!reason) return file;
  log(`packaging: ${reason} → npm run package`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'package', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run package failed with exit code ${code}`))));
  });
  if (!fs.existsSync(file)) throw new Error(`npm run package did not write ${file}`);
  return file;
}
