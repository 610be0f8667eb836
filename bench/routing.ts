// Routing core figures: classify + scan on a typical 2,000-line source file (goal ≤ 5 ms) and on a 1 MB file
// (goal ≤ 100 ms), plus the pathological inputs the unit tests only check for correctness.
// Run alone: npx tsx -e "require('./bench/routing').run({quick:true}).then(r=>console.log(r))"

import * as os from 'node:os';
import { classify } from '../src/core/task/classify';
import { scoreComplexity } from '../src/core/task/complexity';
import { createPathPolicy } from '../src/core/privacy/paths';
import { scanSensitive } from '../src/core/privacy/scan';
import { EgressGate } from '../src/core/egress/gate';
import type { Request } from '../src/core/request';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { Rng } from '../test/fixtures/privacy/corpus';
import { figure, timeRuns } from './stats';
import type { BenchFigure } from './types';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const pathPolicy = createPathPolicy({ privateGlobs: [] });

/** A plausible TypeScript file: imports, interfaces, functions, config lookups, comments, string literals. */
export function sourceFile(lines: number, rng: Rng): string {
  const templates = [
    (i: number) => `import { helper${i} } from './helpers/h${i % 37}';`,
    (i: number) => `export interface Item${i} { id: string; name: string; price: number; tags?: string[] }`,
    (i: number) => `  const token${i} = await auth.getToken(scope${i % 5});`,
    (i: number) => `  if (options.apiKey === undefined) throw new Error('missing apiKey for request ${i}');`,
    (i: number) => `  // retry with backoff: attempt ${i % 7} of 7, see docs/retries.md`,
    (i: number) => `  logger.debug(\`fetched \${rows.length} rows in \${Date.now() - t0} ms\`, { id: '${rng.str('abcdef0123456789', 12)}' });`,
    (i: number) => `  return items.filter((x) => x.price > ${i % 100}).map((x) => ({ ...x, total: x.price * qty }));`,
    (i: number) => `export async function handler${i}(req: Request, res: Response): Promise<void> {`,
    () => '}',
    (i: number) => `  const url = \`\${config.baseUrl}/v1/orders/\${orderId}?page=${i}\`;`,
    (i: number) => `  password: process.env.DB_PASSWORD, user: 'svc_${i % 9}', host: 'db.internal',`,
    () => '',
  ];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(templates[rng.int(0, templates.length - 1)](i));
  return out.join('\n');
}

function request(text: string): Request {
  return { id: 'bench', kind: 'ask', origin: 'askAuto', question: 'What does this module do, and how should we split it?',
    context: [{ source: 'file', text, path: 'src/orders/service.ts', language: 'typescript' }] };
}

export async function run(opts: { quick: boolean }): Promise<BenchFigure[]> {
  const rng = new Rng(99);
  const runs = opts.quick ? 15 : 60;
  const src2k = sourceFile(2000, rng);
  let big = '';
  while (big.length < 1024 * 1024) big += sourceFile(500, rng) + '\n';
  big = big.slice(0, 1024 * 1024);
  const out: BenchFigure[] = [];

  // The machine may be shared; the load average says how much to trust a single run.
  const load = `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  const note2k = `${src2k.length} chars; goal ≤ 5 ms; ${load}`;
  out.push(figure('routing: classify + scan, 2,000-line source file', 'ms',
    await timeRuns(runs, () => classify(request(src2k), { pathPolicy, markers })), { note: note2k }));
  out.push(figure('routing: classify + scan, 1 MB file', 'ms',
    await timeRuns(Math.max(5, Math.round(runs / 3)), () => classify(request(big), { pathPolicy, markers })), { note: `goal ≤ 100 ms; ${load}` }));

  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
  const body = { model: 'm', system: 'You are a coding assistant.', maxTokens: 1024,
    messages: [{ role: 'user' as const, content: src2k }] };
  out.push(figure('routing: egress gate prepare (scan + rescan), 2,000-line file', 'ms', await timeRuns(runs, () => gate.prepare(body, ['src/a.ts']))));

  // A 4 MB log pasted into the question: the routing score reads a bounded sample of it (task/sample.ts); the privacy
  // scan still reads all of it. Before the sample, scoring alone took 2.0–2.5 s here.
  let log4 = '';
  for (let i = 0; log4.length < 4 * 1024 * 1024; i++) log4 += `2026-12-07T09:${String(i % 60).padStart(2, '0')}:00Z ERROR [worker-${i % 5}] timeout after 30000ms calling payments (attempt ${i % 3})\n`;
  const logAsk: Request = { id: 'bench', kind: 'ask', origin: 'askAuto', question: `why does this keep timing out?\n${log4}`, context: [] };
  const fewLog = opts.quick ? 3 : 10;
  out.push(figure('routing: complexity score, 4 MB log pasted into the question', 'ms', await timeRuns(fewLog, () => scoreComplexity(logAsk), 1), { note: load }));
  out.push(figure('routing: classify + scan, 4 MB log pasted into the question', 'ms', await timeRuns(fewLog, () => classify(logAsk, { pathPolicy, markers }), 1), { note: load }));

  const tenMb = 'const a = 1;\n'.repeat(800_000);
  const line200k = rng.str('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 200_000);
  let minified = '';
  while (minified.length < 500_000) minified += 'var a=function(e,t){return e.token||t.key},b=a.password?a.apiKey:"";';
  const fewRuns = opts.quick ? 3 : 10;
  out.push(figure('routing: scan 10 MB file (over the cap → unscannable)', 'ms', await timeRuns(fewRuns, () => scanSensitive(tenMb), 1)));
  out.push(figure('routing: scan 200 KB single base64 line', 'ms', await timeRuns(fewRuns, () => scanSensitive(line200k), 1)));
  out.push(figure('routing: scan 500 KB minified code', 'ms', await timeRuns(fewRuns, () => scanSensitive(minified, { markers }), 1)));
  // Hostile encodings: 3 MB of base64 text (over the decode budget → unscannable) and 10 MB of base64 (over the cap).
  const b64Line = Buffer.from('plain words and more plain words '.repeat(60)).toString('base64');
  const b64Text = Array.from({ length: Math.ceil((3 * 1024 * 1024) / b64Line.length) }, () => b64Line).join('\n');
  const b64Ten = Buffer.alloc(10 * 1024 * 1024, 'QUJD').toString();
  out.push(figure('routing: scan 3 MB base64 of text (decode budget → unscannable)', 'ms', await timeRuns(fewRuns, () => scanSensitive(b64Text), 1)));
  out.push(figure('routing: scan 10 MB base64 blob (over the cap → unscannable)', 'ms', await timeRuns(fewRuns, () => scanSensitive(b64Ten), 1)));
  return out;
}
