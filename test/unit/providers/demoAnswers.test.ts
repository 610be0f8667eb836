// The demo servers answer by kind, so each feature shows what it does (issue #26): code for a completion, a
// finding the review parser turns into a diagnostic, markdown with a code block for a question.
import * as assert from 'node:assert/strict';
import { parseReviewFindings } from '../../../src/core/pipeline/reviewFindings';
import { systemPromptFor, userMessage } from '../../../src/core/pipeline/prompts';
import { demoAnswer } from '../../fakes/demoAnswers';

const CART = [
  'export class Cart {',
  '  applyCoupon(code: string): void {',
  '    if (!/^[A-Z0-9]{6,12}$/.test(code)) throw new Error(`invalid coupon code: ${code}`);',
  '    this.coupon = code;',
  '  }',
  '}',
].join('\n');

suite('demo fakes: answers by kind', () => {
  test('a TypeScript completion is TypeScript code, without the marker', () => {
    const a = demoAnswer({ model: 'm', prompt: 'import x from "y";\nexport function totalWithTax(', suffix: '\n' }, '[fake-ollama]');
    assert.doesNotMatch(a, /fake-ollama/);
    assert.match(a, /\): number \{\n[\s\S]*return /);
  });

  test('a Python completion in a raw FIM prompt is Python', () => {
    const a = demoAnswer({ model: 'm', raw: true, prompt: '<|fim_prefix|>import csv\n\ndef revenue(<|fim_suffix|>\n<|fim_middle|>' }, '[fake-ollama]');
    assert.match(a, /-> int:\n {4}return /);
  });

  test('a private review answer holds a finding on the reviewed line', () => {
    const item = { source: 'selection' as const, path: 'src/cart.ts', language: 'typescript', text: CART, startLine: 24, endLine: 29 };
    const body = { model: 'm', messages: [{ role: 'system', content: systemPromptFor('review') }, { role: 'user', content: userMessage('Review this code.', [item]) }] };
    const findings = parseReviewFindings(demoAnswer(body, '[fake-ollama]'), { startLine: 24, endLine: 29 });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].line, 26);
    assert.equal(findings[0].severity, 'warning');
  });

  test('a question is answered in markdown with a code block in the context\'s language (Anthropic body shape)', () => {
    const item = { source: 'file' as const, path: 'src/cart.ts', language: 'typescript', text: CART, startLine: 1, endLine: 6 };
    const a = demoAnswer({ model: 'm', system: systemPromptFor('ask'), messages: [{ role: 'user', content: [{ type: 'text', text: userMessage('What does applyCoupon accept?', [item]) }] }] }, '[fake-anthropic]');
    assert.match(a, /^\[fake-anthropic\] Demo answer about `src\/cart\.ts`/);
    assert.match(a, /```typescript\nexport class Cart \{/);
  });
});
