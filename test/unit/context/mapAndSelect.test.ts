import * as assert from 'node:assert/strict';
import {
  buildCodebaseContext, INDEX_VERSION, RepoIndex, rankRepo, renderRepoMap, skipReason, updateIndex, wantsCodebase,
  type ListedFile, type TagParser,
} from '../../../src/core/context';

const estimate = (s: string) => Math.ceil(s.length / 4);

function def(name: string, line: number, signature = `function ${name}()`) {
  return { name, kind: 'function', startLine: line, endLine: line + 2, signature };
}

function sample(): RepoIndex {
  const index = new RepoIndex();
  index.set('billing/invoice.ts', { stamp: '1', defs: [def('issueInvoice', 1), def('InvoiceStore', 5, 'interface InvoiceStore')], refs: {} });
  index.set('billing/charge.ts', { stamp: '1', defs: [def('chargeInvoice', 1)], refs: { issueInvoice: 1, InvoiceStore: 2 } });
  index.set('orders/service.ts', { stamp: '1', defs: [def('placeOrder', 1)], refs: { chargeInvoice: 1 } });
  index.set('secrets/keys.ts', { stamp: '1', defs: [def('loadBillingKey', 1)], refs: { issueInvoice: 1 } });
  return index;
}

const lines = (path: string) => Promise.resolve(Array.from({ length: 10 }, (_, i) => `${path} line ${i + 1}`));

