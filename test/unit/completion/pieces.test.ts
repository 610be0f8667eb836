// The pieces engine.ts was split into, tested on their own: the reuse rules and the FIM request builder.
import * as assert from 'node:assert/strict';
import { cacheHitRecord, suggestionRecord } from '../../../src/core/completion/completionRecords';
import { DEFAULT_ENGINE_OPTIONS, type CompletionSettings } from '../../../src/core/completion/engineTypes';
import { buildFimRequest } from '../../../src/core/completion/fimRequest';
import { canJoin, resultFor, typedAhead, type Flight } from '../../../src/core/completion/flight';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { validateRecord } from '../../../src/core/spend';

const input = (prefix: string, suffix = '\n') => ({ docUri: 'file:///a.ts', languageId: 'typescript', prefix, suffix });

function flight(over: Partial<Flight> = {}): Flight {
  return {
    id: 'cmp-1', docUri: 'file:///a.ts', prefix: 'const total = ', suffix: '\n', key: 'k', mode: 'single', model: 'm',
    controller: new AbortController(), text: '', enough: false, chunks: 0, waiters: 0, graceTimer: undefined,
    startedAt: 0, wallStartedAt: 0, shown: false, listeners: new Set(), sent: true, release: () => undefined, ...over,
  };
}

suite('completion / split pieces', () => {
  test('typed-ahead serves the rest of the last suggestion only while the user types its beginning', () => {
    const recent = { id: 'r', docUri: 'file:///a.ts', prefix: 'const total = ', suffix: '\n', text: 'items.reduce(sum, 0);' };
    assert.deepEqual(typedAhead(recent, input('const total = items.')), { text: 'reduce(sum, 0);', id: 'r', source: 'typed-ahead' });
    assert.equal(typedAhead(recent, input('const total = other')), undefined);
    assert.equal(typedAhead(recent, input('const total = items.', 'x\n')), undefined, 'the suffix changed');
    assert.equal(typedAhead(recent, input('const total = items.reduce(sum, 0);')), undefined, 'nothing left to offer');
  });

  test('a stream is joined when the new prefix extends what it streamed (one character of slack before it arrives)', () => {
    assert.equal(canJoin(flight({ text: 'items' }), input('const total = ite')), true);
    assert.equal(canJoin(flight({ text: '' }), input('const total = i')), true);
    assert.equal(canJoin(flight({ text: '' }), input('const total = it')), false);
    assert.equal(canJoin(flight({ text: 'items', abortReason: 'superseded' }), input('const total = ite')), false);
    assert.deepEqual(resultFor(flight({ final: 'items.length;' }), input('const total = items'), 'reuse'), { text: '.length;', id: 'cmp-1', source: 'reuse' });
    assert.equal(resultFor(flight({ final: 'items.length;', failure: { code: 'timeout', message: 't' } }), input('const total = '), 'model'), undefined);
  });

  test('the FIM request: single-line stops at the newline with a small cap; snippets go before the prefix', () => {
    const s = { ...DEFAULT_SETTINGS, 'completion.useSnippets': true } as CompletionSettings;
    const single = buildFimRequest({ ...input('const total = '), snippets: [{ path: 'b.ts', text: 'export const sum = 1;' }] },
      { prefix: 'const total = ', suffix: '\n' }, s, DEFAULT_ENGINE_OPTIONS);
    assert.equal(single.mode, 'single');
    assert.equal(single.body.maxTokens, 64);
    assert.ok(single.body.stop!.includes('\n'));
    assert.ok(single.body.prefix.endsWith('const total = ') && single.body.prefix.includes('export const sum = 1;'));
    const multi = buildFimRequest(input('function f() {\n'), { prefix: 'function f() {\n', suffix: '\n}\n' }, s, DEFAULT_ENGINE_OPTIONS);
    assert.equal(multi.mode, 'multi');
    assert.equal(multi.body.maxTokens, Math.min(512, 24 * s['completion.maxLines']));
  });

  test('cache-hit and suggestion records are valid ledger records at $0', () => {
    const meta = { model: 'm', language: 'python', latencyMs: 310 };
    const events = (['accepted', 'partial', 'dismissed'] as const).map((o) => suggestionRecord('c1', o, meta, 'ollama', 0));
    for (const r of [cacheHitRecord('c1', 'm', 'ollama', 0), ...events]) {
      assert.doesNotThrow(() => validateRecord(r));
      assert.equal(r.costUsd, 0);
    }
    assert.deepEqual(events.map((r) => r.id), ['c1:accepted', 'c1:partial', 'c1:dismissed']);
  });
});
