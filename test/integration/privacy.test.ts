// Issue #12 in the real extension host: Ask (cloud) in redact mode with several attack classes in the selection,
// the question and the file path, against the loopback Anthropic fake. The fake's recorded request (the bytes the
// official SDK sent) must hold no 8-character piece of any planted value; Ask (auto) with the same content must
// stay local. Values are generated at run time from parts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { ALNUM, openWithFakes, randomChars as rnd, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings } from './helpers';
const mixed = (n: number): string => 'Qa7' + rnd(n - 3, ALNUM);

const ghToken = ['gh', 'p_', mixed(36)].join('');
const adminPassword = mixed(18);
const redisPassword = mixed(16);
const longSession = mixed(620);
const keyLines = Array.from({ length: 4 }, () => rnd(64, ALNUM + '+/'));
const b64Token = Buffer.from(`GITHUB_TOKEN=${['gh', 'p_', mixed(36)].join('')}`).toString('base64');
const zeroWidthToken = ['gh', 'p_', mixed(36)].join('');
const ibanNo = (() => {
  const bban = rnd(11, '0123456789');
  let rem = 0;
  for (const ch of bban + 'NO00') for (const d of /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch) rem = (rem * 10 + Number(d)) % 97;
  return 'NO' + String(98 - rem).padStart(2, '0') + bban;
})();
const pathToken = ['gh', 'p_', mixed(36)].join('');

const planted = [ghToken, adminPassword, redisPassword, longSession, ...keyLines, b64Token, zeroWidthToken, ibanNo];

const attackFile = [
  '# deploy settings',
  `ADMIN_PASSWORD=${adminPassword}`,
  `CACHE_URL=redis://:${redisPassword}@cache.internal:6379/0`,
  `SESSION_TOKEN="${longSession}"`,
  `blob = "${b64Token}"`,
  `token: ${zeroWidthToken.slice(0, 12)}\u200B${zeroWidthToken.slice(12)}`,
  `payout iban: ${ibanNo}`,
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  ...keyLines,
  '-----END OPENSSH PRIVATE KEY-----',
  '',
].join('\n');

function leakedPieces(wire: string): string[] {
  const out: string[] = [];
  for (const v of planted) {
    for (let i = 0; i + 8 <= v.length; i += 1) if (wire.includes(v.slice(i, i + 8))) { out.push(v.slice(0, 12)); break; }
  }
  return out;
}

suite('privacy under attack (issue #12)', function () {
  this.timeout(90_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;
  let dir: string;

  suiteSetup(async () => {
    bench = await openWithFakes({ settings: { 'privacy.onCloudFindings': 'redact' }, waitForLocal: true });
    ({ fakes, api } = bench);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-privacy-'));
  });

  suiteTeardown(async () => {
    await bench?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  setup(() => {
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
  });

  const cloudCalls = (): { body: unknown }[] => fakes.anthropic!.fake.requests.filter((r: { path: string }) => /\/v1\/messages/.test(r.path));
  const localCalls = (): unknown[] => fakes.ollama!.fake.requests.filter((r: { path: string }) => /\/api\/chat|\/api\/generate/.test(r.path));

  async function openSelected(file: string, text: string): Promise<void> {
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
  }

  test('Ask (cloud), redact mode: the recorded body holds no piece of any planted value', async () => {
    await openSelected(path.join(dir, 'deploy.conf'), attackFile);
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', `Is this config right? The old admin password was ${adminPassword}.`);
    const sent = cloudCalls();
    const rec = api.test!.records().slice(before)[0];
    assert.ok(rec, 'the run was recorded');
    assert.equal(rec.outcome === 'blocked', sent.length === 0, `outcome ${rec.outcome} with ${sent.length} cloud calls`);
    assert.ok(sent.length <= 1);
    const wire = JSON.stringify(sent);
    assert.deepEqual(leakedPieces(wire), [], 'planted values reached the cloud fake');
    if (sent.length) assert.match(wire, /\[REDACTED:/);
  });

  test('a token in the file path: Ask (cloud) never sends it, Ask (auto) stays local', async () => {
    await openSelected(path.join(dir, `notes-${pathToken}.ts`), 'export const answer = 42;\n');
    await vscode.commands.executeCommand('hybrid.askCloud', 'What does this file do?');
    const wire = JSON.stringify(cloudCalls());
    assert.ok(!wire.includes(pathToken.slice(4, 20)), 'the token in the path reached the cloud');
    fakes.anthropic!.fake.reset();
    fakes.ollama!.fake.reset();
    await vscode.commands.executeCommand('hybrid.ask', 'Design a distributed, fault-tolerant sharding strategy with consistent hashing, replication and failover for this module, comparing trade-offs in depth.');
    assert.equal(cloudCalls().length, 0, 'Ask (auto) sent a request with a token in its path to the cloud');
    assert.ok(localCalls().length >= 1, 'Ask (auto) answered locally');
  });
});
