// Deep session, round 8 (faults on the wire), in the real workbench against fakes this process owns, the local
// fallback off (the user sees the cloud's own failure): Anthropic's 529 "overloaded" with a short Retry-After (waited
// out, billed once) and without one, every time (the turn ends with the cause and the fix); OpenAI answers 200 and
// then sends an SSE error object in the middle of the answer; Anthropic and Ollama cut a multibyte UTF-8 character
// across two network chunks (the words arrive whole, no U+FFFD); Ollama restarts while a completion streams and the
// next keystroke gets ghost text again. Every turn ends, says what happened, and leaves one ledger record.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropic, requestId } from '../fakes/anthropic';
import type { Exchange } from '../fakes/base';
import { FakeOllama } from '../fakes/ollama';
import { FakeOpenAI } from '../fakes/openai';
import { session } from './session';
import { openFile } from './workbenchPage';
import { focusChat, ledgerRecords, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, typeUntilGhost, until, withSettings } from './deepHelpers';

const SCRATCH = 'src/deep_faults8.ts';
/** Words with 2-, 3- and 4-byte UTF-8 characters; each event is cut inside one of them. */
const MULTIBYTE = ['Prix', ' café', ' 5 €', ' naïve', ' 😀', ' 日本語', ' fin.'];

/** Writes `text` as two network chunks cut inside its first multibyte character, a moment apart. */
async function writeCut(ex: Exchange, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.findIndex((b) => b >= 0xc0);
  if (at < 0) { ex.res.write(bytes); return; }
  ex.res.write(bytes.subarray(0, at + 1));
  await ex.wait(60);
  ex.res.write(bytes.subarray(at + 1));
  await ex.wait(20);
}

/** Anthropic whose text deltas, when `cutUtf8` is on, reach the client with a character cut across two chunks. */
class CuttingAnthropic extends FakeAnthropic {
  cutUtf8 = false;
  protected override async handle(ex: Exchange): Promise<void> {
    if (!this.cutUtf8 || ex.record.path !== '/v1/messages') return super.handle(ex);
    const id = `msg_${Date.now()}`;
    const usage = { input_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 };
    ex.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'request-id': requestId() });
    const ev = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    ex.res.write(ev('message_start', { type: 'message_start', message: { id, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], stop_reason: null, stop_sequence: null, usage } }));
    ex.res.write(ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
    for (const t of ['[fake-anthropic]', ...MULTIBYTE]) {
      // JSON.stringify leaves non-ASCII as is, so the event's bytes hold the raw multibyte sequence.
      await writeCut(ex, ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } }));
    }
    ex.res.write(ev('content_block_stop', { type: 'content_block_stop', index: 0 }));
    ex.res.write(ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { ...usage, output_tokens: MULTIBYTE.length + 1 } }));
    ex.res.write(ev('message_stop', { type: 'message_stop' }));
    ex.res.end();
  }
}

/** Ollama whose /api/chat NDJSON lines, when `cutUtf8` is on, are cut inside a multibyte character. */
class CuttingOllama extends FakeOllama {
  cutUtf8 = false;
  protected override async handle(ex: Exchange): Promise<void> {
    if (!this.cutUtf8 || ex.record.path !== '/api/chat') return super.handle(ex);
    const model = String((ex.record.body as { model?: string } | undefined)?.model ?? 'qwen2.5-coder:7b');
    ex.res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (content: string, done: boolean, extra: Record<string, unknown> = {}): string =>
      `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done, ...extra })}\n`;
    for (const t of ['[fake-ollama]', ...MULTIBYTE]) await writeCut(ex, line(t, false));
    ex.res.end(line('', true, { done_reason: 'stop', total_duration: 9e8, load_duration: 1e7, prompt_eval_count: 40, prompt_eval_duration: 1e8, eval_count: MULTIBYTE.length + 1, eval_duration: 7e8 }));
  }
}

const posts = (c: FakeAnthropic, from: number) => c.requests.slice(from).filter((r) => r.path === '/v1/messages');

async function askUntilEnded(mode: 'cloud' | 'private', q: string, ms: number): Promise<{ took: number; text: string }> {
  const began = Date.now();
  await send(mode, q);
  await until(async () => (await turnText(q)).length > 0 && !(await turnSpinning(q)), `the turn "${q}" to end`, ms);
  await session().page.waitForTimeout(600);
  return { took: Date.now() - began, text: await turnText(q) };
}

