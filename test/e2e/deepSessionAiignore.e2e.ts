// Deep session, a workspace with a `.aiignore`, in the real workbench against a fake Anthropic this process owns:
// a design question (the kind Ask sends to the cloud) asked on a file the `.aiignore` names stays local, and the
// Why line names the file and the rule; a follow-up stays local too; a later cloud question from a public file
// that calls into the private one carries neither the private definition nor the local answers; Explain Route says
// where it would go without sending; `#file:` of the private file to Ask (cloud) is refused with the way out, and
// "Retry on local" answers it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeAnthropic } from '../fakes/anthropic';
import { session } from './session';
import { openFile } from './workbenchPage';
import { chat, focusChat, send, shotOfTurn, tag, turnSpinning, turnText, until, withSettings } from './deepHelpers';

const rand = (): string => Math.random().toString(36).slice(2, 8);
const CANARY_FN = `negotiatedRate_${rand()}`;
const CANARY_FLOOR = `0.${Math.floor(Math.random() * 9e6 + 1e6)}`;
const PRIVATE_FILE = 'internal/rates.ts';
const PUBLIC_FILE = 'src/checkout.ts';
const DESIGN = 'How should we restructure this rate module into separate services? Compare a rules engine against a lookup-table design, with the trade-offs for testing, consistency and scaling.';

