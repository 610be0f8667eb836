// Round-17 probes (test/fixtures/routing-adversarial/probes-2026-12y.json), written after the round-17 mechanisms
// and committed before they ran. Each group holds the mechanism's hits and its near misses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../src/core/task/classify';
import { askAuto, routeOf, threshold } from './routeTally';

interface Group { low?: string[]; high?: string[] }
interface FollowCase { prev: string; q: string; want: 'high' | 'low' }
type Groups = 'languages' | 'twice' | 'lookups' | 'formats' | 'retries';
const probes = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/routing-adversarial/probes-2026-12y.json'), 'utf8')) as
  Record<Groups, Group> & { followUps: { cases: FollowCase[] } };

function wrongIn(group: Group): string[] {
  const out: string[] = [];
  for (const want of ['low', 'high'] as const) {
    for (const q of group[want] ?? []) if (routeOf(askAuto(q)) !== want) out.push(`${want}: ${q}`);
  }
  return out;
}

suite('task: round-17 probes', () => {
  test('Polish, Turkish, Vietnamese, Indonesian, Hebrew and Swahili design questions go up; how-tos and definitions stay down', () => {
    assert.deepEqual(wrongIn(probes.languages), []);
  });

  test('charged twice is a systems fault; a component or a test that runs twice is not', () => {
    assert.deepEqual(wrongIn(probes.twice), []);
  });

  test('a follow-up in these languages is as hard as the turn it continues', () => {
    const wrong = probes.followUps.cases.filter((c) => {
      const request = { ...askAuto(c.q), history: [{ role: 'user' as const, content: c.prev }, { role: 'assistant' as const, content: '…' }] };
      return (classify(request).complexity >= threshold ? 'high' : 'low') !== c.want;
    }).map((c) => `${c.want}: ${c.q}`);
    assert.deepEqual(wrong, []);
  });

  test('a question about a word (its spelling, a name) is a lookup; naming across services is not', () => {
    assert.deepEqual(wrongIn(probes.lookups), []);
  });

  test('a list turned into JSON, YAML or a table is mechanical; turning a system into another is not', () => {
    assert.deepEqual(wrongIn(probes.formats), []);
  });

  test('retrying a charge, a payout or an e-mail repeats its effect; a retry in a helper or a test is code', () => {
    assert.deepEqual(wrongIn(probes.retries), []);
  });
});
