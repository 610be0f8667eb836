// `@hybrid` history in VS Code's own Chat: an answer that broke off (Ollama died, the stream was cut) or that the
// user stopped is not sent back to the model as a whole answer on the next question — nor is its question — as
// our own chat view leaves failed and stopped turns out of history.
import * as assert from 'node:assert/strict';
import { afterStoppedNote, closingButtons, followupsFor, historyOfTurns, inlineWithCode, renderEvent } from '../../../src/core/native/chatRender';

suite('@hybrid history leaves out answers that did not finish', () => {
  test('a cut local answer and a stopped cloud answer are left out with their questions; whole ones stay', () => {
    const h = historyOfTurns([
      { kind: 'request', prompt: 'walk me through total' },
      { kind: 'response', meta: { question: 'walk me through total', mode: 'private', route: 'local', answer: '[fake-ollama] canned answer from', incomplete: true } },
      { kind: 'request', prompt: 'sort orders?' },
      { kind: 'response', meta: { question: 'sort orders?', mode: 'cloud', route: 'cloud', answer: 'Use sort with', incomplete: true } },
      { kind: 'request', prompt: 'empty list?' },
      { kind: 'response', meta: { question: 'empty list?', mode: 'private', route: 'local', answer: 'It returns 0.' } },
    ]);
    assert.deepEqual(h.map((t) => [t.role, t.content]), [['user', 'empty list?'], ['assistant', 'It returns 0.']]);
  });
});

suite('@hybrid after a stopped reply', () => {
  const ask = (prompt: string) => ({ kind: 'request' as const, prompt });
  test('a turn with no answer text (refused, failed or stopped before any) leaves out its question too', () => {
    const h = historyOfTurns([
      ask('key is sk-…, why 401?'), { kind: 'response', meta: { question: 'q', mode: 'cloud', route: 'refuse', answer: '' } },
      ask('paginate?'), { kind: 'response', meta: { question: 'paginate?', mode: 'cloud', route: 'cloud', answer: '   \n' } },
      ask('essay'), { kind: 'response', meta: { question: 'essay', mode: 'private', route: 'local', answer: '', stopped: true } },
      ask('sum?'), { kind: 'response', meta: { question: 'sum?', mode: 'auto', route: 'local', answer: 'reduce((a, b) => a + b, 0)' } },
    ]);
    assert.deepEqual(h.map((t) => [t.role, t.content]), [['user', 'sum?'], ['assistant', 'reduce((a, b) => a + b, 0)']]);
    assert.ok(h.every((t) => t.content.trim()), 'no empty turn goes to a model');
  });

  test('a stopped turn is left out even when its metadata lost "incomplete"', () => {
    const h = historyOfTurns([ask('long'), { kind: 'response', meta: { question: 'long', mode: 'auto', route: 'cloud', answer: 'First,', stopped: true } }]);
    assert.deepEqual(h, []);
  });

  test('the next reply opens with a note only when the @hybrid reply just before it was stopped', () => {
    const stoppedPart = [ask('essay'), { kind: 'response' as const, meta: { question: 'essay', mode: 'private' as const, answer: 'Reduce is', incomplete: true, stopped: true } }];
    const note = afterStoppedNote(stoppedPart)!;
    assert.match(note, /previous answer was stopped part-way/);
    assert.match(note, /incomplete/);
    assert.match(note, /neither it nor its question is sent with this one/);
    assert.ok(note.startsWith('> ') && note.endsWith('\n\n'), 'a quoted line of its own, before the route badge');
    const before = afterStoppedNote([ask('essay'), { kind: 'response', meta: { question: 'essay', mode: 'auto', answer: '', stopped: true } }])!;
    assert.match(before, /stopped before it began: its question is not sent with this one/);
    assert.doesNotMatch(before, /incomplete/);
    assert.equal(afterStoppedNote([...stoppedPart, ask('next'), { kind: 'response', meta: { question: 'next', mode: 'auto', answer: 'ok' } }]), undefined, 'said once, on the reply right after');
    assert.equal(afterStoppedNote([ask('x'), { kind: 'response', meta: { question: 'x', mode: 'auto', answer: 'cut', incomplete: true } }]), undefined, 'a reply that broke off said so itself ("Failed:")');
    assert.equal(afterStoppedNote([ask('x'), { kind: 'response', meta: undefined }]), undefined, 'no metadata (another participant, VS Code dropped it): nothing claimed');
    assert.equal(afterStoppedNote([]), undefined);
    assert.equal(afterStoppedNote([ask('x'), { kind: 'response', meta: { stopped: 'yes' } as never }]), undefined, 'only a real true');
  });
});

