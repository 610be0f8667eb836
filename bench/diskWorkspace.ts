// Lists a directory on disk as the index's ListedFile entries — what the VS Code side does with
// workspace.findFiles, for the retrieval check and the bench, which run outside the editor. Follows symlinks as
// VS Code's search does, and reports where a linked file really is (realPath), as the extension does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFile } from '../src/core/context';

export function listDirectory(root: string): ListedFile[] {
  const out: ListedFile[] = [];
  const realRoot = fs.realpathSync(root);
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    const realDir = fs.realpathSync(dir);
    if (seen.has(realDir)) return; // a link cycle
    seen.add(realDir);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      const st = fs.statSync(abs, { throwIfNoEntry: false });
      if (!st) continue; // a dangling link
      if (st.isDirectory()) { if (e.name !== 'node_modules' && e.name !== '.git') walk(abs); continue; }
      if (!st.isFile()) continue;
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const real = fs.realpathSync(abs);
      const relReal = path.relative(realRoot, real).split(path.sep).join('/');
      const realPath = relReal === rel ? undefined : relReal.startsWith('..') ? real : relReal;
      out.push({
        path: rel, stamp: `${st.mtimeMs}:${st.size}`, size: st.size, ...(realPath !== undefined ? { realPath } : {}),
        read: () => fs.promises.readFile(abs, 'utf8'),
      });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export const TREE_SITTER_WASM_DIR = path.join(__dirname, '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
