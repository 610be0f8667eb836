// A long `@hybrid` session in VS Code's own Chat view when things go wrong, as a user meets them: Ollama dies in the
// middle of an answer (the words stay, the reply says it broke off and how to start Ollama, and the cut answer is
// not sent back as history on the next question); a cloud key the provider refuses; a 429 with Retry-After that
// is waited out, said, and answered; Stop during a long answer closes the request at the server.

import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { badgeIcon, lastResponse, newChat, openChat, openSpendFromPalette, pickModel, send } from './chatPage';
import type { NativeSession } from './session';
import type { LedgerRecord } from '../../../src/core/request';
import { ledgerDir } from '../seedSpend';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type NativeCheck = [name: string, run: (s: NativeSession) => Promise<void>];

const chatBodies = (s: NativeSession): string[] => s.fakes.ollama!.fake.requests.filter((r) => r.path === '/api/chat').map((r) => JSON.stringify(r.body));

/** Stop as a user presses it: the Chat input's Cancel button (its keybinding, Ctrl+Escape, if the button is not shown). */
async function pressStop(page: Page): Promise<void> {
  const button = page.locator('.interactive-input-part a.action-label.codicon-stop-circle, .interactive-input-part a.action-label[aria-label^="Cancel"]').first();
  if (await button.isVisible().catch(() => false)) await button.click();
  else {
    await page.locator('.interactive-input-part .monaco-editor').first().click();
    await page.keyboard.press('Control+Escape');
  }
}

function ledger(s: NativeSession): LedgerRecord[] {
  const dir = ledgerDir(s.userDataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerRecord));
}

