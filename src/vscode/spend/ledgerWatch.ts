// Tells a window when another window appended to the shared ledger folder. fs.watch is fast but not promised on
// every filesystem (network homes, some containers), so a slow interval stands behind it.
import * as fs from 'node:fs';
import type * as vscode from 'vscode';

const DEBOUNCE_MS = 150;
const FALLBACK_POLL_MS = 10_000;

export function watchLedgerDir(dir: string, onChange: () => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    if (timer) return;
    timer = setTimeout(() => { timer = undefined; onChange(); }, DEBOUNCE_MS);
  };
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(dir, { persistent: false }, fire);
    watcher.on('error', () => { watcher?.close(); watcher = undefined; });
  } catch { /* the interval below still catches up */ }
  const poll = setInterval(onChange, FALLBACK_POLL_MS);
  poll.unref?.();
  return {
    dispose: () => {
      watcher?.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
