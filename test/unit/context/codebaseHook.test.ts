// The context-provider hook (src/vscode/context/codebaseContext.ts) with an in-memory index: when it attaches,
// what it leaves out ("Ask again without …", private paths, markers), and the chat message that asks for it.
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { buildCodebaseContext, RepoIndex, REPO_MAP_PATH } from '../../../src/core/context';
import type { AskInput } from '../../../src/core/pipeline/ask';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { isFromChat } from '../../../src/shared/protocol/chat';
import { createCodebaseHook } from '../../../src/vscode/context/codebaseContext';
import type { CodebaseIndexService, CodebaseQuery } from '../../../src/vscode/context/codebaseIndex';

const FILES: Record<string, string> = {
  'billing/charge.ts': 'export function chargeInvoice(inv: Invoice) {\n  return issueInvoice(inv.id);\n}\n',
  'billing/invoice.ts': 'export function issueInvoice(id: string) {\n  return { id };\n}\n',
  'secrets/vault.ts': 'export function vaultBillingKey() {\n  return issueInvoice("k");\n}\n',
  'billing/ledger.ts': '// CONFIDENTIAL\nexport function ledgerTotals() {\n  return issueInvoice("l");\n}\n',
};

function fakeIndex(seen: CodebaseQuery[] = []): CodebaseIndexService {
  const index = new RepoIndex();
  for (const [path, text] of Object.entries(FILES)) {
    const name = /function (\w+)/.exec(text)![1];
    index.set(path, { stamp: '1', defs: [{ name, kind: 'function', startLine: 1, endLine: 3, signature: text.split('\n')[0] }], refs: { issueInvoice: 1 } });
  }
  return {
    async context(q: CodebaseQuery) {
      seen.push(q);
      // What the real service does at index time: marked files never enter the index.
      for (const [p, t] of Object.entries(FILES)) if (q.isPrivateContent(t)) index.delete(p);
      return buildCodebaseContext(index, { question: q.question, openPath: q.openPath }, {
        mapTokens: q.mapTokens, definitionTokens: q.definitionTokens, isPrivate: q.isPrivate, countTokens: q.countTokens,
        readLines: async (p) => FILES[p]?.split('\n'),
      });
    },
  } as unknown as CodebaseIndexService;
}

function hook(settings: Partial<HybridSettings> = {}, index = fakeIndex()) {
  const s = { ...DEFAULT_SETTINGS, ...settings } as HybridSettings;
  const warnings: string[] = [];
  const logger = { trace() {}, debug() {}, info() {}, warn: (m: string) => { warnings.push(m); }, error() {} };
  return {
    warnings,
    run: createCodebaseHook(index, {
      settings: () => s, pathPolicy: () => createPathPolicy({ privateGlobs: s['privacy.privateGlobs'] }),
      estimateTokens: (t) => Math.ceil(t.length / 4), logger,
    }),
  };
}

const ask = (question: string, extra: Partial<AskInput> = {}): AskInput => ({ origin: 'askCloud', kind: 'ask', question, context: [], ...extra });
const sent = (i: AskInput) => i.context.map((c) => `${c.path}\n${c.text}`).join('\n');

suite('context: the codebase hook before the pipeline', () => {
  test('an architecture question to Ask (cloud) gets the map and definitions, with a route-reason line', async () => {
    const out = await hook().run(ask('How should we split the billing module into its own package?'));
    assert.equal(out.context[0].path, REPO_MAP_PATH);
    assert.match(sent(out), /chargeInvoice/);
    assert.match(out.contextNotes!.join('\n'), /^attached a repo map of 2 files, ~[\d,]+ tokens/);
  });

  test('private paths and marked files contribute nothing', async () => {
    const out = await hook().run(ask('What is the architecture of billing? #codebase'));
    assert.doesNotMatch(sent(out), /secrets\/|vaultBillingKey|ledger|ledgerTotals|CONFIDENTIAL/);
  });

  test('Explain Route previews the same attachments Ask (auto) would send', async () => {
    const q = 'How should we split the billing module into its own package?';
    const preview = await hook().run(ask(q, { origin: 'explainRoute', dryRun: true }));
    const real = await hook().run(ask(q, { origin: 'askAuto' }));
    assert.deepEqual(preview.context.map((c) => [c.path, c.startLine, c.endLine]), real.context.map((c) => [c.path, c.startLine, c.endLine]));
  });

  test('no map for simple questions, Ask (private), reviews, or with hybrid.context.codebase = off', async () => {
    const h = hook();
    for (const input of [ask('rename this variable'), ask('What is the architecture here?', { origin: 'askPrivate' }),
      ask('What is the architecture here?', { kind: 'review' })]) {
      assert.equal(await h.run(input), input);
    }
    const off = ask('What is the architecture here?');
    assert.equal(await hook({ 'context.codebase': 'off' }).run(off), off);
  });

  test('"Ask again without …" leaves out a removed file, or the whole map, and says so', async () => {
    const without = await hook().run(ask('Architecture of billing?', { excludePaths: ['billing/invoice.ts'] }));
    assert.doesNotMatch(sent(without), /billing\/invoice\.ts|function issueInvoice/);
    assert.match(without.contextNotes!.join('\n'), /left out at your request: billing\/invoice\.ts/);
    const noMap = await hook().run(ask('Architecture of billing?', { excludePaths: [REPO_MAP_PATH] }));
    assert.ok(noMap.context.every((c) => c.path !== REPO_MAP_PATH));
  });

  test('a failing index costs the map, not the answer', async () => {
    const broken = { context: async () => { throw new Error('wasm missing'); } } as unknown as CodebaseIndexService;
    const h = hook({}, broken);
    const input = ask('What is the architecture here?');
    const out = await h.run(input);
    assert.deepEqual(out.context, input.context);
    assert.match(out.contextNotes!.join(' '), /no repo map/);
    assert.match(h.warnings.join(' '), /wasm missing/);
  });

  test('the chat message asking again without context is validated', () => {
    assert.equal(isFromChat({ type: 'askWithout', turnId: 't1', paths: ['repo map', 'src/a.ts'] }), true);
    for (const bad of [
      { type: 'askWithout', turnId: 't1', paths: [] },
      { type: 'askWithout', turnId: '../x', paths: ['a'] },
      { type: 'askWithout', turnId: 't1', paths: [''] },
      { type: 'askWithout', turnId: 't1', paths: [5] },
      { type: 'askWithout', turnId: 't1', paths: 'a' },
      { type: 'askWithout', turnId: 't1', paths: ['x'.repeat(1001)] },
      { type: 'askWithout', turnId: 't1', paths: Array.from({ length: 101 }, (_, i) => `f${i}`) },
      { type: 'askWithout', turnId: 't1', paths: ['a'], extra: 1 },
    ]) assert.equal(isFromChat(bad), false, JSON.stringify(bad).slice(0, 80));
  });
});
