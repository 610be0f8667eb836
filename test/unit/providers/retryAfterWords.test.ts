// Retry-After values a gateway or proxy really sends that are not a sensible wait: a date already past, a negative
// or signed delay, a fraction, garbage, 30 years. The wait Hybrid says must be one a person can read and act on.

import * as assert from 'node:assert/strict';
import { waitFor } from '../../../src/core/providers/failureText';
import { httpFailure } from '../../../src/core/providers/failures';
import { parseRetryAfter } from '../../../src/core/providers/responseChecks';

const h = (init: Record<string, string>): Headers => new Headers(init);
const ctx = {
  name: 'Anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude-x', baseUrlSetting: 'hybrid.anthropic.baseUrl',
  modelSetting: 'hybrid.cloud.model', timeoutSetting: 'hybrid.timeouts.cloudFirstByteMs', firstByteTimeoutMs: 30_000, idleTimeoutMs: 30_000,
  state: {}, usesApiKey: true,
};
const body = { type: 'error', error: { type: 'rate_limit_error', message: 'Your account has hit a rate limit.' } };
const said = (headers: Record<string, string>): string => httpFailure(ctx as never, { status: 429, body, headers: h(headers) } as never).message;

suite('Retry-After a person can read', () => {
  test('digits only are a delay; a sign, a unit or words are no Retry-After at all', () => {
    assert.equal(parseRetryAfter(h({ 'retry-after': '30' })), 30_000);
    assert.equal(parseRetryAfter(h({ 'retry-after': ' 1.5 ' })), 1_500);
    for (const bad of ['-30', '+30', '-0.5', '30s', 'soon', 'NaN', 'Infinity', '', '1e3']) {
      assert.equal(parseRetryAfter(h({ 'retry-after': bad })), undefined, bad);
    }
    assert.equal(parseRetryAfter(h({ 'retry-after-ms': '-5', 'retry-after': '7' })), 7_000, 'a bad ms header falls back to retry-after');
    assert.equal(parseRetryAfter(h({ 'retry-after': '9'.repeat(400) })), undefined, 'a number beyond a double');
  });

  test('an HTTP date already past is no wait; a future one counts from now', () => {
    assert.equal(parseRetryAfter(h({ 'retry-after': 'Wed, 01 Jan 2020 00:00:00 GMT' })), 0);
    const ahead = parseRetryAfter(h({ 'retry-after': new Date(Date.now() + 120_000).toUTCString() }))!;
    assert.ok(ahead > 100_000 && ahead <= 120_000, String(ahead));
  });

  test('waits in hours stop at two days; days up to two weeks; beyond that no figure', () => {
    assert.equal(waitFor(47 * 3_600_000), '47 h');
    assert.equal(waitFor(48 * 3_600_000), '2 days');
    assert.equal(waitFor(14 * 86_400_000), '14 days');
    assert.equal(waitFor(14 * 86_400_000 + 1), 'more than two weeks');
    assert.equal(waitFor(30 * 365 * 86_400_000), 'more than two weeks');
    assert.equal(waitFor(Number.MAX_VALUE), 'more than two weeks');
  });

  test('the 429 card: a 30-year, a negative, a past-date and a garbage Retry-After each read sensibly', () => {
    assert.match(said({ 'retry-after': String(30 * 365 * 86_400) }), /try again in more than two weeks\.$/);
    assert.match(said({ 'retry-after': '-30' }), /try again in a minute\.$/);
    assert.match(said({ 'retry-after': 'Wed, 01 Jan 2020 00:00:00 GMT' }), /try again in 1 s\.$/);
    assert.match(said({ 'retry-after': 'later' }), /try again in a minute\.$/);
    assert.match(said({ 'retry-after': '3600' }), /try again in 60 min\.$/);
    for (const v of ['-1', '1e9', '99999999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      assert.doesNotMatch(said({ 'retry-after': v }), /in -|NaN|Infinity|\d{3,} h|\d{5,} min/, v);
    }
  });
});
