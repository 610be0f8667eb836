// The fakes themselves: recording without auth values, fault knobs, client-close detection, and the CLI that
// runs them out of process.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { FakeOllama } from '../../fakes/ollama';
import { FakeOpenAI } from '../../fakes/openai';
import { testKey } from './helpers';

suite('fakes', () => {
  test('records method, path, parsed body and headers without auth values; knows which server answered', async () => {
    const fake = new FakeOpenAI({ marker: '[server-B]', echoDigest: true });
    const s = await fake.start();
    try {
      const key = testKey();
      const res = await fetch(`${s.url}/v1/chat/completions`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'q' }] }),
      });
      const json = await res.json() as { choices: Array<{ message: { content: string } }> };
      assert.match(json.choices[0]!.message.content, /^\[server-B\] .*\[digest:[0-9a-f]{8}\]$/);
      const r = fake.requests[0]!;
      assert.equal(r.method, 'POST');
      assert.equal(r.path, '/v1/chat/completions');
      assert.deepEqual(r.body, { model: 'm', messages: [{ role: 'user', content: 'q' }] });
      assert.equal(r.headers['authorization'], '[redacted]');
      assert.ok(!JSON.stringify(fake.requests).includes(key));
      assert.equal(r.finished, true);
      assert.equal(r.clientClosed, false);
    } finally { await s.close(); }
  });

  test('refuse resets connections; one-shot faults clear themselves; a client abort is seen', async () => {
    const fake = new FakeOllama({ perTokenMs: 200 });
    const s = await fake.start();
    try {
      fake.setFault({ kind: 'refuse', once: true });
      await assert.rejects(fetch(`${s.url}/api/version`));
      assert.equal((await fetch(`${s.url}/api/version`)).status, 200, 'the one-shot fault is spent');
      fake.setFault({ kind: 'status', status: 503, once: true });
      assert.equal((await fetch(`${s.url}/api/chat`, { method: 'POST', body: '{"model":"qwen2.5-coder:7b","messages":[]}' })).status, 503);
      const ctl = new AbortController();
      const res = await fetch(`${s.url}/api/chat`, { method: 'POST', body: '{"model":"qwen2.5-coder:7b","messages":[]}', signal: ctl.signal });
      const reader = res.body!.getReader();
      await reader.read();
      ctl.abort();
      const rec = await fake.waitForClientClose(undefined, 2000);
      assert.equal(rec.clientClosed, true);
      assert.equal(rec.finished, false);
    } finally { await s.close(); }
  });

  for (const stopBy of ['SIGTERM', 'stdin close'] as const) {
    test(`the CLI prints the URLs as one JSON line, serves, and exits on ${stopBy}`, async function () {
      this.timeout(20_000);
      const root = path.resolve(__dirname, '..', '..', '..');
      const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const args = [tsx, path.join(root, 'test', 'fakes', 'cli.ts'), '--ollama', '0', '--anthropic', '0', '--openai', '0'];
      if (stopBy === 'stdin close') args.push('--exit-on-stdin-close');
      const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const line = await new Promise<string>((resolve, reject) => {
          const rl = readline.createInterface({ input: child.stdout! });
          rl.once('line', resolve);
          child.once('exit', (code) => reject(new Error(`cli exited early (${code})`)));
        });
        const urls = JSON.parse(line) as { ollama: string; anthropic: string; openai: string };
        assert.match(urls.ollama, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.match(urls.anthropic, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.match(urls.openai, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
        const tags = await (await fetch(`${urls.ollama}/api/tags`)).json() as { models: unknown[] };
        assert.ok(tags.models.length > 0);
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        if (stopBy === 'SIGTERM') child.kill('SIGTERM');
        else child.stdin!.end();
        assert.equal(await exited, 0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  }
});
