// Issue #21 item 4: personal data in file names. A path leaves as a context label — the fence header of an attached
// selection, a repo-map entry, a definition's header — and an SSN, e-mail or phone glued to a word with `_`, `-`
// or `.` must be found there like anywhere else: Ask (auto) stays local, Ask (cloud) sends the label with the value
// redacted in every place it appears (or blocks in block mode). Each variant has a benign twin that must pass
// untouched. Values are drawn at test time.

import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { ContextItem } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { RedRng } from '../../fixtures/privacy/redteam/rng';
import { scriptedProvider } from '../pipeline/scriptedProvider';

const rng = new RedRng(0x21_4);
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
function ssn(sep: string): string {
  let area = rng.int(1, 665);
  if (area === 666) area = 667;
  return `${pad(area, 3)}${sep}${pad(rng.int(1, 99), 2)}${sep}${pad(rng.int(1, 9999), 4)}`;
}
const nanp = (sep: string): string => `${rng.int(2, 9)}${rng.digits(2)}${sep}${rng.int(2, 9)}${rng.digits(2)}${sep}${rng.digits(4)}`;
const email = (): string => `${rng.pick(['jane.doe', 'li.wei', 'oskar', 'p.nair'])}${rng.int(1, 99)}@${rng.pick(['acme-corp.com', 'globex.de', 'mail.initech.io'])}`;

interface Variant { name: string; path: string; value: string; twin: string }

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const glue of ['_', '-', '.']) {
    const s = ssn('-');
    out.push({ name: `SSN after "${glue}"`, path: `reports/customers${glue}${s}.csv`, value: s, twin: `reports/customers${glue}2024-05-17.csv` });
    const s2 = ssn('-');
    out.push({ name: `SSN before "${glue}" as a folder`, path: `exports/${s2}${glue}profile/summary.ts`, value: s2, twin: `exports/v2${glue}profile/summary.ts` });
    const bare = ssn('');
    out.push({ name: `bare SSN after "ssn${glue}"`, path: `hr/ssn${glue}${bare}.json`, value: bare, twin: `hr/ssn${glue}schema.json` });
    const e = email();
    out.push({ name: `e-mail after "${glue}" with an extension`, path: `cv/applicant${glue}${e}.md`, value: e.split('@')[1], twin: `cv/applicant${glue}logo@2x.png` });
    const p = nanp(glue === '_' ? '-' : glue);
    out.push({ name: `NANP phone after "${glue}"`, path: `calls/log${glue}${p}.txt`, value: p, twin: `calls/log${glue}2024.10.17.txt` });
    const intl = `+44${glue === '.' ? '-' : glue}20${glue === '.' ? '-' : glue}${rng.digits(4)}${glue === '.' ? '-' : glue}${rng.digits(4)}`;
    out.push({ name: `international phone glued with "${glue}"`, path: `crm/contact${glue}${intl}.vcf`, value: intl.slice(-4), twin: `crm/contact${glue}v44${glue}20.vcf` });
  }
  const paren = `(${rng.int(2, 9)}${rng.digits(2)})-${rng.int(2, 9)}${rng.digits(2)}-${rng.digits(4)}`;
  out.push({ name: 'phone with an area code in brackets', path: `calls/from-${paren}.wav`, value: paren.slice(-4), twin: 'calls/from-(unknown)-caller.wav' });
  return out;
}

async function ask(origin: AskInput['origin'], context: ContextItem[], settings: Partial<HybridSettings> = {}) {
  const local = scriptedProvider('ollama', 'local');
  const cloud = scriptedProvider('anthropic', 'cloud');
  let n = 0;
  const deps = createAskDeps({
    settings: { ...DEFAULT_SETTINGS, ...settings }, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }), record: async () => undefined, confirm: async () => true, newId: () => `r${++n}`,
  });
  const events: AskEvent[] = [];
  const question = 'How should this module be split into services? Compare a layered design with hexagonal architecture and the trade-offs for testing and scaling.';
  for await (const e of runAsk(deps, { origin, kind: 'ask', question, context }, new AbortController().signal)) events.push(e);
  return { events, local, cloud };
}

/** The same path as three labels: an attached selection, a definition from it, and its repo-map entry. */
function labelled(path: string): ContextItem[] {
  return [
    { source: 'selection', path, language: 'typescript', text: 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);', startLine: 3, endLine: 3 },
    { source: 'snippet', path: 'repo map', text: `${path}:\n  3: export const total = (xs: number[]) => number\nsrc/app.ts:\n  1: export function main(): void\n` },
  ];
}

suite('personal data in file names (issue #21 item 4)', () => {
  for (const v of variants()) {
    test(`${v.name}: found in the bare path and in a fence header; the twin is quiet`, () => {
      assert.ok(scanSensitive(v.path).some((f) => f.category === 'pii'), `${v.path} not found`);
      assert.ok(scanSensitive('```ts ' + v.path + ':3-3\nconst a = 1;\n```').some((f) => f.category === 'pii'), `${v.path} not found as a fence label`);
      assert.deepEqual(scanSensitive(v.twin).map((f) => f.kind), [], `benign twin ${v.twin}`);
      assert.deepEqual(scanSensitive(`${v.twin}:\n  3: export const total = (xs: number[]) => number\n`).map((f) => f.kind), [], `benign twin ${v.twin} as a map entry`);
    });

    test(`${v.name}: Ask (auto) stays local; Ask (cloud) sends every label with the value redacted; block mode sends nothing`, async () => {
      const auto = await ask('askAuto', labelled(v.path));
      assert.equal(auto.cloud.calls.length, 0, `Ask (auto) sent ${v.path} to the cloud`);
      assert.equal(auto.local.calls.length, 1);

      const cloud = await ask('askCloud', labelled(v.path));
      assert.equal(cloud.cloud.calls.length, 1);
      const wire = JSON.stringify(cloud.cloud.calls[0]);
      assert.ok(!wire.includes(v.value), `the value from ${v.path} reached the cloud: ${wire.slice(0, 400)}`);
      // Both labels (fence header and map entry) were redacted, not one of them.
      assert.ok((wire.match(/\[REDACTED:[a-z-]+\]/g) ?? []).length >= 2, `not every label was redacted: ${wire.slice(0, 600)}`);

      const blocked = await ask('askCloud', labelled(v.path), { 'privacy.onCloudFindings': 'block' });
      assert.equal(blocked.cloud.calls.length, 0, 'block mode sent the request');
    });

    test(`benign twin of ${v.name}: Ask (cloud) sends the labels unchanged and Ask (auto) goes to the cloud`, async () => {
      const cloud = await ask('askCloud', labelled(v.twin));
      assert.equal(cloud.cloud.calls.length, 1);
      const wire = JSON.stringify(cloud.cloud.calls[0]);
      assert.doesNotMatch(wire, /\[REDACTED:/);
      assert.ok(wire.includes(JSON.stringify(v.twin).slice(1, -1)), 'the benign label was changed');
      const auto = await ask('askAuto', labelled(v.twin));
      assert.equal(auto.cloud.calls.length, 1, `a benign path kept Ask (auto) local: ${v.twin}`);
    });
  }

  test('a URL\'s user name is not read as a mailbox in a name (https://user@host/path stays quiet)', () => {
    assert.deepEqual(scanSensitive('clone https://build@github.com/acme/app_2024-10-17.git').map((f) => f.kind), []);
  });
});
