import * as assert from 'node:assert/strict';
import { formatMs, formatUsd, plural, statusText, type StatusState } from '../../../src/core/presentation';
import { formatUsd as panelFormatUsd } from '../../../src/webview/common/format';
import type { BudgetState } from '../../../src/core/request';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };
const budget = (level: BudgetState['level'], today: number): BudgetState => ({ level, spentTodayUsd: today, spentMonthUsd: today, dailyUsd: 1, monthlyUsd: 0 });

suite('presentation / status text', () => {
  test('no requests yet: "$(lock) local ready"', () => {
    const v = statusText(base);
    assert.equal(v.text, '$(lock) local ready');
    assert.equal(v.warning, false);
    assert.equal(v.error, false);
  });

  test('last request local: "$(lock) local · 180 ms"', () => {
    assert.equal(statusText({ ...base, last: { route: 'local', totalMs: 180, model: 'qwen2.5-coder:7b' } }).text, '$(lock) local · 180 ms');
  });

  test('last request cloud: "$(cloud) $0.42 today · 1.2 s"', () => {
    const v = statusText({ ...base, todayUsd: 0.42, monthUsd: 3.1, last: { route: 'cloud', totalMs: 1234, model: 'claude-sonnet-4-6', reason: 'complexity 0.72 ≥ 0.5' } });
    assert.equal(v.text, '$(cloud) $0.42 today · 1.2 s');
    assert.ok(v.tooltip.includes('Cloud spend: $0.42 today, $3.10 this month'));
    assert.ok(v.tooltip.includes('Last request: cloud · claude-sonnet-4-6 · 1.2 s'));
    assert.ok(v.tooltip.includes('Why: complexity 0.72 ≥ 0.5'));
  });

  test('local offline: "$(warning) local · Ollama not running", warning colour', () => {
    const v = statusText({ ...base, local: 'offline', last: { route: 'local', totalMs: 100, model: 'm' } });
    assert.equal(v.text, '$(warning) local · Ollama not running');
    assert.equal(v.warning, true);
    assert.match(statusText({ ...base, local: 'modelMissing' }).text, /local model missing/);
    assert.match(statusText({ ...base, local: 'notLocal' }).tooltip, /not on this machine/);
  });

  test('offline because the server does not answer in time: no "start Ollama", the tooltip names the cause and the fix', () => {
    const loadFailed = 'Ollama did not finish loading qwen2.5-coder:1.5b within 2 s — check the Ollama log (enough free memory?), use a smaller model, or raise hybrid.timeouts.localLoadMs.';
    const v = statusText({ ...base, local: 'offline', localMessage: loadFailed });
    assert.equal(v.text, '$(warning) local offline — not answering');
    assert.ok(v.tooltip.includes(loadFailed));
    const down = statusText({ ...base, local: 'offline', localMessage: 'Ollama is not running at http://127.0.0.1:11434 — start it with `ollama serve`.' });
    assert.equal(down.text, '$(warning) local · Ollama not running');
    assert.match(down.tooltip, /ollama serve/);
  });

  test('a completion model that failed to load says so by name, with the cause and the fix in the tooltip', () => {
    const oom = 'Ollama had a server error (500: model requires more system memory (5.5 GiB) than is available (3.1 GiB)) — try again; if it repeats, check the Ollama log.';
    const v = statusText({ ...base, local: 'ready', completionLoadFailed: { model: 'qwen2.5-coder:1.5b', message: oom } });
    assert.equal(v.text, '$(warning) qwen2.5-coder:1.5b failed to load');
    assert.ok(v.tooltip.includes('Inline completion: qwen2.5-coder:1.5b could not be loaded.'));
    assert.ok(v.tooltip.includes(oom));
    assert.equal(v.warning, true);
    assert.equal(statusText({ ...base, local: 'ready', completionLoadFailed: undefined }).text.includes('failed'), false);
    assert.equal(statusText({ ...base, completionEnabled: false, local: 'ready', completionLoadFailed: { model: 'm', message: oom } }).warning, false,
      'inline completion turned off: its model\'s load failure is nobody\'s concern');
    const down = statusText({ ...base, local: 'offline', localMessage: 'Ollama is not running — start it with `ollama serve`.', completionLoadFailed: { model: 'm', message: oom } });
    assert.equal(down.text, '$(warning) local · Ollama not running', 'a server that is down says so first');
  });

  test('busy shows a spinner in place of the icon', () => {
    assert.equal(statusText({ ...base, busy: true, todayUsd: 0.42, last: { route: 'cloud', totalMs: 900, model: 'm' } }).text, '$(sync~spin) $0.42 today · answering…');
  });

  test('budget near → warning; exceeded → error and a warning icon; percentages in the tooltip', () => {
    const near = statusText({ ...base, todayUsd: 0.85, budget: budget('near', 0.85), last: { route: 'cloud', totalMs: 500, model: 'm' } });
    assert.deepEqual([near.warning, near.error], [true, false]);
    assert.ok(near.tooltip.includes('Budget: 85% of $1.00 daily — near the limit'));
    const over = statusText({ ...base, todayUsd: 1.2, budget: budget('exceeded', 1.2), last: { route: 'cloud', totalMs: 500, model: 'm' } });
    assert.deepEqual([over.warning, over.error], [true, true]);
    assert.equal(over.text, '$(warning) $1.20 today · 500 ms');
    assert.ok(statusText(base).tooltip.includes('Budget: none set'));
  });

  test('tooltip: savings, unknown prices, ledger problem, price date; plain text lines', () => {
    const v = statusText({ ...base, savedMonthUsd: 4.5, unknownPriceRequests: 2, ledgerProblem: 'the disk is full', pricesChecked: '2026-08-02' });
    assert.ok(v.tooltip.includes('Saved vs all-cloud this month: $4.50'));
    assert.ok(v.tooltip.includes('2 cloud requests with unknown price'));
    assert.ok(v.tooltip.includes('Spend ledger: the disk is full'));
    assert.ok(v.tooltip.includes('Prices as of 2026-08-02'));
    assert.ok(!/[*_`#[\]]/.test(v.tooltip), 'no markdown');
  });

  test('completion off is marked; a failed last request warns', () => {
    assert.equal(statusText({ ...base, completionEnabled: false }).text, '$(lock) local ready $(circle-slash)');
    const f = statusText({ ...base, last: { route: 'cloud', totalMs: 30_000, model: 'm', status: 'failed' } });
    assert.equal(f.text, '$(cloud) $0.00 today · failed');
    assert.equal(f.warning, true);
  });

  test('number formats', () => {
    assert.deepEqual([formatMs(0), formatMs(999), formatMs(1000), formatMs(9_440), formatMs(12_600)], ['0 ms', '999 ms', '1.0 s', '9.4 s', '13 s']);
    assert.deepEqual([formatUsd(0), formatUsd(0.004), formatUsd(0.42), formatUsd(12.345), formatUsd(250.4)], ['$0.00', '$0.0040', '$0.42', '$12.35', '$250.40']);
  });

  test('the tooltip and the spend panel format the same figure the same way ($0.0014, never "<$0.01")', () => {
    const tip = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0.0014, monthUsd: 0.0014, savedMonthUsd: 0.0014 }).tooltip;
    assert.match(tip, /Saved vs all-cloud this month: \$0\.0014/);
    assert.match(tip, /Cloud spend: \$0\.0014 today, \$0\.0014 this month/);
    assert.equal(panelFormatUsd(0.0014), '$0.0014');
    assert.equal(panelFormatUsd, formatUsd, 'one formatter, not two that agree today');
  });

  test('spend text pluralises: 1 cloud request, 2 cloud requests', () => {
    const one = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, unknownPriceRequests: 1 }).tooltip;
    const two = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, unknownPriceRequests: 2 }).tooltip;
    assert.match(one, /^1 cloud request with unknown price/m);
    assert.match(two, /^2 cloud requests with unknown price/m);
    assert.deepEqual([plural(0, 'request'), plural(1, 'request'), plural(2, 'request')], ['0 requests', '1 request', '2 requests']);
  });

  test('demo mode says the answers are canned', () => {
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, demo: true });
    assert.match(view.tooltip.split('\n')[1], /canned test responses/);
    assert.doesNotMatch(statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 }).tooltip, /canned/);
  });
});
