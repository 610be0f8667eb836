// Personal numbers where people write them (issue #21 items 3 and 7): an IBAN of every registry country, spaced,
// unspaced, lower-cased and before punctuation; and every personal-data detector at a sentence end and inside
// brackets. Values are drawn at test time; the near misses beside them must stay quiet.

import * as assert from 'node:assert/strict';
import { luhnComplete } from '../../../src/core/privacy/detectors/cards';
import { IBAN_BBAN } from '../../../src/core/privacy/detectors/ibanRegistry';
import { drawIban, ibanValid, spacedIban } from '../../../src/core/privacy/detectors/ibans';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { RedRng } from '../../fixtures/privacy/redteam/rng';

const covered = (text: string, value: string, kind?: string): boolean => {
  const i = text.indexOf(value);
  return scanSensitive(text).some((f) => f.start <= i && f.end >= i + value.length && (kind === undefined || f.kind === kind));
};
const TAILS = ['.', ',', ')', ';', ']', ':', '.)', '!', '?', '"', "'", '…', ''];

suite('privacy: personal numbers as people write them', () => {
  test('the IBAN table holds every registry country (89) with its registry length', () => {
    assert.equal(Object.keys(IBAN_BBAN).length, 89);
    // Spot checks against the registry's own examples.
    for (const v of ['DE89370400440532013000', 'GB82WEST12345698765432', 'BR1500000000000010932840814P2', 'MU17BOMM0101101030300200000MUR', 'SC18SSCB11010000000000001497USD', 'NO9386011117947']) {
      assert.ok(ibanValid(v), v);
    }
  });

  test('an IBAN of every registry country is found spaced, unspaced and lower-cased, before any punctuation', () => {
    const r = new RedRng(2101);
    const misses: string[] = [];
    for (const cc of Object.keys(IBAN_BBAN)) {
      for (const form of [(v: string) => v, spacedIban, (v: string) => spacedIban(v).toLowerCase(), (v: string) => v.replace(/(.{4})(?=.)/g, '$1-')]) {
        const v = form(drawIban(r, cc));
        const tail = r.pick(TAILS);
        for (const text of [`Pay to ${v}${tail} Thanks`, `(${v})`, `[IBAN: ${v}]`]) if (!covered(text, v, 'iban')) misses.push(text);
      }
    }
    assert.deepEqual(misses, []);
  });

  test('IBAN near misses: a wrong check digit, a wrong length, a wrong structure, glued to more characters', () => {
    const r = new RedRng(2102);
    const flagged: string[] = [];
    for (const cc of Object.keys(IBAN_BBAN)) {
      const v = drawIban(r, cc);
      const wrongCheck = v.slice(0, 2) + String((Number(v.slice(2, 4)) + 1) % 100).padStart(2, '0') + v.slice(4);
      for (const text of [`Pay to ${wrongCheck}.`, `Pay to ${v.slice(0, -1)}.`, `ref ${v}X7 ok`]) {
        if (scanSensitive(text).some((f) => f.kind === 'iban')) flagged.push(text);
      }
    }
    // A structure the registry does not allow (letters where GB has the sort code), with valid check digits.
    const gbLetters = 'GB' + '00' + 'WEST' + 'ABCDEF' + '12345678';
    const odd = [...Array(97).keys()].map((c) => `GB${String(c + 2).padStart(2, '0')}${gbLetters.slice(4)}`).find(mod97ok)!;
    assert.ok(odd, 'no check digits found');
    if (scanSensitive(`account ${odd}.`).some((f) => f.kind === 'iban')) flagged.push(odd);
    assert.deepEqual(flagged, []);
  });

  test('every personal-data detector at a sentence end and inside brackets', () => {
    const r = new RedRng(2103);
    const card = (): string => { let c = ''; do c = luhnComplete('4' + r.digits(14)); while (c.startsWith('4242') || c.startsWith('4111')); return c; };
    const sin = (): string => { const d = luhnComplete(String(r.int(1, 7)) + r.digits(7)); return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`; };
    const values: Array<[string, () => string]> = [
      ['phone', () => `+44 20 7${r.digits(3)} ${r.digits(4)}`], ['phone', () => `+1 ${r.int(201, 989)} ${r.int(200, 999)} ${r.digits(4)}`],
      ['phone', () => `+4930${r.digits(8)}`], ['phone', () => `0049 30 ${r.digits(8)}`], ['phone', () => `+33 (0)6 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`],
      ['phone', () => `(${r.int(201, 989)}) ${r.int(200, 999)}-${r.digits(4)}`], ['phone', () => `${r.int(201, 989)}.${r.int(200, 999)}.${r.digits(4)}`],
      ['email', () => `${r.word(5)}.${r.word(4)}@${r.word(6)}-mail.de`], ['email', () => `${r.word(5)} [at] ${r.word(6)}-mail [dot] com`],
      ['us-ssn', () => `${r.int(100, 665)}-${r.int(10, 99)}-${r.int(1000, 9999)}`], ['credit-card', card], ['credit-card', () => card().replace(/(\d{4})(?=\d)/g, '$1 ')],
      ['ca-sin', sin], ['uk-nino', () => `AB ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} C`], ['iban', () => spacedIban(drawIban(r, 'FR'))],
    ];
    const carriers = [(v: string) => `Reach me at ${v}.`, (v: string) => `It is ${v}, as before.`, (v: string) => `Ask Jane (${v}) first.`, (v: string) => `home ${v}; work none`,
      (v: string) => `contact: [${v}]`, (v: string) => `${v}: on file`, (v: string) => `(see ${v}).`, (v: string) => `"${v}"!`];
    const misses: string[] = [];
    for (const [kind, draw] of values) for (const carry of carriers) { const v = draw(); const text = carry(v); if (!covered(text, v, kind)) misses.push(`${kind}: ${text}`); }
    // Numbers that only a label makes personal, the label abbreviated and punctuation after the number.
    for (const w of ['.', ',', ')', ';', ']', ':', '.)']) {
      for (const [label, v] of [['passport no.', 'C01X00T47'], ['ID card nr.', '12AB34567'], ['SSN', `${r.int(100, 665)}${r.digits(6)}`], ['SIN', '046454286']]) {
        const text = `(${label} ${v}${w} next`;
        if (!covered(text, v)) misses.push(text);
      }
    }
    assert.deepEqual(misses, []);
  });

  test('numbers before punctuation that are not personal data stay quiet', () => {
    for (const text of ['Upgrade to 10.2.3.4. Then restart.', 'created (1700000000000), updated [1700000360000].', 'See ISBN 978-3-16-148410-0.',
      'costs +12.50 EUR; up 3.5 %, (was 11.99).', 'dial +44 20.', 'Use 4242 4242 4242 4242, any CVC.', 'Write to jane@example.com.', 'at 10:30:45:120, again.']) {
      assert.deepEqual(scanSensitive(text).map((f) => f.kind), [], text);
    }
  });
});

function mod97ok(s: string): boolean {
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) rem = ch >= 'A' ? (rem * 100 + ch.charCodeAt(0) - 55) % 97 : (rem * 10 + Number(ch)) % 97;
  return rem === 1;
}
