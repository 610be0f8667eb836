// UX round 8: after a local request failed the status bar said "local · failed" and nothing else: not what broke,
// not that the next request tries again, and a click opened the spend panel. It now names the cause in two words,
// the tooltip carries the provider's own failure message (cause and fix), and a click leads to the fix. The
// failures below are made by the real ollamaFailure / pullFailure, so the words shown are the provider's.
import * as assert from 'node:assert/strict';
import { statusText, type LastRequest, type StatusState } from '../../../src/core/presentation';
import { localFailureView } from '../../../src/core/presentation/localFailure';
import { ollamaFailure, pullFailure } from '../../../src/core/providers/ollamaFailures';
import { connectionFailure, type FailureContext } from '../../../src/core/providers/failures';
import type { ProviderFailure } from '../../../src/core/wire/types';

const URL = 'http://127.0.0.1:11434';
const ctx = (state: FailureContext['state'] = {} as FailureContext['state']): FailureContext => ({
  name: 'Ollama', baseUrl: URL, model: 'qwen2.5-coder:7b', baseUrlSetting: 'hybrid.local.baseUrl', modelSetting: 'hybrid.local.chatModel',
  timeoutSetting: 'hybrid.timeouts.localFirstByteMs', firstByteTimeoutMs: 30_000, idleTimeoutMs: 60_000, state, usesApiKey: false,
});
const errno = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const refused = ollamaFailure(URL, ctx(), errno('ECONNREFUSED'));
const missing = pullFailure('qwen2.5-coder:7b');
const timedOut = ollamaFailure(URL, ctx({ timedOut: true } as FailureContext['state']), new Error('aborted'));
const busy = ollamaFailure(URL, ctx(), Object.assign(new Error('busy'), { name: 'ResponseError', status_code: 503, error: 'server busy' }));
const dns = ollamaFailure('http://ollama.invalid:11434', ctx(), errno('ENOTFOUND'));

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };
const failedLocal = (f: ProviderFailure, extra: Partial<LastRequest> = {}): StatusState => ({
  ...base, localFailure: { code: f.code, message: f.message, ...(f.fix ? { fix: f.fix } : {}) },
  last: { route: 'local', totalMs: 12, model: 'qwen2.5-coder:7b', status: 'failed', outcome: f.code, endedAt: 1_000, ...extra },
});

