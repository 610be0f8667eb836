// The mechanisms round six's probes (surfaces/probes6.test.ts) showed missing, each beside its benign twins: paths the
// gate can place only by the workspace roots, private paths with spaces typed unquoted, a secret's rest in the next
// message, names in prose, whole postal addresses and opaque 40-hex values. Values drawn at test time.
import * as assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { ChatBody } from '../../../src/core/wire/types';

type ChatMessage = ChatBody['messages'][number];

const markers = DEFAULT_SETTINGS['privacy.markers'];
const kinds = (t: string): string[] => scanSensitive(t, { markers }).map((f) => f.kind);
const hex40 = (): string => { for (;;) { const v = randomBytes(20).toString('hex'); if (/[a-f]/.test(v) && /\d/.test(v)) return v; } };
const draw = (a: string, n: number): string => Array.from({ length: n }, () => a[randomInt(a.length)]).join('');
const c = (): string => `northwind${randomInt(1000, 9999)}`;

function gateFor(o: { aiignore?: string; globs?: string[]; roots?: string[] } = {}) {
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: o.globs ?? [], ...(o.aiignore ? { aiignore: o.aiignore } : {}) }), ...(o.roots ? { roots: o.roots } : {}) });
  return (turns: string | ChatMessage[]): string[] => {
    const messages: ChatMessage[] = typeof turns === 'string' ? [{ role: 'user', content: turns }] : turns;
    const r = gate.prepare({ model: 'm', system: 'You help.', maxTokens: 64, messages } satisfies ChatBody, []);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.ok ? r.body.messages.map((m) => m.content as string) : [];
  };
}

suite('round six: private paths by the workspace roots and with spaces', () => {
  test('a path typed from the folder above a workspace folder, or a sibling checkout, names its file', () => {
    const sent = gateFor({ aiignore: '/config/tenants/\n', roots: ['/home/u/proj', 'C:\\work\\finance'] });
    for (const spell of [(x: string) => `proj/config/tenants/${x}.yaml`, (x: string) => `../proj/config/tenants/${x}.yaml`, (x: string) => `./finance/config/tenants/${x}.yaml`, (x: string) => `../../finance\\config\\tenants\\${x}.yaml`]) {
      const x = c();
      assert.ok(!sent(`Why is ${spell(x)} slow?`)[0].includes(x), spell(x));
    }
  });
  test('twins: without the roots the folder name proves nothing; a folder of the same name elsewhere is public', () => {
    const x = c();
    assert.ok(gateFor({ aiignore: '/config/tenants/\n' })(`Why is proj/config/tenants/${x}.yaml slow?`)[0].includes(x));
    const sent = gateFor({ aiignore: '/config/tenants/\n', roots: ['/home/u/proj'] });
    for (const t of ['see lib/config/tenants/default.yaml', 'src/proj/config.ts and proj/README.md', 'a proj/config/tenantsView.tsx file']) assert.equal(sent(t)[0], t);
  });
  test('an unquoted absolute path with spaces is read whole; the name after a private folder goes on to its extension', () => {
    const sent = gateFor({ aiignore: '/config/tenants/\ndeals/\n' });
    for (const spell of [(x: string) => `C:\\Users\\Jane Doe\\proj\\config\\tenants\\${x}.yaml`, (x: string) => `/Users/jane/My Drive/proj/config/tenants/${x}.yaml`,
      (x: string) => `deals/Q3 board ${x}.xlsx`, (x: string) => `/srv/deals/draft ${x}.xlsx`]) {
      const x = c();
      const out = sent(`Why does ${spell(x)} fail to open, and how do I fix it?`)[0];
      assert.ok(!out.includes(x), out);
      assert.ok(out.includes('fail to open, and how do I fix it?'), `only the path is redacted: ${out}`);
    }
  });
  test('a rule naming a folder with a space makes the words before a slash part of the path', () => {
    const sent = gateFor({ aiignore: 'client data/\n', globs: ['**/Board Minutes/**'] });
    for (const spell of [(x: string) => `client data/${x}.xlsx`, (x: string) => `docs/Board Minutes/2026-11 ${x}.docx`]) {
      const x = c();
      assert.ok(!sent(`see ${spell(x)} for the layout`)[0].includes(x), spell(x));
    }
    const kept = 'see our client data/export.ts helper and docs/Board Guide.md';
    assert.equal(gateFor({ aiignore: 'deals/\n' })(kept)[0], kept);
  });
  test('the policy says when a rule names something with a space', () => {
    assert.equal(createPathPolicy({ privateGlobs: ['client data/'] }).spacedNames, true);
    assert.equal(createPathPolicy({ privateGlobs: ['billing/**'], aiignore: 'deals/\n# a comment with spaces\n' }).spacedNames, false);
  });
});

