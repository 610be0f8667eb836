// The pure halves of `@hybrid` and the model provider: feature detection (absent API → nothing registered), the
// editor's message parts told apart by shape, picker requests as Asks, and what the Chat view shows per event.
import * as assert from 'node:assert/strict';
import { closingButtons, participantQuery, renderEvent } from '../../../src/core/native/chatRender';
import { HYBRID_MODELS, liftAttachments, lmRequestToAsk, originOfModel, toolReadPath } from '../../../src/core/native/lmMessages';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { lmRegistration, nativeSupport, partShape, toolResultText } from '../../../src/vscode/native/features';

class TextPart { constructor(public value: string) {} }
class ToolCallPart { constructor(public callId: string, public name: string, public input: object) {} }
class ToolResultPart { constructor(public callId: string, public content: unknown[]) {} }

suite('native: feature detection', () => {
  test('VS Code 1.96 shape (chat participants, no model-provider API) → participant only', () => {
    const api = { chat: { createChatParticipant: () => ({}) }, lm: { selectChatModels: () => [] }, LanguageModelTextPart: TextPart, LanguageModelToolCallPart: ToolCallPart };
    assert.deepEqual(nativeSupport(api), { participant: true, modelProvider: false });
    assert.equal(lmRegistration(api), undefined);
  });

  test('an editor without either API → nothing is registered', () => {
    assert.deepEqual(nativeSupport({}), { participant: false, modelProvider: false });
    assert.equal(lmRegistration({ lm: {} }), undefined);
  });

  test('a current editor → both, and the registration reaches the editor\'s function', () => {
    const seen: string[] = [];
    const api = {
      chat: { createChatParticipant: () => ({}) },
      lm: { registerLanguageModelChatProvider: (vendor: string) => { seen.push(vendor); return { dispose() {} }; } },
      LanguageModelTextPart: TextPart, LanguageModelToolCallPart: ToolCallPart,
    };
    assert.deepEqual(nativeSupport(api), { participant: true, modelProvider: true });
    lmRegistration(api)!('hybrid', {} as never);
    assert.deepEqual(seen, ['hybrid']);
  });
});

suite('native: message parts', () => {
  test('text, tool call, tool result and data parts are told apart by shape', () => {
    assert.deepEqual(partShape(new TextPart('hi')), { kind: 'text', text: 'hi' });
    assert.equal(partShape(new ToolCallPart('c1', 'read_file', { filePath: 'a' })).kind, 'toolCall');
    assert.equal(partShape(new ToolResultPart('c1', [new TextPart('x')])).kind, 'toolResult');
    assert.equal(partShape({ mimeType: 'text/plain', data: new TextEncoder().encode('d') }).kind, 'data');
    assert.equal(partShape(42).kind, 'other');
  });

  test('a prompt-tsx tool result yields its text with real line breaks (so KEY=value lines stay lines)', () => {
    const tsx = { value: { node: { type: 1, children: [{ type: 2, text: 'A=1', priority: 1 }, { type: 2, text: 'B=2', lineBreakBefore: true }] } } };
    assert.equal(toolResultText([tsx]), 'A=1\nB=2');
    assert.equal(toolResultText([new TextPart('one'), { mimeType: 'application/json', data: new TextEncoder().encode('{"a":1}') }]), 'one\n{"a":1}');
  });
});

suite('native: picker requests as Asks', () => {
  test('the three models map to the three Ask modes', () => {
    assert.deepEqual(HYBRID_MODELS.map((m) => m.name), ['Hybrid Auto', 'Hybrid Private', 'Hybrid Cloud']);
    assert.equal(originOfModel('hybrid-cloud'), 'askCloud');
    assert.equal(originOfModel('nope'), undefined);
  });

  test('question = latest user text; before it history, after it the agent steps with the files their tools read', () => {
    const input = lmRequestToAsk([
      { role: 'user', parts: [{ kind: 'text', text: 'first question' }] },
      { role: 'assistant', parts: [{ kind: 'text', text: 'first answer' }] },
      { role: 'user', parts: [{ kind: 'text', text: 'what is in the config?' }] },
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'read_file', input: '{"filePath":"/ws/.env"}' } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: 'X=1' }] },
    ], 'askAuto', [{ name: 'read_file', description: 'd' }], (p) => p.replace('/ws/', ''));
    assert.equal(input.question, 'what is in the config?');
    assert.deepEqual(input.history?.map((t) => t.content), ['first question', 'first answer']);
    assert.equal(input.steps?.length, 2);
    assert.deepEqual(input.steps?.[1].toolResults, [{ callId: 'c1', content: 'X=1', path: '.env' }]);
    assert.equal(input.tools?.length, 1);
  });

  test('tool arguments name the file in the usual keys; attachments become context items', () => {
    assert.equal(toolReadPath({ id: '1', name: 'read_file', input: '{"filePath":"/a/b.ts"}' }), '/a/b.ts');
    assert.equal(toolReadPath({ id: '1', name: 'x', input: '{"uri":"file:///a/c.ts"}' }), '/a/c.ts');
    assert.equal(toolReadPath({ id: '1', name: 'grep', input: '{"query":"x"}' }), undefined);
    const lifted = liftAttachments('<attachments>\n<attachment id="a" filePath="/ws/a.ts">\nconst a = 1;\n</attachment>\n</attachments>\nWhy?', (p) => p.slice(4));
    assert.equal(lifted.text, 'Why?');
    assert.deepEqual(lifted.context, [{ source: 'file', path: 'a.ts', text: 'const a = 1;\n' }]);
  });
});

