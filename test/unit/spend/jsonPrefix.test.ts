// The shape test behind "a crash's cut or damage" (src/core/spend/jsonPrefix.ts): every byte prefix of a real ledger
// line is a prefix, the line itself is complete, and the damage shapes found in the spend5 audit are not prefixes.
import * as assert from 'node:assert/strict';
import { jsonShape } from '../../../src/core/spend/jsonPrefix';
import { serializeRecord } from '../../../src/core/spend/ledgerRecord';
import { record } from './fixtures/records';

suite('spend5 / jsonShape', () => {
  const line = serializeRecord(record('shape-1', { reasons: ['complexity 0.72 ≥ 0.5', 'a "quoted" reason \\ with a backslash', 'é\u2028'] })).slice(0, -1);

  test('every cut of a sealed record line is a prefix; the whole line is complete', () => {
    for (let i = 1; i < line.length; i++) assert.equal(jsonShape(line.slice(0, i)), 'prefix', `cut at ${i}: ${line.slice(Math.max(0, i - 8), i)}`);
    assert.equal(jsonShape(line), 'complete');
  });

  test('damage shapes are not prefixes: a flipped brace, a stray character after a value, zeroed bytes removed, two records glued', () => {
    assert.equal(jsonShape(line.replace(/\}$/, ']')), 'invalid');
    assert.equal(jsonShape(line.replace('"status":"ok"', '"status":"ok"x')), 'invalid');
    assert.equal(jsonShape(line.slice(0, 60) + line.slice(124)), 'invalid');
    assert.equal(jsonShape(line + line), 'invalid');
    assert.equal(jsonShape(line.replace('"costUsd":0.0081', '"costUsd":0.00 81')), 'invalid');
  });

  test('partial literals, numbers, escapes and unicode escapes at the end are prefixes; bad ones are not', () => {
    for (const t of ['{"a":tr', '{"a":-', '{"a":1.', '{"a":1e', '{"a":1e+', '{"a":"\\', '{"a":"\\u00', '[', '{', '{"a"', '{"a":', '{"a":[1,']) assert.equal(jsonShape(t), 'prefix', t);
    for (const t of ['{"a":tx', '{"a":01', '{"a":"\\x"', '{"a":"\\u00zz"', '{,', '[1 2', '{"a":1}}']) assert.equal(jsonShape(t), 'invalid', t);
    for (const t of ['{}', '[]', '{"a":[1,2,{"b":null}]}', '  {"a":true} ']) assert.equal(jsonShape(t), 'complete', t);
  });

  test('the end state says whether a prefix stopped inside a string', () => {
    const end: { inString?: boolean } = {};
    assert.equal(jsonShape('{"a":"text', end), 'prefix');
    assert.equal(end.inString, true);
    assert.equal(jsonShape('{"a":1', end), 'prefix');
    assert.equal(end.inString, false);
  });
});
