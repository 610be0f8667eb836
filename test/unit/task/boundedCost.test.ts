// Classification cost is bounded by the size of the request: the complexity scorer reads a head and a tail of a long
// question or history turn (sample.ts) and counts a selection's lines without splitting it. Before, a 4 MB log pasted
// into the question took over two seconds to score (0.5 ms per KB), well past the guard's hang limit below.
import * as assert from 'node:assert/strict';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { SAMPLE_HEAD, SAMPLE_TAIL, countLines, sampleOf } from '../../../src/core/task/sample';
import type { Request } from '../../../src/core/request';
import { superLinear } from '../linearTime';

const MB = 1024 * 1024;
/** Scoring a 4 MB request must fit here, or scale linearly from a quarter of it; 20× this is a hang (linearTime.ts). */
const LIMIT_MS = 60;

function ask(question: string, partial: Partial<Request> = {}): Request {
  return { id: 'b', kind: 'ask', origin: 'askAuto', question, context: [], ...partial };
}
const logLines = (n: number): string => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `2026-12-07T09:${String(i % 60).padStart(2, '0')}:00Z ERROR [worker-${i % 5}] timeout after 30000ms calling payments, the order service and the cache disagree (attempt ${i % 3})\n`;
  return s.slice(0, n);
};
const prose = (n: number): string => 'Sometimes our workers retry and the cache and the database disagree after a deploy, why? '.repeat(Math.ceil(n / 90)).slice(0, n);
const code = (n: number): string => '  const total = items.reduce((n, i) => n + i.price * i.qty, 0);\n'.repeat(Math.ceil(n / 64)).slice(0, n);

suite('task: classification cost is bounded on multi-megabyte requests', () => {
  test('a 4 MB question, selection or history turn scores within the linear-time guard', () => {
    const cases: [string, (text: string) => Request][] = [
      ['question of prose', (t) => ask(t)],
      ['log pasted under a question', (t) => ask(`why does this keep timing out?\n${t}`)],
      ['fenced log before the question', (t) => ask(`\`\`\`\n${t}\n\`\`\`\nwhy does this keep timing out?`)],
      ['selection', (t) => ask('is this thread safe?', { context: [{ source: 'selection', text: t, path: 'src/a.ts', startLine: 1 }] })],
      ['history turn', (t) => ask('and what about failover?', { history: [{ role: 'user', content: t }, { role: 'assistant', content: 'ok' }] })],
    ];
    scoreComplexity(ask('warm the rule tables up'));
    const slow: string[] = [];
    for (const [name, build] of cases) {
      for (const [kind, make] of [['prose', prose], ['log', logLines], ['code', code]] as const) {
        const found = superLinear((t) => { scoreComplexity(build(t)); }, make, 4 * MB, LIMIT_MS);
        if (found) slow.push(`${name} (${kind}): ${found}`);
      }
    }
    assert.deepEqual(slow, []);
  });

  test('the scorer reads at most the head and the tail, whatever the length', () => {
    for (const n of [0, 100, SAMPLE_HEAD + SAMPLE_TAIL, SAMPLE_HEAD + SAMPLE_TAIL + 1, 50_000, 4 * MB]) {
      for (const text of [prose(n), logLines(n), 'x'.repeat(n)]) {
        const s = sampleOf(text);
        // The cut adds a line end and at most one fence.
        assert.ok(s.text.length <= SAMPLE_HEAD + SAMPLE_TAIL + 5, `${n}: ${s.text.length}`);
        if (text.length <= SAMPLE_HEAD + SAMPLE_TAIL) assert.equal(s.text, text);
      }
    }
    assert.equal(countLines('a\nb\nc'), 3);
    assert.equal(countLines('\n'.repeat(4 * MB)), 1001, 'counting stops at the cap');
  });

  test('the ask before or after a huge paste still decides the route', () => {
    const hard = 'How should we shard the orders database across regions without downtime, and what breaks for the cache and the queue?';
    const small = 'rename the variable `t` to `total` in this snippet';
    const big = logLines(2 * MB);
    assert.ok(scoreComplexity(ask(`${hard}\n\`\`\`\n${big}\n\`\`\``)).complexity >= 0.5);
    assert.ok(scoreComplexity(ask(`\`\`\`\n${big}\n\`\`\`\n${hard}`)).complexity >= 0.5);
    assert.ok(scoreComplexity(ask(`${small}\n\`\`\`\n${code(2 * MB)}\n\`\`\``)).complexity < 0.5);
    assert.equal(scoreComplexity(ask(`${big}\n#cloud`)).complexity, 1, 'a hint typed after the paste');
    assert.equal(scoreComplexity(ask(`#local ${big}`)).complexity, 0, 'a hint typed before it');
    // The dropped middle still counts as a large pasted context.
    assert.ok(scoreComplexity(ask(`why?\n${code(MB)}`)).signals.some((s) => s.startsWith('large context')));
  });

  test('a fenced block that closes in the dropped middle does not turn the tail inside out', () => {
    // The middle closes the head's block (one fence, odd): without a fence at the cut the tail's prose reads as code.
    const odd = sampleOf(`What does this do?\n\`\`\`\n${code(20_000)}\`\`\`\n${prose(20_000)}\nhow should we split the cache from the database across regions?`);
    // The middle closes one block and opens the next (two fences, even): the tail's fence still closes it.
    const even = sampleOf(`What does this do?\n\`\`\`\n${code(20_000)}\`\`\`\nand this:\n\`\`\`\n${code(20_000)}\`\`\`\nexplain the second loop`);
    for (const s of [odd, even]) assert.equal((s.text.match(/```/g) ?? []).length % 2, 0, 'an even number of fences, so the closing prose is prose');
    assert.match(even.text, /explain the second loop$/);
    assert.ok(scoreComplexity(ask(`What does this do?\n\`\`\`\n${code(20_000)}\`\`\`\n${prose(20_000)}\nhow should we split the cache from the database across regions?`)).complexity >= 0.5);
  });
});
