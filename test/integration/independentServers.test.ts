// The extension in the real host against servers written apart from ours (test/fakes/independent: built from
// the public API docs), configured the way an outside harness would: keys from the environment, base URLs
// changed after activation, Ollama not reachable at first and then there.

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { IndependentAnthropic, IndependentOllama } from '../fakes/independent';
import type { HybridApi } from '../../src/extension';
import { activateExtension, setSetting, waitFor, withSettings } from './helpers';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const key = ['sk', 'ant', 'api03', Array.from({ length: 40 }, () => ALNUM[Math.floor(Math.random() * ALNUM.length)]).join('')].join('-');

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

suite('independent servers (docs-shaped fakes) in the real host', function () {
  this.timeout(90_000);
  const ollama = new IndependentOllama({ delivery: { cuts: [7, 1, 33] } });
  const claude = new IndependentAnthropic({
    blocks: ['thinking'], eol: '\r\n', delivery: { cuts: [5, 64, 3] }, usage: { input: 1500, cacheWrite: 300, cacheRead: 2000 },
  });
  const claude2 = new IndependentAnthropic({ answer: 'Second endpoint answers.', usage: { input: 40, cacheWrite: 0, cacheRead: 0 } });
  const urls = { ollama: '', claude: '', claude2: '' };
  let restore: () => Promise<void>;
  let api: HybridApi;
  let oldKey: string | undefined;

  suiteSetup(async () => {
    urls.ollama = await ollama.listen();
    urls.claude = await claude.listen();
    urls.claude2 = await claude2.listen();
    oldKey = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = key;
    restore = await withSettings({
      'local.baseUrl': `http://127.0.0.1:${await closedPort()}`,
      'local.chatModel': 'qwen2.5-coder:7b',
      'anthropic.baseUrl': urls.claude,
      'cloud.provider': 'anthropic',
      'cloud.model': 'claude-sonnet-4-6',
      'completion.enabled': false,
    });
    api = (await activateExtension<HybridApi>()).api;
    assert.ok(api.test, 'HYBRID_TEST=1 test API missing');
  });

  suiteTeardown(async () => {
    await restore?.();
    if (oldKey === undefined) delete process.env.ANTHROPIC_API_KEY; else process.env.ANTHROPIC_API_KEY = oldKey;
    await Promise.all([ollama.close(), claude.close(), claude2.close()]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function openWith(text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'typescript' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
  }

  test('Ollama down, then hybrid.local.baseUrl changed at run time: health turns ready without a reload', async () => {
    await waitFor(() => api.test!.localHealth() === 'offline', 10_000, 'local health offline');
    const started = Date.now();
    const undo = await setSetting('local.baseUrl', urls.ollama);
    restore = ((r, u) => async () => { await u(); await r(); })(restore, undo);
    await waitFor(() => api.test!.localHealth() === 'ready', 5_000, 'local health ready after the base URL changed');
    assert.ok(Date.now() - started < 5_000);
    assert.match(api.test!.statusText(), /local/i);
  });

  test('Ask (private) streams from the independent Ollama; usage is the provider\'s', async () => {
    await openWith('export function add(a: number, b: number) {\n  return a + b;\n}\n');
    ollama.seen.length = 0;
    claude.seen.length = 0;
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askPrivate', 'What does this function do?');
    assert.deepEqual(ollama.seen.map((s) => s.path).filter((p) => p === '/api/chat'), ['/api/chat']);
    assert.equal(claude.seen.length, 0, 'nothing reached the cloud');
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.route, 'local');
    assert.equal(rec.status, 'ok');
    assert.equal(rec.tokens.source, 'provider');
    assert.equal(rec.tokens.output, 7, 'eval_count of the final line');
  });

  test('Ask (cloud) with the key from ANTHROPIC_API_KEY: CRLF SSE cut at odd bytes, thinking block, pings; billed from usage', async () => {
    await openWith('export const retries = 3;\n');
    claude.seen.length = 0;
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', 'Is this retry count sensible for a payment API?');
    assert.equal(claude.seen.length, 1, 'the independent Anthropic got the request');
    assert.ok(claude.seen[0]!.headerNames.includes('x-api-key'), 'the documented auth header was sent');
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.route, 'cloud');
    assert.equal(rec.status, 'ok');
    assert.deepEqual([rec.tokens.input, rec.tokens.cacheRead, rec.tokens.cacheWrite, rec.tokens.source], [1500, 2000, 300, 'provider']);
    assert.ok(typeof rec.costUsd === 'number' && rec.costUsd > 0, 'cost from the provider usage');
  });

  test('hybrid.anthropic.baseUrl changed at run time: the next Ask (cloud) goes to the new endpoint', async () => {
    const undo = await setSetting('anthropic.baseUrl', urls.claude2);
    restore = ((r, u) => async () => { await u(); await r(); })(restore, undo);
    await openWith('export const retries = 3;\n');
    claude.seen.length = 0;
    claude2.seen.length = 0;
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', 'Is this retry count sensible for a payment API?');
    assert.equal(claude.seen.length, 0, 'the old endpoint got nothing');
    assert.equal(claude2.seen.length, 1, 'the new endpoint got the request');
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.status, 'ok');
    assert.equal(rec.tokens.input, 40);
  });
});
