// Local first, cloud when unsure — in the real extension host against the loopback fakes: the fake Ollama
// returns log-probabilities of an unsure model, and the answer escalates (auto) or is offered (offer).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import type { TurnView } from '../../src/shared/protocol/chat';
import { openWithFakes, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings } from './helpers';

suite('escalation: local first, cloud when unsure', function () {
  this.timeout(60_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;

  suiteSetup(async () => {
    // Every automatic question below the cloud band is "local first".
    bench = await openWithFakes({ settings: { 'routing.localBelow': 0 }, waitForLocal: true });
    ({ fakes, api } = bench);
  });

  suiteTeardown(async () => { await bench?.close(); });

  setup(() => {
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
    fakes.ollama!.fake.logprobs = 'unsure';
  });

  const lastTurn = () => api.test!.chatTurns().at(-1) as TurnView;
  const chatCalls = (f: { requests: { path: string; body: unknown }[] }, p: RegExp) => f.requests.filter((r) => p.test(r.path));

  test('auto: an unsure local answer escalates to the light tier; the two records are linked', async () => {
    const undo = await withSettings({ 'routing.escalation': 'auto' });
    try {
      const before = api.test!.records().length;
      await vscode.commands.executeCommand('hybrid.ask', 'Rename this variable.');
      const local = chatCalls(fakes.ollama!.fake, /\/api\/chat/);
      assert.equal(local.length, 1);
      assert.equal((local[0].body as { logprobs?: boolean }).logprobs, true, 'log-probabilities asked of Ollama');
      const cloud = chatCalls(fakes.anthropic!.fake, /\/v1\/messages/);
      assert.equal(cloud.length, 1, 'the escalation reached the cloud');
      assert.equal((cloud[0].body as { model: string }).model, 'claude-haiku-4-5');
      const records = api.test!.records().slice(before);
      assert.equal(records.length, 2);
      assert.equal(records[0].route, 'local');
      assert.equal(records[1].route, 'cloud');
      assert.equal(records[1].escalatedFrom, records[0].id);
      const turn = lastTurn();
      assert.equal(turn.escalation?.action, 'escalated');
      assert.match(turn.escalation?.reason ?? '', /local confidence 0\.\d\d: (sure of every word|unsure of \d+ % of the words) it wrote/);
      assert.ok(turn.escalated?.text.includes('[fake-anthropic]'));
      assert.ok(!JSON.stringify(cloud[0].body).includes(turn.text.slice(0, 40)), 'the local draft was not sent');
    } finally { await undo(); }
  });

  test('offer: the unsure answer carries the "Ask the cloud" offer and nothing goes out', async () => {
    const undo = await withSettings({ 'routing.escalation': 'offer' });
    try {
      const before = api.test!.records().length;
      await vscode.commands.executeCommand('hybrid.ask', 'Rename this variable.');
      assert.equal(chatCalls(fakes.anthropic!.fake, /\/v1\/messages/).length, 0);
      const records = api.test!.records().slice(before);
      assert.equal(records.length, 1);
      const turn = lastTurn();
      assert.equal(turn.escalation?.action, 'offered');
      assert.equal(turn.escalation?.requestId, records[0].id, 'the offer names the local record it would link to');
      assert.match(turn.escalation?.reason ?? '', /below 0\.70 \(hybrid\.routing\.escalationThreshold\)/);
    } finally { await undo(); }
  });
});
