// The two webviews inside the real workbench: they load under their CSP (the page's script runs and posts
// `ready`), get their snapshot, survive being hidden (the host owns the state) and dispose cleanly.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AskEvent } from '../../src/core/pipeline/events';
import type { ChatViewProvider } from '../../src/vscode/chat/ChatViewProvider';
import { SpendPanel } from '../../src/vscode/spend/SpendPanel';
import type { SpendSource } from '../../src/vscode/spend/spendSource';
import { sampleSpend } from '../unit/webview/sampleData';
import { activateExtension, getExtension, waitFor } from './helpers';

/** The CSP meta of a webview page, and the nonce its script tags carry. */
function assertStrictCsp(html: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'the page has a CSP meta tag');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  const scriptSrc = directives.get('script-src') ?? [];
  assert.equal(scriptSrc.length, 1, `script-src allows only the nonce: ${csp}`);
  const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scriptSrc[0])?.[1];
  assert.ok(nonce, `script-src is a nonce: ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
  assert.ok(scripts.length > 0, 'the page loads a script');
  for (const s of scripts) assert.ok(s[1].includes(`nonce="${nonce}"`), `script tag without the nonce: ${s[0]}`);
  assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/, 'no inline script body');
}

function nonceOf(html: string): string | undefined {
  return /'nonce-([^']+)'/.exec(html)?.[1];
}

class FakeSpendSource implements SpendSource {
  snapshots = 0;
  listeners = new Set<() => void>();
  snapshot() { this.snapshots++; return sampleSpend(new Date()); }
  onDidChange(listener: () => void): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }
  fire() { for (const l of this.listeners) l(); }
  exportCsv() { return 'id,time\n'; }
  exportJson() { return '[]'; }
}

suite('webviews', () => {
  suite('spend panel', () => {
    teardown(() => SpendPanel.currentPanel?.dispose());

    test('opens, loads under a nonce CSP, gets its snapshot and live updates, disposes cleanly', async () => {
      const source = new FakeSpendSource();
      const panel = SpendPanel.createOrShow(getExtension().extensionUri, source);
      assert.equal(panel.panel.title, 'Hybrid Assistant: Spend');
      assertStrictCsp(panel.html);
      assert.ok(panel.html.includes('webview-spend.js'));

      // The bundled script ran under the CSP: it posted `ready` and the host answered with a snapshot.
      await waitFor(() => panel.isReady && source.snapshots > 0, 20_000, 'the spend page to post ready');
      assert.equal(panel.rejectedMessages, 0);

      // Singleton: a second "Show Spend" reveals the same panel.
      assert.equal(SpendPanel.createOrShow(getExtension().extensionUri, source), panel);

      // Live update: a finished request (the source fires) pushes a new snapshot.
      const before = source.snapshots;
      source.fire();
      await waitFor(() => source.snapshots > before, 5_000, 'a pushed snapshot after a change');

      panel.dispose();
      assert.equal(SpendPanel.currentPanel, undefined);
      assert.equal(source.listeners.size, 0, 'the source listener is released');
    });

    test('each render gets a fresh nonce', async () => {
      const a = SpendPanel.createOrShow(getExtension().extensionUri, new FakeSpendSource());
      const first = nonceOf(a.html);
      a.dispose();
      const b = SpendPanel.createOrShow(getExtension().extensionUri, new FakeSpendSource());
      assert.ok(first && nonceOf(b.html) && first !== nonceOf(b.html));
    });
  });

  suite('chat view', () => {
    async function chatView(): Promise<ChatViewProvider> {
      const { api } = await activateExtension<{ chatView?: ChatViewProvider }>();
      assert.ok(api?.chatView, 'activate() returns { chatView } for tests');
      return api.chatView;
    }

    async function* answer(text: string): AsyncGenerator<AskEvent> {
      yield { type: 'route', route: 'local', origin: 'askPrivate', model: 'fake-model', provider: 'ollama', reasons: ['test'],
        context: [], redactions: {}, estimatedCostUsd: null };
      for (const part of text.match(/.{1,5}/gs) ?? []) yield { type: 'delta', text: part };
      yield { type: 'done', status: 'ok', footer: { route: 'local', provider: 'ollama', model: 'fake-model', reasons: ['test'],
        redactions: {}, usage: { input: 3, output: 4, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, costUsd: 0,
        ttftMs: 5, totalMs: 20, notes: [] } };
    }

    test('opens in its activity-bar container and loads under a nonce CSP', async () => {
      const view = await chatView();
      await vscode.commands.executeCommand('hybrid.chatView.focus');
      await waitFor(() => view.isReady, 20_000, 'the chat page to post ready');
      assertStrictCsp(view.html ?? '');
      assert.ok(view.html?.includes('webview-chat.js'));
      assert.equal(view.rejectedMessages, 0);
    });

    test('a palette command answer streams into the thread, which survives hiding the view', async () => {
      const view = await chatView();
      await view.newChat();
      await view.runExternal('what does this do?', 'private', answer('It adds two numbers.'), new AbortController());
      let turns = view.turns;
      assert.equal(turns.length, 1);
      assert.equal(turns[0].text, 'It adds two numbers.');
      assert.equal(turns[0].status, 'ok');

      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await waitFor(() => !view.isReady, 10_000, 'the hidden page to be dropped');
      await vscode.commands.executeCommand('hybrid.chatView.focus');
      await waitFor(() => view.isReady, 20_000, 'the page to reload and post ready');
      turns = view.turns;
      assert.equal(turns.length, 1, 'the host kept the thread');
      assert.equal(turns[0].text, 'It adds two numbers.');
    });

    test('a running answer is stopped by New chat', async () => {
      const view = await chatView();
      const abort = new AbortController();
      async function* slow(): AsyncGenerator<AskEvent> {
        yield { type: 'delta', text: 'thinking' };
        // A well-behaved stream also ends when the abort came before it listened: the command holds the thread
        // (isBusy) from the moment it is started, so New chat may stop it before its first await.
        await new Promise<void>((resolve) => {
          if (abort.signal.aborted) resolve();
          else abort.signal.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      const run = view.runExternal('long question', 'cloud', slow(), abort);
      await waitFor(() => view.isBusy, 5_000, 'the answer to start');
      await view.newChat();
      await run;
      assert.equal(abort.signal.aborted, true);
      assert.equal(view.isBusy, false);
      assert.equal(view.turns.length, 0);
    });
  });
});
