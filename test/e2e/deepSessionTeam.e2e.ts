// Deep session, team mode from the UI (docs/team.md), in the real workbench against a fake LiteLLM proxy this
// process owns: a developer points Hybrid at the team gateway but has not stored the virtual key yet. The card must
// name the gateway's virtual key (not an Anthropic key the team never gave out) and its "Set API Key" must ask for
// that key; once stored the turn answers by itself. A private question goes to the team's private group and never
// to a cloud group; the status bar tooltip shows the key's and team's budget; an exhausted team budget is "Not
// sent" with one request and no retry; the spend panel shows the gateway's own cost for the answered turn.

import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { FakeLiteLLM } from '../fakes/litellm';
import { session } from './session';
import { openFile, runCommand, screenshot } from './workbenchPage';
import { chat, focusChat, frameWith, send, shotOfTurn, statusItem, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const PRIVATE_GROUP = { name: 'team-coder', model: 'hosted_vllm/qwen2.5-coder-32b', apiBase: 'http://127.0.0.1:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
// A price the bundled table would never give (so the footer's figure can only be the gateway's).
const CLOUD_GROUP = { name: 'claude-sonnet-4-6', model: 'anthropic/claude-sonnet-4-6', inputCostPerToken: 7e-6, outputCostPerToken: 31e-6 };
const LIGHT_GROUP = { name: 'claude-haiku-4-5', model: 'anthropic/claude-haiku-4-5', inputCostPerToken: 1e-6, outputCostPerToken: 5e-6 };

const spend = (): Promise<Frame> => frameWith('section[aria-label="Totals"]');
const panelText = async (): Promise<string> => (await spend()).evaluate('document.body.innerText') as Promise<string>;

suite('deep session: team mode through a LiteLLM gateway, set up from the UI', function () {
  this.timeout(240_000);
  const gateway = new FakeLiteLLM();
  let restore: () => Promise<void> = async () => undefined;
  const chatCalls = () => gateway.requests.filter((r) => r.path === '/v1/chat/completions');
  const groupsAsked = () => chatCalls().map((r) => (r.body as { model: string }).model);

  suiteSetup(async () => {
    const gw = await gateway.start();
    gateway.groups = [PRIVATE_GROUP, CLOUD_GROUP, LIGHT_GROUP];
    gateway.setReply({ ttftMs: 60, perTokenMs: 15 });
    gateway.key = { spend: 3.5, maxBudget: 50, teamId: 'team-a', teamSpend: 120, teamMaxBudget: 500 };
    restore = await withSettings({
      'hybrid.gateway.baseUrl': gw.url,
      'hybrid.gateway.privateModels': ['team-coder'],
      'hybrid.gateway.privateModel': 'team-coder',
      'hybrid.cloud.model': 'claude-sonnet-4-6',
    });
  });

  suiteTeardown(async () => {
    await restore();
    await gateway.close();
  });

  test('no virtual key yet: the card names the gateway key, its Set API Key asks for that key, and the turn then answers', async () => {
    const page = session().page;
    await openFile(page, 'cart.ts');
    const f = await focusChat();
    const q = `How should Cart split into modules for the team? (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)), 'the missing-key turn to end', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      no virtual key: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.match(text, /LiteLLM|gateway/i, 'the card names the gateway as what needs a key');
    assert.doesNotMatch(text, /Anthropic|ANTHROPIC_API_KEY/, 'the card asks for an Anthropic key the team never handed out');
    assert.match(text, /Set API Key/);
    assert.equal(chatCalls().length, 0, 'nothing reached the gateway without a key');
    await shotOfTurn(q, 'team-no-key');

    await f.locator('article.turn').last().locator('.error-card button[data-fix="setApiKey"]').click();
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: /API key/ }).waitFor({ state: 'visible', timeout: 15_000 });
    const asked = await title.innerText();
    process.stdout.write(`      the key prompt: "${asked}"\n`);
    assert.match(asked, /LiteLLM gateway/, 'the prompt asks for the gateway\'s virtual key');
    await page.locator('.quick-input-box input').fill(gateway.virtualKey);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    await until(async () => /\[fake-litellm\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the turn to answer through the gateway', 30_000);
    const answered = await turnText(q);
    process.stdout.write(`      answered through the gateway: ${JSON.stringify(answered.slice(-400))}\n`);
    assert.deepEqual(groupsAsked(), ['claude-sonnet-4-6'], 'one request, to the cloud group');
    assert.match(answered, /\$\d/, 'the footer shows a cost');
    assert.doesNotMatch(answered, /Set API Key/);
    await shotOfTurn(q, 'team-answered');
  });

  test('Ask (private) goes to the team\'s private group through the gateway; no cloud group sees it', async () => {
    await focusChat();
    const before = chatCalls().length;
    const q = `What does subtotal do? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-litellm\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the private answer', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      private via team-coder: ${JSON.stringify(text.slice(0, 400))}\n`);
    assert.deepEqual(groupsAsked().slice(before), ['team-coder']);
    assert.match(text, /team-coder/, 'the route names the private group that answered');
    assert.doesNotMatch(text, /claude/i);
  });

  test('the status bar tooltip shows the key\'s and the team\'s gateway budget', async () => {
    const page = session().page;
    await statusItem(page, /\blocal\b/).hover();
    const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /Gateway/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await hover.innerText();
    process.stdout.write(`      tooltip: ${JSON.stringify(text)}\n`);
    assert.match(text, /Gateway: key \$\d+\.\d\d of \$50\.00/);
    assert.match(text, /team team-a \$\d+\.\d\d of \$500\.00/);
    await screenshot(session(), 'deep-team-tooltip');
    await page.keyboard.press('Escape');
    await page.mouse.move(600, 300);
  });

  test('the team budget is used up: "Not sent", one request, no retry, recorded at $0; the spend panel shows the gateway\'s cost', async () => {
    const page = session().page;
    gateway.key = { ...gateway.key, teamSpend: 500.5 };
    await focusChat();
    const before = chatCalls().length;
    const q = `Compare two module layouts for Cart (${tag()})`;
    await send('cloud', q);
    await until(async () => !(await turnSpinning(q)), 'the budget refusal', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      team budget used up: ${JSON.stringify(text.slice(0, 500))}\n`);
    assert.equal(chatCalls().length - before, 1, 'asked once, never retried');
    assert.match(text, /Not sent/);
    assert.match(text, /team|budget/i, 'the card says it is the team budget');
    assert.doesNotMatch(text, /\[fake-litellm\]/);
    const card = (await chat()).locator('article.turn').last().locator('.error-card');
    assert.equal(await card.locator('button[data-fix="setApiKey"]').count(), 0, 'a budget refusal does not send the user to the key');
    assert.equal(await card.locator('button[data-fix="retry"]').count(), 0, 'the card says retrying will not help, and offers Retry');
    assert.equal(await card.locator('button[data-fix="retryLocal"]').count(), 1, 'the way on: the private tier');
    await shotOfTurn(q, 'team-budget');

    await runCommand(page, 'Hybrid: Show Spend');
    await until(async () => /claude-sonnet-4-6/.test(await panelText()), 'the gateway\'s cloud group in the spend panel', 20_000);
    const panel = await panelText();
    process.stdout.write(`      spend panel: ${JSON.stringify(panel.slice(0, 700))}\n`);
    assert.match(panel, /team-coder|claude-sonnet-4-6/);
    assert.doesNotMatch(panel, /NaN|undefined/);
    await screenshot(session(), 'deep-team-spend');
  });
});
