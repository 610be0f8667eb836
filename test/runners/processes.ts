// Everything a runner starts (code-server, Chromium, the fakes) registers its stop() here, so a normal end,
// a failure and Ctrl-C all stop it. Children run in their own process group: killing the group also stops
// the extension host and other helpers code-server forks.

import type { ChildProcess } from 'node:child_process';

type Stopper = () => Promise<void>;
const stoppers = new Set<Stopper>();
let signalsHooked = false;

/** Registers a cleanup; returns a function that runs it once and unregisters it. */
export function onStop(stop: Stopper): () => Promise<void> {
  hookSignals();
  let done: Promise<void> | undefined;
  const once = (): Promise<void> => {
    stoppers.delete(once);
    done ??= stop().catch(() => undefined);
    return done;
  };
  stoppers.add(once);
  return once;
}

let stopping = false;

/** True once a signal or stopAll() began shutting everything down (exits after that are expected). */
export function isStopping(): boolean {
  return stopping;
}

/** Runs every registered cleanup (newest first). */
export async function stopAll(): Promise<void> {
  stopping = true;
  for (const stop of [...stoppers].reverse()) await stop();
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping everything this run started…\n`);
      const hardExit = setTimeout(() => process.exit(130), 15_000);
      hardExit.unref();
      void stopAll().finally(() => process.exit(130));
    });
  }
  // Last resort when the process ends without the async path (e.g. process.exit in a tier): kill the groups.
  process.once('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}

const liveGroups = new Set<number>();

/** Stops a child started with `detached: true`: SIGTERM to its group, SIGKILL after `graceMs`. */
export function killTree(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve();
  if (child.exitCode !== null || child.signalCode !== null) {
    liveGroups.delete(pid);
    killGroup(pid, 'SIGKILL');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      liveGroups.delete(pid);
      // Grandchildren (the extension host) may outlive the leader for a moment: sweep the group.
      killGroup(pid, 'SIGKILL');
      resolve();
    };
    const timer = setTimeout(() => { killGroup(pid, 'SIGKILL'); }, graceMs);
    child.once('exit', finish);
    killGroup(pid, 'SIGTERM');
  });
}

/** Tracks a detached child so that an abrupt exit still kills its group. */
export function trackGroup(child: ChildProcess): void {
  hookSignals();
  if (child.pid !== undefined) liveGroups.add(child.pid);
  child.once('exit', () => { if (child.pid !== undefined) liveGroups.delete(child.pid); });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
