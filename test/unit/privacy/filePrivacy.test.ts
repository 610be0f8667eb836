// Issue #21 item 0: a file's privacy covers every part of it. The whole-file judge (path rules, .aiignore, a marker
// anywhere), its cache, and the pipeline through the real classifier, router and gate: a selection below a
// `// CONFIDENTIAL` header (the header not selected) never reaches the cloud provider, with benign twins.

import * as assert from 'node:assert/strict';
import { FilePrivacyCache, judgeFile, withFilePrivacy, type FileRules } from '../../../src/core/privacy/filePrivacy';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { ChatBody } from '../../../src/core/wire/types';
import type { ContextItem } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { scriptedProvider } from '../pipeline/scriptedProvider';

const rules: FileRules = { pathPolicy: createPathPolicy({ privateGlobs: ['internal/**'], aiignore: 'vendor-contracts/\n' }), markers: DEFAULT_SETTINGS['privacy.markers'] };

/** Code with nothing sensitive in it, so only the file's verdict can keep it local. */
function body(tag: string): string {
  return [`export function settle${tag}(ledger: Ledger, day: Date): Batch {`, '  const open = ledger.entries.filter((e) => !e.closed);',
    '  return { day, total: open.reduce((a, e) => a + e.amount, 0), count: open.length };', '}', ''].join('\n');
}

const MARKED: Record<string, string> = {
  'line comment header': `// CONFIDENTIAL\n\n${body('A')}`,
  'block comment notice': `/*\n * Proprietary and Confidential.\n * Copyright Acme Corp.\n */\n${body('B')}`,
  'marker at the end of the file': `${body('C')}\n// INTERNAL USE ONLY\n`,
  'hash comment in the middle': `${body('D')}# __CONFIDENTIAL__\n${body('E')}`,
  'zero-width character inside the word': `// CONFI\u200BDENTIAL\n${body('F')}`,
  'Cyrillic look-alike letter': `// CONFIDENTI\u0410L\n${body('G')}`,
  'HTML comment': `<!-- PROPRIETARY -->\n${body('P')}`,
  'SQL comment': `-- Internal use only\n${body('Q')}`,
  'Python docstring': `"""\nCONFIDENTIAL: Acme pricing engine\n"""\n${body('R')}`,
  'marker 1,800 lines below the selection': `${body('S')}${'const filler = 1;\n'.repeat(1800)}// CONFIDENTIAL\n`,
};

const BENIGN: Record<string, string> = {
  'the word in prose': `// keep this confidential between us? no — it is public sample code\n${body('H')}`,
  'an identifier that contains it': `const CONFIDENTIAL_FIELDS = ['ssn'];\n${body('I')}`,
  'a camel-case property': `if (doc.isConfidential) hide(doc);\n${body('J')}`,
  'a key, not a notice': `const flags = { confidential: true };\n${body('K')}`,
  'a question in a string': `const prompt = 'Mark this document as confidential?';\n${body('T')}`,
  'the word lower-case in a sentence comment': `// this used to be internal use only, now open-sourced under MIT\n${body('U')}`,
};

/** The selection: the last lines of the file, never the line that carries the marker. */
function selectionOf(file: string, text: string): ContextItem {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('export function settle'));
  const part = lines.slice(from, from + 4).join('\n');
  assert.ok(!/confidential|proprietary|internal use/i.test(part.normalize('NFKC')), 'the selection itself carries no marker');
  return withFilePrivacy({ source: 'selection', path: file, language: 'typescript', text: part, startLine: from + 1, endLine: from + 4 },
    judgeFile(file, text, rules));
}

async function ask(origin: AskInput['origin'], context: ContextItem[], question: string) {
  const local = scriptedProvider('ollama', 'local');
  const cloud = scriptedProvider('anthropic', 'cloud');
  let n = 0;
  const deps = createAskDeps({
    settings: DEFAULT_SETTINGS, pathPolicy: rules.pathPolicy, priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }), record: async () => undefined, confirm: async () => true, newId: () => `r${++n}`,
  });
  const events: AskEvent[] = [];
  for await (const e of runAsk(deps, { origin, kind: 'ask', question, context }, new AbortController().signal)) events.push(e);
  return { events, local, cloud };
}

const ARCHITECTURE = 'How should we restructure this settlement module into services — compare event sourcing against a batch design, with the trade-offs for consistency, failure recovery and scaling.';

