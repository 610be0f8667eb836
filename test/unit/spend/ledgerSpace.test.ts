// "The ledger never loses a record", also across a full disk. Records made while the disk was full were kept in
// memory only, and the fix the warning named (free space, reload the window) dropped them: nothing wrote them out.
// A full disk is not an fsync failure — the write never landed — so writing them again once space is back is
// safe (fsync failures still stop writing for the session: ledger.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ledger, nodeLedgerFs, type LedgerFs } from '../../../src/core/spend';
import { record } from './fixtures/records';

const errno = (code: string): Error => Object.assign(new Error(code), { code });

/** The real fs; while `full` is set every write fails with `code`, or (short) lands only its first 25 bytes. */
function disk(state: { full: boolean; code?: string; short?: boolean }): LedgerFs {
  return {
    ...nodeLedgerFs,
    async openAppend(f) {
      const h = await nodeLedgerFs.openAppend(f);
      return {
        ...h,
        write: async (b) => {
          if (!state.full) return h.write(b);
          if (state.short) return h.write(b.subarray(0, 25));
          throw errno(state.code ?? 'ENOSPC');
        },
      };
    },
  };
}

suite('spend / ledger across a full disk', () => {
  let tmp = '';
  setup(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-space-')); });
  teardown(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const onDisk = async (): Promise<string[]> => {
    const l = await Ledger.open(tmp);
    const ids = (await l.load()).records.map((r) => r.id);
    await l.close();
    return ids;
  };

  test('space freed mid-session: the next append writes the records kept in memory first, in order', async () => {
    const state = { full: false };
    const warnings: string[] = [];
    const ledger = await Ledger.open(tmp, { fs: disk(state), onWarning: (m) => warnings.push(m) });
    assert.equal((await ledger.append(record('a'))).written, true);
    state.full = true;
    assert.equal((await ledger.append(record('b'))).written, false);
    assert.equal((await ledger.append(record('c'))).written, false);
    assert.equal(ledger.problem, 'ENOSPC');
    state.full = false;
    assert.equal((await ledger.append(record('d'))).written, true);
    assert.equal(ledger.problem, undefined, 'the ledger writes again');
    await ledger.close();
    assert.deepEqual(await onDisk(), ['a', 'b', 'c', 'd']);
    assert.equal(warnings.length, 1);
  });

  test('space freed, then the window reloads (close) without another request: nothing made in memory is lost', async () => {
    const state = { full: true, code: 'EDQUOT' };
    const ledger = await Ledger.open(tmp, { fs: disk(state) });
    await ledger.append(record('a'));
    await ledger.append(record('b'));
    state.full = false;
    await ledger.close();
    assert.deepEqual(await onDisk(), ['a', 'b']);
  });

  test('a short write (the disk filled mid-line): the torn fragment is ended, the record written whole once, never twice', async () => {
    const state = { full: true, short: true };
    const ledger = await Ledger.open(tmp, { fs: disk(state) });
    assert.equal((await ledger.append(record('a'))).written, false);
    state.full = false;
    assert.equal((await ledger.append(record('b'))).written, true);
    await ledger.close();
    const l = await Ledger.open(tmp);
    const loaded = await l.load();
    await l.close();
    assert.deepEqual(loaded.records.map((r) => r.id), ['a', 'b']);
    assert.equal(loaded.duplicates, 0);
  });

  test('still full at close: the records stay counted for the session, and an fsync failure is still never retried', async () => {
    const state = { full: true };
    const ledger = await Ledger.open(tmp, { fs: disk(state) });
    await ledger.append(record('a'));
    await ledger.close();
    assert.deepEqual((await ledger.load()).records.map((r) => r.id), ['a']);

    let writes = 0;
    const eio = await Ledger.open(path.join(tmp, 'eio'), {
      fs: { ...nodeLedgerFs, async openAppend(f) { const h = await nodeLedgerFs.openAppend(f); return { ...h, write: (d) => { writes++; return h.write(d); }, datasync: async () => { throw errno('EIO'); } }; } },
    });
    await eio.append(record('x'));
    await eio.append(record('y'));
    await eio.close();
    assert.equal(writes, 1, 'after a failed fsync nothing is written again');
  });
});
