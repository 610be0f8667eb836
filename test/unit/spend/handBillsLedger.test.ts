// spend3 audit, part 3: hand-priced bills across day and month boundaries (the user's calendar, read back from the
// UTC-month ledger files) and through ledger faults (a crash mid-write, two windows, a damaged line in the middle).
// Each record's cost is typed by hand from /work/shared/data/prices-reference.json (claude-sonnet-4-6: in 3,
// out 15 $/Mtok); the totals are sums of those typed figures, never our code's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED_PRICES, Ledger, LedgerTail, ledgerCsv, nodeLedgerFs, SpendModel, type LedgerFs } from '../../../src/core/spend';
import { unreadableLinesNotice } from '../../../src/core/spend/ledgerLines';
import { msUntilNextLocalDay } from '../../../src/core/spend/dayRollover';
import type { LedgerRecord } from '../../../src/core/request';
import { statusText } from '../../../src/core/presentation/statusText';
import { periodCardValue } from '../../../src/webview/spend/cells';
import { record } from './fixtures/records';

// Each bill's formula sits beside it.
const bill = (id: string, time: string, input: number, output: number, micro: number): LedgerRecord =>
  record(id, { time, tokens: { input, output, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: micro / 1e6 });
const near = (got: number, micro: number, what: string): void => assert.ok(Math.abs(got - micro / 1e6) < 1e-12, `${what}: ${got} ≠ ${micro / 1e6}`);

function inZone<T>(tz: string, f: () => Promise<T>): Promise<T> {
  const was = process.env.TZ;
  process.env.TZ = tz;
  return f().finally(() => { if (was === undefined) delete process.env.TZ; else process.env.TZ = was; });
}

async function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend3-ledger-'));
  try { return await f(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

async function readBack(dir: string): Promise<{ model: SpendModel; records: LedgerRecord[] }> {
  const model = new SpendModel();
  const { records } = await new LedgerTail(dir, nodeLedgerFs).read();
  for (const r of records) model.add(r);
  return { model, records };
}

suite('spend3 / hand bills across days and months, read back from disk', () => {
  test('D1 Auckland: 1 Dec 00:30 NZDT sits in ledger-2026-11.jsonl yet counts in December: month 4500 + 6000 = 10500 µ$, today 6000 µ$', () => inZone('Pacific/Auckland', () => withDir(async (dir) => {
    const ledger = await Ledger.open(dir);
    await ledger.append(bill('nov-file', '2026-11-30T11:30:00.000Z', 1000, 100, 4500)); // 1 Dec 00:30 NZDT: 1000×3 + 100×15
    await ledger.append(bill('today', '2026-12-05T11:30:00.000Z', 2000, 0, 6000));     // 6 Dec 00:30 NZDT: 2000×3
    await ledger.append(bill('nov', '2026-11-30T10:30:00.000Z', 500, 0, 1500));        // 30 Nov 23:30 NZDT: 500×3, November
    await ledger.close();
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort(), ['ledger-2026-11.jsonl', 'ledger-2026-12.jsonl']);
    const { model, records } = await readBack(dir);
    const now = new Date('2026-12-05T20:00:00.000Z'); // 6 Dec 09:00 NZDT
    near(model.quick(now).month.cloudUsd, 10_500, 'December');
    near(model.snapshot(now).today.cloudUsd, 6000, 'panel today');
    near(model.quick(now).today.cloudUsd, 6000, 'status bar today');
    const rows = ledgerCsv(records, BUNDLED_PRICES).trim().split('\n');
    const head = rows[0]!.split(',');
    const onDay = (day: string) => rows.slice(1).map((r) => r.split(',')).filter((c) => c[head.indexOf('localDay')] === day)
      .reduce((s, c) => s + Number(c[head.indexOf('costUsd')]), 0);
    near(onDay('2026-12-06'), 6000, 'CSV rows of 6 Dec');
    near(onDay('2026-12-01'), 4500, 'CSV rows of 1 Dec');
  })));

  test('D2 Berlin, 25 Oct 2026 (25-hour day): 00:30 CEST and 23:30 CET are one day, 4500 + 1500 = 6000 µ$; 00:30 on the 26th is not', () => inZone('Europe/Berlin', () => withDir(async (dir) => {
    const ledger = await Ledger.open(dir);
    await ledger.append(bill('cest', '2026-10-24T22:30:00.000Z', 1000, 100, 4500)); // 25 Oct 00:30 CEST
    await ledger.append(bill('cet', '2026-10-25T22:30:00.000Z', 500, 0, 1500));     // 25 Oct 23:30 CET
    await ledger.append(bill('next', '2026-10-25T23:30:00.000Z', 2000, 0, 6000));   // 26 Oct 00:30 CET
    await ledger.close();
    const { model } = await readBack(dir);
    const now = new Date('2026-10-25T22:45:00.000Z'); // 25 Oct 23:45 CET
    near(model.quick(now).today.cloudUsd, 6000, 'today on the long day');
    const days = model.snapshot(now).days.map((d) => d.day);
    assert.equal(new Set(days).size, 30, 'thirty distinct days around the change');
    assert.equal(days.at(-1), '2026-10-25');
    assert.equal(days.at(-2), '2026-10-24');
    near(model.quick(new Date('2026-10-26T08:00:00.000Z')).month.cloudUsd, 12_000, 'October: 4500 + 1500 + 6000');
  })));

  test('D3 Los Angeles: 30 Nov 23:30 PST sits in ledger-2026-12.jsonl yet is November: December month 6000 µ$ only', () => inZone('America/Los_Angeles', () => withDir(async (dir) => {
    const ledger = await Ledger.open(dir);
    await ledger.append(bill('late-nov', '2026-12-01T07:30:00.000Z', 1000, 100, 4500)); // 30 Nov 23:30 PST
    await ledger.append(bill('dec', '2026-12-01T09:00:00.000Z', 2000, 0, 6000));        // 1 Dec 01:00 PST
    await ledger.close();
    const { model } = await readBack(dir);
    const now = new Date('2026-12-01T10:00:00.000Z');
    near(model.quick(now).month.cloudUsd, 6000, 'December');
    near(model.quick(now).today.cloudUsd, 6000, 'today');
    near(model.quick(new Date('2026-11-30T12:00:00.000Z')).month.cloudUsd, 4500, 'November');
  })));

  test('D4 "today" turns over at local midnight with no new request: 4500 µ$ at 23:59, 0 after; the refresh is due then, DST days included', () => inZone('Europe/Berlin', async () => {
    const model = new SpendModel();
    model.add(bill('late', '2026-12-06T22:30:00.000Z', 1000, 100, 4500)); // 6 Dec 23:30 CET: 1000×3 + 100×15
    near(model.quick(new Date('2026-12-06T22:59:00.000Z')).today.cloudUsd, 4500, '23:59');
    near(model.quick(new Date('2026-12-06T23:00:01.000Z')).today.cloudUsd, 0, '00:00:01 the next day');
    // The status bar and the panel recompute "today" only when asked: the spend store asks at the next local day.
    assert.equal(msUntilNextLocalDay(new Date('2026-12-06T22:30:00.000Z')), 30 * 60_000, '23:30 CET → 30 min');
    assert.equal(msUntilNextLocalDay(new Date('2026-10-24T21:30:00.000Z')), 30 * 60_000, '24 Oct 23:30 CEST → 30 min');
    assert.equal(msUntilNextLocalDay(new Date('2026-10-24T22:30:00.000Z')), 24.5 * 3_600_000, '25 Oct 00:30 CEST, a 25-hour day → 24.5 h');
    assert.equal(msUntilNextLocalDay(new Date('2026-03-29T00:30:00.000Z')), 21.5 * 3_600_000, '29 Mar 01:30 CET, a 23-hour day → 21.5 h');
  }));

  test('D5 the status bar\'s "today" is the panel\'s Today figure: cloud 8100 µ$ + a local answer at $1/h × 36 s = $0.01 notional', () => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const model = new SpendModel();
    model.add(bill('cloud', t, 1200, 300, 8100)); // 1200×3 + 300×15
    model.add(record('local', { time: t, route: 'local', provider: 'ollama', model: 'qwen2.5-coder:7b', totalMs: 36_000, costUsd: 0.01,
      tokens: { input: 500, output: 100, cacheRead: 0, cacheWrite: 0, source: 'provider' } })); // 1 $/h × 36 s
    const snap = model.snapshot(new Date(2026, 11, 6, 18));
    const bar = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: snap.today.cloudUsd, monthUsd: snap.month.cloudUsd,
      last: { route: 'cloud', totalMs: 900, model: 'claude-sonnet-4-6', status: 'ok' } });
    const card = periodCardValue(snap.today);
    assert.ok(bar.text.includes(`${card.value} today`), `status bar "${bar.text}" vs panel Today "${card.value}"`);
    assert.equal(card.value, '$0.0081', 'the bill: cloud only');
    assert.equal(card.local, '+ $0.01 local (hybrid.local.costPerHour, not billed)');
  });
});

