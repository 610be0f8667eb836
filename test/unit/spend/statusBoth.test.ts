// UX round 7: after a refused request the status bar said only "refused" (in the warning colour, as if something
// broke) and hid the local model's state; while a question was answered it showed a spinner beside "local ready",
// which read as the model still loading. The text now says both the local state and the last event, in the chat's
// words ("not sent", "answering…"); the tooltip names no route or model that a refusal never had.
import * as assert from 'node:assert/strict';
import { statusText, type LastRequest, type StatusState } from '../../../src/core/presentation';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };
const refused: LastRequest = { route: 'refuse', totalMs: 39, model: 'none', status: 'failed', outcome: 'refused',
  reason: 'refused: config/.env.local matches a private path (built-in rule ".env.local")' };

suite('presentation / status text shows the local state and the last event together', () => {
  test('refused, local ready: both, in the chat\'s words, not in the warning colour', () => {
    const v = statusText({ ...base, last: refused });
    assert.equal(v.text, '$(circle-slash) local ready · not sent');
    assert.equal(v.warning, false, 'the gate doing its job is not a failure');
    assert.equal(v.error, false);
  });

  test('refused, local state not known yet: no claim that it is ready', () => {
    assert.equal(statusText({ ...base, local: 'unknown', last: refused }).text, '$(circle-slash) local · not sent');
  });

  for (const local of ['offline', 'modelMissing', 'notLocal'] as const) {
    test(`refused while the local model is ${local}: the problem wins, with its warning`, () => {
      const v = statusText({ ...base, local, last: refused });
      assert.match(v.text, /^\$\(warning\) local /);
      assert.doesNotMatch(v.text, /not sent/);
      assert.equal(v.warning, true);
    });
  }

  test('refused with spend today: the figure stays, after the event', () => {
    assert.equal(statusText({ ...base, todayUsd: 0.031, last: refused }).text, '$(circle-slash) local ready · not sent · $0.03 today');
  });

  test('refused over budget: the error colour and the warning icon still say the budget', () => {
    const v = statusText({ ...base, last: refused, budget: { level: 'exceeded', spentTodayUsd: 2, spentMonthUsd: 2, dailyUsd: 1, monthlyUsd: 0 } });
    assert.equal(v.text, '$(warning) local ready · not sent');
    assert.equal(v.error, true);
  });

  test('refused with inline completion off: the off mark stays', () => {
    assert.equal(statusText({ ...base, completionEnabled: false, last: refused }).text, '$(circle-slash) local ready · not sent $(circle-slash)');
  });

  test('a local or cloud failure still warns', () => {
    assert.equal(statusText({ ...base, last: { route: 'local', totalMs: 14, model: 'm', status: 'failed' } }).warning, true);
    assert.equal(statusText({ ...base, last: { route: 'cloud', totalMs: 14, model: 'c', status: 'failed' } }).warning, true);
  });

  test('the tooltip says "not sent" and why once, with no route or model a refusal never had', () => {
    const tip = statusText({ ...base, last: refused }).tooltip;
    assert.match(tip, /^Local model: ready$/m);
    assert.match(tip, /^Last request: not sent \(nothing left this machine\) · 39 ms$/m);
    assert.match(tip, /^Why: config\/\.env\.local matches a private path/m);
    assert.doesNotMatch(tip, /refuse · none|\(failed\)|Why: refused:/);
  });

  test('answering: the text says so, next to the local state or today\'s spend', () => {
    assert.equal(statusText({ ...base, busy: true }).text, '$(sync~spin) local ready · answering…');
    assert.equal(statusText({ ...base, busy: true, last: refused }).text, '$(sync~spin) local ready · answering…');
    assert.equal(statusText({ ...base, busy: true, last: { route: 'local', totalMs: 22_000, model: 'm' } }).text, '$(sync~spin) local ready · answering…');
    assert.equal(statusText({ ...base, busy: true, todayUsd: 1.5, last: { route: 'cloud', totalMs: 900, model: 'c' } }).text, '$(sync~spin) $1.50 today · answering…');
    assert.match(statusText({ ...base, busy: true }).tooltip, /^A question is being answered$/m);
  });

  test('answering while the local model is down: the problem stays readable, the spinner shows the work', () => {
    assert.equal(statusText({ ...base, local: 'offline', busy: true }).text, '$(sync~spin) local · Ollama not running');
  });

  test('loading the completion model wins over answering (it is why the answer waits)', () => {
    assert.equal(statusText({ ...base, busy: true, completionLoading: 'qwen2.5-coder:1.5b' }).text, '$(sync~spin) loading qwen2.5-coder:1.5b…');
  });

  test('every state keeps the word "local" or "today" that finds the item (and the local state when it is known)', () => {
    const states: StatusState[] = [base, { ...base, last: refused }, { ...base, busy: true }, { ...base, local: 'offline' },
      { ...base, last: { route: 'local', totalMs: 5, model: 'm', status: 'failed' } }, { ...base, last: { route: 'cloud', totalMs: 5, model: 'c' } }];
    for (const st of states) assert.match(statusText(st).text, /\blocal\b|\btoday\b/, JSON.stringify(st));
  });
});
