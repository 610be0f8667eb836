import * as assert from 'node:assert/strict';
import { CompletionEngine, type CompletionEngineDeps, type CompletionInput, type CompletionResult, type CompletionSettings } from '../../../src/core/completion';
import { LocalHealthMonitor, type LocalHealthReport } from '../../../src/core/route/localHealth';
import type { LedgerRecord } from '../../../src/core/request';
import { FakeFimProvider, FakeTimers, flush, settings } from './fakes';

interface Rig {
  engine: CompletionEngine;
  provider: FakeFimProvider;
  timers: FakeTimers;
  records: LedgerRecord[];
  health: LocalHealthReport[];
  cfg: { current: CompletionSettings };
}

function rig(opts: Partial<CompletionEngineDeps['options']> = {}, over: Partial<CompletionSettings> = {}): Rig {
  const provider = new FakeFimProvider();
  const timers = new FakeTimers();
  const records: LedgerRecord[] = [];
  const health: LocalHealthReport[] = [];
  const monitor = new LocalHealthMonitor({ now: () => timers.now, onChange: (h) => health.push(h) }, opts.retryWhileDownMs ?? 10_000);
  const cfg = { current: settings({ 'completion.debounceMs': 250, ...over }) };
  let n = 0;
  const engine = new CompletionEngine({
    provider, settings: () => cfg.current, record: (r) => records.push(r), health: monitor,
    timers, now: () => timers.now, wallNow: () => 1_700_000_000_000 + timers.now, newId: () => `id${++n}`,
    options: { adaptiveDebounce: false, ...opts },
  });
  return { engine, provider, timers, records, health, cfg };
}

const doc = (prefix: string, suffix = '', more: Partial<CompletionInput> = {}): CompletionInput =>
  ({ docUri: 'file:///a.ts', languageId: 'typescript', prefix, suffix, ...more });

/** Starts provide(), lets the debounce pass, returns the pending promise. */
async function started(r: Rig, input: CompletionInput, signal = new AbortController().signal): Promise<{ result: Promise<CompletionResult | undefined> }> {
  const result = r.engine.provide(input, signal);
  await r.timers.advance(250);
  return { result };
}

async function completed(r: Rig, input: CompletionInput, signal?: AbortSignal): Promise<CompletionResult | undefined> {
  return (await started(r, input, signal)).result;
}

