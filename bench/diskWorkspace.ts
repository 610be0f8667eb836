// Lists a directory on disk as the index's ListedFile entries — what the VS Code side does with
// workspace.findFiles, for the retrieval check and the bench, which run outside the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFile } from '../src/core/context';

export function listDirectory(root: string): ListedFile[] {
  const out: ListedFile[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== '.git') walk(abs); continue; }
      const st = fs.statSync(abs);
      out.push({
        path: path.relative(root, abs).split(path.sep).join('/'),
        stamp: `${st.mtimeMs}:${st.size}`, size: st.size,
        read: () => fs.promises.readFile(abs, 'utf8'),
      });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export const TREE_SITTER_WASM_DIR = path.join(__dirname, '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
