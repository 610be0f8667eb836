// Tripwire for the layering rule: src/core and src/shared never import the editor API, and src/webview imports
// only src/shared (and itself). Fails with the offending file and line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function* tsFiles(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

const importRe = /(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function imports(file: string): { spec: string; line: number }[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: { spec: string; line: number }[] = [];
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    out.push({ spec, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

suite('layers', () => {
  test('src/core and src/shared never import vscode', () => {
    const offenders: string[] = [];
    for (const dir of ['src/core', 'src/shared']) {
      for (const file of tsFiles(path.join(root, dir))) {
        for (const { spec, line } of imports(file)) {
          if (spec === 'vscode' || spec.includes('/vscode/') || spec.endsWith('/vscode')) {
            offenders.push(`${path.relative(root, file)}:${line} imports '${spec}'`);
          }
        }
      }
    }
    assert.deepEqual(offenders, [], 'core must stay editor-free');
    assert.ok([...tsFiles(path.join(root, 'src/core'))].length > 0, 'src/core has files');
  });

  test('src/webview imports only src/shared and itself', () => {
    const offenders: string[] = [];
    const webviewRoot = path.join(root, 'src/webview');
    for (const file of tsFiles(webviewRoot)) {
      for (const { spec, line } of imports(file)) {
        if (!spec.startsWith('.')) { offenders.push(`${path.relative(root, file)}:${line} imports package '${spec}'`); continue; }
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(webviewRoot) && !target.startsWith(path.join(root, 'src/shared'))) {
          offenders.push(`${path.relative(root, file)}:${line} imports '${spec}'`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