suite('context: ranking, map and attached context', () => {
  test('a file used by others outranks one that is not, under the same personalisation', () => {
    const r = rankRepo(sample(), { question: 'how does it work' });
    const order = r.files.map((f) => f.path);
    assert.ok(order.indexOf('billing/invoice.ts') < order.indexOf('orders/service.ts'), order.join(','));
  });

  test('the question and the open file personalise the ranking', () => {
    assert.equal(rankRepo(sample(), { question: 'how would we split the orders service?' }).files[0].path, 'orders/service.ts');
    assert.equal(rankRepo(sample(), { question: 'what about this', openPath: 'billing/charge.ts' }).files[0].path, 'billing/charge.ts');
  });

  test('the map fits its token budget and keeps whole entries', () => {
    const ranking = rankRepo(sample(), { question: 'billing' });
    const full = renderRepoMap(ranking, 10_000, estimate);
    assert.equal(full.files, 4);
    const small = renderRepoMap(ranking, 20, estimate);
    assert.ok(small.tokens <= 20 && small.files >= 1 && small.files < 4);
    for (const entry of small.text.split(/\n(?=\S)/)) assert.match(entry, /^[\w/.]+:\n {2}\d+: /);
  });

  test('private files contribute nothing to the map or the definitions, and the summary counts what was attached', async () => {
    const ctx = await buildCodebaseContext(sample(), { question: 'architecture of billing keys' }, {
      mapTokens: 1500, definitionTokens: 2000, isPrivate: (p) => p.startsWith('secrets/'), readLines: lines, countTokens: estimate,
    });
    const all = ctx.items.map((i) => `${i.path}\n${i.text}`).join('\n');
    assert.doesNotMatch(all, /secrets\/|loadBillingKey/);
    assert.equal(ctx.items[0].path, 'repo map');
    assert.ok(ctx.items.slice(1).every((i) => i.startLine !== undefined && i.endLine !== undefined && i.endLine >= i.startLine));
    assert.match(ctx.summary, /^attached a repo map of 3 files, ~\d+ tokens and \d+ definitions? from \d+ files?$/);
  });

  test('the open file is not repeated as a definition and the definition budget holds', async () => {
    const ctx = await buildCodebaseContext(sample(), { question: 'billing design', openPath: 'billing/charge.ts' }, {
      mapTokens: 1500, definitionTokens: 12, isPrivate: () => false, readLines: lines, countTokens: estimate,
    });
    const defs = ctx.items.slice(1);
    assert.ok(defs.every((d) => d.path !== 'billing/charge.ts'));
    assert.ok(defs.reduce((n, d) => n + estimate(d.text), 0) <= 12);
  });

  test('an index of another version or garbage loads empty (rebuilt, not misread); the current one round-trips', () => {
    const index = sample();
    const json = JSON.parse(JSON.stringify(index));
    assert.equal(RepoIndex.fromJSON(json).files.size, 4);
    assert.equal(RepoIndex.fromJSON({ ...json, version: INDEX_VERSION + 1 }).files.size, 0);
    assert.equal(RepoIndex.fromJSON('nonsense').files.size, 0);
    assert.equal(RepoIndex.fromJSON(null).files.size, 0);
  });

  test('updateIndex parses only new or changed files, removes vanished and private ones, honours cancel', async () => {
    let parses = 0;
    const parser: TagParser = { tags: async () => { parses++; return { defs: [], refs: {} }; } };
    const file = (path: string, stamp: string, text = 'x'): ListedFile => ({ path, stamp, size: text.length, read: async () => text });
    const index = new RepoIndex();
    await updateIndex(index, [file('a.ts', '1'), file('b.py', '1'), file('notes.md', '1')], parser, { isPrivate: () => false, complete: true });
    assert.equal(parses, 2);
    const s = await updateIndex(index, [file('a.ts', '2'), file('b.py', '1'), file('c.go', '1')], parser, { isPrivate: (p) => p === 'c.go', complete: true });
    assert.deepEqual({ parsed: s.parsed, unchanged: s.unchanged, removed: s.removed }, { parsed: 1, unchanged: 1, removed: 0 });
    assert.deepEqual([...index.files.keys()].sort(), ['a.ts', 'b.py']);
    const gone = await updateIndex(index, [file('a.ts', '2')], parser, { isPrivate: () => false, complete: true });
    assert.equal(gone.removed, 1);
    const many = Array.from({ length: 10 }, (_, i) => file(`m${i}.ts`, '1'));
    const c = await updateIndex(new RepoIndex(), many, parser, { isPrivate: () => false, onProgress: (done) => done < 3 });
    assert.ok(c.cancelled && c.parsed === 3);
  });

  test('a file whose content is private (a marker) is left out, and dropped if it becomes so', async () => {
    const parser: TagParser = { tags: async () => ({ defs: [def('f', 1)], refs: {} }) };
    const file = (path: string, stamp: string, text: string): ListedFile => ({ path, stamp, size: text.length, read: async () => text });
    const isPrivateContent = (t: string) => t.includes('CONFIDENTIAL');
    const index = new RepoIndex();
    await updateIndex(index, [file('a.ts', '1', 'export function f() {}'), file('b.ts', '1', '// CONFIDENTIAL\nexport function f() {}')], parser, { isPrivate: () => false, isPrivateContent, complete: true });
    assert.deepEqual([...index.files.keys()], ['a.ts']);
    await updateIndex(index, [file('a.ts', '2', '// CONFIDENTIAL now')], parser, { isPrivate: () => false, isPrivateContent });
    assert.equal(index.files.size, 0);
  });

  test('large, minified and generated files are skipped', () => {
    assert.equal(skipReason('a.ts', 10_000_000), 'over the size cap');
    assert.equal(skipReason('web/app.min.js', 10), 'generated or vendored path');
    assert.equal(skipReason('api/x.pb.go', 10), 'generated or vendored path');
    assert.equal(skipReason('a.go', 100, '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage a'), 'generated file');
    assert.equal(skipReason('a.js', 5000, `var a=${'1,'.repeat(2400)}1;`), 'minified');
    assert.equal(skipReason('src/a.ts', 100, 'export const a = 1;\n'), undefined);
  });

  test('architecture, design, migration and multi-module questions, or #codebase, want the codebase; small edits do not', () => {
    for (const q of ['How should we split the billing module out of this service into separate packages?', 'What is the architecture here?',
      'Plan the migration from Express to Fastify', 'where is this used #codebase']) assert.ok(wantsCodebase(q), q);
    for (const q of ['rename this variable', 'what does this regex do?', 'fix the typo']) assert.ok(!wantsCodebase(q), q);
  });
});
