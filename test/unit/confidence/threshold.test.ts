// UX round 8: the chat said "Stays local (local confidence 0.30)" and left the user to guess whether 0.30 was good.
// The score is now shown against hybrid.routing.escalationThreshold, the same words on every surface.
import * as assert from 'node:assert/strict';
import { escalationHeadline, scoreAgainst, thresholdExplained, twoPlaces, withoutScore } from '../../../src/core/confidence';
import { renderEvent } from '../../../src/core/native/chatRender';
import type { EscalationEvent } from '../../../src/core/pipeline/events';

suite('confidence / the score against its threshold', () => {
  test('headlines: what happened, then the score against the line where the cloud comes in', () => {
    assert.equal(escalationHeadline('unavailable', 0.3, 0.5), 'Stays local: confidence 0.30 (cloud below 0.50)');
    assert.equal(escalationHeadline('escalated', 0.11, 0.7), 'Escalated to the cloud: confidence 0.11 (cloud below 0.70)');
    assert.equal(escalationHeadline('offered', 0.4, 0.7), 'Not sure? Confidence 0.40 (cloud below 0.70)');
    assert.equal(escalationHeadline('available', 0.95, 0.7), 'Confidence 0.95 (cloud below 0.70)');
  });

  test('adversarial numbers: both sides in two places (0.7 beside 0.70 read as different), ends of the scale, rounding', () => {
    assert.equal(scoreAgainst(0, 1), 'confidence 0.00 (cloud below 1.00)');
    assert.equal(scoreAgainst(1, 0), 'confidence 1.00 (cloud below 0.00)');
    assert.equal(twoPlaces(0.695), '0.70');
    assert.equal(twoPlaces(0.7), '0.70');
    assert.equal(twoPlaces(0.004), '0.00');
  });

  test('the tooltip names the setting and says what happens below it under each mode', () => {
    assert.match(thresholdExplained(0.7, 'offer'), /0 \(unsure\) to 1 .*Below 0\.70 \(hybrid\.routing\.escalationThreshold\), "Ask the cloud" is offered\./);
    assert.match(thresholdExplained(0.7, 'auto'), /the cloud is asked or offered/);
    assert.match(thresholdExplained(0.5, 'off'), /Below 0\.50 .*escalation is off \(hybrid\.routing\.escalation\)/);
  });

  test('withoutScore drops only a leading score, never one inside the words', () => {
    assert.equal(withoutScore('local confidence 0.95: sure of every word it wrote'), 'sure of every word it wrote');
    assert.equal(withoutScore('local confidence 1: sure'), 'sure');
    assert.equal(withoutScore('said "local confidence 0.3: x"'), 'said "local confidence 0.3: x"');
  });
});

suite('native chat / the escalation line shows the same headline, and names the setting once', () => {
  const ev = (over: Partial<EscalationEvent>): EscalationEvent => ({
    type: 'escalation', requestId: 'r1', confidence: 0.3, threshold: 0.5, headline: escalationHeadline('unavailable', 0.3, 0.5),
    thresholdTip: thresholdExplained(0.5, 'offer'), summary: 'local confidence 0.30: unsure of 40 % of the words it wrote',
    action: 'unavailable', reason: '"Ask the cloud" is unavailable: the request is private.', ...over,
  });
  const text = (e: EscalationEvent) => renderEvent(e, 'auto').map((o) => (o.kind === 'markdown' ? o.text : '')).join('');

  test('unavailable: the headline, the setting, then what made the score and why it stays', () => {
    const t = text(ev({}));
    assert.match(t, /\*\*Stays local: confidence 0\.30 \(cloud below 0\.50\)\*\* \(hybrid\.routing\.escalationThreshold\) — unsure of 40 % of the words it wrote — "Ask the cloud" is unavailable/);
    assert.equal(t.match(/0\.30/g)?.length, 1, 'the score is said once');
  });

  test('offered: the reason already names the setting, so it is not said twice', () => {
    const t = text(ev({ action: 'offered', headline: escalationHeadline('offered', 0.3, 0.5),
      reason: 'local confidence 0.30: unsure of 40 % of the words it wrote — below 0.50 (hybrid.routing.escalationThreshold)' }));
    assert.equal(t.match(/hybrid\.routing\.escalationThreshold/g)?.length, 1);
    assert.match(t, /\*\*Not sure\? Confidence 0\.30 \(cloud below 0\.50\)\*\* — unsure of 40 %/);
  });
});
