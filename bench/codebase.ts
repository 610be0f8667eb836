// Repo map figures (issue #15): first build and incremental update of the index on this project's own src/ and
// on a 5,000-file synthetic multi-language workspace, query time (rank + map + definitions), peak memory.
// Run alone: npx tsx -e "require('./bench/codebase').run({quick:true}).then(r=>console.log(r))"

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCodebaseContext, createTagParser, RepoIndex, updateIndex, type ListedFile } from '../src/core/context';
import { listDirectory, TREE_SITTER_WASM_DIR } from './diskWorkspace';
import { figure } from './stats';
import type { BenchFigure } from './types';

const SYNTHETIC_FILES = 5000;
const estimate = (s: string) => Math.ceil(s.length / 4);

/** Deterministic synthetic service code: modules that define types and functions and call into other modules. */
function writeSynthetic(dir: string, files: number): void {
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
  const query: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await buildCodebaseContext(index, { question: `How should we split the billing and Service${r * 13} module into separate services?` }, {
      mapTokens: 1500, definitionTokens: 3000, isPrivate: () => false, countTokens: estimate,
      readLines: async (p) => (await byPath.get(p)?.read())?.split('\n'),
    });
    query.push(performance.now() - t0);
    sample();
  }
  const persisted = Buffer.byteLength(JSON.stringify(index));
  return [
    figure(`${label}: first build (${index.files.size} files)`, 'ms', build),
    figure(`${label}: incremental update (1 changed file)`, 'ms', incremental),
    figure(`${label}: query (rank + map + definitions)`, 'ms', query),
    figure(`${label}: peak RSS during build/query`, 'MB', [peak / 1e6]),
    figure(`${label}: persisted index size`, 'KB', [persisted / 1e3]),
  ];
}

export async function run(o: { quick: boolean }): Promise<BenchFigure[]> {
  const own = listDirectory(path.join(__dirname, '..', 'src'));
  const out = await measure('own src/', own, o.quick ? 2 : 5, o.quick ? 5 : 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-repomap-'));
  try {
    writeSynthetic(dir, SYNTHETIC_FILES);
    out.push(...await measure(`synthetic ${SYNTHETIC_FILES}-file workspace`, listDirectory(dir), 1, o.quick ? 5 : 20));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
