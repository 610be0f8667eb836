// Repo map figures (issues #15, #23): first build and incremental update of the index on this project's own src/
// and on a 5,000-file synthetic multi-language workspace, the first question's derivation of the lexical index and
// reference graph, query time (rank + map + definitions; targets p95 ≤ 50 ms and build ≤ 5 s at 5,000 files), peak
// memory; and retrieval quality on the held-out questions over code bases nobody here wrote (ours vs BM25 vs path).
// Run alone: npm run bench -- --only=codebase

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodebaseContext, createTagParser, RepoIndex, updateIndex, type ListedFile } from '../src/core/context';
import { CODEBASES, evaluate, gainOverBm25, load, standardRankers, type CodebaseResult } from '../test/unit/context/eval/evaluate';
import { mean } from '../test/unit/context/eval/metrics';
import { listDirectory, TREE_SITTER_WASM_DIR } from './diskWorkspace';
import { figure } from './stats';
import type { BenchFigure } from './types';

const SYNTHETIC_FILES = 5000;
const QUESTIONS = [
  'How should we split the billing and Service# module into separate services?',
  'How does a request get from the handler through Service# to the retries?',
  'Where is the default number of retries configured?',
  'What calls handle# and how would we make it asynchronous?',
  'How do the options of the service reach the run method?',
];
const estimate = (s: string) => Math.ceil(s.length / 4);

/** Deterministic synthetic service code: modules that define types and functions and call into other modules. */
export function writeSynthetic(dir: string, files: number): void {
  const langs = ['ts', 'py', 'go', 'java', 'cs', 'rs'];
  for (let i = 0; i < files; i++) {
    const ext = langs[i % langs.length];
    const mod = `module${Math.floor(i / 50)}`;
    const other = (i * 7919) % files;
    const name = `Service${i}`;
    const callee = `handle${other}`;
    let text: string;
    switch (ext) {
      case 'ts': text = `import { ${callee} } from '../x';\nexport interface ${name}Options { id: string; retries: number }\nexport class ${name} {\n  run(o: ${name}Options): number {\n    return ${callee}(o.id) + o.retries;\n  }\n}\nexport function handle${i}(id: string): number {\n  return id.length;\n}\n`; break;
      case 'py': text = `from x import ${callee}\n\n\nclass ${name}:\n    def run(self, item_id):\n        return ${callee}(item_id)\n\n\ndef handle${i}(item_id):\n    return len(item_id)\n`; break;
      case 'go': text = `package ${mod}\n\ntype ${name} struct{ Retries int }\n\nfunc (s *${name}) Run(id string) int { return ${callee}(id) + s.Retries }\n\nfunc handle${i}(id string) int { return len(id) }\n`; break;
      case 'java': text = `package ${mod};\n\npublic class ${name} {\n    public int run(String id) { return Handlers.${callee}(id); }\n    public static int handle${i}(String id) { return id.length(); }\n}\n`; break;
      case 'cs': text = `namespace ${mod}\n{\n    public class ${name}\n    {\n        public int Run(string id) { return Handlers.${callee}(id); }\n        public static int handle${i}(string id) { return id.Length; }\n    }\n}\n`; break;
      default: text = `pub struct ${name} { retries: u32 }\n\nimpl ${name} {\n    pub fn run(&self, id: &str) -> usize { ${callee}(id) }\n}\n\npub fn handle${i}(id: &str) -> usize { id.len() }\n`;
    }
    const d = path.join(dir, mod);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `${name.toLowerCase()}.${ext}`), text);
  }
}

function touched(files: ListedFile[], which: number): ListedFile[] {
  return files.map((f, i) => (i === which ? { ...f, stamp: `${f.stamp}:touched` } : f));
}

async function measure(label: string, files: ListedFile[], buildRuns: number, runs: number): Promise<BenchFigure[]> {
  const parser = createTagParser(TREE_SITTER_WASM_DIR);
  const opts = { isPrivate: () => false, complete: true };
  let peak = process.memoryUsage().rss;
  const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); return true; };
  const build: number[] = [];
  let index = new RepoIndex();
  for (let r = 0; r < buildRuns; r++) {
    index = new RepoIndex();
    const t0 = performance.now();
    await updateIndex(index, files, parser, { ...opts, onProgress: sample });
    build.push(performance.now() - t0);
  }
  const incremental: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await updateIndex(index, touched(files, r % files.length), parser, opts);
    incremental.push(performance.now() - t0);
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const ask = (question: string) => buildCodebaseContext(index, { question }, {
    mapTokens: 1500, definitionTokens: 3000, isPrivate: () => false, countTokens: estimate,
    readLines: async (p) => (await byPath.get(p)?.read())?.split('\n'),
  });
  // The first question after a change derives the lexical index and the graph; later ones reuse them.
  index.revision++;
  const t1 = performance.now();
  await ask('How is the first question answered?');
  const derive = performance.now() - t1;
  sample();
  const query: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await ask(QUESTIONS[r % QUESTIONS.length].replace('#', String(r * 13)));
    query.push(performance.now() - t0);
    sample();
  }
  const persisted = Buffer.byteLength(JSON.stringify(index));
  return [
    figure(`${label}: first build (${index.files.size} files)`, 'ms', build),
    figure(`${label}: incremental update (1 changed file)`, 'ms', incremental),
    figure(`${label}: first question (derives lexical index + graph)`, 'ms', [derive]),
    figure(`${label}: query (rank + map + definitions)`, 'ms', query),
    figure(`${label}: peak RSS during build/query`, 'MB', [peak / 1e6]),
    figure(`${label}: persisted index size`, 'KB', [persisted / 1e3]),
  ];
}

export async function run(o: { quick: boolean }): Promise<BenchFigure[]> {
  const own = listDirectory(path.join(__dirname, '..', 'src'));
  const out = await measure('own src/', own, o.quick ? 2 : 5, o.quick ? 10 : 40);
  // Real code nobody here wrote: parsing costs per file more than the synthetic workspace's short files.
  out.push(...await measure('eslint/lib (real code)', listDirectory(CODEBASES[0].root), o.quick ? 1 : 3, o.quick ? 10 : 40));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-repomap-'));
  try {
    writeSynthetic(dir, SYNTHETIC_FILES);
    out.push(...await measure(`synthetic ${SYNTHETIC_FILES}-file workspace`, listDirectory(dir), 1, o.quick ? 10 : 40));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  out.push(...await quality());
  return out;
}

/** Held-out retrieval quality per code base (one figure per method and measure; no repetitions: deterministic). */
async function quality(): Promise<BenchFigure[]> {
  const results: CodebaseResult[] = [];
  for (const c of CODEBASES) {
    const l = await load(c);
    results.push(evaluate(l, 'held-out', standardRankers(l)));
  }
  const out: BenchFigure[] = [];
  for (const r of results) {
    for (const m of ['ours', 'bm25', 'path']) {
      const x = r.methods[m];
      out.push(figure(`retrieval ${r.name} (${r.questions} held-out): ${m} recall@5 / @10 / MRR`, 'score', [x.r5],
        { note: `R@10 ${x.r10.toFixed(3)}, MRR ${x.mrr.toFixed(3)}` }));
    }
  }
  const all = (m: string, k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k])));
  out.push(figure('retrieval all held-out: ours recall@5', 'score', [all('ours', 'r5')], {
    baseline: { name: 'BM25', median: all('bm25', 'r5') }, note: gainOverBm25(results),
  }));
  return out;
}
