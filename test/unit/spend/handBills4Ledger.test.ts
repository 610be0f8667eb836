// spend4 audit, part 3: the ledger under the ways it is really used and abused — several windows appending at once,
// a ledger shortened or edited by hand while a window follows it, a full disk while appending, and the export read
// back. Each record's cost is typed by hand from /work/shared/data/prices-reference.json:
//   claude-sonnet-4-6 in 3, out 15     gpt-4.1 in 2, cached 0.5, out 8     claude-haiku-4-5 in 1, out 5 ($/Mtok)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED_PRICES, Ledger, LedgerTail, ledgerCsv, ledgerJson, nodeLedgerFs, serializeRecord, SpendModel, type LedgerFs } from '../../../src/core/spend';
import type { LedgerRecord, Usage } from '../../../src/core/request';
import { record } from './fixtures/records';
import { near } from './fixtures/dayBook';
import { parseCsv } from './fixtures/csv';

const T = new Date(2026, 11, 7, 10).toISOString();
const NOW = new Date(2026, 11, 7, 18);
const tok = (input: number, output: number, cacheRead = 0, source: Usage['source'] = 'provider'): Usage => ({ input, output, cacheRead, cacheWrite: 0, source });
/** A record billed at `micro` µ$ (its formula beside each call). */
const bill = (id: string, model: string, provider: LedgerRecord['provider'], tokens: Usage, micro: number | null): LedgerRecord =>
  record(id, { time: T, model, provider, tokens, costUsd: micro === null ? null : micro / 1e6 });
const sum = (rs: readonly LedgerRecord[]): number => rs.reduce((s, r) => s + (r.costUsd ?? 0), 0);

