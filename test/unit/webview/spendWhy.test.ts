// The spend list's Why column beside the Route badge: "local: you asked privately…" beside "local", "refused: …"
// beside "not sent" said the route twice (ux10); the chat's Why line already dropped the tag.
import * as assert from 'node:assert/strict';
import { afterTheFact } from '../../../src/webview/spend/reasonText';

suite('spend list: the Why column', () => {
  test('the router\'s route tag is dropped and the clause starts with a capital; paths keep their case', () => {
    assert.equal(afterTheFact('local: you asked privately, so nothing leaves this machine'), 'You asked privately, so nothing leaves this machine');
    assert.equal(afterTheFact('refused: Ollama is not running at http://127.0.0.1:9 — start it with `ollama serve`'), 'Ollama is not running at http://127.0.0.1:9 — start it with ollama serve', 'a plain-text cell shows no backticks');
    assert.equal(afterTheFact('refused: deals/terms.md matches a private path'), 'deals/terms.md matches a private path');
    assert.equal(afterTheFact('cloud: 2 secrets will be redacted'), '2 secrets redacted');
    assert.equal(afterTheFact('Ask (private) always runs locally'), 'Ask (private) always runs locally');
    assert.equal(afterTheFact('why src/a.ts: local: x'), 'Why src/a.ts: local: x', 'only a leading tag is the route\'s');
  });
});
