// Two windows, one ledger folder: each window's spend model must count the other's records (budgets are per user,
// not per window), read only what is new, wait out a half-written line, and count every record exactly once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { budgetState, Ledger, LedgerTail, nodeLedgerFs, serializeRecord, SpendModel, type LedgerFs } from '../../../src/core/spend';
import { record } from './fixtures/records';

let tmp: string;
const NOW = new Date('2026-11-22T12:00:00.000Z');
const budget = { 'budget.dailyUsd': 0.05, 'budget.monthlyUsd': 0 } as const;

/** One VS Code window: its own ledger handle, tail and model over the shared folder (as SpendStore wires them). */
async function openWindow(dir: string, fsImpl: LedgerFs = nodeLedgerFs) {
  const ledger = await Ledger.open(dir);
  const tail = new LedgerTail(dir, fsImpl);
  const model = new SpendModel();
  for (const r of (await tail.read()).records) model.add(r);
  return {
    ledger, tail, model,
    async spend(id: string, costUsd: number) {
      const r = record(id, { costUsd, time: '2026-11-22T10:00:00.000Z' });
      await ledger.append(r);
      model.add(r);
    },
    async refresh() {
      let added = 0;
      for (const r of (await tail.read()).records) if (model.add(r)) added++;
      return added;
    },
  };
}

suite('spend / ledger tail (windows sharing one ledger)', () => {
  setup(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tail-')); });
  teardown(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  test("each window's budget counts the other window's spend, each record once", async () => {
    const a = await openWindow(tmp);
    const b = await openWindow(tmp);
    await a.spend('a1', 0.02);
    await b.spend('b1', 0.02);
    await a.spend('a2', 0.02);
    // Before reading back, each window sees only its own spend: the defect the tail fixes.
    assert.equal(budgetState(b.model.quick(NOW), budget).level, 'ok');
    assert.equal(await a.refresh(), 1); // b1; a1 and a2 are its own and are dropped by id
    assert.equal(await b.refresh(), 2); // a1, a2
    for (const w of [a, b]) {
      const state = budgetState(w.model.quick(NOW), budget);
      assert.equal(w.model.size, 3);
      assert.ok(Math.abs(state.spentTodayUsd - 0.06) < 1e-12, String(state.spentTodayUsd));
      assert.equal(state.level, 'exceeded');
    }
    assert.equal(await a.refresh(), 0);
    await a.ledger.close();
    await b.ledger.close();
  });

  test('concurrent appends from two writers while a third window reads: nothing lost, nothing twice', async () => {
    const a = await openWindow(tmp);
    const b = await openWindow(tmp);
    const reader = await openWindow(tmp);
    const writes: Promise<unknown>[] = [];
    const reads: Promise<number>[] = [];
    for (let i = 0; i < 60; i++) {
      writes.push(a.spend(`a-${i}`, 0.001), b.spend(`b-${i}`, 0.001));
      if (i % 7 === 0) reads.push(reader.refresh());
    }
    await Promise.all(writes);
    await Promise.all(reads);
    await reader.refresh();
    assert.equal(reader.model.size, 120);
    assert.ok(Math.abs(reader.model.quick(NOW).today.cloudUsd - 0.12) < 1e-9);
    await a.ledger.close();
    await b.ledger.close();
  });

  test('reads only the bytes appended since the last read', async () => {
    const ranges: Array<[number, number]> = [];
    const spying: LedgerFs = { ...nodeLedgerFs, readRange: (f, s, e) => { ranges.push([s, e]); return nodeLedgerFs.readRange(f, s, e); } };
    const writer = await Ledger.open(tmp);
    for (let i = 0; i < 20; i++) await writer.append(record(`old-${i}`));
    const sizeBefore = fs.statSync(path.join(tmp, 'ledger-2026-11.jsonl')).size;
    const w = await openWindow(tmp, spying);
    assert.equal(w.model.size, 20);
    ranges.length = 0;
    await writer.append(record('new-1'));
    assert.equal(await w.refresh(), 1);
    const sizeAfter = fs.statSync(path.join(tmp, 'ledger-2026-11.jsonl')).size;
    // From the last 64 bytes already read (they tell an appended file from a rewritten one) to the new end.
    assert.deepEqual(ranges, [[sizeBefore - 64, sizeAfter]]);
    ranges.length = 0;
    assert.equal(await w.refresh(), 0);
    assert.deepEqual(ranges, [], 'an unchanged file is not read at all');
    await writer.close();
  });

  test('a half-written last line is left for the next read, then counted once complete', async () => {
    const file = path.join(tmp, 'ledger-2026-11.jsonl');
    fs.writeFileSync(file, serializeRecord(record('first')));
    const w = await openWindow(tmp);
    assert.equal(w.model.size, 1);
    // Another window's append, seen mid-write (two write() calls stand in for a slow filesystem).
    const line = serializeRecord(record('slow', { costUsd: 0.5 }));
    fs.appendFileSync(file, line.slice(0, 40));
    assert.equal(await w.refresh(), 0, 'no line end yet: not a record, and not garbage either');
    fs.appendFileSync(file, line.slice(40, -1));
    assert.equal(await w.refresh(), 0);
    fs.appendFileSync(file, '\n');
    assert.equal(await w.refresh(), 1);
    assert.ok(Math.abs(w.model.quick(NOW).today.cloudUsd - (0.0081 + 0.5)) < 1e-12);
    await w.ledger.close();
  });

  test('a file that shrank is read again from the start without double counting; a new month file is picked up', async () => {
    const file = path.join(tmp, 'ledger-2026-11.jsonl');
    fs.writeFileSync(file, serializeRecord(record('x1')) + serializeRecord(record('x2')));
    const w = await openWindow(tmp);
    assert.equal(w.model.size, 2);
    const before = fs.statSync(file).size;
    // Replaced by a shorter file (restored from a backup, say): x1 again plus one new, cheaper record.
    fs.writeFileSync(file, serializeRecord(record('x1')) + serializeRecord(record('x3', { costUsd: 0.2 })));
    assert.ok(fs.statSync(file).size < before);
    const other = await Ledger.open(tmp);
    await other.append(record('dec', { time: '2026-12-01T09:00:00.000Z' }));
    assert.equal(await w.refresh(), 2, 'x3 and dec; x1 is dropped by id');
    assert.equal(w.model.size, 4);
    await other.close();
    await w.ledger.close();
  });

  test('a missing folder reads as empty, and the next read finds records once it exists', async () => {
    const dir = path.join(tmp, 'not-yet');
    const tail = new LedgerTail(dir, nodeLedgerFs);
    assert.deepEqual((await tail.read()).records, []);
    const ledger = await Ledger.open(dir);
    await ledger.append(record('late'));
    assert.deepEqual((await tail.read()).records.map((r) => r.id), ['late']);
    await ledger.close();
  });
});
