// Red team for promise 1 ("private stays private"), written independently of the scanner it attacks. Every attack
// goes through the whole Ask pipeline (real classifier, router, egress gate, official SDK clients against the
// recording loopback fakes) in Ask (cloud) redact mode and in Ask (auto) with a complex question; a leak is any
// 8-character window of a planted value in any byte a cloud fake received. Benign near-misses must pass untouched.

import * as assert from 'node:assert/strict';
import { generateAttacks, type Attack } from '../../fixtures/privacy/redteam/attacks';
import { generateBenign, type Benign } from '../../fixtures/privacy/redteam/benign';
import { systemPromptFor } from '../../../src/core/pipeline/prompts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES, contextWindowOf, findModel, withOverrides } from '../../../src/core/spend';
import { RedRng, B64 } from '../../fixtures/privacy/redteam/rng';
import {
  betrayingWindows, buildProbe, COMPLEX_QUESTION, leakedWindow, RedTeamRig, type Mode, type Position, type Probe,
} from '../../fixtures/privacy/redteam/harness';

const SEED = Number(process.env.REDTEAM_SEED ?? 0x5eed12);
const MODES: Mode[] = ['askCloud', 'askAuto'];
const ROTATION: Position[] = ['question', 'context', 'history', 'path'];
const TRIM_WINDOW = 16_384;

interface Leak { mode: Mode; cls: string; name: string; position: Position; provider: string; route: string; window: string }
interface FalsePositive { cls: string; name: string; route: string; redactions: Record<string, number>; reasons: string[] }

function positionOf(a: Attack, i: number): Position {
  if (a.contextOnly) return 'context';
  const p = ROTATION[i % ROTATION.length]!;
  return p === 'path' && !a.pathable ? 'context' : p;
}

function carrierOf(p: Probe): string {
  return [p.question, ...p.context.flatMap((c) => [c.path ?? '', c.text]), ...(p.history ?? []).map((h) => h.content)].join('\n');
}

