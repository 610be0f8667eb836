// The completion replay's fake Ollama, run in a worker thread: Ollama is another process, so its work (parsing
// the request, streaming the answer) must not be billed to the extension side, as it would be on one event loop.
// Answers with the file's real continuation at 7 of 10 positions (a wrong line otherwise) and notes, in absolute
// milliseconds (timeOrigin + now, comparable across threads), when each request arrived and each chunk left.

import { parentPort, workerData } from 'node:worker_threads';
import type { Exchange } from '../test/fakes/base';
import { FakeOllama } from '../test/fakes/ollama';

export interface FakeTiming { arrivedAt: number; writes: number[] }
export interface OracleConfig { file: string; ttftMs: number; perTokenMs: number }
export interface OracleReport {
  timings: FakeTiming[];
  requests: Array<{ path: string; clientClosed: boolean }>;
  /** TCP connections the fake accepted: with keep-alive far fewer than requests. */
  connections: number;
}

/** Absolute ms (timeOrigin + now): comparable across threads and processes; every figure taken from it is a
 * difference of two intervals, one on each side, so a constant offset between the two clocks cancels. */
const abs = (): number => performance.timeOrigin + performance.now();

class OracleOllama extends FakeOllama {
  readonly timings: FakeTiming[] = [];

  constructor(private readonly file: string, ttftMs: number, perTokenMs: number) {
    super({ ttftMs, perTokenMs });
  }

  override answerFor(body: unknown): string {
    const prompt = String((body as { prompt?: unknown }).prompt ?? '');
    // The prompt is the engine's window of the file: a long, unique substring that ends at the cursor.
    const at = this.file.indexOf(prompt);
    const k = at < 0 ? 0 : at + prompt.length;
    if ((k * 2654435761) % 10 >= 7) return 'wrongGuess(value);\n';
    const lineEnd = this.file.indexOf('\n', k);
    const next = lineEnd < 0 ? this.file.length : this.file.indexOf('\n', lineEnd + 1);
    return this.file.slice(k, next < 0 ? this.file.length : next + 1);
  }

  protected override async handle(ex: Exchange): Promise<void> {
    if (ex.record.path === '/api/generate') {
      // From the headers' arrival: reading and parsing the request is the server's time, as it is Ollama's.
      const t: FakeTiming = { arrivedAt: ex.record.receivedAt, writes: [] };
      this.timings.push(t);
      const write = ex.res.write.bind(ex.res) as (chunk: string) => boolean;
      (ex.res as unknown as { write: (c: string) => boolean }).write = (chunk: string) => { t.writes.push(abs()); return write(chunk); };
    }
    return super.handle(ex);
  }
}

// Run as a worker thread (workerData, parentPort) or as a child process (its config as JSON in HYBRID_ORACLE, IPC).
const fromEnv = process.env['HYBRID_ORACLE'];
const config = parentPort ? workerData as OracleConfig : process.send && fromEnv ? JSON.parse(fromEnv) as OracleConfig : undefined;
const post = (m: unknown): void => { if (parentPort) parentPort.postMessage(m); else process.send!(m); };
const onMessage = (f: (m: unknown) => void): void => { if (parentPort) parentPort.on('message', f); else process.on('message', f); };
if (config) {
  const fake = new OracleOllama(config.file, config.ttftMs, config.perTokenMs);
  void fake.start().then((s) => {
    onMessage((m: unknown) => {
      if (m !== 'report') return;
      const report: OracleReport = {
        timings: fake.timings, requests: fake.requests.map((r) => ({ path: r.path, clientClosed: r.clientClosed })), connections: fake.connections,
      };
      post(report);
      void s.close().then(() => { if (!parentPort) process.disconnect(); });
    });
    post({ url: s.url });
  });
}
