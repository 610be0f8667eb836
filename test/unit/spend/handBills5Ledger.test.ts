// spend5 audit, part 3: the ledger under damage nobody asked for, with hand-priced records (claude-sonnet-4-6 from
// /work/shared/data/prices-reference.json: in 3, out 15 $/Mtok):
//   A 1200 in / 300 out = 3600 + 4500 = 8100 µ$     B 2000 in / 100 out = 6000 + 1500 = 7500 µ$
//   C 500 in / 40 out = 1500 + 600 = 2100 µ$        Σ = 17700 µ$
// - every single-bit flip of the middle record's line (the 8 × its length variants): the record reads back as it was,
//   or the user is told a record could not be read — never a silent loss; the neighbours always read;
// - a zero-filled block inside a record and across two records (etcd's TestRepairWriteTearMiddle shape);
// - a line break inserted inside a record (an editor's wrap): the record is read back whole;
// - a real full disk (a 16 KiB tmpfs) under two windows, with the kernel's own short write tearing a line;
// - the year turning over in Auckland while the records sit in the UTC month files.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ledger, LedgerTail, nodeLedgerFs, SpendModel } from '../../../src/core/spend';
import { unreadableLinesNotice } from '../../../src/core/spend/ledgerLines';
import type { LedgerRecord } from '../../../src/core/request';
import { record } from './fixtures/records';

