// Aggregation of a local answer's confidence. Token streams are Ollama /api/chat chunks in the wire shape the
// server sends (`logprobs: [{token, logprob, bytes, top_logprobs}]` per chunk), written by hand from the shape in
// Ollama's API docs — there is no Ollama on this machine to record from.
import * as assert from 'node:assert/strict';
import { LOW_P, scoreConfidence, type TokenLogprob } from '../../../src/core/confidence';
import { LogprobSupport } from '../../../src/core/confidence/support';

interface WireChunk { message: { content: string }; done: boolean; done_reason?: string; logprobs?: { token: string; logprob: number; bytes: number[]; top_logprobs: { token: string; logprob: number; bytes: number[] }[] }[] }

function chunk(token: string, p: number, alt: [string, number][] = []): WireChunk {
  const bytes = [...Buffer.from(token)];
  return {
    message: { content: token }, done: false,
    logprobs: [{ token, logprob: Math.log(p), bytes, top_logprobs: [{ token, logprob: Math.log(p), bytes }, ...alt.map(([t, q]) => ({ token: t, logprob: Math.log(q), bytes: [...Buffer.from(t)] }))] }],
  };
}

/** What the Ollama adapter does with the chunks: concatenate text, collect logprobs, read done_reason. */
function replay(chunks: WireChunk[], doneReason = 'stop') {
  const tokens: TokenLogprob[] = chunks.flatMap((c) => (c.logprobs ?? []).map((l) => ({ token: l.token, logprob: l.logprob, top: l.top_logprobs })));
  return { text: chunks.map((c) => c.message.content).join(''), tokens, hitTokenLimit: doneReason === 'length' };
}

const CONFIDENT = ['Use', ' `', 'Array', '.from', '`', ' to', ' copy', ' the', ' set', '.'].map((t) => chunk(t, 0.97));
const GUESSING = [
  chunk('It', 0.6), chunk(' might', 0.2, [[' is', 0.5]]), chunk(' be', 0.7), chunk(' the', 0.5), chunk(' cache', 0.15, [[' config', 0.14]]),
  chunk(',', 0.4), chunk(' or', 0.25), chunk(' the', 0.6), chunk(' router', 0.1, [[' queue', 0.09]]), chunk('.', 0.8),
];

suite('confidence: aggregation', () => {
  test('a fluent, certain token stream scores high', () => {
    const r = scoreConfidence(replay(CONFIDENT));
    assert.ok(r.score > 0.9, r.summary);
    assert.equal(r.fromTokens, true);
    assert.match(r.summary, /^local confidence 0\.9\d: sure of every word it wrote$/);
  });

  test('a guessing stream scores by hand-computed formula: geo-mean p × (1 − low share)', () => {
    const ps = [0.6, 0.2, 0.7, 0.5, 0.15, 0.4, 0.25, 0.6, 0.1, 0.8];
    const geo = Math.exp(ps.reduce((s, p) => s + Math.log(p), 0) / ps.length);
    const low = ps.filter((p) => p < LOW_P).length / ps.length;
    const r = scoreConfidence(replay(GUESSING));
    assert.ok(Math.abs(r.score - geo * (1 - low)) < 1e-9);
    assert.equal(low, 0.4);
    assert.match(r.summary, /unsure of 40 % of the words it wrote/);
    assert.ok(r.score < 0.7);
  });

  test('"not sure" caps a confident-sounding stream and is quoted in the summary', () => {
    const said = ["I'm", ' not', ' sure', ' without', ' more', ' context', '.'].map((t) => chunk(t, 0.95));
    const r = scoreConfidence(replay(said));
    assert.equal(r.score, 0.4);
    assert.match(r.summary, /said 'i'm not sure'/);
  });

  test('signals work without log-probabilities (server does not report them)', () => {
    const plain = scoreConfidence({ text: 'Rename `x` to `count` on line 3.' });
    assert.equal(plain.fromTokens, false);
    assert.equal(plain.score, 0.8);
    assert.match(plain.summary, /no token probabilities/);
    assert.equal(scoreConfidence({ text: '   ' }).score, 0);
    assert.equal(scoreConfidence({ text: 'I need more context to answer this.' }).score, 0.4);
    assert.equal(scoreConfidence({ text: 'Here is the start of a long answer', hitTokenLimit: true }).score, 0.5);
  });

  test('a looping answer is caught as repetition', () => {
    const loop = Array.from({ length: 8 }, () => 'the function returns the value of the cache entry').join(' ');
    const r = scoreConfidence({ text: loop, tokens: replay(CONFIDENT).tokens });
    assert.equal(r.score, 0.3);
    assert.match(r.summary, /repeats itself/);
    const prose = 'Split the parser into a tokenizer and a recursive descent stage; keep error recovery in the second stage so that the tokenizer stays simple, and test each stage on its own with small inputs.';
    assert.equal(scoreConfidence({ text: prose }).parts.length, 0);
  });

  test('the lowest cap wins when several signals fire', () => {
    const r = scoreConfidence({ text: "I don't know", hitTokenLimit: true });
    assert.equal(r.score, 0.4);
    assert.equal(r.parts.length, 2);
  });

  test('non-finite log-probabilities (-Infinity from some servers) are ignored, not NaN', () => {
    const r = scoreConfidence({ text: 'ok', tokens: [{ token: 'ok', logprob: -Infinity }, { token: '.', logprob: Math.log(0.9) }] });
    assert.ok(Number.isFinite(r.score));
  });
});

suite('confidence: log-probability support per server and model', () => {
  test('asks until a reply shows no support, per server and model', () => {
    const s = new LogprobSupport();
    assert.equal(s.shouldAsk('http://127.0.0.1:11434', 'qwen'), true);
    s.record('http://127.0.0.1:11434/', 'qwen', false);
    assert.equal(s.shouldAsk('http://127.0.0.1:11434', 'qwen'), false);
    assert.equal(s.shouldAsk('http://127.0.0.1:11434', 'llama'), true);
    s.record('http://127.0.0.1:8000', 'qwen', true);
    assert.equal(s.state('http://127.0.0.1:8000', 'qwen'), 'yes');
  });
});
