// A question the user stopped reads "stopped" wherever its record is shown — the status bar, its tooltip, the
// spend panel's request list and the export — as the chat view says "Stopped": not "cancelled" (the list's word
// beside a chat saying Stopped), not a latency as for a whole answer ("local · 1.2 s"), and its figures are said to
// be for the part answered. An inline completion is cancelled by typing on, not stopped, and keeps its word.
import * as assert from 'node:assert/strict';
import { BUNDLED_PRICES, costNote, ledgerCsv } from '../../../src/core/spend';
import { statusText, type StatusState } from '../../../src/core/presentation/statusText';
import { endingWord, isStopped, STOPPED_NOTE } from '../../../src/shared/outcome';
import { estimateNote } from '../../../src/core/pipeline/estimateNote';
import { AskRig } from './fixtures/askRig';
import { record } from './fixtures/records';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0.0042, monthUsd: 0.0042 };
const stoppedCloud = record('stop-c', { status: 'cancelled', tokens: { input: 1200, output: 40, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, costUsd: 0.0042 });

suite('a stopped answer, as the user reads it', () => {
  test('its ending word is "stopped" for every kind a user asks; a completion keeps "cancelled"', () => {
    for (const kind of ['ask', 'review', 'explain']) assert.equal(endingWord({ status: 'cancelled', kind }), 'stopped', kind);
    assert.equal(endingWord({ status: 'cancelled', kind: 'completion' }), 'cancelled');
    assert.equal(endingWord({ status: 'cancelled' }), 'stopped', 'a record without a kind is a question (older status bar state)');
    assert.equal(endingWord({ status: 'failed', kind: 'ask' }), 'failed');
    assert.equal(endingWord({ status: 'ok', kind: 'ask' }), '');
    assert.equal(endingWord({ status: 'failed', outcome: 'interrupted', kind: 'ask' }), 'interrupted');
    assert.ok(!isStopped({ status: 'failed', kind: 'ask' }));
    assert.ok(!isStopped({ status: 'cancelled', kind: 'completion' }));
  });

  test('the status bar says "stopped" after the route, not a time, for local and cloud', () => {
    const local = statusText({ ...base, last: { route: 'local', totalMs: 1234, model: 'qwen2.5-coder:7b', status: 'cancelled', kind: 'ask' } });
    assert.match(local.text, /local · stopped/);
    assert.doesNotMatch(local.text, /1\.2 s/);
    assert.ok(!local.warning, 'a Stop the user pressed is no problem to warn about');
    const cloud = statusText({ ...base, last: { route: 'cloud', totalMs: 4000, model: 'claude-sonnet-5', status: 'cancelled', kind: 'review' } });
    assert.match(cloud.text, /today · stopped$/);
    assert.match(cloud.tooltip, /Last request: cloud · claude-sonnet-5 · 4\.0 s \(stopped before the end: the tokens and cost are for the part answered before the stop\)/);
    assert.doesNotMatch(cloud.tooltip, /cancelled/);
  });

  test('a cancelled completion and an answer that ended well still show their time', () => {
    const completion = statusText({ ...base, last: { route: 'local', totalMs: 180, model: 'qwen2.5-coder:1.5b', status: 'cancelled', kind: 'completion' } });
    assert.match(completion.text, /local · 180 ms/);
    assert.match(completion.tooltip, /\(cancelled\)/);
    const ok = statusText({ ...base, last: { route: 'cloud', totalMs: 2500, model: 'claude-sonnet-5', status: 'ok', kind: 'ask' } });
    assert.match(ok.text, /· 2\.5 s$/);
    const failed = statusText({ ...base, last: { route: 'local', totalMs: 900, model: 'qwen2.5-coder:7b', status: 'failed', kind: 'ask' } });
    assert.match(failed.text, /· failed/);
  });

  test('the export notes a stopped cloud answer as partial, before "estimate"; a whole answer gets no such note', () => {
    assert.equal(costNote(stoppedCloud), `${STOPPED_NOTE}; estimate`);
    assert.equal(costNote(record('ok')), '');
    assert.equal(costNote(record('c', { kind: 'completion', status: 'cancelled' })), '', 'a cancelled completion is no partial answer');
    assert.equal(costNote(record('l', { route: 'local', status: 'cancelled', costUsd: 0 })), '', 'local rows carry no cost note');
    const [head, row] = ledgerCsv([stoppedCloud], BUNDLED_PRICES).trim().split('\n');
    const cols = head!.split(',');
    const cells = row!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    assert.equal(cells[cols.indexOf('status')], 'cancelled', 'the data keeps its value; only the words change');
    assert.equal(cells[cols.indexOf('costNote')], `${STOPPED_NOTE}; estimate`);
  });
});

suite('a stopped answer\'s footer note says the Stop came before the count, through the whole Ask pipeline', function () {
  this.timeout(30_000);
  const rig = new AskRig('The map call returns a new array of the same length, one item per element.', Date.parse('2026-12-07T12:00:00Z'));
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const notesOf = (r: { events: { type: string }[] }) => (r.events.filter((e) => e.type === 'done').pop() as unknown as { footer: { notes: string[] } }).footer.notes;

  test('Ollama, stopped before its final count: "stopped before the server sent its count", not "reported no usage"', async () => {
    const r = await rig.run({ input: { origin: 'askPrivate', question: 'Explain map' }, ollama: { delivery: { gapMs: 30 } }, stopAfter: 3 });
    assert.equal(r.records[0]!.status, 'cancelled');
    const notes = notesOf(r);
    assert.ok(notes.includes('Token counts are estimates: the answer was stopped before the server sent its count.'), notes.join(' | '));
    assert.ok(!notes.some((n) => /reported no usage/.test(n)));
  });

  test('OpenAI stopped: the same note; Anthropic stopped (input reported): the output count said to be cut by the Stop', async () => {
    const o = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' }, openai: { usage: { prompt: 999, cached: 0, reasoning: 0 }, delivery: { gapMs: 40 } }, stopAfter: 3 });
    assert.ok(notesOf(o).some((n) => /stopped before the server sent its count/.test(n)), notesOf(o).join(' | '));
    const a = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6' }, anthropic: { usage: { input: 1500, cacheRead: 0, cacheWrite: 0 }, delivery: { gapMs: 40 } }, stopAfter: 3 });
    assert.ok(notesOf(a).some((n) => /output token count is an estimate: the answer was stopped before the provider's final count \(input as reported\)/.test(n)), notesOf(a).join(' | '));
  });

  test('the pure note: a whole answer without usage still says the server reported none; a break says it broke off', () => {
    assert.equal(estimateNote({ estimatedFromText: true, finish: 'stop' }), 'Token counts are estimates: the server reported no usage.');
    assert.equal(estimateNote({ estimatedFromText: true, finish: 'error' }), 'Token counts are estimates: the answer broke off before the server sent its count.');
    assert.equal(estimateNote({ estimatedFromText: true, finish: 'length' }), 'Token counts are estimates: the server reported no usage.');
    assert.match(estimateNote({ estimatedSides: ['input'], finish: 'cancelled' }), /left out the input token count/, 'a side the server left out is said as such whatever ended it');
    assert.match(estimateNote({ finish: 'error' }), /ended before the provider's final count/);
  });
});
