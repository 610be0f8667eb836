// Every cloud-bound body is scanned on the extension host's one thread, and one regular expression that
// backtracks on a long run holds the window: 200 k of `%` took 26 s in the percent-escape view, and a passport
// label followed by a few thousand spaces took seconds in the document-number value. So the whole scanner is
// run over long runs of every printable character and of the short units the rules are made of; a linear scan
// takes tens of milliseconds here, a quadratic one several seconds.
import * as assert from 'node:assert/strict';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { superLinear } from '../linearTime';

const LIMIT_MS = 1500;

function units(): string[] {
  const out: string[] = [];
  for (let c = 32; c < 127; c++) out.push(String.fromCharCode(c));
  out.push('\t', '\n', '\r\n', 'é', '中', 'я', '一', 'ア', '\u00a0', '\u200b', 'a ', 'a=', 'a:', 'a.', 'a,', 'a-', '-a', '1-', '1 ', 'A1', '%2', '%%', '\\x', '&#', 'a@', '://');
  return out;
}

function scan(text: string): void {
  try {
    scanSensitive(text);
  } catch {
    // A text past the decode budget is refused (the gate fails closed): what matters here is that it is quick.
  }
}

suite('privacy: the scan stays linear on long runs', () => {
  test('100 k of any printable character or rule-sized unit scans well under the budget', function () {
    this.timeout(120_000);
    const slow: string[] = [];
    for (const u of units()) {
      const found = superLinear(scan, (n) => u.repeat(Math.ceil(n / u.length)), 100_000, LIMIT_MS);
      if (found) slow.push(`${JSON.stringify(u)}: ${found}`);
    }
    assert.deepEqual(slow, []);
  });

  test('a label followed by a long run of blanks or separators', function () {
    this.timeout(60_000);
    const labels = ['passport number', 'DOB:', 'Address:', 'password', 'api_key =', 'IBAN', 'SSN', 'Authorization: Bearer', '-----BEGIN', 'date of birth'];
    const runs = [' ', '\t', ':', '=', '"', "'", '-', '.', '0', 'a'];
    const slow: string[] = [];
    for (const label of labels) {
      for (const r of runs) {
        const found = superLinear(scan, (n) => `${label}${r.repeat(n)}!`, 20_000, LIMIT_MS);
        if (found) slow.push(`${label} + ${JSON.stringify(r)}: ${found}`);
      }
    }
    assert.deepEqual(slow, []);
  });
});
