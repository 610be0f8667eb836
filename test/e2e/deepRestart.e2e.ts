// Deep session: the user keeps typing while Ollama restarts (`systemctl restart ollama`, an update, a crash and
// a supervisor): for a moment nothing listens, then a fresh server answers on the same address with the model
// unloaded, so the first answer waits for the load. Completion must not hang or leave stale ghost text while it
// is down, the status bar must say so, and ghost text must come back by itself — no reload, no command.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeOllama } from '../fakes/ollama';
import { session } from './session';
import { openFile, screenshot } from './workbenchPage';
import { statusItem, typeUntilGhost, withSettings } from './deepHelpers';

const SCRATCH = 'src/deep_restart.ts';
const LOAD_MS = 2_500;

suite('deep session: completion while Ollama restarts', function () {
  this.timeout(240_000);
  let fake: FakeOllama;
  let port = 0;
  let restore: () => Promise<void> = async () => undefined;

  suiteSetup(async () => {
    fake = new FakeOllama({ ttftMs: 40, perTokenMs: 10 });
    const s = await fake.start();
    port = s.port;
    fs.writeFileSync(path.join(session().workspace, SCRATCH), 'export function mean(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0) / xs.length;\n}\n');
    restore = await withSettings({
      'hybrid.local.baseUrl': s.url,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
    });
    await statusItem(session().page, /local ready/i).waitFor({ state: 'visible', timeout: 30_000 });
  });

  suiteTeardown(async () => {
    await restore();
    if (fake.listening) await fake.close();
    fs.rmSync(path.join(session().workspace, SCRATCH), { force: true });
  });

  test('typing through a restart: no ghost text while it is down, then it comes back by itself after the reload of the model', async () => {
    const page = session().page;
    await openFile(page, SCRATCH);
    assert.ok((await typeUntilGhost(page, 'const warm =', 15_000)) >= 0, 'a completion before the restart');

    // The restart begins: the server goes away with its connections (the client's kept-alive one included).
    await fake.close();
    const down = await typeUntilGhost(page, 'const during =', 3_000);
    assert.equal(down, -1, 'no ghost text from a server that is gone');
    const generateBefore = fake.requests.filter((r) => r.path === '/api/generate').length;

    // A fresh server on the same address, the model unloaded: its first answer waits for the load.
    fake.setCold(LOAD_MS);
    await fake.start(port);
    const began = Date.now();
    let after = -1;
    for (let i = 0; i < 4 && after < 0; i++) after = await typeUntilGhost(page, `const after${i} =`, LOAD_MS + 8_000);
    process.stdout.write(`      ghost text after the restart: ${after} ms after the last line (model load ${LOAD_MS} ms); ${Date.now() - began} ms in all\n`);
    assert.ok(after >= 0, 'completion came back without a reload');
    assert.ok(fake.requests.filter((r) => r.path === '/api/generate').length > generateBefore, 'completions reached the restarted server');
    const ready = statusItem(page, /local ready|local ·/i);
    await ready.waitFor({ state: 'visible', timeout: 25_000 });
    process.stdout.write(`      status bar after the restart: "${(await ready.innerText()).trim()}"\n`);
    assert.equal(await statusItem(page, /offline|not running|not sent|refused/i).count(), 0, 'the status bar still shows the outage');
    const file = await screenshot(session(), 'deep-completion-after-restart');
    process.stdout.write(`      screenshot: ${file}\n`);
  });
});