suite('@hybrid follow-ups', () => {
  test('a finished turn gets none: its buttons already offer each route and the explanation', () => {
    for (const route of ['local', 'cloud', 'refuse'] as const) {
      for (const mode of ['auto', 'private', 'cloud', 'review', 'explain'] as const) {
        assert.deepEqual(followupsFor({ question: 'q', mode, route, answer: 'a' }), [], `${mode}/${route}`);
      }
    }
    assert.deepEqual(followupsFor({ question: 'q', mode: 'auto', route: 'local', answer: 'cut', incomplete: true }), [], 'a broken-off reply says "Failed:" and has its buttons');
  });

  test('a stopped turn gets one: says it was stopped and asks the same question again, in the same mode', () => {
    assert.deepEqual(followupsFor({ question: 'Write an essay', mode: 'private', route: 'local', answer: 'Reduce', incomplete: true, stopped: true }),
      [{ label: 'Stopped part-way — ask again', prompt: 'Write an essay', command: 'private' }]);
    assert.deepEqual(followupsFor({ question: 'Compare caches', mode: 'auto', route: 'cloud', answer: '', stopped: true }),
      [{ label: 'Stopped before the answer began — ask again', prompt: 'Compare caches' }], 'auto has no slash command');
  });

  test('nothing to offer without a question or a real metadata', () => {
    assert.deepEqual(followupsFor(undefined), []);
    assert.deepEqual(followupsFor({ question: '', mode: 'auto', answer: '', stopped: true }), []);
    assert.deepEqual(followupsFor({ stopped: true } as never), []);
  });
});

suite('@hybrid buttons and failure text', () => {
  test('a question asked privately never gets "Ask the cloud", even when its answer failed before the pipeline barred it', () => {
    for (const mode of ['private', 'review'] as const) {
      const titles = closingButtons('local', mode, [], false).map((b) => b.title);
      assert.ok(!titles.some((t) => /cloud/i.test(t)), `${mode}: ${titles.join(', ')}`);
      assert.ok(titles.includes('Explain route'));
    }
    assert.ok(closingButtons('local', 'auto', [], false).some((b) => b.mode === 'cloud'), 'an Auto question answered locally still offers it');
    assert.ok(!closingButtons('local', 'auto', [], true).some((b) => b.mode === 'cloud'), 'nor after the pipeline barred it');
  });

  test('a failure message keeps its paired backticks as code and escapes the rest', () => {
    assert.equal(inlineWithCode('check that it is running (`ollama serve`), then retry.'), 'check that it is running (`ollama serve`), then retry.');
    assert.equal(inlineWithCode('run `ollama pull qwen2.5-coder:7b` or set *hybrid.local.model*'), 'run `ollama pull qwen2.5-coder:7b` or set \\*hybrid.local.model\\*');
    assert.equal(inlineWithCode('one ` backtick <b>'), 'one \\` backtick \\<b\\>', 'an odd count: every backtick literal');
    assert.equal(inlineWithCode('`a` and `b`'), '`a` and `b`');
    assert.equal(inlineWithCode('empty `` pair'), 'empty  pair');
    const out = renderEvent({ type: 'error', message: 'Ollama closed the connection (`ollama serve`)', fixes: [], failure: { code: 'connection', message: 'x' } } as never, 'private', true);
    assert.match((out[0] as { text: string }).text, /\(`ollama serve`\)/);
  });
});
