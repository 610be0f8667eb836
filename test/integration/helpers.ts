// Shared helpers for tests that run inside the extension host (test/integration/**/*.test.ts).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'hybrid-assistant.hybrid-assistant';

/** Resolves once `predicate` returns a truthy value (which it returns); rejects after `timeoutMs`. */
export async function waitFor<T>(
  predicate: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The extension under test; fails the test when it is not installed/loaded. */
export function getExtension<T = unknown>(): vscode.Extension<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** Activates the extension (idempotent) and returns its exports. */
export async function activateExtension<T = unknown>(): Promise<{ ext: vscode.Extension<T>; api: T }> {
  const ext = getExtension<T>();
  const api = await ext.activate();
  assert.equal(ext.isActive, true, 'extension did not become active');
  return { ext, api };
}

/** Command ids the extension declares in package.json `contributes.commands`. */
export function declaredCommands(ext: vscode.Extension<unknown> = getExtension()): string[] {
  const pkg = ext.packageJSON as { contributes?: { commands?: Array<{ command?: unknown }> } };
  return (pkg.contributes?.commands ?? [])
    .map((c) => c.command)
    .filter((id): id is string => typeof id === 'string');
}

export type SettingValue = string | number | boolean | string[] | Record<string, unknown> | undefined;

/**
 * Sets `hybrid.<key>` (global/user scope) and returns a function that restores the previous value.
 * Pass `undefined` to remove the user value. Waits until the change is visible to readers.
 */
export async function setSetting(key: string, value: SettingValue, target = vscode.ConfigurationTarget.Global): Promise<() => Promise<void>> {
  const [section, ...rest] = key.startsWith('hybrid.') ? ['hybrid', key.slice('hybrid.'.length)] : ['hybrid', key];
  const name = rest.join('.');
  const config = vscode.workspace.getConfiguration(section);
  const before = config.inspect(name);
  const previous = target === vscode.ConfigurationTarget.Global ? before?.globalValue
    : target === vscode.ConfigurationTarget.Workspace ? before?.workspaceValue : before?.workspaceFolderValue;
  await config.update(name, value, target);
  return async () => { await vscode.workspace.getConfiguration(section).update(name, previous, target); };
}

/** Applies several settings; the returned function restores them all (in reverse order). */
export async function withSettings(values: Record<string, SettingValue>): Promise<() => Promise<void>> {
  const restores: Array<() => Promise<void>> = [];
  for (const [key, value] of Object.entries(values)) restores.push(await setSetting(key, value));
  return async () => { for (const restore of restores.reverse()) await restore(); };
}

/** The first workspace folder (the runners always open one: a temp copy of test/fixtures/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}