suite('completion engine', () => {
  test('one debounced request with the pruned window, the model from settings and a newline stop mid-line', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('4', '2;'); call.end(); };
    const p = r.engine.provide(doc('const x = ', '\nfoo();'), new AbortController().signal);
    await r.timers.advance(249);
    assert.equal(r.provider.calls.length, 0, 'nothing before the debounce delay');
    await r.timers.advance(1);
    const res = await p;
    assert.deepEqual(res, { text: '42;', id: 'id1', source: 'model' });
    const body = r.provider.last.body;
    assert.equal(body.model, 'qwen2.5-coder:1.5b');
    assert.equal(body.prefix, 'const x = ');
    assert.equal(body.suffix, '\nfoo();');
    assert.ok(body.stop?.includes('\n'));
    assert.ok(body.temperature !== undefined && body.temperature < 0.1);
    await flush();
    assert.equal(r.records.length, 1);
    const rec = r.records[0]!;
    assert.equal(rec.origin, 'inline'); assert.equal(rec.kind, 'completion'); assert.equal(rec.route, 'local');
    assert.equal(rec.status, 'ok'); assert.equal(rec.outcome, 'shown'); assert.equal(rec.id, 'id1');
    assert.equal(rec.tokens.output, 2); assert.equal(rec.tokens.source, 'provider');
    assert.equal(rec.tokens.input, Math.ceil('const x = \nfoo();'.length / 4));
  });

  test('multi-line at a block start: no newline stop and a larger token cap', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('\n  return 1;', '\n}'); call.end(); };
    const res = await completed(r, doc('function f() {', '\n}'));
    assert.equal(res?.text, '\n  return 1;');
    assert.ok(!r.provider.last.body.stop?.includes('\n'));
    assert.ok(r.provider.last.body.maxTokens > 64);
  });

  test('typing fast sends one request for the last keystroke only', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('1;'); call.end(); };
    const results: Array<Promise<CompletionResult | undefined>> = [];
    for (const prefix of ['c', 'co', 'con', 'cons', 'const x = ']) {
      results.push(r.engine.provide(doc(prefix), new AbortController().signal));
      await r.timers.advance(80);
    }
    await r.timers.advance(250);
    const got = await Promise.all(results);
    assert.equal(r.provider.calls.length, 1);
    assert.equal(r.provider.last.body.prefix, 'const x = ');
    assert.deepEqual(got.map((g) => g?.text), [undefined, undefined, undefined, undefined, '1;']);
  });

  test('a new request really aborts the previous one (its AbortSignal fires) and records it cancelled', async () => {
    const r = rig();
    const first = (await started(r, doc('let a = '))).result;
    assert.equal(r.provider.calls.length, 1);
    const firstCall = r.provider.last;
    assert.equal(firstCall.signal.aborted, false);
    const second = r.engine.provide(doc('let b = '), new AbortController().signal);
    await flush();
    assert.equal(firstCall.signal.aborted, true, 'aborted as soon as the next request is known, before its debounce');
    assert.equal(await first, undefined);
    await r.timers.advance(250);
    assert.equal(r.provider.calls.length, 2);
    r.provider.last.push('2;'); r.provider.last.end();
    assert.equal((await second)?.text, '2;');
    await flush();
    assert.deepEqual(r.records.map((x) => [x.id, x.status, x.outcome]), [['id1', 'cancelled', 'cancelled'], ['id2', 'ok', 'shown']]);
  });

  test('the same window is served from the cache with no request, and recorded as a cache hit', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('foo();'); call.end(); };
    await completed(r, doc('x = 1;\n'));
    // Same window in another document: not a typed-ahead of the last suggestion, but the same cache key.
    const again = await r.engine.provide(doc('x = 1;\n', '', { docUri: 'file:///b.ts' }), new AbortController().signal);
    assert.deepEqual(again, { text: 'foo();', id: 'id2', source: 'cache' });
    assert.equal(r.provider.calls.length, 1);
    await flush();
    assert.equal(r.records.at(-1)?.outcome, 'cache');
    assert.equal(r.records.at(-1)?.tokens.input, 0);
  });

  test('backspacing to an earlier window hits the cache', async () => {
    const r = rig();
    r.provider.script = (b, call) => { call.push(b.prefix.endsWith('(') ? 'a)' : 'b'); call.end(); };
    await completed(r, doc('f('));
    await completed(r, doc('f(z'));
    const back = await r.engine.provide(doc('f('), new AbortController().signal);
    assert.equal(back?.source, 'cache');
    assert.equal(r.provider.calls.length, 2);
  });

  test('typing what the suggestion shows is answered from it with no request (typed-ahead)', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('console', '.log(x);'); call.end(); };
    const first = await completed(r, doc('  ', '\n'));
    assert.equal(first?.text, 'console.log(x);');
    const next = await r.engine.provide(doc('  cons', '\n'), new AbortController().signal);
    assert.deepEqual(next, { text: 'ole.log(x);', id: first?.id, source: 'typed-ahead' });
    const diverged = r.engine.provide(doc('  consx', '\n'), new AbortController().signal);
    await r.timers.advance(250);
    assert.equal(r.provider.calls.length, 2, 'a character that differs needs a new request');
    assert.equal((await diverged)?.source, 'model');
  });

  test('a prefix that extends the in-flight request joins its stream instead of sending another', async () => {
    const r = rig();
    const token = new AbortController();
    const first = (await started(r, doc('const name = '), token.signal)).result;
    const call = r.provider.last;
    call.push("'wor");
    await flush();
    // The user types the first characters of what is streaming: VS Code cancels the first call and asks again.
    token.abort();
    assert.equal(await first, undefined);
    const joined = r.engine.provide(doc("const name = 'w"), new AbortController().signal);
    await r.timers.advance(300);
    assert.equal(r.provider.calls.length, 1, 'no second request');
    assert.equal(call.signal.aborted, false, 'the grace period kept the stream for the next keystroke');
    call.push("ld';"); call.end();
    assert.deepEqual(await joined, { text: "orld';", id: 'id1', source: 'reuse' });
    await flush();
    assert.deepEqual(r.records.map((x) => [x.id, x.outcome]), [['id1', 'shown']]);
  });

  test('one keystroke ahead of the stream still joins; two keystrokes ahead start a fresh request', async () => {
    const r = rig();
    const first = (await started(r, doc('let s = '))).result;
    const call = r.provider.last;
    const oneAhead = r.engine.provide(doc('let s = "'), new AbortController().signal);
    await flush();
    assert.equal(call.signal.aborted, false);
    const twoAhead = r.engine.provide(doc('let s = "a'), new AbortController().signal);
    await flush();
    assert.equal(call.signal.aborted, true);
    assert.equal(await first, undefined);
    assert.equal(await oneAhead, undefined);
    await r.timers.advance(250);
    assert.equal(r.provider.calls.length, 2);
    assert.equal(r.provider.last.body.prefix, 'let s = "a');
    r.provider.last.push('bc";'); r.provider.last.end();
    assert.equal((await twoAhead)?.text, 'bc";');
  });

  test('when everyone waiting on a request has gone, it is aborted after the grace period', async () => {
    const r = rig({ orphanGraceMs: 100 });
    const ctl = new AbortController();
    const p = (await started(r, doc('let q = '), ctl.signal)).result;
    const call = r.provider.last;
    ctl.abort();
    assert.equal(await p, undefined);
    await r.timers.advance(99);
    assert.equal(call.signal.aborted, false, 'kept alive for a keystroke that may extend it');
    await r.timers.advance(1);
    assert.equal(call.signal.aborted, true);
    await flush();
    assert.equal(r.records[0]?.status, 'cancelled');
  });

  test('with reuse off, every window is a new request (the benchmark baseline)', async () => {
    const r = rig({ reuse: false });
    r.provider.script = (_b, call) => { call.push('go();'); call.end(); };
    await completed(r, doc('x\n'));
    await completed(r, doc('x\n'));
    assert.equal(r.provider.calls.length, 2);
  });

  test('disabled, or a disabled language: nothing is sent', async () => {
    const r = rig({}, { 'completion.disabledLanguages': ['markdown'] });
    assert.equal(await completed(r, doc('# T', '', { languageId: 'markdown' })), undefined);
    r.cfg.current = settings({ 'completion.enabled': false });
    assert.equal(await completed(r, doc('x')), undefined);
    assert.equal(r.provider.calls.length, 0);
  });

  test('snippets from other files go above the prefix when enabled, not when disabled', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.end(); };
    const snippets = [{ path: 'util.ts', text: 'export const k = 1;' }];
    await completed(r, doc('import { k } from "./util";\n', '', { snippets }));
    assert.equal(r.provider.last.body.prefix, '// Path: util.ts\n// export const k = 1;\nimport { k } from "./util";\n');
    r.cfg.current = settings({ 'completion.useSnippets': false });
    let asked = 0;
    await completed(r, doc('import { k } from "./util";\nk', '', { snippets: () => { asked++; return snippets; } }));
    assert.equal(asked, 0, 'not even collected when disabled');
    assert.equal(r.provider.last.body.prefix, 'import { k } from "./util";\nk');
  });

  test('the request (prompt, snippets, client) is prepared in the debounce\'s last moments and leaves as it ends', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('1;'); call.end(); };
    const snippets = [{ path: 'util.ts', text: 'export const k = 1;' }];
    const built: number[] = [];
    const input = (prefix: string) => doc(prefix, '', { snippets: () => { built.push(r.timers.now); return snippets; } });
    const t0 = r.timers.now;
    const p = r.engine.provide(input('const a = '), new AbortController().signal);
    await r.timers.advance(200);
    assert.deepEqual(built, [], 'nothing is collected on the keystroke or early in the wait');
    await r.timers.advance(20);
    assert.deepEqual(built, [t0 + 210], 'built 40 ms before the debounce ends');
    assert.equal(r.provider.prepared, 1, 'the provider prepares it then');
    assert.equal(r.provider.calls.length, 0, 'but holds it: nothing is sent before the debounce ends');
    await r.timers.advance(30);
    assert.equal(r.provider.calls.length, 1, 'sent as the debounce ends');
    assert.equal((await p)?.text, '1;');
    assert.equal(built.length, 1, 'not built again when the request leaves');
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]!.totalMs, 0, 'timed from when it was sent, not from when it was prepared');
    assert.match(r.provider.last.body.prefix, /^\/\/ Path: util\.ts/);
    // A keystroke inside those moments costs one build and sends nothing for the old text.
    const q1 = r.engine.provide(input('const b = '), new AbortController().signal);
    await r.timers.advance(230);
    const q2 = r.engine.provide(input('const b = 2'), new AbortController().signal);
    await r.timers.advance(250);
    assert.equal(await q1, undefined);
    await q2;
    assert.equal(built.length, 3);
    assert.equal(r.provider.prepared, 3);
    assert.deepEqual(r.provider.calls.map((c) => c.body.prefix.endsWith('const b = ')), [false, false], 'the superseded text was never sent');
    assert.equal(r.records.length, 2, 'a request dropped before it was sent leaves no ledger record');
  });

  test('what became of a suggestion is a record of its own that names the request, its model and language', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('1;'); call.end(); };
    const res = await completed(r, doc('let z = '));
    r.engine.onSuggestionEnded(res!.id, 'accepted', 'typescript', 412.4);
    await flush();
    assert.deepEqual(r.records.map((x) => [x.id, x.outcome]), [['id1', 'shown'], ['id1:accepted', 'accepted']]);
    assert.equal(r.records[1]?.model, 'qwen2.5-coder:1.5b');
    assert.equal(r.records[1]?.language, 'typescript');
    assert.equal(r.records[1]?.totalMs, 412);
    assert.equal(r.records[1]?.costUsd, 0);
  });

  test('empty suggestions are recorded as empty, not shown, and not asked for again at the same place', async () => {
    const r = rig();
    r.provider.script = (_b, call) => { call.push('   '); call.end(); };
    assert.equal(await completed(r, doc('let w = ')), undefined);
    await flush();
    assert.equal(r.records[0]?.outcome, 'empty');
    assert.equal(await completed(r, doc('let w = ', '', { docUri: 'file:///other.ts' })), undefined);
    assert.equal(r.provider.calls.length, 1);
    assert.equal(r.records.length, 1);
  });

  test('a prepared request\'s own cap (maxRequestMs) counts from when it is sent, not from when it was prepared', async () => {
    const r = rig({ maxRequestMs: 100 });
    const p = r.engine.provide(doc('const x = '), new AbortController().signal);
    await r.timers.advance(250); // prepared at 210, sent at 250
    r.provider.last.push('4');
    await r.timers.advance(80); // 120 ms after preparing, 80 after sending
    r.provider.last.push('2');
    r.provider.last.end();
    assert.equal((await p)?.text, '42', 'not cut at 100 ms after preparing');
  });

  test('settings (or the provider) changed while a request is held: it is prepared again, not sent as it was', async () => {
    const r = rig();
    const first = new FakeFimProvider();
    const seen: string[] = [];
    let current = first;
    const engine = new CompletionEngine({
      provider: { get id() { return current.id; }, complete: (b, sig, send) => current.complete(b, sig, send) },
      settings: () => r.cfg.current, timers: r.timers, now: () => r.timers.now, record: (x) => r.records.push(x),
      options: { adaptiveDebounce: false },
    });
    const second = new FakeFimProvider();
    for (const [name, p] of [['old', first], ['new', second]] as const) p.script = (_b, call) => { seen.push(name); call.push('1;'); call.end(); };
    const pending = engine.provide(doc('const y = '), new AbortController().signal);
    await r.timers.advance(220);
    assert.equal(first.prepared, 1, 'prepared with the old provider');
    current = second;
    engine.clearCache(); // what a settings change does (register.ts)
    await r.timers.advance(30);
    assert.equal((await pending)?.text, '1;');
    assert.deepEqual(seen, ['new'], 'sent through the new provider only');
    assert.equal(r.records.length, 1, 'one record: the dropped preparation leaves none');
  });

  test('a prepared request that fails before it is sent (endpoint not local) is said once sent, and not at all if dropped', async () => {
    const r = rig();
    r.provider.failBeforeSend = { code: 'notLocal', message: 'http://10.0.0.5:11434 is not on this machine', fix: 'openSettings' };
    const dropped = r.engine.provide(doc('const a = '), new AbortController().signal);
    await r.timers.advance(230); // prepared (and already failed inside the provider), not yet sent
    assert.equal(r.provider.prepared, 1);
    const p = r.engine.provide(doc('const a = 1'), new AbortController().signal);
    assert.equal(await dropped, undefined);
    await flush();
    assert.deepEqual([r.records.length, r.health.length], [0, 0], 'dropped unsent: no record, no health change');
    await r.timers.advance(250);
    assert.equal(await p, undefined, 'settles: no wait on a flight that had already ended');
    await flush();
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]?.status, 'failed');
    assert.deepEqual(r.health.map((h) => h.state), ['notLocal']);
    // Fixed and retried: the next request is sent and answered, not joined to the failed flight.
    r.provider.failBeforeSend = undefined;
    r.provider.script = (_b, call) => { call.push('2;'); call.end(); };
    r.engine.retryNow();
    assert.equal((await completed(r, doc('const a = 1')))?.text, '2;');
  });

  test('local down: no suggestion, one health change per outage, no request storm, recovery when it is back', async () => {
    const r = rig({ retryWhileDownMs: 10_000 });
    r.provider.script = (_b, call) => call.fail({ code: 'connection', message: 'Ollama is not running', fix: 'startOllama' });
    assert.equal(await completed(r, doc('a')), undefined);
    assert.deepEqual(r.health.map((h) => h.state), ['offline']);
    assert.equal(r.health[0]?.fix, 'startOllama');
    assert.equal(r.records[0]?.status, 'failed');
    for (const p of ['ab', 'abc', 'abcd']) assert.equal(await completed(r, doc(p)), undefined);
    assert.equal(r.provider.calls.length, 1, 'no request while inside the retry interval');
    await r.timers.advance(10_000);
    await completed(r, doc('abcde'));
    assert.equal(r.provider.calls.length, 2);
    assert.deepEqual(r.health.map((h) => h.state), ['offline'], 'still offline: no second notice');
    await r.timers.advance(10_000);
    r.provider.script = (_b, call) => { call.push('x;'); call.end(); };
    assert.equal((await completed(r, doc('abcdef')))?.text, 'x;');
    assert.deepEqual(r.health.map((h) => h.state), ['offline', 'ready']);
  });

  test('model missing is its own state, with the pull command from the provider', async () => {
    const r = rig();
    r.provider.script = (_b, call) => call.fail({ code: 'modelMissing', message: 'not pulled', fix: 'pullModel', fixDetail: 'ollama pull qwen2.5-coder:1.5b' });
    await completed(r, doc('a'));
    assert.equal(r.health[0]?.state, 'modelMissing');
    assert.equal(r.health[0]?.fixCommand, 'ollama pull qwen2.5-coder:1.5b');
    r.engine.retryNow();
    await completed(r, doc('ab'));
    assert.equal(r.provider.calls.length, 2, 'retryNow lets the next completion try again at once');
    assert.equal(r.health.length, 1);
  });

  test('a single-line stream stops (aborts) at the first complete line, and the result is still shown', async () => {
    const r = rig();
    const p = (await started(r, doc('const v = '))).result;
    const call = r.provider.last;
    call.push('3;', '\nnext();');
    await flush();
    assert.equal(call.signal.aborted, true);
    assert.equal((await p)?.text, '3;');
    await flush();
    assert.equal(r.records[0]?.status, 'ok');
    assert.equal(r.records[0]?.outcome, 'shown');
  });

  test('adaptive debounce waits longer when the model is slow', async () => {
    const r = rig({ adaptiveDebounce: true });
    const slow = (await started(r, doc('s = '))).result;
    await r.timers.advance(2000);
    r.provider.last.push('1;'); r.provider.last.end();
    await slow;
    const p = r.engine.provide(doc('t = '), new AbortController().signal);
    await r.timers.advance(300);
    assert.equal(r.provider.calls.length, 1, 'base 250 ms has passed but the slow model asks for more');
    await r.timers.advance(300);
    assert.equal(r.provider.calls.length, 2);
    r.provider.last.end();
    await p;
  });
});
