#!/usr/bin/env node
// `npm test`: every tier, in order, each printing its own counts, then one summary line.
//   0. scripts/ensureTestHost.js  — installs Chromium/ripgrep, code-server 4.96.4 and 4.139.1 (+ Node 24) when missing (idempotent)
//   1. unit         mocha over test/unit (plain Node, no VS Code)
//   2. integration  `npm run build`, then mocha inside code-server's real extension host (test/runners/codeServer.ts)
//   3. e2e          the packaged .vsix in the real workbench via Playwright (test/runners/e2e.ts)
//   3b. native      the .vsix in code-server 4.139.1 (VS Code 1.139.1, Node 24): VS Code's own Chat, @hybrid and the
//                   Hybrid models in the built-in Agent (test/runners/nativeE2e.ts)
//   4. bench        `npm run bench -- --quick` when bench/run.ts exists (a smoke run of the benchmark, no counts)
// Every tier runs even if an earlier one failed (so one run shows everything); the exit code is 1 on any failure.
// Options: --skip-bench, --only <unit|integration|e2e|native|bench> (repeatable).
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const MIN = 60_000;

const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1]] : []));
const wanted = (tier) => only.length === 0 || only.includes(tier);

/** Runs a command in its own process group, echoing its output; resolves with its exit code and stdout. */
let current;
function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    current = child;
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    const timer = setTimeout(() => {
      process.stdout.write(`\n✗ ${[cmd, ...args].join(' ')} timed out after ${timeoutMs / MIN} min; stopping it\n`);
      signalGroup(child, 'SIGINT');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 20_000).unref();
    }, timeoutMs);
    child.on('error', (err) => { out += `\n${err.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: code ?? (signal ? 1 : 0), out });
    });
  });
}

function signalGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* gone */ }
}

// Ctrl-C: let the running tier clean up (its runner stops code-server, Chromium and the fakes), then leave.
process.on('SIGINT', () => {
  if (current) signalGroup(current, 'SIGINT');
  setTimeout(() => process.exit(130), current ? 20_000 : 0).unref();
});

/** Reads `<tier>: N passed, M failed`; a tier that failed without counts counts as one failure. */
function countsFrom(tier, { code, out }, pattern) {
  const m = pattern.exec(out);
  let passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 0;
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 0 && !m) { failed = 1; process.stdout.write(`✗ ${tier}: no counts in its output\n`); }
  return { passed, failed };
}

async function main() {
  const started = Date.now();
  const totals = { passed: 0, failed: 0 };
  const lines = [];
  const record = (tier, c) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    lines.push(`${tier}: ${c.passed} passed, ${c.failed} failed`);
  };

  if (wanted('integration') || wanted('e2e') || wanted('native')) {
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'ensureTestHost.js')], { cwd: ROOT, stdio: 'inherit' });
    } catch {
      process.stdout.write('✗ could not prepare the VS Code test hosts (see above); integration and e2e cannot run\n');
      process.exit(1);
    }
  }

  if (wanted('unit')) {
    banner('unit');
    const r = await run(path.join(BIN, 'mocha'), ['test/unit/**/*.test.ts'], 15 * MIN);
    const passing = /(\d+) passing/.exec(r.out);
    const failing = /(\d+) failing/.exec(r.out);
    const c = { passed: passing ? Number(passing[1]) : 0, failed: failing ? Number(failing[1]) : (r.code === 0 ? 0 : 1) };
    process.stdout.write(`unit: ${c.passed} passed, ${c.failed} failed\n`);
    record('unit', c);
  }

  if (wanted('integration')) {
    banner('integration');
    const build = await run('npm', ['run', 'build', '--silent'], 5 * MIN);
    if (build.code !== 0) {
      process.stdout.write('✗ npm run build failed: the integration tier did not run\nintegration: 0 passed, 1 failed\n');
      record('integration', { passed: 0, failed: 1 });
    } else {
      const r = await run(path.join(BIN, 'tsx'), ['test/runners/codeServer.ts'], 20 * MIN);
      record('integration', countsFrom('integration', r, /^integration: (\d+) passed, (\d+) failed$/m));
    }
  }

  if (wanted('e2e')) {
    banner('e2e');
    // The caps guard against a hang, not a budget: each test has its own time-out. 126 e2e tests take 16–17 min and
    // 3,300 unit tests 4 min on an idle 2-core machine; a 20 min e2e cap cut a loaded run short and counted every later
    // file as failed, so each cap is about twice the idle time.
    const r = await run(path.join(BIN, 'tsx'), ['test/runners/e2e.ts'], 40 * MIN);
    record('e2e', countsFrom('e2e', r, /^e2e: (\d+) passed, (\d+) failed$/m));
  }

  if (wanted('native')) {
    banner('native e2e (VS Code 1.139.1)');
    const r = await run(path.join(BIN, 'tsx'), ['test/runners/nativeE2e.ts'], 15 * MIN);
    record('native-e2e', countsFrom('native-e2e', r, /^native-e2e: (\d+) passed, (\d+) failed$/m));
  }

  if (wanted('bench') && !argv.includes('--skip-bench')) {
    if (fs.existsSync(path.join(ROOT, 'bench', 'run.ts'))) {
      banner('bench (quick)');
      const r = await run('npm', ['run', 'bench', '--silent', '--', '--quick'], 10 * MIN);
      if (r.code !== 0) {
        process.stdout.write(`✗ npm run bench -- --quick exited with ${r.code}\n`);
        totals.failed += 1;
        lines.push('bench: failed');
      } else lines.push('bench: ok');
    } else {
      lines.push('bench: skipped (bench/run.ts does not exist)');
    }
  }

  process.stdout.write(`\n${'─'.repeat(60)}\n${lines.join('\n')}\n`);
  process.stdout.write(`(${Math.round((Date.now() - started) / 1000)} s)\n`);
  process.stdout.write(`all tiers: ${totals.passed} passed, ${totals.failed} failed\n`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

function banner(name) {
  process.stdout.write(`\n━━ ${name} ${'━'.repeat(Math.max(0, 56 - name.length))}\n`);
}

main().catch((err) => {
  process.stderr.write(`scripts/test.js: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
