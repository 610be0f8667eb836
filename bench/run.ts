// `npm run bench` — every benchmark in one run: figures as median / p95 / min / max with the machine they ran on,
// written to bench/results/latest.json and printed as a markdown table. `--quick` runs fewer repetitions (CI).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchFigure } from './types';

interface Suite { name: string; file: string }
const SUITES: Suite[] = [
  { name: 'activation', file: './activation' },
  { name: 'routing', file: './routing' },
  { name: 'routing languages', file: './routingLanguages' },
  { name: 'spend', file: './spend' },
  { name: 'completion', file: './completion' },
  { name: 'completion context', file: './completionContext' },
  { name: 'cost replay', file: './costReplay' },
  { name: 'codebase', file: './codebase' },
  { name: 'escalation sweep', file: './escalation' },
];

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 1 ? n.toFixed(2) : a >= 0.01 ? n.toFixed(3) : n.toPrecision(2);
}

/** A bootstrap 95 % interval, where the figure has one. */
function ci(x: [number, number] | undefined): string {
  return x ? ` [${fmt(x[0])}–${fmt(x[1])}]` : '';
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const started = Date.now();
  // 1, 5 and 15 minute load averages: on a shared machine the tail figures move with them.
  const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));
  const results: Record<string, BenchFigure[]> = {};
  const failures: string[] = [];
  for (const suite of SUITES) {
    if (only && !suite.name.includes(only)) continue;
    const t0 = Date.now();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(suite.file) as { run(o: { quick: boolean }): Promise<BenchFigure[]> };
      results[suite.name] = await mod.run({ quick });
      process.stderr.write(`[bench] ${suite.name}: ${results[suite.name].length} figures in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      failures.push(`${suite.name}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.release()}`,
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
  };
  const out = { date: new Date().toISOString(), quick, machine, seconds: (Date.now() - started) / 1000, results, failures };
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(out, null, 2));

  const lines = [
    `Machine: ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, load average ${machine.loadAverage.atStart.join(' / ')} at the start, ${machine.loadAverage.atEnd.join(' / ')} at the end${quick ? ' — quick mode' : ''}`,
    '',
    '| suite | figure | median [95 % CI] | p95 [95 % CI] | min | max | runs | unit | baseline (median) | ratio | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [suite, figures] of Object.entries(results)) {
    for (const f of figures) {
      lines.push(`| ${suite} | ${f.name} | ${fmt(f.median)}${ci(f.medianCI)} | ${fmt(f.p95)}${ci(f.p95CI)} | ${fmt(f.min)} | ${fmt(f.max)} | ${f.runs} | ${f.unit} | ${f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.median)}` : ''} | ${f.ratio !== undefined ? `${fmt(f.ratio)}×` : ''} | ${f.note ?? ''} |`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  process.stdout.write(`\nbench: ${Object.values(results).flat().length} figures from ${Object.keys(results).length} suites in ${out.seconds.toFixed(0)} s → bench/results/latest.json\n`);
  if (failures.length) {
    process.stderr.write(`\nbench FAILED:\n${failures.join('\n\n')}\n`);
    process.exit(1);
  }
}

void main();