suite('spend3 / hand bills through ledger faults: nothing acknowledged is lost', () => {
  test('L1 crash mid-write (torn last line), reopen, append: 4500 + 6000 + 1500 + 3000 = 15000 µ$, the torn record never counted', () => withDir(async (dir) => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const first = await Ledger.open(dir);
    for (const r of [bill('a', t, 1000, 100, 4500), bill('b', t, 2000, 0, 6000), bill('c', t, 500, 0, 1500)]) assert.equal((await first.append(r)).written, true);
    await first.close();
    const file = path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.jsonl'))!);
    const torn = JSON.stringify(bill('torn', t, 9000, 0, 27_000));
    fs.appendFileSync(file, torn.slice(0, Math.floor(torn.length / 2))); // the process died inside write()
    const second = await Ledger.open(dir);
    assert.equal((await second.append(bill('d', t, 1000, 0, 3000))).written, true); // 1000×3
    await second.close();
    const { model, records } = await readBack(dir);
    assert.deepEqual(records.map((r) => r.id), ['a', 'b', 'c', 'd']);
    near(model.quick(new Date(t)).today.cloudUsd, 15_000, 'today');
  }));

  test('L2 two windows appending in turn to one folder: each sees 4500 + 6000 + 1500 + 3000 = 15000 µ$', () => withDir(async (dir) => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const [w1, w2] = [await Ledger.open(dir), await Ledger.open(dir)];
    await Promise.all([w1.append(bill('w1a', t, 1000, 100, 4500)), w2.append(bill('w2a', t, 2000, 0, 6000)),
      w1.append(bill('w1b', t, 500, 0, 1500)), w2.append(bill('w2b', t, 1000, 0, 3000))]);
    for (const w of [w1, w2]) {
      const { records } = await w.load();
      near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 15_000, 'window');
    }
    await Promise.all([w1.close(), w2.close()]);
  }));

  test('L3 a damaged line in the middle: the others count (4500 + 1500 = 6000 µ$), and the loss is said, not silent', () => withDir(async (dir) => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const ledger = await Ledger.open(dir);
    for (const r of [bill('a', t, 1000, 100, 4500), bill('b', t, 2000, 0, 6000), bill('c', t, 500, 0, 1500)]) await ledger.append(r);
    await ledger.close();
    const file = path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.jsonl'))!);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"costUsd":0.006', '"costUsd":0.0#6'); // one flipped byte, the line still whole
    fs.writeFileSync(file, lines.join('\n'));
    const loaded = await (await Ledger.open(dir)).load();
    near(loaded.records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 6000, 'readable records');
    const tail = await new LedgerTail(dir, nodeLedgerFs).read();
    assert.equal(loaded.damaged, 1, 'a whole record that cannot be read is told apart from a torn fragment');
    assert.equal(tail.damaged, 1);
    assert.match(unreadableLinesNotice(tail) ?? '', /1 record in the spend ledger could not be read .*not in the totals/);
  }));

  test('L5 a read-only disk (EROFS) mid-session: 4500 µ$ on disk + 6000 + 1500 in memory = 12000 µ$ counted, one clear warning', () => withDir(async (dir) => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const state = { readOnly: false };
    const fsRo: LedgerFs = { ...nodeLedgerFs, async openAppend(f) {
      const h = await nodeLedgerFs.openAppend(f);
      return { ...h, write: async (b) => { if (state.readOnly) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }); return h.write(b); } };
    } };
    const warnings: string[] = [];
    const ledger = await Ledger.open(dir, { fs: fsRo, onWarning: (m) => warnings.push(m) });
    assert.equal((await ledger.append(bill('a', t, 1000, 100, 4500))).written, true);
    state.readOnly = true;
    assert.equal((await ledger.append(bill('b', t, 2000, 0, 6000))).written, false);
    assert.equal((await ledger.append(bill('c', t, 500, 0, 1500))).written, false);
    const { records } = await ledger.load();
    near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 12_000, 'this session still counts every bill');
    assert.equal(warnings.length, 1, 'said once');
    assert.match(warnings[0]!, /read-only|EROFS/i);
    await ledger.close();
  }));

  test('L4 a torn fragment alone (a crash, never acknowledged) is not reported as a lost record', () => withDir(async (dir) => {
    const t = new Date(2026, 11, 6, 12).toISOString();
    const ledger = await Ledger.open(dir);
    await ledger.append(bill('a', t, 1000, 100, 4500));
    await ledger.close();
    const file = path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.jsonl'))!);
    fs.appendFileSync(file, JSON.stringify(bill('torn', t, 1, 1, 18)).slice(0, 40));
    await (await Ledger.open(dir)).close(); // the repair ends the fragment with a newline
    const tail = await new LedgerTail(dir, nodeLedgerFs).read();
    near(tail.records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 4500, 'the acknowledged bill');
    assert.equal(tail.damaged, 0);
    assert.equal(unreadableLinesNotice(tail), undefined);
  }));
});
