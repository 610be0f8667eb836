// Starts the loopback fakes (test/fakes/cli.ts) as a child process and reads the URLs it prints.
// `--exit-on-stdin-close` makes the fakes stop by themselves if this process dies without cleaning up.

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServerHost';
import { killTree, onStop, trackGroup } from './processes';

export interface FakeUrls {
  ollama: string;
  anthropic: string;
  /** Includes the /v1 prefix the OpenAI SDK expects in baseURL. */
  openai: string;
}

export interface RunningFakes {
  urls: FakeUrls;
  pid: number;
  stop(): Promise<void>;
}

export function isFakeUrls(value: unknown): value is FakeUrls {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['ollama', 'anthropic', 'openai'].every((k) => typeof v[k] === 'string' && /^http:\/\/127\.0\.0\.1:\d+/.test(v[k] as string));
}

/** `demo`: answers by kind (test/fakes/demoAnswers.ts) for `npm start -- --demo-servers`. */
export async function startFakes(timeoutMs = 60_000, opts: { demo?: boolean } = {}): Promise<RunningFakes> {
  const tsxCli = require.resolve('tsx/cli', { paths: [REPO_ROOT] });
  const child = spawn(process.execPath, [
    tsxCli, path.join(REPO_ROOT, 'test', 'fakes', 'cli.ts'),
    '--ollama', '0', '--anthropic', '0', '--openai', '0', '--exit-on-stdin-close', ...(opts.demo ? ['--demo'] : []),
  ], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  trackGroup(child);
  const stop = onStop(async () => { child.stdin?.end(); await killTree(child, 3_000); });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  try {
    const urls = await new Promise<FakeUrls>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(() => reject(new Error(`the fakes printed no URLs within ${timeoutMs / 1000} s`)), timeoutMs);
      child.stdout?.on('data', (d: Buffer) => {
        buffered += d.toString();
        const nl = buffered.indexOf('\n');
        if (nl < 0) return;
        clearTimeout(timer);
        try {
          const parsed: unknown = JSON.parse(buffered.slice(0, nl));
          if (isFakeUrls(parsed)) resolve(parsed);
          else reject(new Error(`unexpected first line from the fakes: ${buffered.slice(0, nl)}`));
        } catch (err) {
          reject(new Error(`the fakes printed something that is not JSON: ${buffered.slice(0, nl)}`));
        }
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the fakes exited with code ${code}: ${stderr.trim()}`)); });
    });
    return { urls, pid: child.pid ?? -1, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
