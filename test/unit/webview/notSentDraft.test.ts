// A question the host turned away (another answer was running) comes back into the chat box, never lost: the
// page's merge of it with whatever the user typed since, and the envelope check that lets the message through.

import * as assert from 'node:assert/strict';
import { isToChat, NOT_SENT_BUSY } from '../../../src/shared/protocol/chat';
import { draftWithReturned } from '../../../src/webview/chat/draft';

suite('chat box: a question the host did not start comes back', () => {
  test('an empty box gets the question back as it was sent', () => {
    assert.equal(draftWithReturned('', 'Second: and its tax?'), 'Second: and its tax?');
    assert.equal(draftWithReturned('  \n', 'Why?'), 'Why?');
  });

  test('text typed since stays, after the returned question', () => {
    assert.equal(draftWithReturned('Third: and refunds?', 'Second: and its tax?'), 'Second: and its tax?\n\nThird: and refunds?');
  });

  test('a box that already starts with the question is left alone (no doubled question)', () => {
    assert.equal(draftWithReturned('Second: and its tax?', 'Second: and its tax?'), 'Second: and its tax?');
    assert.equal(draftWithReturned('Second: and its tax? Also VAT', 'Second: and its tax?'), 'Second: and its tax? Also VAT');
  });

  test('a question that only appears later in the box is still put first (the user sees it whole)', () => {
    assert.equal(draftWithReturned('note: Why?', 'Why?'), 'Why?\n\nnote: Why?');
  });

  test('the page accepts the host\'s notSent message, and its reason names the way out', () => {
    assert.ok(isToChat({ type: 'notSent', question: 'q', reason: NOT_SENT_BUSY }));
    assert.match(NOT_SENT_BUSY, /back in the box/);
    assert.match(NOT_SENT_BUSY, /Stop/);
    assert.ok(!isToChat({ type: 'notSent2', question: 'q' }));
  });
});
