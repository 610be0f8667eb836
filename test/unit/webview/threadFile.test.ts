// The chat thread across window reloads: kept in a file the extension host writes itself, at a turn's start and
// at its end, so a reload at the moment an answer ends (before the workbench has written workspace state) loses
// nothing, and a crash mid-write leaves the previous thread whole.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatThread } from '../../../src/vscode/chat/chatThread';
import { THREAD_FILE, threadStore, type MementoLike } from '../../../src/vscode/chat/threadFile';

/** workspaceState as code-server has it: an update is written a moment later, and a reload before then drops it. */
function laggingMemento(initial: Record<string, unknown> = {}): MementoLike & { written: Record<string, unknown> } {
  const written = { ...initial };
  return { written, get: <T>(k: string) => written[k] as T | undefined, update: () => new Promise<void>(() => undefined) };
}

suite('chat thread file (reload-safe)', () => {
  let dir: string;
  setup(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-thread-')); });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a reload the moment an answer ends: the ended turn is on disk before end() returns', () => {
    const memento = laggingMemento();
    const a = new ChatThread(100, threadStore(dir, memento, 'k'));
    const t = a.start('What does total return?', 'private');
    a.apply(t.id, { type: 'delta', text: 'The sum of xs.' });
    a.end(t.id, 'ok');
    // The window reloads now: nothing the workbench was still to write exists; a new extension host reads the disk.
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => [x.question, x.status, x.text]), [['What does total return?', 'ok', 'The sum of xs.']]);
  });

  test('a reload while an answer streams: the question comes back, marked cancelled (kept at the turn\'s start)', () => {
    const a = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    const first = a.start('first?', 'auto');
    a.apply(first.id, { type: 'delta', text: 'one' });
    a.end(first.id, 'ok');
    a.start('second, long?', 'private');
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => [x.question, x.status]), [['first?', 'ok'], ['second, long?', 'cancelled']]);
  });

  test('a reload mid-answer keeps the words that had come a few seconds before (written while it streams, throttled)', () => {
    let now = 0;
    const a = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'), () => now);
    const t = a.start('long?', 'private');
    now = 500;
    a.apply(t.id, { type: 'delta', text: 'first words ' });
    now = 2_600;
    a.apply(t.id, { type: 'delta', text: 'more words ' });
    now = 2_700;
    a.apply(t.id, { type: 'delta', text: 'not yet written' });
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => [x.status, x.text]), [['cancelled', 'first words more words ']]);
  });

  test('a reload just after the first words keeps them (the first words are written at once, the rest throttled)', () => {
    let now = 0;
    const a = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'), () => now);
    const t = a.start('long?', 'private');
    now = 300;
    a.apply(t.id, { type: 'delta', text: 'first words ' });
    now = 400;
    a.apply(t.id, { type: 'delta', text: 'not yet written' });
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => [x.status, x.text]), [['cancelled', 'first words ']]);
  });

  test('the outcome is on disk when the view shows it: at the done event, before the turn\'s end (escalation, ledger)', () => {
    let now = 0;
    const a = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'), () => now);
    const t = a.start('q?', 'private');
    now = 100;
    a.apply(t.id, { type: 'delta', text: 'answer' });
    a.apply(t.id, { type: 'done', status: 'ok', footer: { route: 'local', provider: 'ollama', model: 'm', reasons: [], redactions: {},
      usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0, ttftMs: 1, totalMs: 2, notes: [] } });
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => [x.status, x.text]), [['ok', 'answer']]);
  });

  test('a crash mid-write leaves the previous thread whole (the write goes to a temporary file, then a rename)', () => {
    const a = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    const t = a.start('kept?', 'auto');
    a.end(t.id, 'ok');
    fs.writeFileSync(path.join(dir, `${THREAD_FILE}.99999.tmp`), '[{"id":"t1","question":"half');
    const b = new ChatThread(100, threadStore(dir, laggingMemento(), 'k'));
    assert.deepEqual(b.all.map((x) => x.question), ['kept?']);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') && f.includes(String(process.pid))), [], 'no temporary file of ours is left');
  });

  test('a thread saved in workspace state before the file existed comes across; a corrupt file starts a new thread', () => {
    const old = [{ id: 't1', question: 'from before', mode: 'auto', text: 'answer', notices: [], status: 'ok' }];
    const warnings: string[] = [];
    assert.deepEqual(new ChatThread(100, threadStore(dir, laggingMemento({ k: old }), 'k')).all.map((x) => x.question), ['from before']);
    fs.writeFileSync(path.join(dir, THREAD_FILE), '{not json');
    assert.deepEqual(new ChatThread(100, threadStore(dir, laggingMemento(), 'k', (m) => warnings.push(m))).all, []);
    assert.match(warnings.join('\n'), /not valid JSON/);
  });

  test('without a storage folder (no workspace) the thread goes to workspace state', () => {
    const saved: unknown[] = [];
    const memento: MementoLike = { get: () => undefined, update: async (_k, v) => { saved.push(v); } };
    const a = new ChatThread(100, threadStore(undefined, memento, 'k'));
    a.end(a.start('q', 'auto').id, 'ok');
    assert.equal(saved.length, 2, 'written at the start and at the end');
  });
});