suite('presentation / status text after a local failure names the cause, the retry and the fix', () => {
  test('Ollama not running: "Ollama offline" in the warning colour; the tooltip is the provider\'s message; a click checks again', () => {
    const v = statusText(failedLocal(refused));
    assert.equal(v.text, '$(warning) local · Ollama not running');
    assert.equal(v.warning, true, 'the user must start Ollama');
    assert.ok(v.tooltip.includes(refused.message), 'the cause and the fix, as ollamaFailures wrote them');
    assert.match(v.tooltip, /The next request tries the local model again/);
    assert.doesNotMatch(v.tooltip, /Local model: ready/, 'a failed request under "ready" read as all well');
    assert.equal(v.command.id, 'hybrid.checkLocal');
  });

  test('model not pulled: "model missing", warning, the pull command in the tooltip, a click checks (and offers the pull)', () => {
    const v = statusText(failedLocal(missing));
    assert.equal(v.text, '$(warning) model missing');
    assert.equal(v.warning, true);
    assert.match(v.tooltip, /ollama pull qwen2\.5-coder:7b/);
    assert.equal(v.command.id, 'hybrid.checkLocal');
  });

  test('a time-out: "local timed out · will retry", no warning colour (nothing to fix), a click opens the setting it names', () => {
    const v = statusText(failedLocal(timedOut));
    assert.equal(v.text, '$(clock) local timed out · will retry');
    assert.equal(v.warning, false, 'a retry is all it needs');
    assert.ok(v.tooltip.includes(timedOut.message));
    assert.deepEqual([v.command.id, v.command.args], ['workbench.action.openSettings', ['hybrid.timeouts.localFirstByteMs']]);
    assert.match(v.tooltip, /Click to open hybrid\.timeouts\.localFirstByteMs$/);
  });

  test('Ollama busy (503): "local failed · will retry", no warning, no setting to open: a click checks again', () => {
    const v = statusText(failedLocal(busy));
    assert.equal(v.text, '$(lock) local failed · will retry');
    assert.equal(v.warning, false);
    assert.equal(v.command.id, 'hybrid.checkLocal');
  });

  test('a host that does not resolve is not "offline — start Ollama": it says unreachable and opens the setting to fix', () => {
    const v = statusText(failedLocal(dns));
    assert.equal(v.text, '$(warning) local server unreachable');
    assert.equal(v.warning, true);
    assert.deepEqual(v.command.args, ['hybrid.local.baseUrl']);
  });

  test('an OpenAI-compatible local server refusing the connection is not called Ollama; its message names its setting', () => {
    const f = connectionFailure({ ...ctx(), name: 'the local OpenAI-compatible server', baseUrl: 'http://127.0.0.1:8080' }, errno('ECONNREFUSED'));
    const v = statusText(failedLocal(f));
    assert.equal(v.text, '$(warning) local server unreachable');
    assert.doesNotMatch(v.text + v.tooltip, /Ollama/);
    assert.deepEqual(v.command.args, ['hybrid.local.baseUrl']);
  });

  test('cloud spend today stays beside the failure', () => {
    assert.equal(statusText({ ...failedLocal(timedOut), todayUsd: 0.42 }).text, '$(clock) local timed out · will retry · $0.42 today');
  });

  test('the health check\'s own finding wins over the last request (newer, same cause)', () => {
    const v = statusText({ ...failedLocal(refused), local: 'offline', localMessage: refused.message });
    assert.equal(v.text, '$(warning) local · Ollama not running');
    assert.equal(v.command.id, 'hybrid.checkLocal', 'the outage\'s click leads to the fix too');
    const missingNow = statusText({ ...base, local: 'modelMissing', localMessage: missing.message });
    assert.match(missingNow.tooltip, /^Local model: not installed\. The model qwen2\.5-coder:7b is not installed/m, 'the state in words, not its code name');
  });

  test('a failure the model came back from is history: "local ready", the spend panel on click', () => {
    const v = statusText({ ...failedLocal(refused), localRecoveredAt: 2_000 });
    assert.equal(v.text, '$(lock) local ready');
    assert.equal(v.command.id, 'hybrid.showSpend');
  });

  test('a stale failure (another code) or one on another route is never pinned on the last request', () => {
    const other = failedLocal(refused, { outcome: 'timeout' });
    assert.equal(statusText(other).text, '$(lock) local · failed', 'no cause is claimed that the ledger contradicts');
    const cloud = failedLocal(refused, { route: 'cloud' });
    assert.doesNotMatch(statusText(cloud).text, /Ollama/);
    const ok = failedLocal(refused, { status: 'ok' });
    assert.doesNotMatch(statusText(ok).text, /Ollama|failed/);
  });

  test('no failure: the click opens the spend panel, as before', () => {
    assert.equal(statusText(base).command.id, 'hybrid.showSpend');
    assert.match(statusText(base).tooltip, /Click to open the spend panel$/);
  });

  test('adversarial: a message naming a setting with a trailing dot or none; an unknown code', () => {
    assert.deepEqual(localFailureView({ code: 'server', message: 'x — check hybrid.local.baseUrl.' }).command.args, ['hybrid.local.baseUrl']);
    assert.equal(localFailureView({ code: 'weird', message: 'no setting here' }).command.id, 'hybrid.checkLocal');
    assert.equal(localFailureView({ code: 'connection', message: 'closed mid-answer', fix: 'startOllama' }).text, 'local · Ollama not running');
  });
});
