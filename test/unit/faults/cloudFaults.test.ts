// The cloud in trouble, through the real pipeline (Ask (cloud), no fallback so the error itself is what the user
// sees; then with fallback on, the notice must still say why the cloud failed). Anthropic and OpenAI alike.
import * as assert from 'node:assert/strict';
import { closedPort } from '../providers/helpers';
import { FaultRig, SHORT } from './rig';
import { assertFailedClearly } from './assertions';
import type { Fault, FakeServer } from '../../fakes/base';


const FIRST = SHORT['timeouts.cloudFirstByteMs'];
const IDLE = SHORT['timeouts.idleMs'];
const SLACK = 2500;
const ask = { origin: 'askCloud' as const, kind: 'ask' as const, question: 'Compare two designs for a cache layer.' };

interface Case { name: string; fault: Fault; cause: RegExp; fix: RegExp; bound?: number; only?: 'anthropic' | 'openai' }

const CASES: Case[] = [
  { name: 'bad key (401)', fault: { kind: 'status', status: 401 }, cause: /key|401|auth/i, fix: /Hybrid: Set API Key/ },
  { name: '403 forbidden', fault: { kind: 'status', status: 403 }, cause: /403|permission|forbidden|access/i, fix: /key|Set API Key|model|account|hybrid\./i },
  { name: '404 model', fault: { kind: 'status', status: 404 }, cause: /claude-sonnet-4-6|gpt-4\.1|model|404/i, fix: /hybrid\.cloud\.model/ },
  { name: '429 retry-after beyond the cap', fault: { kind: 'status', status: 429, retryAfter: 3600 }, cause: /rate|429|limit/i, fix: /wait|later|minute|hour|retry|try again/i },
  { name: '429 insufficient quota', fault: { kind: 'status', status: 429, body: { error: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'You exceeded your current quota, please check your plan and billing details.' } } }, cause: /quota|billing|credit|limit/i, fix: /billing|plan|console|account|budget|local/i },
  { name: '529 overloaded x3', fault: { kind: 'status', status: 529 }, cause: /overload|529|busy/i, fix: /later|try again|retry|local/i, only: 'anthropic' },
  { name: '500 x3', fault: { kind: 'status', status: 500 }, cause: /500|server/i, fix: /later|try again|retry|local/i },
  { name: 'stream cut mid-answer', fault: { kind: 'truncate', afterTokens: 2 }, cause: /cut|ended|incomplete|closed|before/i, fix: /try again|retry/i },
  // Deep e2e session (the Ollama twin): a connection reset after words came read "Cannot reach … check your network".
  { name: 'connection reset mid-answer', fault: { kind: 'reset', afterTokens: 2 }, cause: /in the middle of the answer.*incomplete/i, fix: /try again|retry/i },
  { name: 'malformed SSE chunk', fault: { kind: 'malformedChunk', afterTokens: 1 }, cause: /malformed|invalid|unexpected|parse/i, fix: /try again|retry/i },
  { name: 'error event mid-stream', fault: { kind: 'errorEvent', afterTokens: 2 }, cause: /overload|error|failed/i, fix: /try again|retry|later/i },
  { name: 'stall after headers', fault: { kind: 'stallAfterHeaders', afterTokens: 1 }, cause: /stopped sending|stall/i, fix: /hybrid\.timeouts\.idleMs/, bound: FIRST + IDLE + SLACK },
  { name: 'slow first byte', fault: { kind: 'delayFirstByte', ms: 6000 }, cause: /no response|time/i, fix: /hybrid\.timeouts\.cloudFirstByteMs/ },
];

