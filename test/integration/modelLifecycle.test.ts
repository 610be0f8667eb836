// A cloud model past its end-of-life date, in the real extension host against the loopback Anthropic fake: the
// status bar tooltip marks it as soon as the setting names it, and a question to it ends in a card that says it
// reached end-of-life and which setting to change (the fake answers the real API's 404 not_found_error).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { modelLifecycle } from '../../src/core/modelLifecycle';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings } from './helpers';

suite('deprecated cloud models', function () {
  this.timeout(60_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;

  suiteSetup(async () => {
    bench = await openWithFakes({ waitForLocal: true });
    ({ fakes, api } = bench);
  });
  suiteTeardown(async () => { await bench?.close(); });

  test('hybrid.cloud.model = claude-sonnet-4-5: tooltip marks it; past its day, the error card names the day and the setting', async () => {
    const fake = fakes.anthropic!.fake;
    // The verdict is the machine's clock's, like the extension's: the test says what the day should produce.
    const life = modelLifecycle('claude-sonnet-4-5', Date.now())!;
    if (life.retired) fake.retiredModels.add('claude-sonnet-4-5');
    const undo = await withSettings({ 'cloud.model': 'claude-sonnet-4-5' });
    try {
      await waitFor(() => /Cloud model: claude-sonnet-4-5 \(Anthropic\) — (retired|deprecated): reache[sd] end-of-life on 30 Nov 2026; set hybrid\.cloud\.model to claude-sonnet-5/.test(api.test!.statusTooltip()) || undefined,
        5000, 'the tooltip marks the model');
      fake.reset();
      const doc = await vscode.workspace.openTextDocument({ content: 'type Id = string;\n', language: 'typescript' });
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('hybrid.askCloud', 'How should we version this public API across three clients?');
      const sent = fake.requests.filter((r) => r.path.endsWith('/v1/messages'));
      assert.equal(sent.length, 1, 'one request, not retried');
      const last = JSON.stringify(api.test!.chatTurns().at(-1));
      if (life.retired) assert.match(last, /no longer serves “claude-sonnet-4-5”: it reached end-of-life on 30 Nov 2026 \(404\) — set hybrid\.cloud\.model to claude-sonnet-5/);
      else assert.doesNotMatch(last, /end-of-life/);
    } finally {
      fake.retiredModels.clear();
      await undo();
    }
  });
});
