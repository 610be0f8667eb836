// The adversarial corpus through the Ask pipeline's own pieces: the request as classify() sees it, and the body
// the pipeline builds (prompts.ts) as the egress gate judges it, in every position a value can take (question,
// context, history, file path). Redact mode must leave no 8-character piece of any planted value on the wire;
// Ask (auto) must see every case as sensitive (so it stays local). Figures are printed for the closing note.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { EgressGate, serialisedBody } from '../../../src/core/egress/gate';
import { buildMessages, systemPromptFor } from '../../../src/core/pipeline/prompts';
import type { ChatBody } from '../../../src/core/providers/types';
import type { ContextItem, Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { attacks, benign, type AttackCase } from '../../fixtures/privacy/adversarial';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const pathPolicy = createPathPolicy({ privateGlobs: [] });
type Position = 'question' | 'context' | 'history' | 'path';

function place(c: AttackCase, pos: Position): { question: string; context: ContextItem[]; history: { role: 'user' | 'assistant'; content: string }[] } {
  const ctx = (text: string, path = 'src/app.ts'): ContextItem => ({ source: 'file', text, path, language: 'typescript' });
  switch (pos) {
    case 'question': return { question: `Why does this fail?\n${c.text}`, context: [], history: [] };
    case 'context': return { question: 'Why does this fail?', context: [ctx(`// setup\n${c.text}\n// end`)], history: [] };
    case 'history': return { question: 'And now?', context: [], history: [{ role: 'user', content: `Look at this:\n${c.text}` }, { role: 'assistant', content: 'Looks fine.' }] };
    case 'path': return { question: 'What does this file do?', context: [ctx('console.log(1);', c.text)], history: [] };
  }
}

/** Every 8-character window of every planted value that was in the input must be absent from the output. */
function survivors(planted: string[], input: string, output: string): string[] {
  const out: string[] = [];
  for (const v of planted) {
    for (let i = 0; i + 8 <= v.length; i++) {
      const piece = v.slice(i, i + 8);
      if (input.includes(piece) && output.includes(piece) && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

suite('privacy: adversarial corpus through the Ask pieces', () => {
  const cases = attacks();
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy });
  const blocker = new EgressGate({ mode: 'block', markers, pathPolicy });

  test('corpus shape: every class, ≥150 cases', () => {
    const classes = new Set(cases.map((c) => c.cls));
    for (const cls of ['names', 'partial', 'keys', 'urls', 'formats', 'obfuscation', 'pii', 'markers', 'paths']) assert.ok(classes.has(cls), cls);
    assert.ok(cases.length >= 150, `${cases.length} cases`);
    for (const c of cases) if (c.cls !== 'markers') assert.ok(c.planted.every((p) => c.text.includes(p)) && c.planted.some((p) => p.length >= 8), `${c.cls}/${c.name}`);
  });

  test('nothing planted reaches the wire in redact mode, in any position; block mode sends nothing', () => {
    const leaks: string[] = [];
    let runs = 0;
    let blocked = 0;
    const overBlocked: string[] = [];
    for (const c of cases) {
      const positions: Position[] = c.cls === 'paths' ? ['path', 'question'] : ['question', 'context', 'history'];
      for (const pos of positions) {
        runs++;
        const p = place(c, pos);
        const body: ChatBody = { model: 'claude-sonnet-4-5', system: systemPromptFor('ask'), maxTokens: 1024,
          messages: buildMessages(p.history, p.question, p.context) };
        const input = [body.system, ...body.messages.map((m) => m.content)].join('\n');
        const r = gate.prepare(body, p.context.map((x) => x.path!).filter(Boolean));
        if (!r.ok) {
          blocked++;
          // Redact mode should redact, not refuse: only markers (which cannot be cut out) block.
          if (c.cls !== 'markers') overBlocked.push(`${c.cls}/${c.name} in ${pos}: ${r.reason}`);
          continue;
        }
        const wire = serialisedBody(r.body) + [r.body.system, ...r.body.messages.map((m) => m.content)].join('\n');
        const left = survivors(c.planted, input, wire);
        if (left.length || c.cls === 'markers') leaks.push(`${c.cls}/${c.name} in ${pos}`);
        assert.equal(blocker.prepare(body, []).ok, false, `${c.cls}/${c.name} in ${pos}: block mode sent it`);
      }
    }
    console.log(`      adversarial corpus: ${runs - leaks.length}/${runs} runs with no planted 8-char piece on the wire (${cases.length} cases, ${blocked} blocked outright); leaked after gate: ${leaks.length}`);
    assert.deepEqual(leaks, []);
    assert.deepEqual(overBlocked, []);
  });

  test('Ask (auto) sees every case, in every position, as sensitive', () => {
    const missed: string[] = [];
    for (const c of cases) {
      const positions: Position[] = c.cls === 'paths' ? ['path', 'question'] : ['question', 'context', 'history'];
      for (const pos of positions) {
        const p = place(c, pos);
        const req: Request = { id: 't', kind: 'ask', origin: 'askAuto', question: p.question, context: p.context, history: p.history };
        const labels = classify(req, { pathPolicy, markers });
        if (labels.findings.length === 0 && labels.privatePaths.length === 0) missed.push(`${c.cls}/${c.name} in ${pos}`);
      }
    }
    const total = cases.reduce((n, c) => n + (c.cls === 'paths' ? 2 : 3), 0);
    console.log(`      adversarial recall (classify, Ask auto): ${(((total - missed.length) / total) * 100).toFixed(1)} % (${total - missed.length}/${total})`);
    assert.deepEqual(missed, []);
  });

  test('benign near misses: false positives ≤ 2 %', () => {
    const texts = benign();
    const flagged = texts.filter((t) => scanSensitive(t, { markers }).length > 0);
    const detail = flagged.map((t) => `${JSON.stringify(t.slice(0, 60))}: ${scanSensitive(t, { markers }).map((f) => f.kind).join(',')}`);
    console.log(`      adversarial near-miss false positives: ${((flagged.length / texts.length) * 100).toFixed(1)} % (${flagged.length}/${texts.length})${detail.length ? ' — ' + detail.join('; ') : ''}`);
    assert.ok(flagged.length / texts.length <= 0.02, detail.join('\n'));
  });
});
