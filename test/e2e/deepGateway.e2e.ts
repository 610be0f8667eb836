// Deep session, round 6: an OpenAI-compatible endpoint that misbehaves the way gateways and networks do, in the
// real workbench against a fake this process owns, the local fallback off (the user sees the cloud's own failure):
// a reverse proxy's HTML 502 page; a 200 OK that is a web page (the base URL points at a web UI or a captive portal,
// not an API); an nginx HTML 400 page; a 429 whose Retry-After is far longer than any time-out; the socket destroyed
// right after the headers (a network change). Each time the turn must end soon, name the cause and the fix in
// words (no markup), stop its spinner, and leave one ledger record labelled as the failure it was.

import * as assert from 'node:assert/strict';
import type { Exchange } from '../fakes/base';
import { FakeOpenAI } from '../fakes/openai';
import { session } from './session';
import { openFile } from './workbenchPage';
import { focusChat, ledgerRecords, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const FIRST_BYTE_MS = 4_000;
const IDLE_MS = 4_000;
// A turn that names its failure must do so soon: the SDK's own retries of a 5xx included.
const END_MS = 25_000;

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
const NGINX_400 = '<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const LOGIN_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Open WebUI</title><script src="/static/app.js"></script></head><body><div id="app">Loading…</div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>';

/** OpenAI-compatible, plus one knob: answer the next chat request with a 200 web page instead of the API. */
class GatewayOpenAI extends FakeOpenAI {
  htmlPageOnce = false;
  protected override async handle(ex: Exchange): Promise<void> {
    if (this.htmlPageOnce && ex.record.path === '/v1/chat/completions') {
      this.htmlPageOnce = false;
      ex.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      ex.res.end(LOGIN_PAGE);
      return;
    }
    return super.handle(ex);
  }
}

/** Asks the cloud and waits for the turn to stop spinning; returns how long it spun and what it says. */
async function askCloud(q: string, limitMs = END_MS + 30_000): Promise<{ ms: number; text: string }> {
  await send('cloud', q);
  await until(async () => (await turnText(q)).length > 0, 'the turn to appear', 15_000);
  const began = Date.now();
  await until(async () => !(await turnSpinning(q)), 'the turn to end', limitMs);
  return { ms: Date.now() - began, text: await turnText(q) };
}

function assertNoMarkup(text: string): void {
  assert.doesNotMatch(text, /<\/?(html|head|body|title|center|hr|h1|script|div|noscript)\b|<!DOCTYPE/i, `raw HTML in the card: ${JSON.stringify(text.slice(0, 400))}`);
}

suite('deep session: an OpenAI-compatible gateway that answers with web pages, long 429s and dropped sockets', function () {
  this.timeout(300_000);
  const fake = new GatewayOpenAI({ ttftMs: 50, perTokenMs: 30 });
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    const s = await fake.start();
    restore = await withSettings({
      'hybrid.openai.baseUrl': `${s.url}/v1`,
      'hybrid.cloud.provider': 'openai',
      'hybrid.cloud.model': 'gpt-5.4',
      'hybrid.timeouts.cloudFirstByteMs': FIRST_BYTE_MS,
      'hybrid.timeouts.idleMs': IDLE_MS,
      'hybrid.fallback.cloudToLocal': false,
    });
    await openFile(session().page, 'cart.ts');
  });

  teardown(() => { fake.setFault(undefined); fake.htmlPageOnce = false; });

  suiteTeardown(async () => {
    await restore();
    await fake.close();
  });

  test('a reverse proxy answers 502 with its HTML page: the card says the gateway failed, in words, soon', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    fake.setFault({ kind: 'status', status: 502, body: NGINX_502 });
    const q = `Why does Cart recompute totals twice? (${tag()})`;
    const { ms, text } = await askCloud(q);
    process.stdout.write(`      HTML 502, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'gateway-html-502');
    assert.ok(ms <= END_MS, `the turn spun for ${ms} ms`);
    assertNoMarkup(text);
    assert.match(text, /OpenAI/, 'names who failed');
    assert.match(text, /502/, 'names the status');
    assert.match(text, /Retry|try again/i, 'offers a way out');
    const added = ledgerRecords().slice(before);
    assert.equal(added.length, 1, `one record (${JSON.stringify(added.map((r) => [r.status, r.outcome]))})`);
    assert.equal(added[0].status, 'failed');
  });

  test('a 200 OK that is a web page (the base URL is a web UI, not the API): the card names the setting, no empty "answer"', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    fake.htmlPageOnce = true;
    const q = `List the public methods of Cart (${tag()})`;
    const { ms, text } = await askCloud(q);
    process.stdout.write(`      200 text/html, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'gateway-html-200');
    assert.ok(ms <= END_MS, `the turn spun for ${ms} ms`);
    assertNoMarkup(text);
    assert.match(text, /hybrid\.openai\.baseUrl/, 'the fix names the base URL setting');
    assert.match(text, /web page|HTML|not an API|not the API/i, 'says what came back');
    const added = ledgerRecords().slice(before);
    process.stdout.write(`      ledger: ${JSON.stringify(added.map((r) => [r.status, r.outcome, r.tokens]))}\n`);
    assert.equal(added.length, 1, 'one record');
    assert.equal(added[0].status, 'failed', 'a web page is not an answer');
  });

  test('nginx answers 400 with its HTML page: the card carries the page\'s words, not its markup', async () => {
    await focusChat();
    fake.setFault({ kind: 'status', status: 400, body: NGINX_400, once: true });
    const q = `How would you test Cart's rounding? (${tag()})`;
    const { ms, text } = await askCloud(q);
    process.stdout.write(`      HTML 400, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'gateway-html-400');
    assert.ok(ms <= END_MS, `the turn spun for ${ms} ms`);
    assertNoMarkup(text);
    assert.match(text, /400/);
    assert.match(text, /Request Header Or Cookie Too Large/, 'the page\'s own words, which say what is wrong');
  });

  test('a 429 asking to wait 10 minutes: the turn does not wait it out; it ends now and names the wait', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    const n = fake.requests.length;
    fake.setFault({ kind: 'status', status: 429, retryAfter: 600 });
    const q = `Suggest names for Cart's helpers (${tag()})`;
    const { ms, text } = await askCloud(q);
    process.stdout.write(`      429 retry-after 600, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'gateway-429-long');
    assert.ok(ms <= 10_000, `the turn spun for ${ms} ms on a 10-minute Retry-After`);
    assert.match(text, /429|rate/i, 'names the cause');
    assert.match(text, /10 min/, 'names the wait in words a person reads');
    assert.doesNotMatch(text, /600 s\b/, 'not a count of seconds');
    assert.equal(fake.requests.slice(n).filter((r) => r.path === '/v1/chat/completions').length, 1, 'no retry against a 10-minute wait');
    const added = ledgerRecords().slice(before);
    assert.equal(added.length, 1, 'one record');
    assert.equal(added[0].status, 'failed');
  });

  test('the socket is destroyed right after the headers (a network change): "connection lost", not "cannot reach"', async () => {
    await focusChat();
    const before = ledgerRecords().length;
    fake.setFault({ kind: 'reset', afterTokens: 0, once: true });
    const q = `Explain Cart's invariants in one paragraph (${tag()})`;
    const { ms, text } = await askCloud(q);
    process.stdout.write(`      reset after headers, ended after ${ms} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
    await shotOfTurn(q, 'gateway-reset-after-headers');
    assert.ok(ms <= END_MS, `the turn spun for ${ms} ms`);
    assert.match(text, /OpenAI/);
    assert.match(text, /connection/i, 'names the connection');
    assert.doesNotMatch(text, /Cannot reach/, 'the server was reached: it answered with headers');
    assert.match(text, /network/i, 'the fix points at the network');
    const added = ledgerRecords().slice(before);
    assert.equal(added.length, 1, 'one record');
    assert.equal(added[0].status, 'failed');
  });
});