suite('deep8 faults: 529 with and without Retry-After, an SSE error mid-answer, a UTF-8 character cut in two, Ollama restarted mid-completion', function () {
  this.timeout(300_000);
  const ollama = new CuttingOllama({ ttftMs: 40, perTokenMs: 15 });
  const anthropic = new CuttingAnthropic({ ttftMs: 40, perTokenMs: 15 });
  const openai = new FakeOpenAI({ ttftMs: 40, perTokenMs: 40 });
  let ollamaPort = 0;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    const [o, a, oa] = [await ollama.start(), await anthropic.start(), await openai.start()];
    ollamaPort = o.port;
    fs.writeFileSync(path.join(session().workspace, SCRATCH), 'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n');
    restore = await withSettings({
      'hybrid.local.baseUrl': o.url,
      'hybrid.anthropic.baseUrl': a.url,
      'hybrid.openai.baseUrl': `${oa.url}/v1`,
      'hybrid.cloud.provider': 'anthropic',
      'hybrid.fallback.cloudToLocal': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
    });
    await openFile(session().page, 'cart.ts');
  });

  teardown(() => {
    anthropic.setFault(undefined); anthropic.cutUtf8 = false;
    ollama.setFault(undefined); ollama.cutUtf8 = false; ollama.setReply({ perTokenMs: 15, text: undefined });
    openai.setFault(undefined);
  });

  suiteTeardown(async () => {
    await restore();
    await Promise.all([ollama.close(), anthropic.close(), openai.close()]);
    fs.rmSync(path.join(session().workspace, SCRATCH), { force: true });
  });

  test('Anthropic 529 overloaded with Retry-After 1: waited out, answered, one ledger record', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    const n = anthropic.requests.length;
    anthropic.setFault({ kind: 'status', status: 529, retryAfter: 1, once: true });
    const q = `Explain Cart.total rounding (${tag()})`;
    const { took, text } = await askUntilEnded('cloud', q, 45_000);
    const p = posts(anthropic, n);
    process.stdout.write(`      529 + Retry-After 1: ${p.length} posts, ${took} ms; ${JSON.stringify(text.slice(0, 400))}\n`);
    assert.match(text, /\[fake-anthropic\]/, 'answered after the wait');
    assert.equal(p.length, 2, 'one 529, one retry');
    assert.ok(p[1]!.receivedAt - p[0]!.receivedAt >= 800, 'the retry did not wait for Retry-After');
    const added = ledgerRecords().slice(before);
    assert.deepEqual(added.map((r) => r.status), ['ok'], JSON.stringify(added.map((r) => [r.status, r.outcome])));
  });

  test('Anthropic 529 overloaded on every try, no Retry-After: the turn ends soon, names the overload and what to do, one failed record', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    const n = anthropic.requests.length;
    anthropic.setFault({ kind: 'status', status: 529 });
    const q = `Explain Cart.discount (${tag()})`;
    const { took, text } = await askUntilEnded('cloud', q, 90_000);
    process.stdout.write(`      529 always: ${posts(anthropic, n).length} posts, ended in ${took} ms; ${JSON.stringify(text.slice(0, 600))}\n`);
    await shotOfTurn(q, '529-overloaded');
    assert.ok(took < 60_000, `the turn spun for ${took} ms`);
    assert.match(text, /Anthropic/);
    assert.match(text, /overloaded/i, 'names the overload');
    assert.match(text, /The model server is busy/, 'the heading says busy, not broken');
    assert.match(text, /Retry|try again|later|status\.anthropic\.com/i, 'says what to do');
    assert.ok(posts(anthropic, n).length <= 4, 'retries are bounded');
    const added = ledgerRecords().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.route, r.status, r.outcome]))}\n`);
    assert.equal(added.length, 1, 'one record for the question');
    assert.notEqual(added[0]!.status, 'ok');
  });

  test('Retry on a failed card while another answer is coming: the button says to wait, no second answer starts', async () => {
    const f = await focusChat();
    anthropic.setFault({ kind: 'status', status: 529 });
    const failed = `Explain Cart.total (${tag()})`;
    await askUntilEnded('cloud', failed, 90_000);
    anthropic.setFault({ kind: 'delayFirstByte', ms: 20_000 });
    const slow = `Explain Cart.tax (${tag()})`;
    await send('cloud', slow);
    await until(async () => f.locator('button.stop').isVisible(), 'Stop while the slow answer is coming', 30_000);
    const turns = await f.locator('article.turn').count();
    const retry = f.locator('article.turn').filter({ hasText: failed }).last().locator('button[data-fix="retry"], button[data-fix="retryLocal"]').first();
    await retry.click();
    await until(async () => (await retry.innerText()) === 'Wait…', 'the Retry button saying to wait (it did nothing before)', 5_000);
    assert.equal(await f.locator('article.turn').count(), turns, 'no second answer started');
    await f.locator('button.stop').click();
    await until(async () => !(await turnSpinning(slow)), 'the slow answer stopped', 30_000);
  });

  test('a multibyte UTF-8 character cut across two chunks of the Anthropic stream arrives whole', async () => {
    await focusChat();
    anthropic.cutUtf8 = true;
    const q = `Say the price in French (${tag()})`;
    const { text } = await askUntilEnded('cloud', q, 30_000);
    process.stdout.write(`      cut UTF-8 (Anthropic): ${JSON.stringify(text.slice(0, 300))}\n`);
    assert.doesNotMatch(text, /\uFFFD/, 'a replacement character in the answer');
    assert.match(text, /café 5 € naïve 😀 日本語 fin\./);
  });

  test('a multibyte UTF-8 character cut across two NDJSON chunks from Ollama arrives whole (Ask private)', async () => {
    await focusChat();
    ollama.cutUtf8 = true;
    const before = ledgerRecords().length;
    const q = `Say the price in French, privately (${tag()})`;
    const { text } = await askUntilEnded('private', q, 30_000);
    process.stdout.write(`      cut UTF-8 (Ollama): ${JSON.stringify(text.slice(0, 300))}\n`);
    assert.doesNotMatch(text, /\uFFFD/, 'a replacement character in the answer');
    assert.match(text, /café 5 € naïve 😀 日本語 fin\./);
    assert.deepEqual(ledgerRecords().slice(before).map((r) => [r.route, r.status]), [['local', 'ok']]);
  });

  test('Ollama restarts while a completion streams: no stale ghost text, then the next keystroke gets ghost text again', async () => {
    const page = session().page;
    await openFile(page, SCRATCH);
    assert.ok((await typeUntilGhost(page, 'const warm =', 15_000)) >= 0, 'a completion before the restart');
    ollama.setReply({ perTokenMs: 400 });
    const n = ollama.requests.length;
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('const mid =', { delay: 40 });
    await until(async () => ollama.requests.slice(n).some((r) => r.path === '/api/generate'), 'a completion request', 15_000);
    await page.waitForTimeout(500);
    await ollama.close();
    await page.waitForTimeout(800);
    await page.keyboard.press('Escape');
    ollama.setReply({ perTokenMs: 15 });
    await ollama.start(ollamaPort);
    let after = -1;
    for (let i = 0; i < 4 && after < 0; i++) after = await typeUntilGhost(page, `const again${i} =`, 10_000);
    process.stdout.write(`      ghost text after a restart mid-completion: ${after} ms\n`);
    assert.ok(after >= 0, 'completion came back without a reload');
    await statusItem(page, /local ready|local ·/i).waitFor({ state: 'visible', timeout: 25_000 });
    assert.equal(await statusItem(page, /offline|not running/i).count(), 0, 'the status bar still says offline');
  });

  test('OpenAI answers 200, then sends an SSE error object mid-answer: the words stay, the error is named, one failed record', async () => {
    const back = await withSettings({ 'hybrid.cloud.provider': 'openai' });
    try {
      await openFile(session().page, 'cart.ts');
      await focusChat();
      const before = ledgerRecords().length;
      openai.setFault({ kind: 'errorEvent', afterTokens: 3, once: true });
      const q = `Walk through Cart's tax path (${tag()})`;
      const { took, text } = await askUntilEnded('cloud', q, 45_000);
      process.stdout.write(`      SSE error mid-answer, ended in ${took} ms: ${JSON.stringify(text.slice(0, 600))}\n`);
      await shotOfTurn(q, 'openai-sse-error');
      assert.match(text, /\[fake-openai\]/, 'the words so far stay');
      assert.match(text, /OpenAI/, 'names the provider');
      assert.match(text, /server error|had an error|failed|incomplete|stopped/i, 'says the answer broke off');
      assert.match(text, /Retry/, 'offers the way out');
      const added = ledgerRecords().slice(before);
      process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.provider, r.status, r.outcome]))}\n`);
      assert.equal(added.length, 1, 'one record for the question');
      assert.equal(added[0]!.provider, 'openai');
      assert.notEqual(added[0]!.status, 'ok', 'a broken answer recorded as ok');
    } finally {
      await back();
    }
  });
});