function table(title: string, rows: Array<[string, ...Array<string | number>]>, head: string[]): string {
  const all = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return [title, ...all.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '))].join('\n');
}

suite('privacy red team: planted values never reach a cloud byte', function () {
  this.timeout(900_000);
  const attacks = generateAttacks(SEED);
  const benign = generateBenign(SEED + 1);
  const leaks: Leak[] = [];
  const falsePositives: FalsePositive[] = [];
  const errors: string[] = [];
  const keptLocalBenign: string[] = [];
  let cloudBound = 0;

  suiteSetup(async function () {
    const rig = await RedTeamRig.start();
    try {
      for (const [i, a] of attacks.entries()) {
        const position = positionOf(a, i);
        for (const mode of MODES) {
          const provider = (i + (mode === 'askAuto' ? 1 : 0)) % 2 === 0 ? 'anthropic' : 'openai';
          const probe = buildProbe(a.payload, position, a.path, mode === 'askAuto' ? COMPLEX_QUESTION : undefined);
          const res = await rig.run(probe, mode, provider);
          if (res.error) errors.push(`${mode} ${a.cls}/${a.name}: ${res.error}`);
          if (res.cloudTexts.length > 0) cloudBound++;
          const w = leakedWindow(betrayingWindows(a.planted, carrierOf(probe).replace(a.payload, '')), res.cloudTexts);
          if (w !== undefined) leaks.push({ mode, cls: a.cls, name: a.name, position, provider, route: res.route, window: w });
        }
      }
      for (const [i, b] of benign.entries()) {
        const probe = buildProbe(b.payload, 'context', b.path);
        const res = await rig.run(probe, 'askCloud', i % 2 === 0 ? 'anthropic' : 'openai');
        if (res.error) errors.push(`benign ${b.cls}/${b.name}: ${res.error}`);
        if (res.route !== 'cloud' || Object.keys(res.redactions).length > 0) {
          falsePositives.push({ cls: b.cls, name: b.name, route: res.route, redactions: res.redactions, reasons: res.reasons });
        }
        const auto = await rig.run(buildProbe(b.payload, 'context', b.path, COMPLEX_QUESTION), 'askAuto', i % 2 === 0 ? 'openai' : 'anthropic');
        if (auto.route !== 'cloud') keptLocalBenign.push(`${b.cls}/${b.name}: ${auto.route} (${auto.reasons.join('; ')})`);
      }
    } finally {
      await rig.close();
    }
    report(attacks, benign, leaks, falsePositives, keptLocalBenign, cloudBound);
  });

  test('the corpus is large and covers every class', () => {
    assert.ok(attacks.length >= 250, `only ${attacks.length} attacks`);
    assert.ok(benign.length >= 100, `only ${benign.length} benign near-misses`);
    const classes = new Set(attacks.map((a) => a.cls));
    for (const c of ['vendor-token', 'private-key', 'named-credential', 'connection-url', 'format', 'obfuscation', 'pii', 'private-file', 'marker',
      'credential-file-line', 'wrapped-key', 'iban-registry', 'pii-punctuation']) {
      assert.ok(classes.has(c), `no ${c} attacks`);
    }
    // Every country of the IBAN registry is attacked (issue #21 item 3).
    assert.ok(attacks.filter((a) => a.cls === 'iban-registry').length >= 89, 'not every IBAN registry country');
    // The PII draws carry their formats' checksums, so a scanner that validates them is attacked fairly.
    for (const a of attacks.filter((x) => x.name.startsWith('IBAN '))) {
      const v = a.planted[0]!.replace(/ /g, '');
      const numeric = (v.slice(4) + v.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      assert.equal([...numeric].reduce((r, d) => (r * 10 + Number(d)) % 97, 0), 1, `${a.name}: bad check digits`);
    }
    // Every planted value is a fresh draw long enough to be searched for.
    for (const a of attacks) assert.ok(a.planted.some((p) => p.length >= 8), `${a.cls}/${a.name} plants nothing searchable`);
  });

  test('every run completed (no pipeline error masks a result)', () => {
    assert.deepEqual(errors, []);
  });

  for (const mode of MODES) {
    test(`${mode}: no 8-character window of any planted value reaches a cloud request`, () => {
      const mine = leaks.filter((l) => l.mode === mode);
      assert.equal(mine.length, 0, `${mine.length} leaks:\n${mine.map((l) => `  ${l.cls}/${l.name} [${l.position}, ${l.provider}, route ${l.route}] window ${JSON.stringify(l.window)}`).join('\n')}`);
    });
  }

  // Scan-then-trim: a context one window long, ending in a PuTTY key, trimmed so the cut lands on every line from
  // the MAC back into the private lines. Whatever survives the trim must still be recognised. The model's window
  // is shrunk to 16k tokens (a price-table override, as `hybrid.pricing` would): the trim, the gate and the cut
  // positions are the same as with the real window, and the context is 64 KB instead of several MB.
  test('Ask (cloud): a PuTTY key cut by the context trim at any line leaks nothing', async function () {
    const rng = new RedRng(SEED + 2);
    const question = 'Why does this configuration fail to load?';
    const model = DEFAULT_SETTINGS['cloud.model'];
    const price = findModel(model, BUNDLED_PRICES);
    assert.ok(price, `no price entry for ${model}`);
    const prices = withOverrides(BUNDLED_PRICES, { [model]: { input: price.input, output: price.output, contextWindow: TRIM_WINDOW } });
    const window = contextWindowOf(model, prices) ?? 128_000;
    assert.equal(window, TRIM_WINDOW);
    const budgetTokens = window - 1024 - Math.ceil((systemPromptFor('ask') + question).length / 4) - 64;
    const line = (): string => `// ${rng.str('abcdefghij klmnop', 60)}`;
    const filler = Array.from({ length: Math.ceil((budgetTokens * 4) / 64) + 40 }, line);
    const rig = await RedTeamRig.start({ priceTable: prices });
    const cutLeaks: string[] = [];
    try {
      for (let cut = 1; cut <= 17; cut += 2) {
        const priv = Array.from({ length: 14 }, () => rng.mixed(B64, 64));
        const key = ['PuTTY-User-Key-File-3: ssh-rsa', 'Encryption: none', 'Comment: deploy@ci', 'Public-Lines: 2', rng.mixed(B64, 64), rng.mixed(B64, 64),
          'Private-Lines: 14', ...priv, `Private-MAC: ${rng.hex(64)}`];
        const keyChars = key.join('\n').length + 1;
        const fillerLines = Math.floor((budgetTokens * 4 + cut * 64 - keyChars) / 64);
        const text = [...filler.slice(0, fillerLines), ...key].join('\n');
        // The context must overflow the budget, or nothing was cut.
        assert.ok(Math.ceil(text.length / 4) > budgetTokens, `cut ${cut}: context fits, the trim would not run`);
        const probe: Probe = { question, context: [{ source: 'file', path: 'src/generated/bundle.ts', text }] };
        const res = await rig.run(probe, 'askCloud', cut % 4 === 1 ? 'anthropic' : 'openai');
        const w = leakedWindow(betrayingWindows(priv, filler.join('\n')), res.cloudTexts);
        if (w !== undefined) cutLeaks.push(`cut ~${cut} lines from the end: window ${JSON.stringify(w)}`);
      }
    } finally {
      await rig.close();
    }
    console.log(`scan-then-trim: ${cutLeaks.length} of 9 cut positions leaked`);
    assert.deepEqual(cutLeaks, []);
  });

  test('benign near-misses: none blocked or redacted in Ask (cloud)', () => {
    assert.equal(falsePositives.length, 0, `false positives ${falsePositives.length}/${benign.length}:\n${falsePositives
      .map((f) => `  ${f.cls}/${f.name}: route ${f.route} redactions ${JSON.stringify(f.redactions)}`).join('\n')}`);
  });
});

function report(attacks: Attack[], benign: Benign[], leaks: Leak[], fps: FalsePositive[], keptLocal: string[], cloudBound: number): void {
  const classes = [...new Set(attacks.map((a) => a.cls))];
  const rows: Array<[string, ...number[]]> = classes.map((c) => {
    const n = attacks.filter((a) => a.cls === c).length;
    const lc = leaks.filter((l) => l.cls === c && l.mode === 'askCloud').length;
    const la = leaks.filter((l) => l.cls === c && l.mode === 'askAuto').length;
    return [c, n, lc, la, Math.round((100 * (n - new Set(leaks.filter((l) => l.cls === c).map((l) => l.name)).size)) / n)];
  });
  const total = attacks.length;
  const leakedCases = new Set(leaks.map((l) => `${l.cls}/${l.name}`)).size;
  rows.push(['TOTAL', total, leaks.filter((l) => l.mode === 'askCloud').length, leaks.filter((l) => l.mode === 'askAuto').length, Math.round((100 * (total - leakedCases)) / total)]);
  const lines = [
    '',
    table('privacy red team — leaks by class (Ask (cloud) redact / Ask (auto) complex)', rows, ['class', 'cases', 'leak cloud', 'leak auto', 'held %']),
    `runs that reached a cloud fake: ${cloudBound} of ${attacks.length * 2}`,
    `benign near-misses blocked or redacted in Ask (cloud): ${fps.length}/${benign.length} = ${((100 * fps.length) / benign.length).toFixed(1)} %`,
    `benign near-misses kept local by Ask (auto) with a complex question: ${keptLocal.length}/${benign.length}`,
  ];
  if (leaks.length > 0) lines.push('leaked cases:', ...[...new Set(leaks.map((l) => `  ${l.cls}/${l.name} [${l.position}] ${l.mode}`))]);
  if (fps.length > 0) lines.push('false positives:', ...fps.map((f) => `  ${f.cls}/${f.name}: ${f.route} ${JSON.stringify(f.redactions)}`));
  if (keptLocal.length > 0) lines.push('benign kept local (auto):', ...keptLocal.map((k) => `  ${k}`));
  console.log(lines.join('\n'));
}