suite('faults: cloud in trouble (Ask cloud)', function () {
  this.timeout(20_000);
  let rig: FaultRig;
  suiteSetup(async () => { rig = await FaultRig.start(); });
  suiteTeardown(async () => { await rig.close(); });
  setup(() => rig.reset());

  for (const cloud of ['anthropic', 'openai'] as const) {
    const fake = (): FakeServer => (cloud === 'anthropic' ? rig.anthropic : rig.openai);
    for (const c of CASES.filter((x) => !x.only || x.only === cloud)) {
      test(`${cloud}: ${c.name} → cause + fix, in time, ledger failed`, async () => {
        fake().setFault(c.fault);
        const o = await rig.run(ask, { cloud });
        // SDK retries (2) with their back-off are inside the bound: the user waits seconds, not minutes.
        assertFailedClearly(o, c.cause, c.fix, c.bound ?? FIRST + SLACK + 3000);
      });
    }

    test(`${cloud}: a 429 the SDK waits out is said at once (who, why, how long), before the answer`, async () => {
      fake().setFault({ kind: 'status', status: 429, retryAfter: 1, once: true });
      const o = await rig.run(ask, { cloud });
      assert.equal(o.errors.length, 0, JSON.stringify(o.errors));
      const at = o.events.findIndex((e) => e.type === 'notice' && /busy \(HTTP 429 rate limit\) — trying again in 1 s/.test(e.text));
      assert.ok(at >= 0, `no wait notice: ${o.notices.join(' | ')}`);
      assert.ok(at < o.events.findIndex((e) => e.type === 'delta'), 'the notice came before the answer, while the user waited');
      assert.equal(o.last?.type === 'done' && o.last.status, 'ok');
    });

    test(`${cloud}: revoked mid-session (ok, then 401) → the second ask names the key command`, async () => {
      const first = await rig.run(ask, { cloud });
      assert.equal(first.errors.length, 0);
      fake().setFault({ kind: 'status', status: 401 });
      const o = await rig.run(ask, { cloud });
      assertFailedClearly(o, /key|401|auth/i, /Hybrid: Set API Key/, FIRST + SLACK);
    });

    test(`${cloud}: no key at all → names the key command, nothing sent`, async () => {
      const o = await rig.run(ask, { cloud, key: null });
      assert.equal(o.errors.length, 1, JSON.stringify(o.events));
      assert.match(o.errors[0].message, /Hybrid: Set API Key|API key/);
      assert.equal(fake().requests.length, 0);
    });

    for (const [what, key] of [['a typographic quote', 'sk-ant-abc\u2019def'], ['a line break inside', 'sk-ant-abc\ndef'], ['a space inside', 'sk-ant-abc def']] as const) {
      test(`${cloud}: a key pasted with ${what} → names the key and the key command, nothing sent`, async () => {
        const o = await rig.run(ask, { cloud, key });
        assertFailedClearly(o, /API key contains a character/, /Hybrid: Set API Key/, SLACK);
        assert.equal(o.errors[0].fixes[0], 'setApiKey');
        assert.ok(!o.shown.includes('abc'), 'no part of the key is shown');
        assert.equal(fake().requests.length, 0);
      });
    }

    test(`${cloud}: DNS failure → names the host and the base URL setting`, async () => {
      const o = await rig.run(ask, { cloud, cloudUrl: 'http://hybrid-cloud.invalid', maxRetries: 0 });
      assertFailedClearly(o, /hybrid-cloud\.invalid/, new RegExp(`hybrid\\.${cloud}\\.baseUrl`), FIRST + SLACK);
    });

    test(`${cloud}: TLS error (https to a plain-HTTP port) → names TLS/certificate or the URL, not a hang`, async () => {
      const port = cloud === 'anthropic' ? new URL(rig.fakes.anthropic!.url).port : new URL(rig.fakes.urls.openai!).port;
      const o = await rig.run(ask, { cloud, cloudUrl: `https://127.0.0.1:${port}${cloud === 'openai' ? '/v1' : ''}`, maxRetries: 0 });
      assertFailedClearly(o, /TLS|SSL|certificate|secure|127\.0\.0\.1/i, new RegExp(`hybrid\\.${cloud}\\.baseUrl|proxy|certificate`), FIRST + SLACK);
    });

    test(`${cloud}: Ask (automatic), connection refused with fallback on → the error and the notice name why the cloud failed, local answers`, async () => {
      // Ask (automatic): an explicit Ask (cloud) is the user's choice of the cloud, so it never silently goes local.
      const auto = { origin: 'askAuto' as const, kind: 'ask' as const, question: 'Design the architecture for a multi-region cache layer and weigh the trade-offs of each consistency model step by step.' };
      const o = await rig.run(auto, { cloud, cloudUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0, settings: { 'fallback.cloudToLocal': true } });
      assert.equal(o.events.find((e) => e.type === 'route' && e.route === 'cloud') !== undefined, true, 'routed to the cloud first');
      // The failed attempt keeps its own error (the chat turn shows it), then the notice says why the local model answers.
      assert.equal(o.errors.length, 1);
      const last = o.events[o.events.length - 1];
      assert.ok(last.type === 'done' && last.status === 'ok', 'the turn ends on the local answer');
      assert.ok(o.notices.some((n) => /connection refused|Cannot reach/i.test(n) && /local/i.test(n)), o.notices.join(' | '));
      assert.deepEqual(o.records.map((r) => [r.route, r.status]), [['cloud', 'failed'], ['local', 'ok']]);
    });
  }
});
