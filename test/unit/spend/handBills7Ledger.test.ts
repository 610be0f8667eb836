// spend7 audit, part 3: the ledger attacked again. Every record is a hand bill of 1000 µ$ ($0.001) unless its test says
// otherwise, so every total is (records) × 1000 µ$. The panel's view is the tail (LedgerTail, as the spend store follows
// the folder, then SpendModel), the export's is Ledger.load; both must agree, and a record that cannot be counted must
// be said, never dropped in silence — nor counted at a value it cannot have.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ledger, LedgerTail, SpendModel, unreadableLinesNotice } from '../../../src/core/spend';
import { nodeLedgerFs, type LedgerFs } from '../../../src/core/spend/ledgerFs';
import { crc32, serializeRecord } from '../../../src/core/spend/ledgerRecord';
import type { LedgerRecord } from '../../../src/core/request';
import { record } from './fixtures/records';
import { DEC, at, bill, near, sum, withDir as withTempDir, bothViews } from './fixtures/ledgerDay';

const withDir = (fn: (dir: string) => Promise<void>): Promise<void> => withTempDir('spend7-ledger-', fn);

/** A sealed line edited as a tool (or a bug) would write it, then sealed again: its checksum matches. */
function resealed(r: LedgerRecord, edit: (json: string) => string): string {
  const line = serializeRecord(r).trimEnd();
  const body = edit(line.replace(/,"crc":"[0-9a-f]{8}"\}$/, '}'));
  return `${body.slice(0, -1)},"crc":"${crc32(body)}"}\n`;
}

