// The paired overhead figures alone, run by hand (about a second per pair): `npx tsx bench/completionPairedRun.ts [PAIRS]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pairedOverheadFigures } from './completionPaired';
import { oracleHost } from './oracleHost';

const FILE = path.join(__dirname, '..', 'node_modules', 'openai', 'src', 'client.ts');

async function main(): Promise<void> {
  const pairs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 220);
  const file = fs.readFileSync(FILE, 'utf8');
  const at = file.indexOf('export class OpenAI');
  const t0 = Date.now();
  const figures = await pairedOverheadFigures(pairs, file, at < 0 ? 0 : at, oracleHost(), 150, 15);
  const r = (x: number): string => x.toFixed(2);
  for (const f of figures) console.log(`${f.name}: median ${r(f.median)} [${f.medianCI?.map(r).join('–')}]  p95 ${r(f.p95)} [${f.p95CI?.map(r).join('–')}]  max ${r(f.max)}  n ${f.runs}`);
  console.log(`${figures[0]?.note ?? ''}\n${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

void main();