suite('deep session: .aiignore keeps a design question local, follow-ups, Explain Route, #file refused for the cloud', function () {
  this.timeout(300_000);
  const cloud = new FakeAnthropic({ ttftMs: 50, perTokenMs: 10 });
  let restore: () => Promise<void> = async () => undefined;
  const ws = (): string => session().workspace;
  const bodies = (): string => cloud.requests.map((r) => JSON.stringify(r.body)).join('\n');

  suiteSetup(async () => {
    fs.mkdirSync(path.join(ws(), 'internal'), { recursive: true });
    fs.writeFileSync(path.join(ws(), '.aiignore'), '# negotiated customer rates never leave the machine\ninternal/\n');
    fs.writeFileSync(path.join(ws(), PRIVATE_FILE),
      `export const RATE_FLOOR = ${CANARY_FLOOR};\n\n/** The discount a key account gets on a basket. */\n` +
      `export function ${CANARY_FN}(account: string, basket: number): number {\n  const base = account.startsWith('KEY-') ? 0.12 : 0.03;\n` +
      `  return Math.max(RATE_FLOOR, 1 - base) * basket;\n}\n`);
    fs.writeFileSync(path.join(ws(), PUBLIC_FILE),
      `import { ${CANARY_FN} } from '../internal/rates';\n\nexport function checkoutTotal(account: string, basket: number): number {\n` +
      `  return Math.round(${CANARY_FN}(account, basket) * 100) / 100;\n}\n`);
    const s = await cloud.start();
    restore = await withSettings({ 'hybrid.anthropic.baseUrl': s.url });
  });

  suiteTeardown(async () => {
    await restore();
    await cloud.close();
    for (const p of ['.aiignore', PRIVATE_FILE, PUBLIC_FILE]) fs.rmSync(path.join(ws(), p), { force: true });
    fs.rmSync(path.join(ws(), 'internal'), { recursive: true, force: true });
  });

  test('a design question on a .aiignore file: answered locally, the Why line names the file and the rule; a follow-up stays local', async () => {
    const page = session().page;
    await openFile(page, PRIVATE_FILE);
    await focusChat();
    const q = `${DESIGN} (${tag()})`;
    await send('auto', q);
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the local answer', 60_000);
    const text = await turnText(q);
    process.stdout.write(`      design question on the private file: ${JSON.stringify(text.slice(0, 700))}\n`);
    assert.match(text, /Local/);
    assert.match(text, /internal\/rates\.ts/, 'the turn names the private file');
    assert.match(text, /\.aiignore/, 'the turn names the rule that made it private');
    assert.equal(cloud.requests.length, 0, 'nothing reached the cloud');
    await shotOfTurn(q, 'aiignore-design-local');

    const follow = `And which of those two designs would you start with? (${tag()})`;
    await send('auto', follow);
    await until(async () => /\[fake-ollama\]/.test(await turnText(follow)) && !(await turnSpinning(follow)), 'the follow-up', 60_000);
    const ftext = await turnText(follow);
    process.stdout.write(`      follow-up: ${JSON.stringify(ftext.slice(0, 500))}\n`);
    assert.equal(cloud.requests.length, 0, 'the follow-up reached the cloud');
    assert.doesNotMatch(ftext, /Not sent/);
  });

  test('a cloud-bound design question from a public file that calls the private one: no private definition, no local answer leaves', async () => {
    const page = session().page;
    await openFile(page, PUBLIC_FILE);
    await focusChat();
    const q = `How should checkoutTotal be restructured across modules for multiple storefronts? Compare the designs and their trade-offs. (${tag()})`;
    await send('auto', q);
    await until(async () => !(await turnSpinning(q)) && /\[fake-(anthropic|ollama)\]/.test(await turnText(q)), 'the answer', 60_000);
    const text = await turnText(q);
    process.stdout.write(`      public caller, design question: ${JSON.stringify(text.slice(0, 700))}\n`);
    const sent = bodies();
    assert.ok(!sent.includes(CANARY_FLOOR), 'the private file\'s constant reached the cloud');
    assert.ok(!sent.includes('account.startsWith'), 'the private function\'s body reached the cloud');
    assert.ok(!sent.includes('[fake-ollama]'), 'a local answer of the thread reached the cloud');
    await shotOfTurn(q, 'aiignore-public-caller');
  });

  test('Explain Route on the private file: where the question would go and why, nothing sent', async () => {
    const page = session().page;
    await openFile(page, PRIVATE_FILE);
    const n = cloud.requests.length;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-box input').fill('>Hybrid: Explain Route');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Explain Route' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const box = page.locator('.quick-input-box input');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /Explain Route/ }).waitFor({ state: 'visible', timeout: 10_000 });
    const q = `Design a caching layer for these rates (${tag()})`;
    await box.fill(q);
    await page.keyboard.press('Enter');
    await until(async () => /Estimate:/.test(await turnText(q)) && !(await turnSpinning(q)), 'the preview', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      Explain Route: ${JSON.stringify(text.slice(0, 700))}\n`);
    assert.match(text, /Local/);
    assert.match(text, /internal\/rates\.ts/);
    assert.match(text, /\.aiignore/);
    assert.equal(cloud.requests.length, n, 'Explain Route sent something');
    await shotOfTurn(q, 'aiignore-explain');
  });

  test('Ask (cloud) with #file: of the private file: "Not sent" names the file and the rule; Retry on local answers', async () => {
    const page = session().page;
    await openFile(page, PUBLIC_FILE);
    const f = await focusChat();
    const n = cloud.requests.length;
    const q = `Compare #file:${PRIVATE_FILE} with checkoutTotal (${tag()})`;
    await send('cloud', q);
    await until(async () => /Not sent/.test(await turnText(q)) && !(await turnSpinning(q)), 'the refusal', 30_000);
    const text = await turnText(q);
    process.stdout.write(`      #file refusal: ${JSON.stringify(text.slice(0, 700))}\n`);
    assert.match(text, /internal\/rates\.ts/, 'the card names the file');
    assert.match(text, /\.aiignore/, 'the card names the rule');
    assert.match(text, /Retry on local/);
    assert.equal(cloud.requests.length, n, 'nothing reached the cloud');
    await shotOfTurn(q, 'aiignore-file-refused');
    await f.locator('article.turn').last().locator('.error-card button[data-fix="retryLocal"]').click();
    await until(async () => /\[fake-ollama\]/.test(await turnText(q)) && !(await turnSpinning(q)), 'the local retry', 60_000);
    assert.equal(cloud.requests.length, n, 'the local retry reached the cloud');
    assert.ok(await chat());
  });
});
