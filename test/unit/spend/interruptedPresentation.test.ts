// A cloud answer cut by the window closing is kept as status "failed", outcome "interrupted", priced from the
// prompt as counted (an estimate). Every place a user reads it says "interrupted (window closed mid-answer)" and
// "estimate" — never a bare "failed", never a blank note beside a cost, never $0.
import * as assert from 'node:assert/strict';
import { BUNDLED_PRICES, costNote, ledgerCsv, ledgerJson, SpendModel } from '../../../src/core/spend';
import { statusText, type StatusState } from '../../../src/core/presentation/statusText';
import { endingWord, INTERRUPTED_NOTE, isInterrupted } from '../../../src/shared/outcome';
import { formatAnswerCost } from '../../../src/shared/money';
import { record } from './fixtures/records';

const cut = record('cut', {
  status: 'failed', outcome: 'interrupted', ttftMs: null, costUsd: 0.0036,
  tokens: { input: 1200, output: 0, cacheRead: 0, cacheWrite: 0, source: 'estimate' },
});
const plainFailure = record('err', { status: 'failed', outcome: 'error', costUsd: 0, tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' } });
const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0.0036, monthUsd: 0.0036, estimatedTodayRequests: 1, estimatedMonthRequests: 1 };

suite('an interrupted cloud answer, as the user reads it', () => {
  test('its ending word is "interrupted"; an ordinary failure stays "failed"; an answer that ended well has none', () => {
    assert.equal(endingWord(cut), 'interrupted');
    assert.ok(isInterrupted(cut));
    assert.equal(endingWord(plainFailure), 'failed');
    assert.equal(endingWord(record('ok')), '');
    assert.equal(endingWord({ status: 'cancelled', outcome: 'interrupted' }), 'stopped', 'only a failed record can be an interrupted one');
  });

  test('its cost reads as an estimate, never $0', () => {
    assert.equal(formatAnswerCost({ costUsd: cut.costUsd, route: cut.route, source: cut.tokens.source }), '$0.0036 est.');
  });

  test('the export notes it as interrupted and an estimate, in the CSV and the JSON', () => {
    assert.equal(costNote(cut), INTERRUPTED_NOTE);
    assert.equal(INTERRUPTED_NOTE, 'interrupted (window closed mid-answer), estimate');
    assert.equal(costNote(plainFailure), '', 'a failure that sent nothing has no note');
    const [head, row] = ledgerCsv([cut], BUNDLED_PRICES).trim().split('\n');
    const cols = head!.split(',');
    const cells = row!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    const cell = (name: string) => cells[cols.indexOf(name)];
    assert.equal(cell('status'), 'failed');
    assert.equal(cell('outcome'), 'interrupted');
    assert.equal(cell('tokenSource'), 'estimate');
    assert.equal(cell('costUsd'), '0.0036');
    assert.equal(cell('costNote'), INTERRUPTED_NOTE);
    const json = JSON.parse(ledgerJson([cut, record('ok')], BUNDLED_PRICES)) as Array<{ id: string; costNote?: string; outcome?: string }>;
    assert.equal(json[0]!.costNote, INTERRUPTED_NOTE);
    assert.equal(json[0]!.outcome, 'interrupted');
    assert.equal(json[1]!.costNote, undefined, 'a billed answer carries no note');
  });

  test('the spend model counts its cost as cloud spend priced from estimated tokens', () => {
    const m = new SpendModel();
    const now = new Date();
    m.add({ ...cut, time: now.toISOString() });
    const q = m.quick(now);
    assert.equal(q.today.cloudUsd, 0.0036);
    assert.equal(q.today.estimatedCostRequests, 1);
  });

  test('the status bar tooltip says a closed window left it unfinished, and the last request reads interrupted', () => {
    const tip = statusText({ ...base, interruptedRecorded: 1 }).tooltip;
    assert.match(tip, /Cloud spend: \$0\.0036 est\. today/);
    assert.match(tip, /1 cloud answer cut off when a window closed mid-answer: recorded as an estimate \(outcome "interrupted"\)/);
    assert.doesNotMatch(statusText(base).tooltip, /window closed/, 'said only when this start recorded one');
    const last = statusText({ ...base, last: { route: 'cloud', totalMs: 4000, model: 'claude-sonnet-5', status: 'failed', outcome: 'interrupted' } });
    assert.match(last.text, /· interrupted$/);
    assert.match(last.tooltip, /Last request: cloud · claude-sonnet-5 · 4\.0 s \(interrupted \(window closed mid-answer\)/);
    assert.doesNotMatch(last.tooltip, /\(failed\)/);
    const failed = statusText({ ...base, last: { route: 'cloud', totalMs: 4000, model: 'claude-sonnet-5', status: 'failed', outcome: 'error' } });
    assert.match(failed.text, /· failed$/);
  });
});
