// The spend panel in the demo workbench: opened from the command palette after the chat tests made requests
// against the fakes, it shows the recorded requests; screenshots in light and dark.

import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatUsd } from '../../src/shared/money';
import type { LedgerRecord } from '../../src/core/request';
import { isSuggestionRecord } from '../../src/core/spend/completionStats';
import { ledgerDir, TCO_SETTINGS } from './seedSpend';
import { session } from './session';
import { countTabs, runCommand, screenshot, setTheme, type ThemeKind } from './workbenchPage';

/** The webview frame whose document is the spend panel (webview content lives in nested iframes). */
async function spendFrame(timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of session().page.frames()) {
      const title = await (frame.evaluate('document.querySelector("h1")?.textContent ?? ""') as Promise<string>).catch(() => '');
      if (title.includes('Spend')) return frame;
    }
    if (Date.now() > deadline) assert.fail('the spend panel did not render');
    await new Promise((r) => setTimeout(r, 250));
  }
}

suite('spend panel (demo)', () => {
  for (const kind of ['dark', 'light'] as ThemeKind[]) {
    test(`opens from the palette and lists the requests (${kind})`, async () => {
      await setTheme(session(), kind);
      await runCommand(session().page, 'Hybrid: Show Spend');
      const frame = await spendFrame();
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = await frame.evaluate('document.body.innerText') as string;
        if (/Recent requests/i.test(text)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.match(text, /Recent requests/i, `the panel shows no requests: ${text.slice(0, 400)}`);
      assert.match(text, /local/i);
      await session().page.waitForTimeout(800);
      const file = await screenshot(session(), `workbench-spend-${kind}`);
      process.stdout.write(`      screenshot: ${file}\n`);
    });
  }

  // The seeded ledger (seedSpend.ts) plus whatever the chat tests added: the figures are recomputed by hand from the
  // ledger files on disk, with the formulas of docs/spend.md, and compared with what the panel shows.
  function handFigures(): { tokens: number; eq: number; localCost: number; net: number; d: number; daysInMonth: number; requests: number; eqMonth: number; localMonth: number } {
    const now = new Date();
    let tokens = 0, eq = 0, ms = 0, perHour = 0, requests = 0;
    const dir = ledgerDir(session().userDataDir);
    const records = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
      .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LedgerRecord));
    // A local answer the cloud replaced (escalated, or a fallback's first attempt) saved nothing (docs/spend.md).
    const replaced = new Set(records.filter((r) => r.route === 'cloud').flatMap((r) => [r.escalatedFrom, r.attemptOf]));
    for (const r of records) {
      const at = new Date(r.time);
      if (r.route !== 'local' || at.getFullYear() !== now.getFullYear() || at.getMonth() !== now.getMonth() || isSuggestionRecord(r)) continue;
      requests++;
      tokens += r.tokens.input + r.tokens.output;
      if (typeof r.cloudEquivalentUsd === 'number' && !replaced.has(r.id)) eq += r.cloudEquivalentUsd;
      ms += r.totalMs;
      perHour += r.costUsd ?? 0;
    }
    const d = now.getDate();
    const daysInMonth = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
    // By the calendar: this month's share of one month of hardware (docs/spend.md rule 3).
    const hardware = (TCO_SETTINGS['hybrid.local.hardwareUsd'] / TCO_SETTINGS['hybrid.local.amortizationMonths']) * d / daysInMonth;
    const power = (TCO_SETTINGS['hybrid.local.watts'] / 1000) * (ms / 3_600_000) * TCO_SETTINGS['hybrid.local.usdPerKwh'];
    const localCost = hardware + power + perHour;
    // The calendar month at this pace (costPerHour is 0 in the e2e profile).
    const pace = daysInMonth / d;
    const eqMonth = eq * pace;
    const localMonth = TCO_SETTINGS['hybrid.local.hardwareUsd'] / TCO_SETTINGS['hybrid.local.amortizationMonths'] + power * pace;
    return { tokens, eq, localCost, net: eq - localCost, d, daysInMonth, requests, eqMonth, localMonth };
  }

  for (const kind of ['dark', 'light'] as ThemeKind[]) {
    test(`"Is local worth it?" renders from the seeded ledger with hand-checked figures (${kind})`, async () => {
      await setTheme(session(), kind);
      await runCommand(session().page, 'Hybrid: Show Spend');
      const frame = await spendFrame();
      await frame.waitForSelector('.tco [data-figure="cloudEquivalent"] .tco-value', { timeout: 20_000 });
      // After the reloads of the earlier tests, Show Spend leaves one spend tab (a restored, never-shown one is closed).
      assert.equal(await countTabs(session().page, 'Hybrid Assistant: Spend'), 1, 'Show Spend left more than one spend tab open');
      const value = (id: string): Promise<string> =>
        frame.evaluate(`document.querySelector('.tco [data-figure="${id}"] .tco-value')?.textContent ?? ''`) as Promise<string>;
      const hand = handFigures();
      assert.ok(hand.requests >= 20, `the seeded local requests are in the ledger (${hand.requests})`);
      assert.equal(await value('cloudEquivalent'), formatUsd(hand.eq));
      assert.equal(await value('localCost'), formatUsd(hand.localCost));
      assert.equal(await value('netSavings'), formatUsd(hand.net));
      if (hand.d >= 3) {
        assert.equal(await value('projectedCloudEquivalent'), formatUsd(hand.eqMonth));
        assert.equal(await value('projectedLocalCost'), formatUsd(hand.localMonth));
        assert.equal(await value('projectedNet'), formatUsd(hand.eqMonth - hand.localMonth));
      }
      process.stdout.write(`      hand figures: ${JSON.stringify(hand)}\n`);
      // The formula is one click away and carries the numbers.
      await frame.click('.tco [data-figure="localCost"] summary');
      const formula = await frame.evaluate(`document.querySelector('.tco [data-figure="localCost"] .tco-formula p')?.textContent ?? ''`) as string;
      assert.match(formula, new RegExp(`hardware \\$1800\\.00 ÷ 36 months × ${hand.d}/${hand.daysInMonth} days`));
      await frame.evaluate('document.querySelector(".tco")?.scrollIntoView({ block: "start" })');
      await session().page.waitForTimeout(800);
      const file = await screenshot(session(), `workbench-spend-tco-${kind}`);
      process.stdout.write(`      screenshot: ${file}\n`);
    });
  }
});
