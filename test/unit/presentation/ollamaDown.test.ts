// "Ollama down" was said four ways (status bar "local offline — start Ollama", set-up list "not reachable", refusal
// "is not responding; start it with "ollama serve"", Start Ollama dialog "start Ollama (run …)"). Every surface now
// says the one sentence from shared/ollamaDown (the status bar its short form, the sentence in its tooltip).

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { ollamaDown, isOllamaDown } from '../../../src/shared/ollamaDown';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { decide } from '../../../src/core/route/decide';
import { refusalMessage } from '../../../src/core/pipeline/attempts';
import { statusText } from '../../../src/core/presentation/statusText';
import { localFailureView } from '../../../src/core/presentation/localFailure';
import { localProblemNotice } from '../../../src/core/presentation/localNotice';
import { renderEvent } from '../../../src/core/native/chatRender';
import { whyLine } from '../../../src/webview/chat/routeText';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import type { Labels, Request } from '../../../src/core/request';

const count = (s: string, w: string) => s.split(w).length - 1;

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const labels: Labels = { kind: 'ask', complexity: 0.2, signals: [], findings: [], privatePaths: [] } as unknown as Labels;
const ask = (origin: Request['origin']): Request => ({ id: 'r', kind: 'ask', origin, question: 'What does f do?', context: [] });
const budget = { level: 'none', dailyUsd: 0, monthlyUsd: 0, spentTodayUsd: 0, spentMonthUsd: 0 } as never;

suite('Ollama down: one wording on every surface', () => {
  test('the provider, the health check, the refusal, the tooltip, the notice and VS Code\'s Chat say the same sentence', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const one = ollamaDown(url).text;
    const p = createOllamaProvider({ baseUrl: url, isLocalEndpoint: async () => true } as never);
    const health = await p.health('qwen2.5-coder:7b');
    assert.equal(health.state, 'offline');
    assert.equal(health.message, one, 'the health check');
    const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'local.baseUrl': url };
    const d = decide(ask('askPrivate'), labels, settings, budget, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.equal(refusalMessage(d.reasons), one, 'the chat card of a refused question');
    const status = statusText({ local: 'offline', localMessage: health.message, busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 });
    assert.equal(status.text, `$(warning) local · ${ollamaDown().short}`, 'the status bar, short');
    assert.ok(status.tooltip.includes(one), status.tooltip);
    const failed = localFailureView({ code: 'connection', message: one, fix: 'startOllama' });
    assert.equal(failed.text, `local · ${ollamaDown().short}`, 'the status bar after a failed request');
    assert.ok(failed.tip[0]!.includes(one));
    const notice = localProblemNotice('offline', one);
    assert.ok(notice.includes(one) && count(notice, 'ollama serve') === 1, notice);
    const md = renderEvent({ type: 'error', message: one, fixes: ['startOllama'], failure: { code: 'connection', message: one } } as never, 'private')
      .map((o) => (o.kind === 'markdown' ? o.text : '')).join('');
    assert.ok(md.includes(ollamaDown(url).cause.replace(/\./g, '.')) && md.includes('`ollama serve`'), md);
    for (const text of [health.message, refusalMessage(d.reasons), status.tooltip, notice]) {
      assert.doesNotMatch(text, /not reachable|not responding|local offline|Ollama offline/, text);
    }
  });

  test('adversarial: a hung Ollama or another local server is not called "not running", nor told to run ollama serve', () => {
    const hung = statusText({ local: 'offline', localMessage: 'Ollama at http://127.0.0.1:11434 did not answer within 2 s — check that `ollama serve` is running and responsive.', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 });
    assert.doesNotMatch(hung.text, /not running/, hung.text);
    assert.equal(isOllamaDown('Cannot reach Ollama at x (EHOSTUNREACH)'), false);
    const other: HybridSettings = { ...DEFAULT_SETTINGS, 'local.provider': 'openai-compatible', 'local.baseUrl': 'http://127.0.0.1:8000/v1' };
    const d = decide(ask('askPrivate'), labels, other, budget, { local: 'offline', cloud: 'ready' });
    assert.doesNotMatch(d.reasons.join(' '), /ollama/i, 'an OpenAI-compatible server is not Ollama');
    assert.match(d.reasons[0]!, /http:\/\/127\.0\.0\.1:8000\/v1/);
  });

  test('the sentence names the address once, ends once, and keeps the command as code', () => {
    const t = ollamaDown('http://127.0.0.1:11434').text;
    assert.equal(count(t, 'http://127.0.0.1:11434'), 1);
    assert.match(t, /^Ollama is not running at http:\/\/127\.0\.0\.1:11434 — start it with `ollama serve` \(or open the Ollama app\)\.$/);
    assert.equal(ollamaDown().cause, 'Ollama is not running');
    assert.ok(isOllamaDown(t) && isOllamaDown(ollamaDown().text));
  });

  test('a reason that carries the sentence (a fallback to the cloud) shows the command as code, never its backticks', () => {
    const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'fallback.localToCloud': true };
    const d = decide(ask('askAuto'), labels, settings, budget, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'cloud', d.reasons.join(' | '));
    const why = whyLine(d.reasons);
    assert.ok(why.includes('start it with ollama serve') && !why.includes('`'), why);
    const md = renderEvent({ type: 'route', route: 'cloud', origin: 'askAuto', model: 'm', provider: 'anthropic', reasons: d.reasons, context: [], redactions: {}, estimatedCostUsd: 0.01, likelyCostUsd: 0.01 } as never, 'auto')
      .map((o) => (o.kind === 'markdown' ? o.text : '')).join('');
    assert.ok(md.includes('`ollama serve`') && !md.includes('\\`'), md);
  });
});
