// Starts the completion replay's fake Ollama (completionOracle.ts) in a process of its own, as Ollama runs, or in a
// worker thread of this one; `report()` ends it and returns what it saw.
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { OracleConfig, OracleReport } from './completionOracle';

export type OracleHost = 'process' | 'thread';

/** Absolute ms (timeOrigin + now): comparable with the oracle's timestamps. */
export const absNow = (): number => performance.timeOrigin + performance.now();

export async function startOracle(file: string, host: OracleHost, ttftMs: number, perTokenMs: number): Promise<{ url: string; report(): Promise<OracleReport> }> {
  const oracle = path.join(__dirname, 'completionOracle.ts');
  const config: OracleConfig = { file, ttftMs, perTokenMs };
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(oracle)});`;
  const child = host === 'process' ? spawn(process.execPath, ['-e', boot], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, HYBRID_ORACLE: JSON.stringify(config) } }) : undefined;
  const worker = host === 'thread' ? new Worker(boot, { eval: true, workerData: config }) : undefined;
  const channel = { once: (f: (m: unknown) => void) => (child ? child.once('message', f) : worker!.once('message', f)), send: (m: string) => (child ? child.send(m) : worker!.postMessage(m)) };
  const url = await new Promise<string>((resolve, reject) => {
    channel.once((m) => resolve((m as { url: string }).url));
    (child ?? worker)!.once('error', reject);
  });
  return {
    url,
    report: async () => {
      const r = await new Promise<OracleReport>((resolve) => { channel.once((m) => resolve(m as OracleReport)); channel.send('report'); });
      if (worker) await worker.terminate();
      if (child && child.exitCode === null) await new Promise((done) => child.once('exit', done));
      return r;
    },
  };
}

/** Where the fake Ollama runs: `--oracle=thread` (or HYBRID_BENCH_ORACLE=thread) for a worker thread, as before. */
export function oracleHost(): OracleHost {
  const arg = process.argv.find((a) => a.startsWith('--oracle='))?.slice('--oracle='.length) ?? process.env['HYBRID_BENCH_ORACLE'];
  return arg === 'thread' ? 'thread' : 'process';
}
