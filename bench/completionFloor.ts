// What the loopback figure cannot go below on this machine: one bare node:http exchange (a 5 kB POST out, a
// one-line answer back) between this thread and a server process (or thread), after the same kind of idle pause a completion
// request follows, with no Ollama client, guard or engine. Both crossings are counted as the overhead figure
// counts them: request start → server has the headers, and server's last write → client has the whole body.

import * as http from 'node:http';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { figure } from './stats';
import type { BenchFigure } from './types';

const SERVER = `const http = require('node:http'); const { parentPort } = require('node:worker_threads');
const post = (m) => parentPort ? parentPort.postMessage(m) : process.send(m);
const abs = () => performance.timeOrigin + performance.now();
const s = http.createServer((req, res) => {
  const at = abs(); req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); setTimeout(() => res.end(JSON.stringify({ at, w: abs() }) + '\\n'), 15); });
});
s.keepAliveTimeout = 300000; s.listen(0, '127.0.0.1', () => post(s.address().port));`;

const abs = (): number => performance.timeOrigin + performance.now();

export interface FloorServer {
  /** One exchange; the two crossings in ms (request start → server has the headers, server's write → body read). */
  exchange(): Promise<number>;
  stop(): Promise<void>;
}

/** `host`: the server in a process of its own (as Ollama, and the replay's fake by default) or a worker thread. */
export async function startFloor(host: 'process' | 'thread' = 'process'): Promise<FloorServer> {
  const worker = host === 'thread' ? new Worker(SERVER, { eval: true }) : undefined;
  const child = host === 'process' ? spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }) : undefined;
  const port = await new Promise<number>((resolve, reject) => {
    if (worker) { worker.once('message', resolve); worker.once('error', reject); } else { child!.once('message', (m) => resolve(m as number)); child!.once('error', reject); }
  });
  const agent = new http.Agent({ keepAlive: true });
  const body = JSON.stringify({ prompt: 'x'.repeat(5000) });
  const exchange = (): Promise<number> => new Promise((resolve, reject) => {
    const sentAt = abs();
    const req = http.request({ port, host: '127.0.0.1', path: '/api/generate', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => {
        const doneAt = abs();
        const server = JSON.parse(text) as { at: number; w: number };
        resolve((server.at - sentAt) + (doneAt - server.w));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  return {
    exchange,
    stop: async () => {
      agent.destroy();
      if (worker) await worker.terminate();
      if (child) { child.kill(); await new Promise((r) => child.once('exit', r)); }
    },
  };
}

export async function loopbackFloorFigure(runs: number, host: 'process' | 'thread' = 'process', pauseMs = 100): Promise<BenchFigure> {
  const floor = await startFloor(host);
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs + 5; i++) {
      await new Promise((r) => setTimeout(r, pauseMs));
      const x = await floor.exchange();
      if (i >= 5) samples.push(x);
    }
  } finally {
    await floor.stop();
  }
  return figure('completion: bare node:http exchange after a pause (floor of the overhead figure)', 'ms', samples, {
    note: `raw node:http keep-alive POST (5 kB) to a server ${host === 'process' ? 'process' : 'thread'} and its one-line answer, ${pauseMs} ms idle before each; out + back crossings only, as the overhead figure counts them`,
  });
}