suite('spend7 / ledger attacked', function () {
  this.timeout(60_000);

  test('M1 two windows append 150 bills each at the same moment: 300 whole lines, 300 × 1000 µ$ = $0.30 in both views', () => withDir(async (dir) => {
    const [a, b] = await Promise.all([Ledger.open(dir), Ledger.open(dir)]);
    const res = await Promise.all(Array.from({ length: 150 }, (_, i) => [a!.append(bill(`a-${i}`, i)), b!.append(bill(`b-${i}`, i))]).flat());
    assert.ok(res.every((r) => r.written));
    await Promise.all([a!.close(), b!.close()]);
    const lines = fs.readFileSync(path.join(dir, DEC), 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 300);
    const v = await bothViews(dir);
    near(v.panelUsd, 300_000, 'panel');
    near(sum(v.l.records), 300_000, 'export');
    assert.equal(v.l.skipped + v.l.damaged, 0);
  }));

  test('M2 a crash between write() and fdatasync (the sync fails with EIO after the line landed): counted once in this window, once in another, once after a restart (2 × 1000 µ$)', () => withDir(async (dir) => {
    let syncs = 0;
    const failing: LedgerFs = { ...nodeLedgerFs, async openAppend(file) {
      const h = await nodeLedgerFs.openAppend(file);
      return { ...h, write: (d) => h.write(d), close: () => h.close(),
        async datasync() { if (++syncs === 2) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }); await h.datasync(); } };
    } };
    const warnings: string[] = [];
    const w = await Ledger.open(dir, { fs: failing, onWarning: (m) => warnings.push(m) });
    assert.equal((await w.append(bill('sync-1', 1))).written, true);
    assert.equal((await w.append(bill('sync-2', 2))).written, false, 'not acknowledged: its sync failed');
    const mine = await w.load();
    assert.equal(mine.records.length, 2, 'the line on disk and the record kept in memory are one record');
    near(sum(mine.records), 2000, 'this window');
    const other = await new LedgerTail(dir, nodeLedgerFs).read();
    near(sum(other.records), 2000, 'another window');
    await w.close();
    const after = await bothViews(dir);
    near(sum(after.l.records), 2000, 'after a restart');
    assert.equal(after.l.duplicates, 0);
    assert.equal(warnings.length, 1, warnings.join(' | '));
  }));

  test('M3 New Year at UTC midnight while two windows write (23:59:59.999 and 00:00:00.000, 20 bills each): 2026-12 and 2027-01 files; a follower that started in December counts all 40', () => withDir(async (dir) => {
    const follower = new LedgerTail(dir, nodeLedgerFs);
    const [a, b] = await Promise.all([Ledger.open(dir), Ledger.open(dir)]);
    await a!.append(record('pre', { time: '2026-12-31T23:00:00.000Z', costUsd: 0.001 }));
    const first = await follower.read();
    assert.equal(first.records.length, 1);
    await Promise.all(Array.from({ length: 20 }, (_, i) => [
      a!.append(record(`old-${i}`, { time: '2026-12-31T23:59:59.999Z', costUsd: 0.001 })),
      b!.append(record(`new-${i}`, { time: '2027-01-01T00:00:00.000Z', costUsd: 0.001 })),
    ]).flat());
    await Promise.all([a!.close(), b!.close()]);
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort(), [DEC, 'ledger-2027-01.jsonl']);
    const more = await follower.read();
    assert.equal(first.records.length + more.records.length, 41);
    const model = new SpendModel();
    for (const r of [...first.records, ...more.records]) model.add(r);
    const janQuick = model.quick(new Date('2027-01-01T12:00:00Z'));
    assert.equal(janQuick.month.cloudRequests ?? janQuick.month.requests, 20);
  }));

  test('M4 a read-only ledger folder for real (a tmpfs remounted read-only; EROFS from the kernel): 1000 µ$ on disk + 2000 µ$ kept = 3000 µ$, one warning naming read-only', async function () {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'spend7-ro-'));
    try {
      try { execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' }); } catch { this.skip(); }
      const first = await Ledger.open(mnt);
      assert.equal((await first.append(bill('ro-1', 1))).written, true);
      await first.close();
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      const warnings: string[] = [];
      const w = await Ledger.open(mnt, { onWarning: (m) => warnings.push(m) });
      const r2 = await w.append(bill('ro-2', 2));
      const r3 = await w.append(bill('ro-3', 3));
      assert.equal(r2.written || r3.written, false);
      near(sum((await w.load()).records), 3000, 'this window');
      await w.close();
      assert.equal(warnings.length, 1, warnings.join(' | '));
      assert.match(warnings[0]!, /read-only/);
    } finally {
      try { execFileSync('umount', [mnt], { stdio: 'ignore' }); } catch { /* not mounted */ }
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });

  test('M5 lines whose checksum matches but whose values are impossible (−5 input tokens, cost −0.5, cost 1e999, cost NaN): never counted, said as impossible (not as damage); the 2 good ones count, 2000 µ$', () => withDir(async (dir) => {
    const lines = [
      serializeRecord(bill('good-1', 1)),
      resealed(bill('neg-tokens', 2), (j) => j.replace('"input":1200', '"input":-5')),
      resealed(bill('neg-cost', 3), (j) => j.replace('"costUsd":0.001', '"costUsd":-0.5')),
      resealed(bill('inf-cost', 4), (j) => j.replace('"costUsd":0.001', '"costUsd":1e999')),
      resealed(bill('nan-cost', 5), (j) => j.replace('"costUsd":0.001', '"costUsd":NaN')),
      serializeRecord(bill('good-2', 6)),
    ];
    fs.writeFileSync(path.join(dir, DEC), lines.join(''));
    const v = await bothViews(dir);
    near(v.panelUsd, 2000, 'panel');
    near(sum(v.l.records), 2000, 'export');
    for (const counts of [v.t, v.l]) {
      const notice = unreadableLinesNotice(counts) ?? '';
      assert.match(notice, /4 records/, notice);
      assert.match(notice, /impossible/, notice);
      assert.doesNotMatch(notice, /damaged/, notice);
    }
  }));

  test('M6 request ids replayed: an exact copy counts once in silence; a copy with another cost (0) counts once and is said — 2 ids = 2000 µ$', () => withDir(async (dir) => {
    const a = serializeRecord(bill('rep-a', 1)), b = serializeRecord(bill('rep-b', 2));
    const forged = serializeRecord(bill('rep-b', 3, { costUsd: 0 }));
    fs.writeFileSync(path.join(dir, DEC), a + b + a + a + forged);
    const v = await bothViews(dir);
    near(v.panelUsd, 2000, 'panel');
    near(sum(v.l.records), 2000, 'export');
    assert.equal(v.l.duplicates, 3);
    const notice = unreadableLinesNotice(v.l) ?? '';
    assert.match(notice, /1 record id .*twice with different figures|same id/i, notice);
  }));

  test('M7 a line from a newer ledger version ({"v":2,…} with a field this version does not know, sealed): counted with the fields it knows (1000 µ$ more, 3000 µ$) and said as newer — not as damage', () => withDir(async (dir) => {
    const v2 = resealed(bill('future', 2), (j) => j.replace('{"v":1,', '{"v":2,').replace('"status":"ok"', '"status":"ok","carbonGrams":0.4'));
    fs.writeFileSync(path.join(dir, DEC), serializeRecord(bill('now-1', 1)) + v2 + serializeRecord(bill('now-2', 3)));
    const v = await bothViews(dir);
    near(v.panelUsd, 3000, 'panel');
    near(sum(v.l.records), 3000, 'export');
    for (const counts of [v.t, v.l]) {
      const notice = unreadableLinesNotice(counts) ?? '';
      assert.match(notice, /newer version/, notice);
      assert.doesNotMatch(notice, /damaged/, notice);
    }
  }));

  test('M8 the clock goes backwards mid-session (1 Jan 00:00:03Z, then 31 Dec 23:59:58Z, then 1 Jan 00:00:01Z): each bill in its own month file, a follower counts all 3 (3000 µ$), December has 1000 µ$, January 2000 µ$', () => withDir(async (dir) => {
    const follower = new LedgerTail(dir, nodeLedgerFs);
    const w = await Ledger.open(dir);
    const model = new SpendModel();
    await w.append(record('c1', { time: '2027-01-01T00:00:03.000Z', costUsd: 0.001 }));
    for (const r of (await follower.read()).records) model.add(r);
    await w.append(record('c2', { time: '2026-12-31T23:59:58.000Z', costUsd: 0.001 }));
    await w.append(record('c3', { time: '2027-01-01T00:00:01.000Z', costUsd: 0.001 }));
    for (const r of (await follower.read()).records) model.add(r);
    await w.close();
    const jan = model.snapshot(new Date('2027-01-01T12:00:00Z'));
    near(jan.allTime.cloudUsd, 3000, 'all time');
    near(jan.month.cloudUsd, 2000, 'January');
    const dec = model.snapshot(new Date('2026-12-31T23:59:59Z'));
    near(dec.month.cloudUsd, 1000, 'December');
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort(), [DEC.replace('2026-12', '2026-12'), 'ledger-2027-01.jsonl']);
  }));
});
