// What became of each suggestion, from stable-API events only: the item's command, document edits and cursor moves.
import * as assert from 'node:assert/strict';
import { AcceptanceTracker, type ShownSuggestion, type SuggestionOutcome } from '../../../src/core/completion/acceptance';

function rig() {
  const out: Array<[string, SuggestionOutcome]> = [];
  const t = new AcceptanceTracker((s, o) => out.push([s.id, o]));
  const show = (id: string, text = 'foo(bar);', offset = 10): void =>
    t.shown({ id, docUri: 'file:///a.ts', offset, text, languageId: 'typescript', latencyMs: 300 } satisfies ShownSuggestion);
  return { t, out, show };
}

suite('completion: acceptance tracking', () => {
  test('Tab: the editor inserts the text, moves the cursor, then runs the item command → accepted once', () => {
    const r = rig();
    r.show('s1');
    r.t.edit('file:///a.ts', 10, 0, 'foo(bar);');
    r.t.moved('file:///a.ts', 19);
    r.t.accepted('s1');
    r.t.end();
    assert.deepEqual(r.out, [['s1', 'accepted']]);
  });

  test('accept next word, then typing something else → partially accepted', () => {
    const r = rig();
    r.show('s1');
    r.t.edit('file:///a.ts', 10, 0, 'foo');
    r.t.moved('file:///a.ts', 13);
    r.t.edit('file:///a.ts', 13, 0, 'x');
    assert.deepEqual(r.out, [['s1', 'partial']]);
  });

  test('typing along keeps it (and the same id offered again is the same suggestion); typing away dismisses it', () => {
    const r = rig();
    r.show('s1');
    r.t.edit('file:///a.ts', 10, 0, 'f');
    r.t.moved('file:///a.ts', 11);
    r.show('s1', 'foo(bar);', 10);
    assert.deepEqual(r.out, []);
    r.t.edit('file:///a.ts', 11, 0, 'z');
    assert.deepEqual(r.out, [['s1', 'dismissed']]);
  });

  test('a new suggestion, the cursor leaving, or Escape-then-edit end the previous one as dismissed', () => {
    const r = rig();
    r.show('s1');
    r.show('s2');
    r.t.moved('file:///a.ts', 3);
    r.show('s3');
    r.t.edit('file:///a.ts', 10, 1, '');
    assert.deepEqual(r.out, [['s1', 'dismissed'], ['s2', 'dismissed'], ['s3', 'dismissed']]);
  });

  test('edits in other files do not touch it; an accept command for another id is ignored', () => {
    const r = rig();
    r.show('s1');
    r.t.edit('file:///b.ts', 10, 0, 'zzz');
    r.t.accepted('old');
    r.t.accepted('s1');
    assert.deepEqual(r.out, [['s1', 'accepted']]);
  });
});
