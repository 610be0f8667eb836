// A window that dies while a cloud answer streams (a reload, a crash) used to leave no record: the provider bills
// the prompt it received, but the extension host died before its record. The pipeline now hands the record to keep
// to an in-flight journal before the request goes out; the next window appends it as an estimate.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InflightJournal, recordOrphans, type JournalFs } from '../../../src/core/spend/inflightJournal';
import { Ledger } from '../../../src/core/spend/ledger';
import { LedgerTail } from '../../../src/core/spend/ledgerTail';
import { nodeLedgerFs } from '../../../src/core/spend/ledgerFs';
import type { LedgerRecord } from '../../../src/core/request';
import { IndependentAnthropic } from '../../fakes/independent';
import { bundleChildScript, readLines } from './fixtures/childScript';
import { AskRig } from './fixtures/askRig';

function record(id: string, time: string): LedgerRecord {
  return { v: 1, id, time, origin: 'askCloud', kind: 'ask', route: 'cloud', provider: 'anthropic', model: 'claude-sonnet-4-6',
    tokens: { input: 1000, output: 0, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, costUsd: 0.003, ttftMs: null, totalMs: 5,
    status: 'failed', outcome: 'interrupted', reasons: ['cloud: you asked the cloud'] };
}

suite('spend: an answer cut by the window dying is still recorded', () => {
  let tmp: string;
  setup(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inflight-')); });
  teardown(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a killed window\'s cloud answer joins the next window\'s ledger once, as a labelled estimate priced on its prompt', async function () {
    this.timeout(60_000);
    const fake = new IndependentAnthropic({ usage: { input: 9999, cacheWrite: 0, cacheRead: 0 }, delivery: { cutAfter: 6, cut: 'stall' } });
    const url = await fake.listen();
    const { tmp: bundle, script } = bundleChildScript('interruptedChild');
    const dir = path.join(tmp, 'ledger-inflight');
    try {
      const child = spawn(process.execPath, [script, url, dir, `test-${randomBytes(8).toString('hex')}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: string[] = [];
      await new Promise<void>((resolve, reject) => {
        readLines(child.stdout, (l) => { lines.push(l); if (l === 'streaming') resolve(); });
        child.on('exit', () => reject(new Error(`the child ended before streaming: ${lines.join(' | ')}`)));
      });
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
      assert.ok(!lines.some((l) => l.startsWith('recorded')), 'the child died before its own record');

      const ledgerDir = path.join(tmp, 'ledger');
      const ledger = await Ledger.open(ledgerDir);
      const seen = new Set<string>();
      const take = (r: LedgerRecord): boolean => !seen.has(r.id) && seen.add(r.id) !== undefined;
      const first = await recordOrphans(new InflightJournal(dir), take, (r) => ledger.append(r));
      const again = await recordOrphans(new InflightJournal(dir), take, (r) => ledger.append(r));
      await ledger.close();
      assert.equal(first.kept.length, 1);
      assert.equal(again.kept.length, 0, 'recovered once');
      assert.deepEqual(fs.readdirSync(dir), [], 'the journal file is gone');

      const { records } = await new LedgerTail(ledgerDir, nodeLedgerFs).read();
      assert.equal(records.length, 1);
      const r = records[0];
      assert.equal(r.id, `child-${child.pid}`);
      assert.equal(r.route, 'cloud');
      assert.equal(r.outcome, 'interrupted');
      assert.equal(r.tokens.source, 'estimate', 'labelled an estimate: the provider\'s count never arrived');
      assert.equal(r.tokens.output, 0);
      // The pipeline's own prompt count (chars/4 here), never the fake's 9,999 it did not live to read.
      assert.ok(r.tokens.input > 10 && r.tokens.input < 2000, String(r.tokens.input));
      // claude-sonnet-4-6: $3 per million input tokens.
      assert.ok(Math.abs((r.costUsd ?? NaN) - r.tokens.input * 3e-6) < 1e-9, `${r.costUsd} for ${r.tokens.input} tokens`);
      assert.equal(fake.seen.length, 1, 'the request reached the provider');
    } finally {
      fs.rmSync(bundle, { recursive: true, force: true });
      await fake.close();
    }
  });

  test('an answer that ends records itself and leaves no journal file; a local answer is never journalled', async () => {
    const rig = new AskRig('Optimistic locking retries on conflict.', Date.parse('2026-12-07T10:00:00Z'));
    await rig.open();
    try {
      const kept: LedgerRecord[] = [];
      const cloud = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6' }, pending: (r) => kept.push(r) });
      assert.equal(kept.length, 1, 'kept before the request went out');
      assert.equal(kept[0].id, cloud.records[0].id, 'the answer\'s record supersedes it by id');
      assert.equal(kept[0].outcome, 'interrupted');
      const local = await rig.run({ input: { origin: 'askPrivate' }, pending: (r) => kept.push(r) });
      assert.equal(local.records[0].route, 'local');
      assert.equal(kept.length, 1, 'local answers cost nothing to lose');
    } finally { await rig.close(); }
  });

  test('another live window\'s answers in flight are left alone; a dead or hour-old one is an orphan; a damaged file is dropped', () => {
    const files = new Map<string, string>();
    const mem: JournalFs = {
      writeWhole(f, d) { files.set(f, d); }, read(f) { return files.get(f) ?? ''; },
      list() { return [...files.keys()].map((f) => path.basename(f)); }, remove(f) { files.delete(f); },
    };
    const now = Date.parse('2026-12-07T10:00:00Z');
    const at = (pid: number) => new InflightJournal('/j', mem, pid, (p) => p === 100 || p === 200, () => now);
    at(100).keep(record('live', '2026-12-07T09:59:00.000Z'));
    at(200).keep(record('stale', '2026-12-07T08:00:00.000Z'));
    at(300).keep(record('dead', '2026-12-07T09:59:30.000Z'));
    files.set('/j/400-broken.json', '{"v":1,"id":');
    const orphans = at(100).orphans();
    assert.deepEqual(orphans.map((o) => o.record?.id ?? 'damaged').sort(), ['damaged', 'dead', 'stale']);
    assert.ok(!at(100).orphans().some((o) => o.record?.id === 'live'), 'its own answers are never orphans');
    at(100).settle('live');
    assert.ok(![...files.keys()].some((f) => f.includes('live')));
  });
});