const bill = (id: string, input: number, output: number, micro: number, time = '2026-12-07T10:00:00.000Z'): LedgerRecord =>
  record(id, { time, tokens: { input, output, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: micro / 1e6 });
const near = (got: number, micro: number, what: string): void => assert.ok(Math.abs(got - micro / 1e6) < 1e-9, `${what}: ${got} ≠ ${micro / 1e6}`);
const A = bill('rec-a-0001', 1200, 300, 8100), B = bill('rec-b-0002', 2000, 100, 7500), C = bill('rec-c-0003', 500, 40, 2100);

async function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spend5-ledger-'));
  try { return await f(dir); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

async function threeRecords(dir: string): Promise<{ file: string; bytes: Buffer; bStart: number; bEnd: number }> {
  const ledger = await Ledger.open(dir);
  for (const r of [A, B, C]) assert.equal((await ledger.append(r)).written, true);
  await ledger.close();
  const file = path.join(dir, 'ledger-2026-12.jsonl');
  const bytes = fs.readFileSync(file);
  const bStart = bytes.indexOf(0x0a) + 1;
  return { file, bytes, bStart, bEnd: bytes.indexOf(0x0a, bStart) };
}

async function loadBoth(dir: string): Promise<{ records: LedgerRecord[]; damaged: number; tailDamaged: number; altered: number }> {
  const { records, damaged, altered } = await (await Ledger.open(dir)).load();
  const tail = await new LedgerTail(dir, nodeLedgerFs).read();
  assert.deepEqual(tail.records.map((r) => r.id).sort(), records.map((r) => r.id).sort(), 'the tail reads what load reads');
  assert.equal(tail.altered, altered, 'load and the tail tell the same');
  return { records, damaged, tailDamaged: tail.damaged, altered };
}

suite('spend5 / ledger faults on hand-priced records', function () {
  this.timeout(120_000);

  test('K1 every single-bit flip of the middle record: read back as written, or said — never a silent loss or change; A and C always read (8100 + 2100 µ$)', () => withDir(async (dir) => {
    const { file, bytes, bStart, bEnd } = await threeRecords(dir);
    const whole = JSON.stringify((await loadBoth(dir)).records.find((r) => r.id === B.id));
    let intact = 0, told = 0, alteredTold = 0;
    const silent: string[] = [];
    for (let i = bStart; i < bEnd; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const b = Buffer.from(bytes);
        b[i] = b[i]! ^ (1 << bit);
        fs.writeFileSync(file, b);
        const { records, damaged, tailDamaged, altered } = await loadBoth(dir);
        assert.equal(damaged, tailDamaged, 'load and the tail tell the same');
        const ids = records.map((r) => r.id);
        assert.ok(ids.includes(A.id) && ids.includes(C.id), `flip at ${i - bStart}/${bit}: a neighbour was lost`);
        const back = records.find((r) => r.id === B.id);
        const where = `${i - bStart}/${bit} ${JSON.stringify(b.subarray(i - 3, i + 4).toString('latin1'))}`;
        if (back && JSON.stringify(back) === whole) { if (altered > 0) alteredTold++; else intact++; }
        else if (damaged > 0) told++;
        // Still three records with one changed in place (a digit of its cost, a letter of its model): said, or silent.
        else if (records.length === 3 && altered > 0) alteredTold++;
        else silent.push(`${records.length === 3 ? 'changed' : 'lost'} ${where}`);
      }
    }
    console.log(`      K1: ${(bEnd - bStart) * 8} flips: ${intact} read back intact and unflagged, ${told} told lost, ${alteredTold} read and told changed, ${silent.length} silent`);
    assert.deepEqual(silent.slice(0, 12), [], `${silent.length} flips lost or changed the record without a word`);
  }));

  test('K2 64 zero bytes inside B: A and C count (8100 + 2100 = 10200 µ$), and the user is told 1 record could not be read', () => withDir(async (dir) => {
    const { file, bytes, bStart } = await threeRecords(dir);
    const b = Buffer.from(bytes);
    b.fill(0, bStart + 60, bStart + 124);
    fs.writeFileSync(file, b);
    const { records, damaged } = await loadBoth(dir);
    near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 10_200, 'A + C');
    assert.equal(damaged, 1);
    assert.match(unreadableLinesNotice({ damaged })!, /1 record in the spend ledger could not be read/);
  }));

  test('K3 64 zero bytes across the end of B and the start of C (the line break between them zeroed): A counts (8100 µ$), and 2 records are said lost', () => withDir(async (dir) => {
    const { file, bytes, bEnd } = await threeRecords(dir);
    const b = Buffer.from(bytes);
    b.fill(0, bEnd - 30, bEnd + 34);
    fs.writeFileSync(file, b);
    const { records, damaged } = await loadBoth(dir);
    near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 8100, 'A');
    assert.equal(damaged, 2, 'two records could not be read');
  }));

  test('K4 a line break inserted inside B (an editor\'s wrap) loses nothing: 8100 + 7500 + 2100 = 17700 µ$', () => withDir(async (dir) => {
    const { file, bytes, bStart } = await threeRecords(dir);
    const cut = bStart + 90;
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, cut), Buffer.from('\n'), bytes.subarray(cut)]));
    const { records, damaged } = await loadBoth(dir);
    near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 17_700, 'A + B + C');
    assert.equal(damaged, 0);
  }));

  test('K5 a real full disk (16 KiB tmpfs), two windows appending: the kernel tears a line; once space is back every record is on disk once, the torn one not reported lost', async function () {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'spend5-tmpfs-'));
    try {
      try { execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt], { stdio: 'ignore' }); } catch {
        fs.rmdirSync(mnt);
        this.skip(); // needs root with CAP_SYS_ADMIN; the injected-ENOSPC tests (ledgerSpace, handBills4Ledger F1/F2) still run
      }
      const dir = path.join(mnt, 'ledger');
      const warnings: string[] = [];
      const w1 = await Ledger.open(dir, { onWarning: (m) => warnings.push(`w1 ${m}`) });
      const w2 = await Ledger.open(dir, { onWarning: (m) => warnings.push(`w2 ${m}`) });
      // Most of the disk goes to another file, so the ledger fills it within a few records.
      fs.writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(10 * 1024));
      const made: LedgerRecord[] = [];
      const refused: string[] = [];
      for (let i = 0; i < 24; i++) {
        const r = bill(`full-${String(i).padStart(3, '0')}`, 1200, 300, 8100, `2026-12-07T10:${String(i).padStart(2, '0')}:00.000Z`);
        made.push(r);
        const res = await (i % 2 ? w2 : w1).append(r);
        if (!res.written) refused.push(`${r.id} ${res.error}`);
      }
      assert.ok(refused.length > 0, 'the disk filled up');
      assert.ok(refused.every((x) => x.endsWith('ENOSPC')), refused.join('; '));
      const onDisk = fs.readFileSync(path.join(dir, 'ledger-2026-12.jsonl'), 'utf8');
      const tornNow = !onDisk.endsWith('\n');
      fs.rmSync(path.join(mnt, 'filler'));
      // Space is back: the next append of each window writes what it kept, oldest first.
      const last1 = bill('full-after-1', 2000, 100, 7500, '2026-12-07T11:00:00.000Z');
      const last2 = bill('full-after-2', 500, 40, 2100, '2026-12-07T11:01:00.000Z');
      assert.equal((await w1.append(last1)).written, true);
      assert.equal((await w2.append(last2)).written, true);
      await w1.close(); await w2.close();
      const { records, damaged, duplicates } = await (await Ledger.open(dir)).load();
      assert.deepEqual(records.map((r) => r.id).sort(), [...made, last1, last2].map((r) => r.id).sort(), 'every record on disk');
      assert.equal(duplicates, 0);
      assert.equal(damaged, 0, 'a line the disk tore was never acknowledged: not a lost record');
      near(records.reduce((s, r) => s + (r.costUsd ?? 0), 0), 24 * 8100 + 7500 + 2100, 'Σ = 24×8100 + 7500 + 2100 = 204000 µ$');
      assert.equal(warnings.filter((w) => w.startsWith('w1')).length, 1, `one warning per window: ${warnings.join(' | ')}`);
      console.log(`      K5: ${refused.length} of 24 appends refused by the full tmpfs; torn line on disk at the time: ${tornNow}`);
    } finally {
      try { execFileSync('umount', [mnt], { stdio: 'ignore' }); } catch { /* not mounted */ }
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });

  test('K6 Auckland, New Year: 31 Dec 23:30 NZDT (4500 µ$) is 2026; 1 Jan 00:30 NZDT (6000 µ$, in ledger-2026-12.jsonl) and 13:00 (1500 µ$, ledger-2027-01.jsonl) are January 2027: month 7500 µ$', async () => {
    const was = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      await withDir(async (dir) => {
        const ledger = await Ledger.open(dir);
        const recs = [bill('ny-1', 1500, 0, 4500, '2026-12-31T10:30:00.000Z'), bill('ny-2', 2000, 0, 6000, '2026-12-31T11:30:00.000Z'), bill('ny-3', 500, 0, 1500, '2027-01-01T00:00:00.000Z')];
        for (const r of recs) await ledger.append(r);
        await ledger.close();
        assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort(), ['ledger-2026-12.jsonl', 'ledger-2027-01.jsonl']);
        const model = new SpendModel();
        for (const r of (await new LedgerTail(dir, nodeLedgerFs).read()).records) model.add(r);
        const snap = model.snapshot(new Date('2027-01-01T01:00:00.000Z')); // 14:00 NZDT on 1 January
        near(snap.month.cloudUsd, 7500, 'January 2027');
        near(snap.today.cloudUsd, 7500, '1 January');
        near(snap.allTime.cloudUsd, 12_000, 'all time');
      });
    } finally { if (was === undefined) delete process.env.TZ; else process.env.TZ = was; }
  });
});
