// Two project rules the type checker cannot see (issue #22): the floors of src/ — a file imports only from its own
// floor or the floors below it — and no import cycles. Each is an ESLint rule so `npm run lint` (and the unit tier,
// which lints src/) fails on the first upward arrow or cycle.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The floors, lowest first. A path is matched by its longest prefix (relative to src/, without `.ts`).
 * Same floor, other folder: allowed (the cycle rule still applies).
 */
export const FLOORS = [
  ['shared/money', 'shared/outcome', 'shared/lineRange', 'shared/ollamaDown', 'core/request', 'core/settings', 'core/pricingSetting', 'core/settingQuery', 'core/cloudDefaults', 'core/modelLifecycle', 'core/modelAdvice', 'core/wholeFile', 'core/ports', 'core/wire', 'core/confidence'],
  ['core/privacy', 'core/task', 'core/spend', 'core/tokens', 'core/terminal'],
  ['core/route', 'core/context', 'core/team'],
  ['core/providers'],
  ['core/egress'],
  ['shared/protocol', 'core/completion', 'core/pipeline', 'core/presentation', 'core/native'],
  ['core/index'],
  ['vscode', 'extension'],
];

const webviewFloor = FLOORS.length; // the browser side: may import shared/ only (the restricted-imports rule says so)

/** Floor of a file under src/ (absolute path), or undefined outside src/. */
export function floorOf(srcRoot, file) {
  const rel = path.relative(srcRoot, file).replace(/\\/g, '/').replace(/\.tsx?$/, '');
  if (rel.startsWith('..')) return undefined;
  if (rel.startsWith('webview/')) return { floor: webviewFloor, prefix: 'webview' };
  let best;
  FLOORS.forEach((prefixes, floor) => {
    for (const p of prefixes) {
      if ((rel === p || rel.startsWith(`${p}/`)) && (!best || p.length > best.prefix.length)) best = { floor, prefix: p };
    }
  });
  return best ?? { floor: -1, prefix: rel.split('/').slice(0, 2).join('/') };
}

function resolveLocal(fromFile, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return undefined;
}

function srcRootOf(context) {
  return path.join(context.cwd ?? process.cwd(), 'src');
}

const floors = {
  meta: { type: 'problem', schema: [], messages: {
    up: "'{{spec}}' is on floor {{to}} ({{toPrefix}}), above this file's floor {{from}} ({{fromPrefix}}): move the shared type down or invert the dependency.",
    unknown: "{{prefix}} is on no floor: add it to FLOORS in eslint/floors.mjs.",
  } },
  create(context) {
    const srcRoot = srcRootOf(context);
    const file = context.filename ?? context.getFilename();
    const me = floorOf(srcRoot, file);
    if (!me || me.prefix === 'webview') return {};
    const check = (node, spec) => {
      const target = typeof spec === 'string' ? resolveLocal(file, spec) : undefined;
      if (!target) return;
      const it = floorOf(srcRoot, target);
      if (!it) return;
      if (me.floor < 0) { context.report({ node, messageId: 'unknown', data: { prefix: me.prefix } }); return; }
      if (it.floor < 0) { context.report({ node, messageId: 'unknown', data: { prefix: it.prefix } }); return; }
      if (it.floor > me.floor) {
        context.report({ node, messageId: 'up', data: { spec, to: it.floor, toPrefix: it.prefix, from: me.floor, fromPrefix: me.prefix } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
    };
  },
};

// The import graph of src/ is built once per lint process (and rebuilt when the lint of a synthetic file adds an edge).
let graphCache;
function graphOf(srcRoot) {
  if (graphCache?.root === srcRoot) return graphCache;
  const edges = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        const info = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true);
        edges.set(full, info.importedFiles.map((i) => resolveLocal(full, i.fileName)).filter(Boolean));
      }
    }
  };
  if (fs.existsSync(srcRoot)) walk(srcRoot);
  graphCache = { root: srcRoot, edges };
  return graphCache;
}

/** Is there a path from `from` to `to` in the graph? */
function reaches(edges, from, to) {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const v = stack.pop();
    if (v === to) return true;
    for (const w of edges.get(v) ?? []) if (!seen.has(w)) { seen.add(w); stack.push(w); }
  }
  return false;
}

const noCycle = {
  meta: { type: 'problem', schema: [], messages: {
    cycle: "'{{spec}}' imports back into this file ({{back}}): an import cycle. Move what both need into a lower file.",
  } },
  create(context) {
    const srcRoot = srcRootOf(context);
    const file = context.filename ?? context.getFilename();
    if (!floorOf(srcRoot, file)) return {};
    const { edges } = graphOf(srcRoot);
    const check = (node, spec) => {
      const target = typeof spec === 'string' ? resolveLocal(file, spec) : undefined;
      if (!target) return;
      if (target === file || reaches(edges, target, file)) {
        context.report({ node, messageId: 'cycle', data: { spec, back: path.relative(srcRoot, target) } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
    };
  },
};

export const hybridRules = { rules: { floors, 'no-cycle': noCycle } };
