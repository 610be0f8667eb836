// Round-16 probes (test/fixtures/routing-adversarial/probes-2026-12w.json), written after the round-16 mechanisms
// and committed before they ran. Each group holds the mechanism's hits and its near misses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../src/core/task/classify';
import { pastedCodeLines, proseOf } from '../../../src/core/task/questionShape';
import { askAuto, routeOf, threshold } from './routeTally';

interface Group { low?: string[]; high?: string[] }
interface FollowCase { prev: string; q: string; want: 'high' | 'low' }
type Groups = 'systemChoice' | 'boundary' | 'traces' | 'dedupe' | 'toolLookup' | 'placeFirst' | 'mechanicalScene' | 'everywhere' | 'activeActive';
const probes = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/routing-adversarial/probes-2026-12w.json'), 'utf8')) as
  Record<Groups, Group> & { snippet: string; follow: { cases: FollowCase[] } };

function wrongIn(group: Group, code?: string): string[] {
  const out: string[] = [];
  for (const want of ['low', 'high'] as const) {
    for (const q of group[want] ?? []) if (routeOf(askAuto(q, code)) !== want) out.push(`${want}: ${q.replace(/\s+/g, ' ').slice(0, 90)}`);
  }
  return out;
}

suite('task: round-16 probes', () => {
  test('a choice between parts of a system is architecture, however short; a choice between code forms is not', () => {
    assert.deepEqual(wrongIn(probes.systemChoice), []);
    // Under a snippet, "sync or async" is about the code in view.
    assert.equal(routeOf(askAuto('sync or async here?', probes.snippet)), 'low');
  });

  test('where a service boundary goes is architecture; naming or calling a service is not', () => {
    assert.deepEqual(wrongIn(probes.boundary), []);
    assert.equal(routeOf(askAuto('should this be its own service?', probes.snippet)), 'high');
  });

  test('Go frames, shell prompts and table output are pasted material; the asker\'s own report around them still counts', () => {
    assert.deepEqual(wrongIn(probes.traces), []);
    const trace = 'goroutine 1 [running]:\nmain.(*Cache).Set(0xc000126000, {0x1})\ncreated by net/http.(*Server).Serve in goroutine 1\nfix?';
    assert.equal(pastedCodeLines(trace), 3);
    assert.ok(!/Cache/.test(proseOf(trace)));
    // Prose typed with single spaces, even long, is not a table row.
    assert.equal(pastedCodeLines('we have three services and a queue\nand they all talk to the same database'), 0);
  });

  test('removing duplicates from a list is one operation on data; duplicates the users receive are doubled work', () => {
    assert.deepEqual(wrongIn(probes.dedupe), []);
  });

  test('a tool\'s shortcut, command or flag after a scene is a lookup, unless it adds a hard constraint', () => {
    assert.deepEqual(wrongIn(probes.toolLookup), []);
  });

  test('an edit after the place where the code lives ("in our payments service rename …") is an edit', () => {
    assert.deepEqual(wrongIn(probes.placeFirst), []);
  });

  test('reformatting after a long scene of system words stays mechanical; reformatting across all services does not', () => {
    assert.deepEqual(wrongIn(probes.mechanicalScene), []);
  });

  test('"everywhere" bounded by the code in view stays in it', () => {
    assert.deepEqual(wrongIn(probes.everywhere), []);
  });

  test('"do the same for …" is as hard as the turn it repeats', () => {
    const wrong = probes.follow.cases.filter((c) => {
      const request = { ...askAuto(c.q), history: [{ role: 'user' as const, content: c.prev }, { role: 'assistant' as const, content: 'ok' }] };
      return (classify(request).complexity >= threshold ? 'high' : 'low') !== c.want;
    }).map((c) => `${c.want}: ${c.q}`);
    assert.deepEqual(wrong, []);
  });

  test('active-active in Chinese, Japanese and Russian is a hard systems problem; "不一样" is no repeat or problem', () => {
    assert.deepEqual(wrongIn(probes.activeActive), []);
  });
});