suite('round six: a secret continued in the next message', () => {
  const sent = gateFor();
  const user = (content: string): ChatMessage => ({ role: 'user', content });
  const assistant = (content: string): ChatMessage => ({ role: 'assistant', content });
  test('a bare vendor prefix, or one too short to be found, ends a turn: the next turn\'s token is its rest', () => {
    for (const head of [['gh', 'p_'].join(''), `${['sk', '_live_'].join('')}`, `${['gl', 'pat-'].join('')}Ab3x`]) {
      const rest = `${draw('ABCDEFGHJKLMNP', 2)}${draw('23456789', 2)}${draw('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNP0123456789', 24)}`;
      const out = sent([user(`token: ${head}`), assistant('Paste the rest.'), user(rest), assistant('Got it.'), user('Rotate it now?')]);
      assert.ok(!out.join('\n').includes(rest), head);
    }
  });
  test('a lower-case rest opening the next message after a password (under 0.5 % missed over 1,000 draws)', () => {
    let missed = 0;
    for (let i = 0; i < 1000; i++) {
      const rest = draw('abcdefghijkmnopqrstuvwxyz', 14);
      const out = sent([user(`The replica password is ${draw('ABCDEFGHJKLMNP', 1)}${draw('abcdefghijkmnop', 1)}${draw('23456789', 1)}${draw('abcdefghijkmnopqrstuvwxyz0123456789', 5)}`), assistant('Go on.'), user(`${rest} (that was the end of it). Why does the login fail?`)]);
      if (out[2].includes(rest)) missed++;
    }
    assert.ok(missed < 5, `${missed} of 1,000 rests reached the cloud`);
  });
  test('twins: an ordinary next message, a turn ending in a word after "token is"', () => {
    const out = sent([user('The token is ready.'), assistant('Good.'), user('implementation details: how is it refreshed?')]);
    assert.deepEqual(out, ['The token is ready.', 'Good.', 'implementation details: how is it refreshed?']);
    const out2 = sent([user('Our prefix is ghp_ for classic tokens, right?'), assistant('Yes.'), user('documentation says otherwise')]);
    assert.equal(out2[2], 'documentation says otherwise');
  });
});

suite('round six: names in prose, whole addresses, opaque 40-hex values', () => {
  test('found', () => {
    const h = hex40();
    for (const t of [`Please call Maria Gonzalez on her cell, she knows.`, `Henrik Lindqvist's diagnosis came back.`, `Our tenant Aisha Rahman reported a leak.`,
      `Request from Dmitri Volkov: export fails`, `Ship to ${randomInt(100, 999)} Wexford Avenue, Springfield, IL 62704 today.`, `"lastName": "Kowalczykowa"`,
      `export ACME_CI=${h}`, `{ billing: '${h}' }`, `https://partner.acme-corp.io/v2?t=${h}&page=2`]) assert.ok(kinds(t).length > 0, t);
  });
  test('twins stay quiet', () => {
    const h = hex40();
    for (const t of ['Call React Native on the main thread.', 'Ask Google Cloud support; email Spring Boot logs.', 'This code was originally written by Brian White for io.js.',
      'logger.info("Invoking getToken() of Client Assertion Credential");', 'The meetup moved to 10 Downing Street tomorrow.', '"lastName": "Doe"', 'lastName: user.lastName,',
      `export GIT_COMMIT=${h}`, `"gitHead": "${h}"`, `const pins = {\n  react: '${h}',\n};`, `git checkout ${h}`, `https://github.com/acme/api/commit/${h}`, `"resolved": "git+ssh://git@github.com/acme/lib.git#${h}"`,
      `{ "sha": "${h}", "node_id": "x" }`, `tree ${h}\nparent ${h}`, `const h = hash('${h}');`]) assert.deepEqual(kinds(t), [], t);
  });
});
