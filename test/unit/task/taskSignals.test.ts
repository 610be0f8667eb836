// Each signal of issue #24 with its weight: one question that raises it and one near miss that does not, plus
// the text handling under them (normal form, accent folding, word counts for scripts without spaces).
import * as assert from 'node:assert/strict';
import type { Request } from '../../../src/core/request';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { countWords, foldAccents, normalizeText } from '../../../src/core/task/normalize';

function ask(question: string, code?: string): Request {
  return { id: 't', kind: 'ask', origin: 'askAuto', question, context: code ? [{ source: 'selection', text: code, startLine: 1 }] : [] };
}
const signalsOf = (q: string, code?: string): string[] => scoreComplexity(ask(q, code)).signals;
const scoreOf = (q: string, code?: string): number => scoreComplexity(ask(q, code)).complexity;

suite('task: text handling', () => {
  test('accents fold on Latin letters only; kana voicing and Hangul stay', () => {
    assert.equal(foldAccents('migración, stratégie, Änderung'), 'migracion, strategie, Anderung');
    assert.equal(foldAccents('データベース'), 'データベース');
    assert.equal(foldAccents('데이터베이스'), '데이터베이스');
    assert.equal(foldAccents('переключение'), 'переключение');
  });

  test('NFKC: full-width letters and punctuation read as ASCII', () => {
    assert.equal(normalizeText('ｅｔｃｄ？'), 'etcd?');
  });

  test('words are counted by Intl.Segmenter, so a Chinese sentence is not one word', () => {
    assert.ok(countWords('购物车有时候在更新之后马上显示旧价格。') >= 8);
    assert.equal(countWords('quorum loss with two etcd members?'), 6);
    const cjk = signalsOf('购物车有时候在更新之后马上显示旧价格。');
    assert.ok(!cjk.some((s) => s.startsWith('short question')), cjk.join('; '));
  });

  test('an accented spelling meets the rule written for it', () => {
    assert.ok(signalsOf('¿Cuál es la mejor estrategia de migración para la base de datos?').includes('migration'));
    assert.ok(signalsOf('Quelle stratégie de migration pour nos services ?').includes('asks for an approach'));
  });
});

suite('task: signals of the task (docs/routing.md, "Signals of the task")', () => {
  const cases: { signal: string; weight: number; yes: string; no: string }[] = [
    { signal: 'stale read after a write', weight: 0.3, yes: 'the cart sometimes shows the old price right after an update', no: 'show the old price crossed out next to the new one' },
    { signal: 'work lost or done twice', weight: 0.3, yes: 'Emails go out twice when the mail provider is slow.', no: 'Write two emails templates for the signup flow.' },
    { signal: 'numbers that do not add up', weight: 0.25, yes: 'Our counters are always slightly lower than the clicks in the logs.', no: 'Count the clicks in this log file.' },
    { signal: 'fails only sometimes or somewhere', weight: 0.25, yes: 'It works on staging but in production some requests hang.', no: 'It works now, thanks.' },
    { signal: 'expert systems term', weight: 0.3, yes: 'quorum loss with two etcd members?', no: 'loss function for two classes?' },
    { signal: 'asks to find a cause', weight: 0.2, yes: 'Where should we look first? Logins are slow on Mondays.', no: 'Where should we put the logo?' },
    { signal: 'reports a failure of a running system', weight: 0.2, yes: 'Customers in one country cannot pay since Tuesday.', no: 'Design a nicer error message for when the config file is missing.' },
  ];
  for (const c of cases) {
    test(`${c.signal} (+${c.weight})`, () => {
      assert.ok(signalsOf(c.yes).includes(c.signal), `${c.yes} → ${signalsOf(c.yes).join('; ')}`);
      assert.ok(!signalsOf(c.no).includes(c.signal), `${c.no} → ${signalsOf(c.no).join('; ')}`);
    });
  }

  test('the same signals in Chinese, Japanese, Korean and Russian', () => {
    assert.ok(signalsOf('分布式锁用Redis实现有什么坑？').includes('scalability or distributed systems'));
    assert.ok(signalsOf('モノリスをマイクロサービスに分割すべきかどうか、トレードオフを教えてください。').includes('asks for trade-offs'));
    assert.ok(signalsOf('가끔씩 배포 직후에만 일부 사용자가 500 에러를 받습니다.').includes('intermittent behaviour'));
    assert.ok(signalsOf('Стоит ли переходить с REST на gRPC?').includes('asks for judgement'));
    assert.ok(scoreOf('日活一千万的推送系统应该怎么设计？') >= 0.5);
  });

  test('big words around a trivial ask stay local: definitions and mechanical edits (topic words count a third)', () => {
    assert.ok(signalsOf('Define idempotency.').includes('asks only for a definition'));
    assert.ok(scoreOf('Define idempotency.') < 0.5);
    assert.ok(scoreOf('Explain the saga pattern in two sentences.') < 0.5);
    assert.ok(scoreOf('Что означает аббревиатура CQRS?') < 0.5);
    assert.ok(scoreOf('In our microservices architecture, fix the indentation in this YAML.', 'a:\n   b: 1') < 0.5);
    assert.ok(scoreOf('给我们分布式网关里的这个函数加上类型注解。', 'def f(x):\n    return x') < 0.5);
    // …but a definition about the asker's own failing system is not trivial.
    assert.ok(scoreOf('What is going on when our replicas return stale reads right after a write?') >= 0.5);
  });

  test('a snippet in view keeps a problem word local: "why does this function return twice?"', () => {
    assert.ok(scoreOf('这个函数为什么会返回两次结果？', 'function f() { return 1; }') < 0.5);
    assert.ok(scoreOf('Почему этот код выводит старое значение?', 'console.log(x);') < 0.5);
  });
});
