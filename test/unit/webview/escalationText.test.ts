// The escalation note's words: the offer's button names the model it asks, and the score is said once (in the title).
import * as assert from 'node:assert/strict';
import type { EscalationView } from '../../../src/shared/protocol/chat';
import { askLabel, askTitle, escalationTip, escalationTitle, reasonLine } from '../../../src/webview/chat/escalationText';
import { escalationHeadline, thresholdExplained } from '../../../src/core/confidence';

const offer: EscalationView = {
  type: 'escalation', requestId: 'r1', band: 'middle', confidence: 0.11, action: 'offered', askModel: 'claude-haiku-4-5',
  summary: 'local confidence 0.11: unsure of 57 % of the words it wrote',
  reason: 'local confidence 0.11: unsure of 57 % of the words it wrote — below hybrid.routing.escalationThreshold 0.7',
};

suite('webview: escalation note text', () => {
  test('the button names the model it will ask, and its tooltip says so; without one it stays "Ask the cloud"', () => {
    assert.equal(askLabel(offer.askModel), 'Ask the cloud (claude-haiku-4-5)');
    assert.match(askTitle(offer.askModel), /to the cloud model claude-haiku-4-5, through the privacy gate/);
    assert.equal(askLabel(undefined), 'Ask the cloud', 'a thread saved before askModel existed');
  });

  test('the score is in the title only: the line under it starts with what made it', () => {
    assert.equal(escalationTitle(offer), 'Not sure? Local confidence 0.11');
    assert.equal(reasonLine(offer), 'unsure of 57 % of the words it wrote — below hybrid.routing.escalationThreshold 0.7');
    assert.equal(reasonLine({ ...offer, action: 'escalated', reason: `${offer.reason}; asking the cloud` }),
      'unsure of 57 % of the words it wrote — below hybrid.routing.escalationThreshold 0.7; asking the cloud');
    assert.equal(reasonLine({ ...offer, action: 'available', summary: 'local confidence 0.95: sure of every word it wrote' }), 'sure of every word it wrote');
    assert.equal(reasonLine({ ...offer, action: 'unavailable', reason: '"Ask the cloud" is unavailable: private path.' }), '"Ask the cloud" is unavailable: private path.');
  });

  test('the title is the pipeline\'s headline (score against its threshold), its tooltip names the setting', () => {
    const now: EscalationView = { ...offer, threshold: 0.7, headline: escalationHeadline('offered', 0.11, 0.7), thresholdTip: thresholdExplained(0.7, 'offer') };
    assert.equal(escalationTitle(now), 'Not sure? Confidence 0.11 (cloud below 0.70)');
    assert.match(escalationTip(now) ?? '', /hybrid\.routing\.escalationThreshold/);
    assert.equal(escalationTip(offer), undefined, 'a turn saved before the headline existed gets no tooltip, and its old title');
  });
});