suite('a file\'s privacy covers every part of it (issue #21 item 0)', () => {
  for (const [name, text] of Object.entries(MARKED)) {
    test(`${name}: the whole file is private, and the reason names the marker and its line`, () => {
      const v = judgeFile('src/settle.ts', text, rules);
      assert.equal(v.private, true);
      if (v.private) {
        assert.equal(v.kind, 'marker');
        assert.match(v.reason, /marker \(line \d+\)/);
      }
    });

    test(`${name}: Ask (auto) with an architecture question stays local; Ask (cloud) is refused with Retry on local`, async () => {
      const item = selectionOf('src/settle.ts', text);
      const auto = await ask('askAuto', [item], ARCHITECTURE);
      assert.equal(auto.cloud.calls.length, 0, 'Ask (auto) sent a private file\'s selection to the cloud');
      assert.equal(auto.local.calls.length, 1);
      const route = auto.events.find((e) => e.type === 'route') as Extract<AskEvent, { type: 'route' }>;
      assert.match(route.reasons[0], /^local: src\/settle\.ts is a private file: it carries a .*marker \(line \d+\)/);

      const cloud = await ask('askCloud', [item], ARCHITECTURE);
      assert.equal(cloud.cloud.calls.length + cloud.local.calls.length, 0, 'Ask (cloud) sent something');
      const err = cloud.events.find((e) => e.type === 'error') as Extract<AskEvent, { type: 'error' }>;
      assert.match(err.message, /src\/settle\.ts is a private file/);
      assert.ok(err.fixes.includes('retryLocal'), err.fixes.join(', '));
    });
  }

  for (const [name, text] of Object.entries(BENIGN)) {
    test(`benign twin, ${name}: the file is not private and the same question goes to the cloud`, async () => {
      assert.deepEqual(judgeFile('src/settle.ts', text, rules), { private: false });
      const item = selectionOf('src/settle.ts', text);
      const auto = await ask('askAuto', [item], ARCHITECTURE);
      assert.equal(auto.cloud.calls.length, 1, 'a benign file was kept local');
    });
  }

  test('a marker the user configured (hybrid.privacy.markers) covers the file too; without it the file is public', () => {
    const text = `# ACME-RESTRICTED\n${body('V')}`;
    const v = judgeFile('src/pricing.py', text, { ...rules, markers: [...rules.markers, 'ACME-RESTRICTED'] });
    assert.equal(v.private && v.kind, 'marker');
    assert.deepEqual(judgeFile('src/pricing.py', text, rules), { private: false });
  });

  test('a marked file whose name holds an SSN: the reasons (which the ledger keeps) name it redacted', async () => {
    const ssn = `${100 + Math.floor(Math.random() * 500)}-${10 + Math.floor(Math.random() * 89)}-${1000 + Math.floor(Math.random() * 8999)}`;
    const item = selectionOf(`exports/customers_${ssn}.ts`, MARKED['line comment header']);
    const { events } = await ask('askCloud', [item], ARCHITECTURE);
    const text = JSON.stringify(events);
    assert.ok(!text.includes(ssn), 'the SSN from the file name is in the reasons');
    assert.match(text, /customers_\[REDACTED:us-ssn\]\.ts is a private file/);
  });

  test('path rules, the deny-list and .aiignore judge the file the part comes from', () => {
    for (const p of ['internal/ledger.ts', 'config/.env.production', 'vendor-contracts/terms.ts', '/home/me/app/secrets/keys.ts']) {
      const v = judgeFile(p, body('L'), rules);
      assert.equal(v.private && v.kind, 'path', p);
    }
    assert.deepEqual(judgeFile('src/ledger.ts', body('M'), rules), { private: false });
  });

  test('a file too large to check fails closed; no markers configured means only the path decides', () => {
    const big = judgeFile('src/huge.ts', 'x'.repeat(4 * 1024 * 1024 + 1), rules);
    assert.equal(big.private && big.kind, 'unscannable');
    assert.deepEqual(judgeFile('src/settle.ts', MARKED['line comment header'], { ...rules, markers: [] }), { private: false });
  });

  test('the gate blocks a marked item on its own, even if the router had let it through', async () => {
    const item = selectionOf('src/settle.ts', MARKED['line comment header']);
    const deps = createAskDeps({
      settings: DEFAULT_SETTINGS, pathPolicy: rules.pathPolicy, priceTable: BUNDLED_PRICES,
      local: () => scriptedProvider('ollama', 'local'), cloud: async () => scriptedProvider('anthropic', 'cloud'), countTokens: async () => 1,
      budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
      health: () => ({ local: 'ready', cloud: 'ready' }), record: async () => undefined, confirm: async () => true, newId: () => 'x',
    });
    const b: ChatBody = { model: 'm', system: 's', messages: [{ role: 'user', content: item.text }], maxTokens: 10 };
    const out = deps.gate(b, ['src/settle.ts'], ['src/settle.ts']);
    assert.equal(out.ok, false);
    if (!out.ok) assert.match(out.reason, /^Nothing was sent: src\/settle\.ts is a private file/);
    assert.equal(deps.gate(b, ['src/settle.ts']).ok, true, 'without the mark the same text is clean (the mark is what keeps it)');
  });

  test('the cache judges once per key and rules; a new version or new rules are judged again', () => {
    const cache = new FilePrivacyCache(2);
    let reads = 0;
    const read = (t: string) => () => { reads++; return t; };
    const a = cache.judge('doc@1', 'r1', 'src/a.ts', read(MARKED['line comment header']), rules);
    cache.judge('doc@1', 'r1', 'src/a.ts', read('changed'), rules);
    assert.equal(reads, 1);
    assert.equal(a.private, true);
    assert.deepEqual(cache.judge('doc@2', 'r1', 'src/a.ts', read(body('N')), rules), { private: false });
    assert.equal(cache.judge('doc@2', 'r2', 'src/a.ts', read(MARKED['line comment header']), rules).private, true);
    assert.equal(reads, 3);
    // Capacity 2: the oldest entry (doc@1) was dropped and is judged again.
    cache.judge('doc@1', 'r1', 'src/a.ts', read(body('O')), rules);
    assert.equal(reads, 4);
  });
});
