// Spend on the paths that go wrong, inside the real extension host: a cancelled cloud request is recorded with the
// input-side counts Anthropic reported (message_start) and an output estimated from the text that streamed
// (message_start's output_tokens is a placeholder), labelled an estimate and priced by hand from them; a request
// Anthropic rejected with 401 (nothing billed) is recorded at $0.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';

suite('spend: cancelled and rejected cloud requests', function () {
  this.timeout(60_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;

  suiteSetup(async () => {
    bench = await openWithFakes({ settings: { 'fallback.cloudToLocal': false } });
    ({ fakes, api } = bench);
  });

  suiteTeardown(async () => { await bench?.close(); });

  setup(async () => {
    fakes.anthropic!.fake.reset();
    fakes.anthropic!.fake.setFault(undefined);
    const doc = await vscode.workspace.openTextDocument({ content: 'export const limit = 10;\n', language: 'typescript' });
    await vscode.window.showTextDocument(doc);
  });

  test('a cancelled cloud request keeps the provider\'s input-side counts, estimates the output, priced by hand', async () => {
    const fake = fakes.anthropic!.fake;
    fake.usage = { cacheCreationInputTokens: 300, cacheCreation1hInputTokens: 100, cacheReadInputTokens: 4000 };
    fake.setReply({ ttftMs: 50, perTokenMs: 400, text: 'slow '.repeat(200) });
    const before = api.test!.records().length;
    const first = vscode.commands.executeCommand('hybrid.askCloud', 'Explain the limit constant at length.');
    await fake.waitForRequests(1, 15_000);
    await new Promise((r) => setTimeout(r, 1500)); // message_start and a few tokens are out
    // A new request stops the running one (the chat's own cancel path).
    fake.setReply({ ttftMs: 0, perTokenMs: 0, text: 'ok' });
    fake.usage = { cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
    const second = vscode.commands.executeCommand('hybrid.askCloud', 'Never mind.');
    await Promise.all([first, second]);
    const rec = api.test!.records().slice(before).find((r) => r.status === 'cancelled');
    assert.ok(rec, `a cancelled record: ${JSON.stringify(api.test!.records().slice(before).map((r) => r.status))}`);
    assert.equal(rec.tokens.source, 'estimate', 'no message_delta came: the output count is not final');
    assert.equal(rec.tokens.cacheRead, 4000);
    assert.equal(rec.tokens.cacheWrite, 200, '5-minute writes');
    assert.equal(rec.tokens.cacheWrite1h, 100, '1-hour writes');
    assert.ok(rec.tokens.output > 1, `the streamed text is billed, not message_start's 1 (got ${rec.tokens.output})`);
    // Sonnet 4.6: input×$3 + output×$15 + 4000×$0.30 + 200×$3.75 + 100×$6, per million tokens.
    const expected = (rec.tokens.input * 3 + rec.tokens.output * 15 + 4000 * 0.3 + 200 * 3.75 + 100 * 6) / 1e6;
    assert.ok(rec.costUsd !== null && Math.abs(rec.costUsd - expected) < 1e-12, `${rec.costUsd} ≠ ${expected}`);
  });

  test('a 401 (rejected before the model ran) is recorded at $0 and adds nothing to today\'s spend', async () => {
    const fake = fakes.anthropic!.fake;
    fake.setFault({ kind: 'status', status: 401, once: true });
    const before = api.test!.records().length;
    const csvBefore = await api.test!.exportCsv();
    await vscode.commands.executeCommand('hybrid.askCloud', 'What is the limit for?');
    const rec = api.test!.records().slice(before)[0];
    assert.ok(rec, 'the rejected request is recorded');
    assert.equal(rec.status, 'failed');
    assert.equal(rec.outcome, 'auth');
    assert.equal(rec.costUsd, 0);
    assert.deepEqual(rec.tokens, { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' });
    assert.ok((await api.test!.exportCsv()).length > csvBefore.length, 'the export lists it');
  });
});
