// The ledger in trouble while the user keeps asking: a disk that fills mid-session, a read-only folder, a corrupt
// line in a huge ledger. The answer still arrives and ends, nothing acknowledged is lost, and the one warning names
// the cause and the fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ledger, nodeLedgerFs, serializeRecord, type LedgerFs } from '../../../src/core/spend';
import { record } from '../spend/fixtures/records';
import { FaultRig } from './rig';

const errno = (code: string): Error => Object.assign(new Error(code), { code });

suite('faults: ledger storage in trouble', function () {
  this.timeout(30_000);
  let rig: FaultRig;
  let tmp: string;
  suiteSetup(async () => { rig = await FaultRig.start(); });
  suiteTeardown(async () => { await rig.close(); });
  setup(() => { rig.reset(); tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-ledger-')); });
  teardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('disk fills mid-session: the next answers still end, all records kept (disk or memory), one warning with the fix', async () => {
    let full = false;
    const fsx: LedgerFs = {
      ...nodeLedgerFs,
      async openAppend(f) {
        const h = await nodeLedgerFs.openAppend(f);
        return { ...h, write: async (b) => { if (full) throw errno('ENOSPC'); return h.write(b); } };
      },
    };
    const warnings: string[] = [];
    const ledger = await Ledger.open(tmp, { fs: fsx, onWarning: (m) => warnings.push(m) });
    const append = async (r: Parameters<Ledger['append']>[0]): Promise<void> => { await ledger.append(r); };
    const first = await rig.run({}, { record: append });
    full = true;
    const second = await rig.run({}, { record: append });
    const third = await rig.run({ origin: 'askCloud', question: 'Compare two designs.' }, { record: append });
    for (const o of [first, second, third]) {
      assert.equal(o.errors.length, 0, JSON.stringify(o.errors));
      assert.ok(o.events.some((e) => e.type === 'done' && e.status === 'ok'), 'each answer ends');
    }
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /disk is full/);
    assert.match(warnings[0], /Free some disk space.*Reload Window/);
    const all = [...first.records, ...second.records, ...third.records].map((r) => r.id);
    assert.deepEqual((await ledger.load()).records.map((r) => r.id), all, 'every acknowledged record is still counted');
    const onDisk = fs.readFileSync(path.join(tmp, fs.readdirSync(tmp)[0]), 'utf8').trim().split('\n');
    assert.equal(onDisk.length, first.records.length, 'what reached the disk before it filled is there, whole');
    await ledger.close();
  });

  test('read-only storage folder: memory-only, the warning names the folder, the cause and the fix', async () => {
    const warnings: string[] = [];
    const ledger = await Ledger.open(tmp, { fs: { ...nodeLedgerFs, openAppend: async () => { throw errno('EROFS'); } }, onWarning: (m) => warnings.push(m) });
    const o = await rig.run({}, { record: async (r) => { await ledger.append(r); } });
    assert.ok(o.events.some((e) => e.type === 'done' && e.status === 'ok'));
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0].includes(tmp));
    assert.match(warnings[0], /read-only.*Make the folder writable.*Reload Window/s);
    assert.equal((await ledger.load()).records.length, 1);
    await ledger.close();
  });

  test('a huge ledger (100,000 records, 3 corrupt lines) loads in bounded time, skips only the corrupt lines', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      lines.push(serializeRecord(record(`r${i}`)).replace(/\n$/, ''));
      if (i === 10 || i === 50_000) lines.push('{"v":1,"id":"broken", "tok');
      if (i === 70_000) lines.push('\u0000\u0000garbage');
    }
    fs.writeFileSync(path.join(tmp, 'ledger-2026-11.jsonl'), lines.join('\n') + '\n');
    const t0 = Date.now();
    const ledger = await Ledger.open(tmp);
    const loaded = await ledger.load();
    const ms = Date.now() - t0;
    assert.equal(loaded.records.length, 100_000);
    assert.equal(loaded.skipped, 3);
    assert.ok(ms < 10_000, `loaded in ${ms} ms`);
    await ledger.append(record('after'));
    assert.equal((await ledger.load()).records.length, 100_001, 'appends continue after the corrupt lines');
    await ledger.close();
  });
});
