// One set-up for suites that drive the real extension against the loopback fakes: start every fake, point the
// settings at them, put a generated cloud key in the environment, activate, and undo all of it afterwards.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startAll, type AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { activateExtension, waitFor, withSettings, type SettingValue } from './helpers';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters from `alphabet`: secret-shaped test values are made at run time, never committed. */
export function randomChars(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

/** An Anthropic-shaped key, assembled from parts at run time. */
export const generatedAnthropicKey = (): string => ['sk', 'ant', 'api03', randomChars(40)].join('-');

export interface FakeWorkbench {
  fakes: AllFakes;
  api: HybridApi;
  /** Restores the settings and the environment, stops the fakes and closes the editors. */
  close(): Promise<void>;
}

export interface FakeWorkbenchOptions {
  /** Settings on top of the defaults below (`undefined` removes one). */
  settings?: Record<string, SettingValue>;
  /** ANTHROPIC_API_KEY for the run; a generated key by default. */
  anthropicKey?: string;
  /** Wait until the local model is reported ready (suites that ask locally). */
  waitForLocal?: boolean;
}

export async function openWithFakes(opts: FakeWorkbenchOptions = {}): Promise<FakeWorkbench> {
  const fakes = await startAll();
  const oldKey = process.env.ANTHROPIC_API_KEY;
  process.env.ANTHROPIC_API_KEY = opts.anthropicKey ?? generatedAnthropicKey();
  const restore = await withSettings({
    'local.baseUrl': fakes.urls.ollama,
    'local.chatModel': 'qwen2.5-coder:7b',
    'anthropic.baseUrl': fakes.urls.anthropic,
    'cloud.provider': 'anthropic',
    'cloud.model': 'claude-sonnet-4-6',
    'completion.enabled': false,
    ...opts.settings,
  });
  const api = (await activateExtension<HybridApi>()).api;
  assert.ok(api.test, 'HYBRID_TEST=1 test API missing');
  if (opts.waitForLocal) {
    await api.test.recheckLocal();
    await waitFor(() => api.test?.localHealth() === 'ready', 10_000, 'local health ready');
  }
  return {
    fakes, api,
    async close() {
      await restore();
      if (oldKey === undefined) delete process.env.ANTHROPIC_API_KEY; else process.env.ANTHROPIC_API_KEY = oldKey;
      await fakes.close();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  };
}
