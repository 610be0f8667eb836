// The host-side thread: what survives the view being hidden, and what goes back to the model as history.
import * as assert from 'node:assert/strict';
import { ChatThread } from '../../../src/vscode/chat/chatThread';

suite('chat thread (host side)', () => {
  test('history holds completed Ask turns only, oldest first', () => {
    const t = new ChatThread();
    const a = t.start('first?', 'auto');
    t.apply(a.id, { type: 'delta', text: 'one' });
    t.end(a.id, 'ok');
    const b = t.start('failed?', 'cloud');
    t.apply(b.id, { type: 'error', message: 'no key', fixes: ['setApiKey'] });
    t.end(b.id, 'ok');
    const c = t.start('explain route', 'explain');
    t.apply(c.id, { type: 'delta', text: 'would go to cloud' });
    t.end(c.id, 'ok');
    const d = t.start('stopped?', 'private');
    t.apply(d.id, { type: 'delta', text: 'partial' });
    t.end(d.id, 'cancelled');
    const e = t.start('now?', 'auto');
    assert.equal(t.find(b.id)?.status, 'failed', 'an error is not turned into ok by end()');
    // No route event: where it was answered is unknown, so it counts as local (never sent to the cloud as history).
    assert.deepEqual(t.history(e.id), [{ role: 'user', content: 'first?', local: true }, { role: 'assistant', content: 'one', local: true }]);
  });

  test('keeps at most maxTurns, dropping the oldest', () => {
    const t = new ChatThread(3);
    const ids = [1, 2, 3, 4, 5].map((n) => t.start(`q${n}`, 'auto').id);
    assert.deepEqual(t.all.map((x) => x.id), ids.slice(2));
  });

  test('turn ids are unique and pass the protocol id rule', () => {
    const t = new ChatThread();
    const ids = new Set(Array.from({ length: 50 }, () => t.start('q', 'auto').id));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{1,64}$/);
  });

  test('snapshot is a copy', () => {
    const t = new ChatThread();
    const a = t.start('q', 'auto');
    const snap = t.snapshot();
    t.apply(a.id, { type: 'delta', text: 'more' });
    assert.equal(snap[0].text, '');
    t.clear();
    assert.equal(t.all.length, 0);
  });

  test('a stored thread comes back after a reload; an answer cut off by the reload is marked cancelled', () => {
    let saved: unknown;
    const store = { load: () => saved as never, save: (t: unknown) => { saved = t; } };
    const a = new ChatThread(100, store);
    const done = a.start('first?', 'auto');
    a.apply(done.id, { type: 'delta', text: 'answer' });
    a.end(done.id, 'ok');
    a.start('second?', 'private');
    a.end(done.id, 'ok'); // persists again while the second turn streams
    const b = new ChatThread(100, store);
    assert.deepEqual(b.all.map((t) => [t.question, t.status]), [['first?', 'ok'], ['second?', 'cancelled']]);
    assert.equal(b.all[0].text, 'answer');
    b.clear();
    assert.deepEqual(new ChatThread(100, store).all, []);
  });
});