suite('native: what @hybrid shows', () => {
  const route: AskEvent = { type: 'route', route: 'cloud', origin: 'askCloud', model: 'claude-sonnet-4-6', provider: 'anthropic', reasons: ['cloud: you chose Ask (cloud)'], context: [], redactions: { 'github-pat': 1 }, estimatedCostUsd: 0.02, likelyCostUsd: 0.004 };

  test('route badge with provider, model, reasons and the redaction summary', () => {
    const md = renderEvent(route, 'cloud').filter((o) => o.kind === 'markdown').map((o) => (o as { text: string }).text).join('');
    assert.match(md, /\$\(cloud\) Cloud\*\* · anthropic · `claude-sonnet-4-6`/);
    assert.match(md, /- cloud: you chose Ask \(cloud\)/);
    assert.match(md, /1 secret redacted/);
  });

  // The badge's emoji drew as an empty box in the test Chromium (no colour-emoji font): codicons, marked for
  // supportThemeIcons only in the badge's own part, so a "$(" elsewhere (a reason, an answer) stays text.
  test('the route badge is a codicon in a theme-icon part, never an emoji; other parts carry no icon flag', () => {
    for (const r of ['local', 'cloud', 'refuse'] as const) {
      const outs = renderEvent({ ...route, route: r, reasons: ['$(zap) from a reason'] } as AskEvent, 'auto');
      const badge = outs[0]!;
      assert.ok(badge.kind === 'markdown' && badge.icons === true && /^\*\*\$\((lock|cloud|circle-slash)\) /.test(badge.text), JSON.stringify(badge));
      assert.doesNotMatch(badge.text, /\p{Extended_Pictographic}/u, badge.text);
      for (const o of outs.slice(1)) assert.ok(o.kind !== 'markdown' || o.icons === undefined, JSON.stringify(o));
    }
    const odd = renderEvent({ ...route, route: 'local', model: 'evil$(zap)', provider: 'p$(x)' } as AskEvent, 'auto')[0]!;
    assert.ok(odd.kind === 'markdown' && !/\$\((zap|x)\)/.test(odd.text), 'a "$(" in a model or provider name stays text');
  });

  test('cost line after the answer; a refusal says "Not sent" and offers Retry on local', () => {
    const done: AskEvent = { type: 'done', status: 'ok', footer: { route: 'cloud', provider: 'anthropic', model: 'm', reasons: [], redactions: {}, usage: { input: 800, output: 90, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0.0037, ttftMs: 100, totalMs: 1400, notes: [] } };
    const [line] = renderEvent(done, 'cloud');
    assert.ok(line.kind === 'markdown' && /\*\*Cost:\*\* \$0\.0037 · 800 in \/ 90 out tokens · 1\.4 s/.test(line.text), JSON.stringify(line));
    const refused = renderEvent({ type: 'error', message: 'Nothing was sent: .env matches a private path.', fixes: ['retryLocal'] }, 'cloud');
    assert.ok(refused.some((o) => o.kind === 'markdown' && o.text.includes('**Not sent:**')));
    assert.ok(refused.some((o) => o.kind === 'button' && o.button.mode === 'private'));
  });

  test('buttons: Ask the cloud after a local answer, Retry on local after a cloud one, Explain route always; queries', () => {
    assert.deepEqual(closingButtons('local', 'auto', []).map((b) => b.title), ['Ask the cloud', 'Explain route']);
    assert.deepEqual(closingButtons('cloud', 'cloud', []).map((b) => b.title), ['Retry on local', 'Explain route']);
    assert.deepEqual(closingButtons('local', 'explain', []), []);
    assert.deepEqual(closingButtons('local', 'auto', [], true).map((b) => b.title), ['Explain route'], 'no cloud offer for a sensitive answer');
    assert.equal(participantQuery('hybrid', 'cloud', 'why?'), '@hybrid /cloud why?');
    assert.equal(participantQuery('hybrid', 'auto', 'why?'), '@hybrid why?');
  });

  test('"Ask the cloud" on an offer names the model it asks and carries the escalation (tier, link to the local answer)', () => {
    const base = { type: 'escalation' as const, requestId: 'r-local-1', band: 'middle' as const, confidence: 0.4, threshold: 0.7,
      headline: 'Not sure? Confidence 0.40 (cloud below 0.70)', thresholdTip: 'tip', summary: 'hedged', reason: 'hedged (below 0.7)' };
    const offered = renderEvent({ ...base, action: 'offered', askModel: 'gpt-5.4-mini' }, 'auto');
    const button = offered.find((o) => o.kind === 'button');
    assert.ok(button && button.kind === 'button');
    assert.equal(button.button.title, 'Ask the cloud (gpt-5.4-mini)');
    assert.deepEqual(button.button.escalateFrom, { id: 'r-local-1', band: 'middle', offered: true });
    const available = renderEvent({ ...base, confidence: 0.9, action: 'available', askModel: 'claude-sonnet-5' }, 'auto').find((o) => o.kind === 'button');
    assert.ok(available && available.kind === 'button');
    assert.equal(available.button.title, 'Ask the cloud (claude-sonnet-5)');
    assert.deepEqual(available.button.escalateFrom, { id: 'r-local-1', band: 'middle' }, 'a manual ask after a confident answer is not the offer');
    // The closing buttons keep the offer's (named) button and add no second, unnamed one.
    assert.deepEqual(closingButtons('local', 'auto', [button.button]).map((b) => b.title), ['Ask the cloud (gpt-5.4-mini)', 'Explain route']);
    assert.ok(renderEvent({ ...base, action: 'unavailable', reason: 'private' }, 'auto').every((o) => o.kind !== 'button'));
  });
});
