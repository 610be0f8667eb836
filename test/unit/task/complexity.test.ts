import * as assert from 'node:assert/strict';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { asksSomethingElse, isDirectEdit, isLocalScope, maskCodeLines, pastedCodeLines, proseOf, questionCount, routeHint, systemParts } from '../../../src/core/task/questionShape';
import type { ChatTurn, Request } from '../../../src/core/request';
import { superLinear } from '../linearTime';

function req(question: string, partial: Partial<Request> = {}): Request {
  return { id: 'r', kind: 'ask', origin: 'askAuto', question, context: [], ...partial };
}
const score = (q: string, partial: Partial<Request> = {}): number => scoreComplexity(req(q, partial)).complexity;

suite('routing: complexity mechanism', () => {
  test('#cloud / #local hints win over every rule and say so', () => {
    assert.deepEqual(scoreComplexity(req('rename x #cloud')).signals, ['you asked for the cloud model (#cloud)']);
    assert.equal(score('rename x #cloud'), 1);
    assert.equal(score('#local How should we shard the orders database across regions?'), 0);
    assert.equal(routeHint('#local then #cloud'), 'cloud');
    // Only a word of its own: an issue anchor or a CSS id is not a hint.
    assert.equal(routeHint('see issue#cloud-12 and a#localhost'), undefined);
    assert.equal(routeHint('what does #localize do'), undefined);
    assert.equal(score('#cloud', { kind: 'completion', origin: 'inline' }), 0);
  });

  test('names and code are not topics: identifiers, inline code, fences and quoted text are masked', () => {
    assert.equal(proseOf('rename ArchitectureService and distributedLock').includes('Architecture'), false);
    assert.equal(proseOf('the ORDERS_TOPIC constant and Scheduler.plan()').match(/ORDERS|plan/), null);
    assert.equal(proseOf('fix `scale(design)` in "architecture notes"').match(/scale|design|architecture/), null);
    assert.equal(proseOf('```ts\nconst migrate = 1;\n```\nwhat is this').includes('migrate'), false);
    // Product names written in inner capitals stay: they are what the question is about.
    assert.ok(proseOf('GraphQL or PostgreSQL?').includes('GraphQL'));
    assert.ok(score('Rename the ArchitectureService class to PlatformService') < 0.3);
    assert.ok(score('What architecture would suit a service that ingests events from many devices?') >= 0.6);
  });

  test('a direct edit stays local even when its object names a big topic, unless it spans the system', () => {
    assert.ok(isDirectEdit('Could you please add a comment here'));
    assert.ok(isDirectEdit('kannst du bitte die Funktion umbenennen'));
    assert.ok(!isDirectEdit('How should we add caching?'));
    assert.ok(score('Add a TODO saying we should migrate this to the new API later') < 0.3);
    assert.ok(score('Change the distributed tracing header name in this function') < 0.3);
    const across = scoreComplexity(req('Change how errors are reported across all services, the gateway and the clients'));
    assert.ok(across.complexity >= 0.5, `${across.complexity} ${across.signals.join('; ')}`);
  });

  test('an edit verb speaks only for its own sentence when a separate question follows', () => {
    assert.ok(asksSomethingElse(proseOf('Rename `tmp` to `result`, and also: will our token cache break when we run several pods?')));
    assert.ok(!asksSomethingElse(proseOf('Fix: "Property foo does not exist on type Bar"')));
    assert.ok(!asksSomethingElse(proseOf('Rename this. Thanks!')));
    assert.ok(score('Rename `tmp` to `result`, and also: will our token cache break when we scale to several pods?') >= 0.5);
    assert.ok(score('Rename `tmp` to `result`.') < 0.3);
  });

  test('a choice between two pieces of code is local; a feature the user wants to add is not an edit', () => {
    const choice = scoreComplexity(req('Is it OK to use `any` here or should I use `unknown`?'));
    assert.ok(choice.complexity < 0.5, `${choice.complexity} ${choice.signals.join('; ')}`);
    assert.ok(!choice.signals.includes('weighs alternatives'));
    assert.ok(score('Should we use Postgres or DynamoDB for the audit log?') >= 0.5);
    assert.ok(!isDirectEdit('I want to add real-time collaboration to our note app'));
    assert.ok(isDirectEdit('I want you to add a docstring'));
  });

  test('scope: one piece of code pulls down, several system parts or "our" + a system part push up', () => {
    assert.ok(isLocalScope('what does this regex match'));
    assert.ok(isLocalScope('make the architecture diagram comment shorter'));
    assert.deepEqual(systemParts('the frontend, the backend and the frontend cache'), ['frontend', 'backend', 'cache']);
    const ours = scoreComplexity(req('Why is our queue backing up?'));
    assert.ok(ours.signals.some((s) => s.startsWith('about the system')), ours.signals.join('; '));
    assert.ok(score('Why is this loop slow?') < score('Why is our queue slow?'));
  });

  test('form-only simple signals count half when the content names a hard problem', () => {
    const plain = scoreComplexity(req('Explain what this function returns'));
    const hard = scoreComplexity(req('Explain why our replicas lose updates under load'));
    assert.ok(plain.complexity < 0.3 && hard.complexity >= 0.6, `${plain.complexity} / ${hard.complexity}`);
    // A definition of a hard word is still a definition.
    assert.ok(score('what does idempotent mean?') < 0.3);
  });

  test('brevity pulls down only when the question names no hard problem or has code attached', () => {
    const snippet = [{ source: 'selection' as const, text: 'let n = 0;\nfunction inc() { n++; }', path: 'a.js', startLine: 1 }];
    const bare = scoreComplexity(req('how to stop double billing on retries?'));
    assert.ok(bare.complexity >= 0.5 && !bare.signals.some((s) => s.startsWith('short question')), bare.signals.join('; '));
    assert.ok(score('saga or choreography?') >= 0.5);
    // The same few words under a snippet are about that snippet.
    assert.ok(score('is this thread-safe?', { context: snippet }) < 0.5);
    assert.ok(scoreComplexity(req('sort this list')).signals.some((s) => s.startsWith('short question')));
  });

  test('a system noun that names a file is that file, not a part of the system', () => {
    assert.deepEqual(systemParts('our schema file and the pipeline config'), []);
    assert.deepEqual(systemParts('our schema and the pipeline'), ['schema', 'pipeline']);
    assert.ok(score('what goes in our schema file?') < 0.5);
  });

  test('Portuguese, Italian and Dutch phrasings of the main rules', () => {
    const snippet = [{ source: 'selection' as const, text: 'const n = xs.length;', path: 'a.ts', startLine: 1 }];
    assert.ok(score('Hoe moeten we de architectuur van onze diensten opzetten?') >= 0.6);
    assert.ok(score('Come dovremmo progettare la migrazione del database?') >= 0.6);
    assert.ok(score('Vale a pena usar Kafka para os nossos eventos?') >= 0.6);
    assert.ok(score('O que faz esta função?', { context: snippet }) < 0.3);
    assert.ok(score('Cosa fa questa riga?', { context: snippet }) < 0.3);
    assert.ok(score('Hernoem deze variabele naar total', { context: snippet }) < 0.3);
    assert.ok(isDirectEdit('pode renomear a variável x'));
  });

  test('inflected choices and named alternatives, but not two code forms', () => {
    assert.ok(score('We are choosing between Svelte, Vue and Angular for the new admin UI.') >= 0.5);
    assert.ok(score('tabs or spaces?') < 0.3);
    assert.ok(score('let or const?') < 0.3);
  });

  test('background then a small edit of the code in view is an edit, unless the background names a hard problem', () => {
    const snippet = [{ source: 'selection' as const, text: 'const pool = new Pool({ max: 10 });\nexport default pool;', path: 'db.ts', startLine: 1 }];
    const scene = 'I work on the search team, we use Elasticsearch and Kafka. Add a comment to this function.';
    assert.ok(score(scene, { context: snippet }) < 0.3);
    assert.ok(score('We are on Postgres with 3 replicas and reads are stale after writes. Make it consistent.', { context: snippet }) >= 0.5);
    // Without code to edit, the closing imperative is not an edit of anything in view.
    assert.ok(score('We run Kafka and Postgres across our services. Add a design for retries.') >= 0.5);
  });

  test('"how do people usually …" and conditional "how would you all …" ask for an approach', () => {
    assert.ok(scoreComplexity(req('how do people usually track which dataset a model was trained on?')).signals.includes('asks how to approach it'));
    assert.ok(scoreComplexity(req('Como vocês fariam isso?')).signals.includes('asks how to approach it'));
    assert.ok(scoreComplexity(req('Come gestireste questo?')).signals.includes('asks how to approach it'));
  });

  test('code pasted into the question without a fence counts as context, not as words', () => {
    const pasted = ['Explain this please', ...Array.from({ length: 40 }, (_, i) => `  const v${i} = compute(${i});`)].join('\n');
    const r = scoreComplexity(req(pasted));
    assert.ok(!r.signals.some((s) => s.startsWith('long question') || s.startsWith('detailed question')), r.signals.join('; '));
    assert.equal(pastedCodeLines(pasted), 40);
    assert.equal(pastedCodeLines('a plain question\nover two lines'), 0);
    assert.ok(maskCodeLines('why?\nreturn x;').includes('code'));
  });

  test('multi-question and list detection', () => {
    assert.equal(questionCount('Is it worth it? What would the move look like?'), 2);
    assert.equal(questionCount('Plan: 1) extract auth 2) add a token service 3) remove old code'), 3);
    assert.equal(questionCount('what is `a?.b`?'), 1);
    assert.ok(scoreComplexity(req('a? b? c?')).signals.includes('several sub-questions'));
  });

  test('a short follow-up inherits from the last user turn, unless it is itself an edit', () => {
    const design: ChatTurn[] = [
      { role: 'user', content: 'How should we split the billing monolith into services, and where do transactions go?' },
      { role: 'assistant', content: 'Start with an outbox…' },
    ];
    const rename: ChatTurn[] = [{ role: 'user', content: 'Rename tmp to total.' }, { role: 'assistant', content: 'Done.' }];
    const q = 'ok and what about that second option?';
    assert.ok(score(q, { history: design }) >= 0.5);
    assert.ok(score(q, { history: rename }) < 0.3);
    assert.ok(score(q) < 0.5);
    assert.ok(score('thanks, now rename it to fetchAll', { history: design }) < 0.3);
    // A long, self-contained question is judged on its own words.
    const own = 'Rename the variable on line 3 to something that says it holds the user count, and keep the rest as it is';
    assert.equal(score(own, { history: design }), score(own));
  });

  test('signals: the first one is the strongest reason in the direction of the result', () => {
    const high = scoreComplexity(req('Rename x. Also, what are the trade-offs of sharding our Postgres across regions?'));
    assert.ok(high.complexity >= 0.5);
    assert.notEqual(high.signals[0], 'small edit');
    const low = scoreComplexity(req('Add a docstring'));
    assert.equal(low.signals[0], 'small edit');
  });

  test('scores stay in 0..1 and linear-time for empty, huge and hostile questions', function () {
    // 60 units × 60 KB: seconds of work on a quiet machine, far more on a shared one; superLinear judges scaling.
    this.timeout(180_000);
    // 60 KB repetitions of the pieces the rules are made of: whitespace, separators, openings, placeholders.
    const units = [' ', '\n', '\t', 'a ', 'a, ', 'a,', ' or', 'or ', 'x.', 'a-', 'a+', '1 ', '1', 'what ', 'why is ', 'the ',
      'this ', 'how ', 'should ', 'a', '.', ',', '?', '`', "'", '"', '#', 'a_', 'aB', 'first ', 'code ', 'we ', 'our ', '1x ',
      'k ', 'then ', 'in ', ' -', '/', 'how do ', 'what does ', 'ok ', 'please ', 'x = 1;\n', '```\n', 'a_b.c() ',
      'a. ', 'Add a. ', 'come ', 'how do people ', 'leg ', 'double ', 'cobrar ', 'our schema ',
      // Runs the scale and file-name rules once backtracked over quadratically (60 k of 一 took 4 s).
      '一', '三百', '-a', 'a-b', '中'];
    const slow: string[] = [];
    for (const u of ['', ...units]) {
      const make = (n: number): string => (u ? u.repeat(Math.ceil(n / u.length)) : '');
      const score = (q: string): void => {
        const { complexity } = scoreComplexity(req(q, { history: [{ role: 'user', content: q }] }));
        assert.ok(complexity >= 0 && complexity <= 1, String(complexity));
      };
      const found = superLinear(score, make, 60_000, 250);
      if (found) slow.push(`${JSON.stringify(u)}: ${found}`);
    }
    assert.deepEqual(slow, []);
  });
});
