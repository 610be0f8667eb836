// Several windows, one ledger folder, under faults: three writer processes keep opening (which repairs torn tails),
// appending and closing; the test kills them at random and starts new ones, appends torn fragments into the shared
// file (a window that died mid-write), and the writers' own storage fails now and then (short writes, EIO on
// fsync). Every record a writer acknowledged (written whole and fdatasync'ed) must be readable afterwards.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleChildScript, readLines } from './fixtures/childScript';
import { Ledger, serializeRecord } from '../../../src/core/spend';
import { record } from './fixtures/records';

const RUNS = 20;
/** A run ends once this many records were acknowledged and every fault kind happened (or after RUN_CAP_MS). */
const RUN_ACKS = 150;
const RUN_CAP_MS = 20_000;
/** A window is killed only after it has acknowledged a few records (start-up time varies a lot on a busy machine). */
const MIN_ACKS_BEFORE_KILL = 3;
const WINDOWS = 3;

let tmp: string;
let windowJs: string;

interface Window { child: ChildProcess; exit: Promise<void>; acks: () => number }

function startWindow(dir: string, prefix: string, faultRate: number, acked: Set<string>): Window {
  const child = spawn(process.execPath, [windowJs, dir, prefix, String(faultRate)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let acks = 0;
  readLines(child.stdout!, (line) => { if (line.startsWith('ack ')) { acked.add(line.slice(4)); acks++; } });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  // 'close' (not 'exit'): every ack the child wrote has been read from the pipe by then.
  const exit = new Promise<void>((resolve) => child.on('close', (code, signal) => {
    if (signal !== 'SIGKILL') process.stderr.write(`window ${prefix} ended ${code} ${signal}: ${stderr}\n`);
    resolve();
  }));
  return { child, exit, acks: () => acks };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function oneRun(dir: string, run: number): Promise<{ acked: number; lost: string[]; torn: number; kills: number; repairs: number }> {
  const acked = new Set<string>();
  let generation = 0;
  const windows: Window[] = [];
  for (let w = 0; w < WINDOWS; w++) windows.push(startWindow(dir, `run${run}w${w}g${generation++}`, 0.02, acked));
  const file = path.join(dir, 'ledger-2026-11.jsonl');
  const deadline = Date.now() + RUN_CAP_MS;
  let torn = 0, kills = 0;
  while (Date.now() < deadline && (acked.size < RUN_ACKS || kills < 2 || torn < 5)) {
    await sleep(5 + Math.floor(Math.random() * 25));
    const i = Math.floor(Math.random() * WINDOWS);
    if (Math.random() < 0.7 || windows[i].acks() < MIN_ACKS_BEFORE_KILL) {
      // A window that died mid-write: part of a line lands at the end of the shared file (O_APPEND, as it would).
      const line = serializeRecord(record(`torn-${run}-${torn}`));
      fs.appendFileSync(file, line.slice(0, 1 + Math.floor(Math.random() * (line.length - 2))));
      torn++;
    } else {
      windows[i].child.kill('SIGKILL');
      await windows[i].exit;
      kills++;
      windows[i] = startWindow(dir, `run${run}w${i}g${generation++}`, 0.02, acked);
    }
  }
  for (const w of windows) w.child.kill('SIGKILL');
  await Promise.all(windows.map((w) => w.exit));
  const ledger = await Ledger.open(dir);
  const loaded = await ledger.load();
  await ledger.close();
  const have = new Set(loaded.records.map((r) => r.id));
  return { acked: acked.size, lost: [...acked].filter((id) => !have.has(id)), torn, kills, repairs: ledger.repairs.length };
}

suite('spend / ledger with several windows under faults (child processes)', function () {
  this.timeout(180_000);

  suiteSetup(() => { ({ tmp, script: windowJs } = bundleChildScript('ledgerWindow')); });
  suiteTeardown(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  test(`${RUNS} runs of ${WINDOWS} windows with kills, torn tails and storage faults: no acknowledged record lost`, async () => {
    const lostPerRun: number[] = [];
    let acked = 0, torn = 0, kills = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = path.join(tmp, `run${run}`);
      fs.mkdirSync(dir);
      const r = await oneRun(dir, run);
      lostPerRun.push(r.lost.length);
      acked += r.acked; torn += r.torn; kills += r.kills;
      assert.ok(r.acked > 20, `run ${run}: the windows barely wrote (${r.acked} acks); the run proves nothing`);
      assert.ok(r.torn > 0 && r.kills > 0, `run ${run}: no fault was injected`);
    }
    const runsWithLoss = lostPerRun.filter((n) => n > 0).length;
    console.log(`      ${RUNS} runs: ${acked} acknowledged, ${torn} torn tails injected, ${kills} windows killed; lost per run: ${lostPerRun.join(' ')}`);
    assert.equal(runsWithLoss, 0, `acknowledged records lost in ${runsWithLoss} of ${RUNS} runs: ${lostPerRun.join(' ')}`);
  });
});
