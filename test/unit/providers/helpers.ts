// Shared by the provider tests: drain a stream, make sealed bodies and throw-away keys, find a closed port,
// and collect "case → message → ms" rows that are printed as one table when the run ends.

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import { sealForEgress } from '../../../src/core/wire/seal';
import type { ChatBody, StreamResult } from '../../../src/core/wire/types';
import { nothingBilled, rejectedBeforeRun } from '../../../src/core/spend/billing';

export interface Drained {
  text: string;
  chunks: string[];
  result: StreamResult;
  ms: number;
}

/** Runs a provider stream to its end, bounded so a hanging stream fails the test instead of the suite. */
export async function drain(gen: AsyncGenerator<string, StreamResult, void>, opts: { onChunk?: (chunk: string, i: number) => void; boundMs?: number } = {}): Promise<Drained> {
  const started = Date.now();
  const chunks: string[] = [];
  const bound = opts.boundMs ?? 8000;
  let timer: NodeJS.Timeout | undefined;
  const run = (async () => {
    for (;;) {
      const r = await gen.next();
      if (r.done) return r.value;
      opts.onChunk?.(r.value, chunks.length);
      chunks.push(r.value);
    }
  })();
  const result = await Promise.race([
    run,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`stream did not end within ${bound} ms`)), bound); }),
  ]).finally(() => clearTimeout(timer));
  return { text: chunks.join(''), chunks, result, ms: Date.now() - started };
}

/** A key-shaped secret built at run time, so no literal key sits in the source. */
export function testKey(): string {
  return `test-${randomBytes(12).toString('hex')}`;
}

export function chatBody(model: string, overrides: Partial<ChatBody> = {}): ChatBody {
  return {
    model,
    system: 'You are a careful reviewer.',
    messages: [{ role: 'user', content: 'Explain this function.' }],
    maxTokens: 200,
    ...overrides,
  };
}

export function sealed(model: string, overrides: Partial<ChatBody> = {}): ChatBody {
  return sealForEgress(chatBody(model, overrides));
}

/** A port with nothing listening (bound, then released): connecting gives a real ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export const never = (): AbortSignal => new AbortController().signal;

/** Asserts the common shape of a failed stream: no throw, usage per the billing rule, timing, the code. */
export function assertFailure(d: Drained, code: string): void {
  assert.equal(d.result.finish, 'error', `expected an error finish, got ${d.result.finish}`);
  assert.equal(d.result.failure?.code, code, `expected ${code}, got ${d.result.failure?.code}: ${d.result.failure?.message}`);
  // The billing rule: a request refused, answered with an HTTP error or never connected, before any text, was
  // billed nothing; otherwise, with no usage reported, a labelled estimate.
  if (rejectedBeforeRun(d.result.failure, d.text.length)) {
    assert.deepEqual(d.result.usage, nothingBilled(), `a ${code} refusal bills nothing`);
  } else {
    // 'provider' here means the provider reported usage (message_start) before failing: those counts win.
    assert.ok(d.result.usage.input > 0, `${d.result.usage.source} input tokens`);
  }
  assert.ok(d.result.timing.totalMs >= 0);
  assert.ok(d.result.failure?.message && d.result.failure.message.length > 10);
  for (const m of chatBody('x').messages) assert.ok(!JSON.stringify(d.result).includes(m.content), 'no prompt text in the result');
}

interface Row { provider: string; name: string; code: string; message: string; ms: number }
const rows: Row[] = [];

export function recordCase(provider: string, name: string, d: Drained): void {
  rows.push({ provider, name, code: d.result.failure?.code ?? d.result.finish, message: d.result.failure?.message ?? '(no message)', ms: d.ms });
}

suiteTeardown(() => {
  if (!rows.length) return;
  const lines = rows.map((r) => `${r.provider.padEnd(10)} ${r.name.padEnd(30)} ${r.code.padEnd(13)} ${String(r.ms).padStart(6)} ms  ${r.message}`);
  // eslint-disable-next-line no-console
  console.log(`\nProvider failure cases (case → code → time to message → message)\n${lines.join('\n')}\n`);
  rows.length = 0;
});
