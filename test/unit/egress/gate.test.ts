import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { EgressGate } from '../../../src/core/egress/gate';
import { isSealed } from '../../../src/core/wire/seal';
import { summarizeRedactions } from '../../../src/core/egress/summary';
import type { ChatBody } from '../../../src/core/wire/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

const rng = new Rng(5);
const markers = DEFAULT_SETTINGS['privacy.markers'];
const pathPolicy = createPathPolicy({ privateGlobs: ['internal/**'] });
const ghp = GENERATORS['github-pat'](rng, 0).value;
const email = GENERATORS.email(rng, 0).value;

function body(...contents: string[]): ChatBody {
  return { model: 'claude-sonnet-4-6', system: 'You are a coding assistant.', maxTokens: 512,
    messages: contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })) };
}

suite('routing: egress gate', () => {
  test('clean body → sealed, unchanged, nothing redacted', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
    const r = gate.prepare(body('How do I sort a list?'), ['src/a.ts']);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.ok(isSealed(r.body));
    assert.ok(Object.isFrozen(r.body) && Object.isFrozen(r.body.messages));
    assert.equal(r.body.messages[0].content, 'How do I sort a list?');
    assert.equal(r.redactedCount, 0);
  });

  test('redact mode rescans system + every message incl. history, and reports kinds', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
    const b = body(`earlier I pasted ${ghp}`, 'ok', `mail ${email} and token ${ghp}`);
    b.system += ` (user is ${email})`;
    const r = gate.prepare(b, []);
    assert.ok(r.ok);
    if (!r.ok) return;
    const out = JSON.stringify(r.body);
    assert.ok(!out.includes(ghp) && !out.includes(email));
    assert.match(r.body.messages[0].content, /\[REDACTED:github-pat\]/);
    assert.deepEqual(r.redactions, { email: 2, 'github-pat': 2 });
    assert.equal(r.redactedCount, 4);
    assert.equal(summarizeRedactions(r.redactions), '2 secrets, 2 e-mail addresses redacted');
  });

  test('block mode → nothing sealed, reason names kinds, not values', () => {
    const gate = new EgressGate({ mode: 'block', markers, pathPolicy });
    const r = gate.prepare(body(`token ${ghp}`), []);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.kinds, { 'github-pat': 1 });
    assert.match(r.reason, /1 secret found.*"block"/);
    assert.ok(!r.reason.includes(ghp));
  });

  test('a private context path always blocks, even in redact mode and with clean text', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
    const r = gate.prepare(body('harmless'), ['src/a.ts', 'internal/pricing.ts']);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /internal\/pricing\.ts matches a private path/);
    assert.equal(gate.prepare(body('x'), ['/home/me/proj/.env']).ok, false);
  });

  test('markers and unscannable content block (cannot be redacted away)', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
    assert.equal(gate.prepare(body('INTERNAL USE ONLY\nfn()'), []).ok, false);
    assert.equal(gate.prepare(body('bin\u0000ary'), []).ok, false);
  });

  test('fail closed: a throwing scanner → ok:false, nothing sealed', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy, scan: () => { throw new RangeError('boom'); } });
    const r = gate.prepare(body('hello'), []);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /failed \(RangeError\).*fails closed/);
  });

  test('fail closed: a throwing path policy → ok:false', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: { isPrivate: () => { throw new Error('bad .aiignore'); } } });
    assert.equal(gate.prepare(body('hello'), ['a.ts']).ok, false);
  });

  test('fail closed: a scan over the time budget → ok:false', () => {
    let t = 0;
    const slowScan: typeof scanSensitive = (text, opts) => { t += 5000; return scanSensitive(text, opts); };
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy, timeoutMs: 1000, scan: slowScan, now: () => t });
    const r = gate.prepare(body('hello'), []);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /longer than 1000 ms/);
  });

  test('fail closed: content still found after redaction → ok:false', () => {
    // A scanner that reports a zero-width finding every time can never be satisfied.
    const stubborn: typeof scanSensitive = () => [{ kind: 'x', category: 'secret', start: 0, end: 0, line: 1 }];
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy, scan: stubborn });
    assert.equal(gate.prepare(body('hello'), []).ok, false);
  });

  test('summarizeRedactions wording', () => {
    assert.equal(summarizeRedactions({}), 'nothing redacted');
    assert.equal(summarizeRedactions({ 'aws-access-key-id': 1 }), '1 secret redacted');
    assert.equal(summarizeRedactions({ 'aws-access-key-id': 1, jwt: 1, email: 1 }), '2 secrets, 1 e-mail address redacted');
    assert.equal(summarizeRedactions({ 'credit-card': 2, phone: 1 }), '2 card numbers, 1 phone number redacted');
    assert.equal(summarizeRedactions({ 'br-cpf': 1, 'es-dni': 1, 'uk-nino': 1 }), '3 national ID numbers redacted', 'national ids are personal data, counted together');
  });
});

suite('routing: egress gate — known values everywhere', () => {
  test('a value found in one part is redacted where it repeats without any rule seeing it', () => {
    const value = ['Qz', '9', 'xT4pLm2', 'Kw8vRb'].join('');
    const gate = new EgressGate({ mode: 'redact', markers: [], pathPolicy: createPathPolicy({ privateGlobs: [] }) });
    const r = gate.prepare({ model: 'm', system: 's', maxTokens: 1, messages: [
      { role: 'user', content: `DB_PASSWORD=${value}` }, { role: 'assistant', content: 'ok' },
      { role: 'user', content: `I also pasted it earlier: \"${value}\" and (${value}).` }] }, []);
    assert.ok(r.ok);
    if (!r.ok) return;
    for (const m of r.body.messages) assert.ok(!m.content.includes(value.slice(2, 10)), m.content);
    assert.equal(r.redactedCount, 3);
  });
});
