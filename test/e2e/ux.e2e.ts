// What the user sees is what happens (issue #26), in the demo workbench: the chat box's context line and rule,
// files added with #file and the picker (a private path refused, a redaction shown), a command's new card in view,
// Explain Route as an estimate, the narrow view's wording, the spend panel adding up; screenshots in both themes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chat, focusChat, frameWith, send, tag, threadText, until } from './deepHelpers';
import { session } from './session';
import { closeQuickInput, countTabs, findInPalette, openFile, runCommand, setTheme, type ThemeKind } from './workbenchPage';

/** The last turn whose question contains `q`, as text. */
async function turnOf(q: string): Promise<string> {
  const text = await threadText();
  const at = text.lastIndexOf(q);
  return at < 0 ? '' : text.slice(at);
}

/** A palette command that asks for its question in an input box. */
async function askFromPalette(label: string, question: string): Promise<void> {
  const page = session().page;
  const rows = await findInPalette(page, label);
  assert.ok(rows.some((r) => r.includes(label)), `"${label}" is not in the palette`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-box input').fill(question);
  await page.keyboard.press('Enter');
}


suite('what the user sees is what happens (issue #26)', () => {
  suiteSetup(async () => {
    await openFile(session().page, 'src/cart.ts');
    await focusChat();
  });

  test('the chat box says what it will attach, and attaches it: the open file when nothing is selected', async () => {
    const f = await chat();
    await until(async () => /Context: src\/cart\.ts, lines 1–\d+ \(the whole file\)/.test(await f.locator('.context-line').innerText()), 'the context line');
    const q = `What does applyCoupon accept? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnOf(q)), 'the local answer');
    const turn = await turnOf(q);
    assert.match(turn, /src\/cart\.ts:1–\d+/, 'the card lists the file the question carried');
    assert.match(turn, /Demo answer about `?src\/cart\.ts/, 'the fake saw the file');
    assert.ok(await f.locator('.turn').last().locator('.code-block').count() >= 1, 'a question is answered with a code block');
  });

  test('#file adds a workspace file; three files fold into "Used 3 files" with en-dash ranges', async () => {
    const q = `#file:src/money.ts #file:src/api/client.ts How do these fit together? (${tag()})`;
    await send('private', q);
    await until(async () => /\[fake-ollama\]/.test(await turnOf(q)), 'the local answer');
    const last = (await chat()).locator('.turn').last();
    const summary = last.locator('details.route-context summary');
    assert.equal(await summary.innerText(), 'Used 3 files');
    await summary.click();
    const chips = await last.locator('details.route-context .context-chip').allInnerTexts();
    assert.deepEqual(chips.map((c) => c.split(':')[0]).sort(), ['src/api/client.ts', 'src/cart.ts', 'src/money.ts']);
    assert.ok(chips.every((c) => /:\d+–\d+/.test(c)), `ranges use an en dash: ${chips.join(' | ')}`);
  });

  test('a private path added with #file is refused for the cloud, said once ("Not sent")', async () => {
    const q = `#file:config/.env.local Which keys are set here? (${tag()})`;
    await send('cloud', q);
    await until(async () => /Retry on local/.test(await turnOf(q)), 'the refusal');
    const turn = await turnOf(q);
    assert.match(turn, /\.env\.local/);
    assert.equal(turn.match(/Not sent/g)?.length, 1, `"Not sent" once per card: ${turn.slice(0, 400)}`);
    assert.doesNotMatch(turn, /\[fake-anthropic\]/);
  });

  test('the picker adds a file; the cloud gets it redacted, and the card says what was redacted', async () => {
    const page = session().page;
    const f = await chat();
    await f.locator('button.add-file').click();
    await page.locator('.quick-input-box input').fill('support_ticket');
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'support_ticket.md' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const box = row.locator('.quick-input-list-checkbox, input[type=checkbox]');
    if (await box.count()) await box.first().click();
    else await row.click();
    await page.keyboard.press('Enter');
    await until(async () => /data\/support_ticket\.md/.test(await f.locator('.added-files').innerText()), 'the picked file chip');
    const q = `Why is the coupon rejected? (${tag()})`;
    await send('cloud', q);
    await until(async () => /\[fake-anthropic\]/.test(await turnOf(q)), 'the cloud answer');
    const turn = await turnOf(q);
    assert.match(turn, /Redacted before sending: .*email ×1/);
    assert.match(turn, /stripe-secret-key ×1/);
    assert.equal(await f.locator('.added-files .context-chip').count(), 0, 'added files go with one question');
  });

  test('the Why line has no setting ids, the confidence is in words, the footer is one line', async () => {
    const q = `Rename this variable to something clearer. (${tag()})`;
    await send('auto', q);
    await until(async () => /\[fake-ollama\]/.test(await turnOf(q)) && /confidence/i.test(await turnOf(q)), 'the local answer with its confidence');
    const turn = await turnOf(q);
    assert.match(turn, /Why: /);
    assert.doesNotMatch(turn, /hybrid\.routing|p = 0\.3|% of tokens/);
    assert.match(turn, /(sure of every word|unsure of \d+ % of the words) it wrote/);
    // Each figure is one line and none is cut; a narrow view wraps between them (ux6: the ellipsis cut the latency).
    const spans = await (await chat()).locator('.turn').last().locator('.footer-figures > span').evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, cut: e.scrollWidth > e.clientWidth + 1 })));
    assert.ok(spans.length === 3 && spans.every((x) => x.h > 0 && x.h < 24 && !x.cut), `a footer figure wraps inside itself or is cut: ${JSON.stringify(spans)}`);
  });

  test('a command from another view brings the chat back with its new card in view', async () => {
    const page = session().page;
    await runCommand(page, 'View: Show Explorer');
    const q = `Explain the cart (${tag()})`;
    await askFromPalette('Hybrid: Ask (private)', q);
    await until(async () => /\[fake-ollama\]/.test(await turnOf(q)), 'the palette answer');
    const f = await chat();
    await until(async () => {
      const card = await f.locator('.turn').last().boundingBox();
      const view = await f.locator('main.thread').boundingBox();
      return !!card && !!view && card.y >= view.y - 1 && card.y < view.y + view.height - 20;
    }, 'the new card in view', 10_000);
  });

  test('Explain Route shows an estimate, no latency, and one file count', async () => {
    // #codebase: the repo map and definitions from other files come too, so there are several counts to agree.
    const q = `#codebase How would you restructure Cart for multiple currencies? (${tag()})`;
    await askFromPalette('Hybrid: Explain Route', q);
    await until(async () => /Estimate:/.test(await turnOf(q)), 'the preview');
    const turn = await turnOf(q);
    assert.doesNotMatch(turn, /TTFT|total \d|\d+ in \/ \d+ out/, `a preview shows no tokens or latency: ${turn.slice(-300)}`);
    assert.match(turn, /Nothing was sent/);
    const count = /Context: (\d+) files?/.exec(turn)?.[1];
    assert.ok(count, 'the preview counts its context files');
    for (const m of turn.matchAll(/context from (\d+) files?/g)) assert.equal(m[1], count, 'the task signal counts the same files');
    const used = /Used (\d+) files?/.exec(turn)?.[1];
    if (used) assert.equal(used, count, 'the folded chips count the same files');
    assert.doesNotMatch(turn, /repo map of \d+ files|definitions? from \d+ files?/, 'the map note brings no other file count');
  });

  test('Review Selection (private) shows a finding, in the chat and as a diagnostic', async () => {
    await openFile(session().page, 'src/cart.ts');
    await runCommand(session().page, 'Hybrid: Review Selection (private)');
    await until(async () => /L\d+: warning: /.test(await turnOf('Review src/cart.ts')), 'the review finding');
    assert.match(await turnOf('Review src/cart.ts'), /Review src\/cart\.ts:1–\d+/);
    await session().page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 15_000 });
  });

  test('the spend panel adds up: refused in the split, no "none" model, escalation scope, past-tense reasons', async () => {
    await runCommand(session().page, 'Hybrid: Show Spend');
    const f = await frameWith('section[aria-label="Totals"]');
    assert.equal(await countTabs(session().page, 'Hybrid Assistant: Spend'), 1, 'Show Spend left more than one spend tab open');
    await until(async () => /Recent requests/.test(await f.evaluate('document.body.innerText') as string), 'the spend panel');
    const text = await f.evaluate('document.body.innerText') as string;
    const m = /(\d+) requests · (\d+) local · (\d+) cloud · (\d+) refused/.exec(text);
    assert.ok(m, `the split names the refused requests: ${text.slice(0, 300)}`);
    assert.equal(Number(m[2]) + Number(m[3]) + Number(m[4]), Number(m[1]), 'the split adds up');
    const models = await f.evaluate(`[...document.querySelectorAll('section[aria-label="By model"] tbody tr td:first-child')].map((td) => td.textContent)`) as string[];
    assert.ok(models.length > 0 && !models.includes('none'), `by-model rows: ${models.join(', ')}`);
    assert.match(text, /refused requests? reached no model/);
    assert.doesNotMatch(text, /will be redacted/);
    assert.match(text, /redacted before sending/);
    if (/Escalations \(month\)/.test(text)) assert.match(text, /Counts automatic answers only/);
  });

  test('Quick Open finds the demo\'s generated (git-ignored) files', async () => {
    const page = session().page;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('.env.local');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: '.env.local' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await closeQuickInput(page);
  });

  test('the sample README names commands as the palette does', () => {
    const readme = fs.readFileSync(path.join(session().workspace, 'README.md'), 'utf8');
    // All declared commands: Review Selection is in the palette whenever an editor is open.
    const labels = (session().packageJson.contributes?.commands ?? []).map((c) => `${c.category}: ${c.title}`);
    const named = [...readme.matchAll(/\*\*(Hybrid[^*]*)\*\*/g)].map((m) => m[1]);
    assert.ok(named.length >= 3);
    for (const n of named) assert.ok(labels.includes(n), `README says "${n}", the palette has no such command`);
  });

  /** The turns worth a look, by what their question or title says. */
  const SHOTS: Array<[string, string]> = [
    ['context', 'What does applyCoupon accept?'], ['folded', 'How do these fit together?'],
    ['refused', 'Which keys are set here?'], ['redacted', 'Why is the coupon rejected?'],
    ['why', 'Rename this variable'], ['explain', 'restructure Cart for multiple currencies'], ['review', 'Review src/cart.ts'],
  ];

  for (const kind of ['dark', 'light'] as ThemeKind[]) {
    test(`screenshots of the chat view and the spend panel (${kind})`, async () => {
      const s = session();
      await setTheme(s, kind);
      await runCommand(s.page, 'Hybrid: Show Spend');
      const spend = await frameWith('section[aria-label="Totals"]');
      assert.equal(await countTabs(s.page, 'Hybrid Assistant: Spend'), 1, 'Show Spend left more than one spend tab open');
      await spend.evaluate('document.querySelector(\'section[aria-label="By model"]\')?.scrollIntoView({ block: "start" })');
      const f = await focusChat();
      await s.page.waitForTimeout(800);
      for (const [name, text] of SHOTS) {
        const found = await f.evaluate(`(() => {
          const turns = [...document.querySelectorAll('.turn')].filter((t) => t.querySelector('.question-text')?.textContent.includes(${JSON.stringify(text)}));
          const t = turns[turns.length - 1];
          if (!t) return false;
          t.querySelector('details')?.setAttribute('open', '');
          t.scrollIntoView({ block: 'start' });
          return true;
        })()`);
        assert.ok(found, `no turn for "${text}"`);
        await s.page.waitForTimeout(300);
        const file = path.join(s.screenshotsDir, `ux-${kind}-${name}.png`);
        fs.mkdirSync(s.screenshotsDir, { recursive: true });
        await s.page.screenshot({ path: file });
        process.stdout.write(`      screenshot: ${file}\n`);
      }
    });
  }
});
