// The names a file imports and where from, read from its text with patterns (no parser on the keystroke path):
// ES imports, CommonJS requires and Python imports. Only specifiers that can point into the workspace are kept
// (relative paths, Python modules); a package name resolves to nothing and is dropped by the resolver.

export interface ImportBinding {
  /** The name used in this file. */
  local: string;
  /** The name in the imported module; '*' for a namespace, default export or whole-module binding. */
  imported: string;
  spec: string;
}

const ES_IMPORT = /\bimport\s+(?:type\s+)?([\w$]+\s*,?\s*)?(?:\*\s+as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]/g;
const REQUIRE = /\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)(?:\.([\w$]+))?/g;
const PY_FROM = /^[ \t]*from\s+([.\w]+)\s+import\s+\(?([^)\n]+)\)?/gm;
const PY_IMPORT = /^[ \t]*import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm;

/** Whole import / re-export / require statements (and Python import lines): mentions there are not uses. */
const STATEMENT = /\bimport\s[^;]*?from\s*['"][^'"]+['"]|\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"][^'"]+['"]|\b(?:const|let|var)\s+(?:[\w$]+|\{[^}]*\})\s*=\s*require\([^)]*\)|^[ \t]*(?:from\s+[.\w]+\s+)?import\s[^\n]*/gm;

/** The text with its import statements blanked out (same length, so positions still count from the cursor). */
export function withoutImports(text: string): string {
  return text.replace(STATEMENT, (m) => m.replace(/[^\n]/g, ' '));
}

function named(list: string, spec: string, sep: RegExp, out: ImportBinding[]): void {
  for (const part of list.split(',')) {
    const p = part.trim().replace(/^type\s+/, '');
    if (!p) continue;
    const [imported, local] = p.split(sep).map((x) => x.trim());
    if (imported && /^[\w$]+$/.test(imported)) out.push({ imported, local: local && /^[\w$]+$/.test(local) ? local : imported, spec });
  }
}

export function parseImports(text: string, languageId: string): ImportBinding[] {
  const out: ImportBinding[] = [];
  if (languageId === 'python') {
    for (const m of text.matchAll(PY_FROM)) named(m[2]!.replace(/#.*$/, ''), m[1]!, /\s+as\s+/, out);
    for (const m of text.matchAll(PY_IMPORT)) out.push({ local: m[2] ?? m[1]!.split('.').pop()!, imported: '*', spec: m[1]! });
    return out;
  }
  for (const m of text.matchAll(ES_IMPORT)) {
    const [, def, ns, list, spec] = m;
    const d = def?.replace(/[\s,]/g, '');
    if (d) out.push({ local: d, imported: '*', spec: spec! });
    if (ns) out.push({ local: ns, imported: '*', spec: spec! });
    if (list) named(list, spec!, /\s+as\s+/, out);
  }
  for (const m of text.matchAll(REQUIRE)) {
    const [, whole, list, spec, member] = m;
    if (whole) out.push({ local: whole, imported: member ?? '*', spec: spec! });
    if (list) named(list, spec!, /\s*:\s*/, out);
  }
  return out;
}

const JS_EXTS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.mts', '.cts'];

function normalize(parts: string[]): string | undefined {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') { if (!out.length) return undefined; out.pop(); } else out.push(p);
  }
  return out.join('/');
}

/** Paths a specifier may name, most likely first (workspace-relative, '/'-separated). */
export function candidatePaths(fromPath: string, spec: string, languageId: string): string[] {
  const dir = fromPath.split('/').slice(0, -1);
  if (languageId === 'python') {
    const dots = /^\.*/.exec(spec)![0].length;
    const mod = spec.slice(dots).split('.').filter(Boolean);
    const bases = dots > 0 ? [dir.slice(0, Math.max(0, dir.length - (dots - 1)))] : [dir, []];
    const out: string[] = [];
    for (const b of bases) {
      const p = normalize([...b, ...mod]);
      if (p === undefined) continue;
      out.push(`${p}.py`, `${p}/__init__.py`);
    }
    return out;
  }
  if (!spec.startsWith('.')) return [];
  const base = normalize([...dir, ...spec.split('/')]);
  if (base === undefined) return [];
  // TypeScript sources import './x.js' for './x.ts'.
  const stem = base.replace(/\.(?:js|mjs|cjs|jsx)$/, '');
  return [base, ...JS_EXTS.map((e) => stem + e), ...JS_EXTS.map((e) => `${base}/index${e}`)];
}