export function deepChecks(shot: (s: NativeSession, name: string) => Promise<string>): NativeCheck[] {
  return [
    ['@hybrid: "Ask the cloud" under a local answer names the model it asks; pressing it asks that model, linked to the local answer', async (s) => {
      const cloud = s.fakes.anthropic!.fake;
      await openChat(s.page);
      await newChat(s.page);
      await pickModel(s.page, 'Hybrid Auto');
      await send(s.page, '@hybrid Rename this variable to something clearer');
      const text = await lastResponse(s.page, /Cost:/, 60_000);
      assert.match(text, /Local · /, text.slice(0, 300));
      assert.equal(await badgeIcon(s.page), 'lock', 'the route badge draws the lock codicon (the emoji drew as a box)');
      const reply = s.page.locator('.interactive-item-container.interactive-response').last();
      const button = reply.locator('.chat-button, .monaco-button').filter({ hasText: /^Ask the cloud/ }).first();
      await button.waitFor({ state: 'visible', timeout: 15_000 });
      const title = (await button.innerText()).trim();
      process.stdout.write(`      native, the escalation button: ${JSON.stringify(title)}\n`);
      await shot(s, 'native-ask-cloud-named');
      const named = /^Ask the cloud \(([^)]+)\)$/.exec(title);
      assert.ok(named, `the button does not name the model it asks: "${title}"`);
      const before = cloud.requests.filter((r) => r.path.endsWith('/messages')).length;
      const local = ledger(s).filter((r) => r.route === 'local').at(-1);
      await button.click();
      await lastResponse(s.page, /Cloud · [\s\S]*Cost:/, 60_000);
      const sent = cloud.requests.filter((r) => r.path.endsWith('/messages')).slice(before);
      assert.equal(sent.length, 1, 'one cloud request');
      assert.equal((sent[0].body as { model?: string }).model, named[1], 'the button asked another model than it named');
      const esc = ledger(s).filter((r) => r.route === 'cloud').at(-1);
      assert.equal(esc?.escalatedFrom, local?.id, 'the cloud record is linked to the local answer it escalated');
    }],

    ['@hybrid /private: Ollama dies mid-answer — the words stay, the reply says it broke off; the cut answer is not history', async (s) => {
      const ollama = s.fakes.ollama!.fake;
      await openChat(s.page);
      await newChat(s.page);
      await pickModel(s.page, 'Hybrid Auto');
      ollama.setReply({ perTokenMs: 120 });
      ollama.setFault({ kind: 'reset', afterTokens: 4, once: true });
      try {
        await send(s.page, '@hybrid /private Walk me through total line by line');
        const text = await lastResponse(s.page, /Failed:[\s\S]*Cost:[^\n]*failed/, 60_000);
        process.stdout.write(`      native, Ollama died mid-answer: ${JSON.stringify(text.slice(0, 500))}\n`);
        assert.match(text, /\[fake-ollama\]/, 'the words so far stay');
        assert.match(text, /middle of the answer/i, 'says the answer broke off');
        assert.match(text, /incomplete/i);
        assert.match(text, /ollama serve/, 'names the fix');
        assert.match(text, /Cost:.*failed/i, 'the cost line says the answer failed, not a complete answer');
        assert.ok(text.indexOf('Failed:') < text.indexOf('Cost:'), 'what broke comes right under the words, before the cost line');
        await shot(s, 'native-ollama-died-mid-answer');
        const cut = text.match(/\[fake-ollama\][^\n]*/)?.[0] ?? '[fake-ollama]';
        ollama.setReply({ perTokenMs: 5 });
        const before = chatBodies(s).length;
        await send(s.page, '@hybrid /private And what does it return for an empty list?');
        const next = await lastResponse(s.page, /Cost:/, 60_000);
        assert.doesNotMatch(next, /Failed:/, next.slice(0, 300));
        const sent = chatBodies(s).slice(before);
        assert.ok(sent.length >= 1, 'the follow-up reached Ollama');
        assert.ok(sent.every((b) => !b.includes(cut.trim())), `the cut answer ("${cut}") went back to the model as if complete`);
      } finally {
        ollama.setFault(undefined);
        ollama.setReply({ perTokenMs: 5 });
      }
    }],

    ['@hybrid /cloud with a key Anthropic refuses: the reply names the cause and "Hybrid: Set API Key"', async (s) => {
      const cloud = s.fakes.anthropic!.fake;
      await newChat(s.page);
      cloud.setFault({ kind: 'status', status: 401, once: true });
      try {
        await send(s.page, '@hybrid /cloud How would you paginate the orders list?');
        const text = await lastResponse(s.page, /Set API Key|API key/i, 60_000);
        process.stdout.write(`      native, bad key: ${JSON.stringify(text.slice(0, 400))}\n`);
        assert.match(text, /401|rejected|refused|invalid/i, 'names the cause');
        assert.match(text, /Set API Key/, 'names the fix');
        assert.equal(text.split('rejected the API key').length - 1, 1, 'the message is said once');
        const button = s.page.locator('.interactive-item-container.interactive-response').last().locator('.chat-button, .monaco-button').filter({ hasText: /^Set API Key$/ });
        assert.equal(await button.count(), 1, 'a Set API Key button under the reply');
        assert.ok(await button.isVisible(), 'the Set API Key button is shown, not folded away');
        assert.match(text, /Cloud · /, 'the route line is shown (a button written mid-reply folded it into "Completed N steps")');
        assert.doesNotMatch(text, /Completed \d+ steps?/);
        assert.doesNotMatch(text, /\[fake-anthropic\]/, 'no answer appears from a refused key');
        await shot(s, 'native-bad-key');
      } finally {
        cloud.setFault(undefined);
      }
    }],

    ['@hybrid /cloud answered 429 with Retry-After: the wait is said, the answer comes, one billed request', async (s) => {
      const cloud = s.fakes.anthropic!.fake;
      await newChat(s.page);
      const before = cloud.requests.filter((r) => r.path.endsWith('/messages')).length;
      cloud.setFault({ kind: 'status', status: 429, retryAfter: 2, once: true });
      try {
        const began = Date.now();
        await send(s.page, '@hybrid /cloud Compare two ways to cache order totals');
        const text = await lastResponse(s.page, /Cost:/, 60_000);
        process.stdout.write(`      native, 429 waited out in ${Date.now() - began} ms: ${JSON.stringify(text.slice(0, 500))}\n`);
        assert.match(text, /429|busy|rate/i, 'the wait is said');
        assert.match(text, /\[fake-anthropic\]/, 'the answer came after the wait');
        assert.doesNotMatch(text, /Failed:/);
        const sent = cloud.requests.filter((r) => r.path.endsWith('/messages')).slice(before);
        assert.equal(sent.length, 2, 'one refused by the 429, one answered');
        await shot(s, 'native-429-waited');
      } finally {
        cloud.setFault(undefined);
      }
    }],

    ['@hybrid: Stop during a long local answer closes the request at Ollama; the words so far stay', async (s) => {
      const ollama = s.fakes.ollama!.fake;
      await newChat(s.page);
      ollama.setReply({ perTokenMs: 600 });
      try {
        const before = ollama.requests.length;
        await send(s.page, '@hybrid /private Write a long essay about reduce');
        await lastResponse(s.page, /\[fake-ollama\]/, 30_000);
        const req = ollama.requests.slice(before).find((r) => r.path === '/api/chat');
        assert.ok(req, 'the question reached Ollama');
        await pressStop(s.page);
        await Promise.race([req.closedByClient, new Promise((_, rej) => setTimeout(() => rej(new Error('Ollama never saw the request closed after Stop')), 8_000))]);
        assert.equal(req.finished, false, 'the answer had not finished when Stop closed it');
        const text = await lastResponse(s.page, /\[fake-ollama\]/, 5_000);
        await s.page.waitForTimeout(1_500);
        assert.equal(await lastResponse(s.page, /\[fake-ollama\]/, 5_000), text, 'nothing more streams after Stop');
        await shot(s, 'native-stopped');
      } finally {
        ollama.setReply({ perTokenMs: 5 });
      }
    }],

    // VS Code drops what a participant writes after Stop and strips a stopped result's errorDetails; it keeps the
    // metadata and still asks for follow-ups. So the stopped reply says it through a follow-up, the next reply says
    // it was left out, and the spend panel's row says "stopped".
    ['@hybrid: after Stop, a follow-up says it stopped; the next reply says the answer before was left out; the spend row reads "stopped"', async (s) => {
      const ollama = s.fakes.ollama!.fake;
      await openChat(s.page);
      await newChat(s.page);
      await pickModel(s.page, 'Hybrid Auto');
      ollama.setReply({ perTokenMs: 600 });
      const long = 'Write a long essay about the reduce method';
      try {
        const before = ollama.requests.length;
        await send(s.page, `@hybrid /private ${long}`);
        await lastResponse(s.page, /\[fake-ollama\]/, 30_000);
        const req = ollama.requests.slice(before).find((r) => r.path === '/api/chat');
        await pressStop(s.page);
        await Promise.race([req!.closedByClient, new Promise((_, rej) => setTimeout(() => rej(new Error('Ollama never saw the request closed after Stop')), 8_000))]);
        await s.page.waitForTimeout(1_500);
      } finally {
        ollama.setReply({ perTokenMs: 5 });
      }
      assert.equal(ledger(s).at(-1)?.status, 'cancelled', 'the stopped answer is recorded as stopped');
      const followups = s.page.locator('.interactive-session-followups').last();
      await followups.getByText('Stopped part-way — ask again').waitFor({ state: 'visible', timeout: 10_000 });
      const offered = (await followups.innerText()).trim();
      process.stdout.write(`      native, follow-ups under the stopped reply: ${JSON.stringify(offered)}\n`);
      assert.doesNotMatch(offered, /Ask the cloud|Why this route/, 'offers a stopped reply never made');
      await shot(s, 'native-stopped-followup');
      const sentBefore = chatBodies(s).length;
      await send(s.page, '@hybrid /private What does reduce return for an empty list?');
      const text = await lastResponse(s.page, /Cost:/, 60_000);
      process.stdout.write(`      native, the reply after a stopped one: ${JSON.stringify(text.slice(0, 300))}\n`);
      assert.match(text, /previous answer was stopped part-way/, text.slice(0, 300));
      assert.ok(text.indexOf('stopped part-way') < text.indexOf('Local · '), 'the note comes first, above the route badge');
      assert.ok(chatBodies(s).slice(sentBefore).every((b) => !b.includes(long)), 'the stopped question went back to the model as history');
      await shot(s, 'native-after-stopped');
      const frame = await openSpendFromPalette(s.page);
      let list = '';
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && !/\(stopped\)/.test(list); await s.page.waitForTimeout(250)) {
        list = await frame.evaluate('document.querySelector(\'section[aria-label="Recent requests"]\')?.innerText ?? document.body.innerText') as string;
      }
      assert.match(list, /ask \(stopped\)/, list.slice(0, 400));
      assert.match(list, /Stopped: tokens and cost for the part answered/);
      assert.doesNotMatch(list, /ask \(cancelled\)/);
      await shot(s, 'native-spend-stopped');
      await s.page.keyboard.press('Control+W');
    }],
  ];
}