async function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend4-ledger-'));
  try { return await f(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
const fileIn = (dir: string): string => path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.jsonl'))!);

/** A window following the shared folder the way SpendStore does: a tail feeding a spend model. */
function follower(dir: string) {
  const tail = new LedgerTail(dir, nodeLedgerFs);
  const model = new SpendModel();
  return { tail, model, async refresh() { const r = await tail.read(); for (const x of r.records) model.add(x); return r; } };
}

// Three windows' bills: sonnet 1000 in / 100 out = 3000 + 1500 = 4500 µ$; gpt-4.1 2000 in (1000 cached) / 200 out =
// 2000 + 500 + 1600 = 4100 µ$; haiku 3000 in / 300 out = 3000 + 1500 = 4500 µ$.
const W = {
  a: (i: number) => bill(`a-${i}`, 'claude-sonnet-4-6', 'anthropic', tok(1000, 100), 4500),
  b: (i: number) => bill(`b-${i}`, 'gpt-4.1', 'openai', tok(1000, 200, 1000), 4100),
  c: (i: number) => bill(`c-${i}`, 'claude-haiku-4-5', 'anthropic', tok(3000, 300), 4500),
};

suite('spend4 / hand bills through the ledger: windows, edits, a full disk, the export', function () {
  this.timeout(20_000);

  test('W1 three windows append 8 bills each at once while a fourth follows: 8×4500 + 8×4100 + 8×4500 = 36000 + 32800 + 36000 = 104800 µ$, every record once', () => withDir(async (dir) => {
    const windows = await Promise.all([Ledger.open(dir), Ledger.open(dir), Ledger.open(dir)]);
    const reader = follower(dir);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) {
      writes.push(windows[0]!.append(W.a(i)), windows[1]!.append(W.b(i)), windows[2]!.append(W.c(i)));
      if (i % 3 === 0) writes.push(reader.refresh());
    }
    await Promise.all(writes);
    await reader.refresh();
    assert.equal(reader.model.size, 24);
    near(reader.model.quick(NOW).today.cloudUsd, 104_800, 'the follower');
    for (const w of windows) near(sum((await w.load()).records), 104_800, 'each window\'s load');
    await Promise.all(windows.map((w) => w.close()));
  }));

  test('E1 the first line deleted by hand, then another window appends two bills: the follower counts them (4500 + 4100 µ$ more), nothing twice', () => withDir(async (dir) => {
    const w = await Ledger.open(dir);
    for (const r of [W.a(0), W.b(0), W.c(0)]) await w.append(r);
    const reader = follower(dir);
    await reader.refresh();
    near(reader.model.quick(NOW).today.cloudUsd, 13_100, 'before the edit: 4500 + 4100 + 4500');
    const file = fileIn(dir);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('\n').slice(1).join('\n')); // a-0 removed by hand
    // Longer records than the one removed, so the file grows past where the follower stopped reading.
    await w.append(bill('late-a', 'claude-sonnet-4-6', 'anthropic', tok(1000, 100), 4500));
    await w.append(bill('late-b', 'gpt-4.1', 'openai', tok(1000, 200, 1000), 4100));
    await w.close();
    await reader.refresh();
    assert.ok(reader.model.size >= 5, `late-a and late-b are counted (size ${reader.model.size})`);
    near(reader.model.quick(NOW).today.cloudUsd, 13_100 + 4500 + 4100, 'the session\'s figure: what it counted, plus the two new bills');
  }));

  test('E2 a record\'s line edited in place (same length) while followed: read again, still counted once (4500 + 4100 + 4500 = 13100 µ$)', () => withDir(async (dir) => {
    const w = await Ledger.open(dir);
    for (const r of [W.a(0), W.b(0), W.c(0)]) await w.append(r);
    await w.close();
    const reader = follower(dir);
    await reader.refresh();
    const file = fileIn(dir);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"origin":"askCloud"', '"origin":"askAuto0"'));
    await reader.refresh();
    assert.equal(reader.model.size, 3);
    near(reader.model.quick(NOW).today.cloudUsd, 13_100, 'nothing twice');
  }));

  test('E3 a ledger that shrank around a damaged line: the damaged record is reported once, not once per re-read', () => withDir(async (dir) => {
    const w = await Ledger.open(dir);
    for (const r of [W.a(0), W.b(0), W.c(0), W.a(1)]) await w.append(r);
    await w.close();
    const file = fileIn(dir);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"costUsd":0.0041', '"costUsd":0.0#41');
    fs.writeFileSync(file, lines.join('\n'));
    const reader = follower(dir);
    const first = await reader.refresh();
    assert.equal(first.damaged, 1);
    fs.writeFileSync(file, lines.slice(0, 3).join('\n') + '\n'); // the last record removed: the file shrank
    await reader.refresh();
    assert.equal(reader.tail.damagedNow, 1, 'one damaged record in the ledger, however often it is re-read');
    near(reader.model.quick(NOW).today.cloudUsd, 4500 + 4500 + 4500, 'a-0, c-0, a-1 (b-0 is the damaged one)');
  }));

  test('F1 the disk fills while appending: 4500 µ$ on disk, then 4100 + 4500 refused with ENOSPC and kept, then written once space is back — 13100 µ$ on disk, one clear warning', () => withDir(async (dir) => {
    const state = { full: false };
    const disk: LedgerFs = { ...nodeLedgerFs, async openAppend(f) {
      const h = await nodeLedgerFs.openAppend(f);
      return { ...h, write: async (b) => { if (state.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); return h.write(b); } };
    } };
    const warnings: string[] = [];
    const ledger = await Ledger.open(dir, { fs: disk, onWarning: (m) => warnings.push(m) });
    assert.equal((await ledger.append(W.a(0))).written, true);
    state.full = true;
    assert.deepEqual(await ledger.append(W.b(0)), { written: false, error: 'ENOSPC' });
    assert.deepEqual(await ledger.append(W.c(0)), { written: false, error: 'ENOSPC' });
    near(sum((await ledger.load()).records), 13_100, 'counted meanwhile');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /the disk is full.*kept in memory.*Free some disk space/s);
    state.full = false;
    await ledger.close();
    const back = (await (await Ledger.open(dir)).load()).records;
    assert.deepEqual(back.map((r) => r.id), ['a-0', 'b-0', 'c-0']);
    near(sum(back), 13_100, 'on disk');
  }));

  test('F2 the window starts while the disk is still full after a crash (torn tail, its repair refused): 4100 kept, then 4500 once space is back — a 4500 + 4100 + 4500 = 13100 µ$ ledger', () => withDir(async (dir) => {
    const first = await Ledger.open(dir);
    await first.append(W.a(0));
    await first.close();
    fs.appendFileSync(fileIn(dir), serializeRecord(W.a(7)).slice(0, 30)); // the crash: a torn line, never acknowledged
    const state = { full: true };
    const disk: LedgerFs = { ...nodeLedgerFs, async openAppend(f) {
      if (state.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return nodeLedgerFs.openAppend(f);
    } };
    const warnings: string[] = [];
    const ledger = await Ledger.open(dir, { fs: disk, onWarning: (m) => warnings.push(m) });
    assert.deepEqual(await ledger.append(W.b(0)), { written: false, error: 'ENOSPC' });
    state.full = false; // the user freed space, as the warning asked
    assert.equal((await ledger.append(W.c(0))).written, true, 'written once the disk takes it');
    await ledger.close();
    const back = (await (await Ledger.open(dir)).load()).records;
    assert.deepEqual(back.map((r) => r.id), ['a-0', 'b-0', 'c-0']);
    near(sum(back), 13_100, 'on disk');
    assert.equal(warnings.length, 1);
  }));

  test('X1 export round trip: JSON parses back to the same records and figures; CSV (quoted reasons) sums to 4500 + 4100 + 4500 + 3090 = 16190 µ$; unpriced and estimated rows say so', () => withDir(async (dir) => {
    const ledger = await Ledger.open(dir);
    const odd = { ...W.c(9), reasons: ['complexity 0.8, "long" question', 'line\nbreak'] };
    // An estimate (Stop pressed, no final usage): ceil(sent/4) = 900 in, 26 out on sonnet 4.6 = 2700 + 390 = 3090 µ$ est.
    const est = bill('est', 'claude-sonnet-4-6', 'anthropic', tok(900, 26, 0, 'estimate'), 3090);
    const unpriced = bill('nimbus', 'claude-nimbus-7', 'anthropic', tok(900, 11), null);
    for (const r of [W.a(0), W.b(0), odd, est, unpriced]) await ledger.append(r);
    await ledger.close();
    const back = (await (await Ledger.open(dir)).load()).records;
    const json = JSON.parse(ledgerJson(back, BUNDLED_PRICES)) as LedgerRecord[];
    assert.deepEqual(json.map((r) => [r.id, r.costUsd]), back.map((r) => [r.id, r.costUsd]));
    near(sum(json), 4500 + 4100 + 4500 + 3090, 'JSON');
    const rows = parseCsv(ledgerCsv(back, BUNDLED_PRICES));
    const head = rows[0]!;
    const col = (row: string[], name: string) => row[head.indexOf(name)]!;
    assert.equal(rows.length - 1, 5);
    near(rows.slice(1).reduce((s, r) => s + (Number(col(r, 'costUsd')) || 0), 0), 4500 + 4100 + 4500 + 3090, 'CSV');
    // The ledger keeps reasons on one line; the comma and the quotes survive the CSV.
    assert.equal(col(rows.find((r) => r[0] === 'c-9')!, 'reasons'), 'complexity 0.8, "long" question | line break');
    assert.equal(col(rows.find((r) => r[0] === 'nimbus')!, 'costNote'), 'unknown price');
    assert.equal(col(rows.find((r) => r[0] === 'est')!, 'costNote'), 'estimate');
    assert.equal(col(rows.find((r) => r[0] === 'a-0')!, 'costNote'), '');
  }));
});

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
