// Retrieval check: recall@5 of hand-labelled relevant files on two code bases, printed in the unit run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listDirectory, TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { createTagParser, rankRepo, RepoIndex, updateIndex } from '../../../src/core/context';
import { OWN_SOURCE_QUESTIONS, SERVICE_QUESTIONS, type LabelledQuestion } from './retrievalQuestions';

const ROOT = path.join(__dirname, '..', '..', '..');

async function indexOf(root: string): Promise<{ index: RepoIndex; isPrivate: (p: string) => boolean }> {
  const aiignore = path.join(root, '.aiignore');
  const policy = createPathPolicy({ privateGlobs: [], aiignore: fs.existsSync(aiignore) ? fs.readFileSync(aiignore, 'utf8') : undefined });
  const isPrivate = (p: string) => policy.isPrivate(p).private;
  const index = new RepoIndex();
  await updateIndex(index, listDirectory(root), createTagParser(TREE_SITTER_WASM_DIR), { isPrivate, complete: true });
  return { index, isPrivate };
}

function recallAt5(index: RepoIndex, questions: LabelledQuestion[]): { recall: number; misses: string[] } {
  let sum = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const top = rankRepo(index, { question: q.question, openPath: q.openPath }).files.slice(0, 5).map((f) => f.path);
    const hit = q.relevant.filter((r) => top.includes(r)).length;
    sum += hit / q.relevant.length;
    if (hit < q.relevant.length) misses.push(`${q.question} → top5 ${top.join(', ')}`);
  }
  return { recall: sum / questions.length, misses };
}

suite('context: retrieval recall@5 (hand-labelled)', function () {
  this.timeout(120_000);

  test('labels name files that exist and there are at least 30 questions', () => {
    assert.ok(SERVICE_QUESTIONS.length + OWN_SOURCE_QUESTIONS.length >= 30);
    for (const q of SERVICE_QUESTIONS) for (const r of q.relevant) assert.ok(fs.existsSync(path.join(ROOT, 'test/fixtures/codebase-service', r)), r);
    for (const q of OWN_SOURCE_QUESTIONS) for (const r of q.relevant) assert.ok(fs.existsSync(path.join(ROOT, 'src', r)), r);
  });

  for (const [name, dir, questions] of [
    ['multi-language service fixture', 'test/fixtures/codebase-service', SERVICE_QUESTIONS],
    ["this project's src/", 'src', OWN_SOURCE_QUESTIONS],
  ] as const) {
    test(`recall@5 on ${name}`, async () => {
      const { index } = await indexOf(path.join(ROOT, dir));
      const { recall, misses } = recallAt5(index, questions);
      // eslint-disable-next-line no-console
      console.log(`\n    recall@5 on ${name}: ${recall.toFixed(3)} over ${questions.length} questions, ${index.files.size} files${misses.length ? `\n      misses:\n      ${misses.join('\n      ')}` : ''}`);
      assert.ok(recall >= 0.7, `recall@5 ${recall.toFixed(3)} fell below 0.7`);
    });
  }

  test('a private file of the fixture (.aiignore config/) is never indexed', async () => {
    const { index } = await indexOf(path.join(ROOT, 'test/fixtures/codebase-service'));
    assert.ok(index.files.has('billing/charge.go'));
    assert.ok(![...index.files.keys()].some((p) => p.startsWith('config/')));
  });
});
