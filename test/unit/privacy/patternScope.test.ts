// A nested `.aiignore` speaks for its own folder, as a nested .gitignore does (rewritten to root patterns), and the
// path policy built from the rewritten text makes exactly those files private.
import * as assert from 'node:assert/strict';
import { scopeAiignore, withRelativeGlobs } from '../../../src/core/privacy/patternScope';
import { createPathPolicy } from '../../../src/core/privacy/paths';

suite('privacy: a nested .aiignore speaks for its folder', () => {
  test('unanchored patterns match at any depth below the folder; anchored ones from the folder; negations stay inside it', () => {
    assert.equal(scopeAiignore('', 'secret.txt'), 'secret.txt');
    assert.equal(scopeAiignore('services/billing', [
      '# notes', '', 'secret.txt', '*.pem', '/build', 'config/prod.yml', 'fixtures/', '!public.pem',
    ].join('\n')), [
      '# notes', '', 'services/billing/**/secret.txt', 'services/billing/**/*.pem', 'services/billing/build',
      'services/billing/config/prod.yml', 'services/billing/**/fixtures/', '!services/billing/**/public.pem',
    ].join('\n'));
  });

  test('the policy from the rewritten files: private inside the folder, public elsewhere', () => {
    const aiignore = [scopeAiignore('', 'root-only.md'), scopeAiignore('services/billing', 'secret.txt\n/build\n*.csv\n!public.csv')].join('\n');
    const policy = createPathPolicy({ privateGlobs: [], aiignore });
    for (const p of ['services/billing/secret.txt', 'services/billing/deep/er/secret.txt', 'services/billing/build/out.js',
      'services/billing/data/a.csv', 'root-only.md']) assert.equal(policy.isPrivate(p).private, true, p);
    for (const p of ['secret.txt', 'services/other/secret.txt', 'services/billing/src/build/x.js', 'services/billing/data/public.csv',
      'other/a.csv']) assert.equal(policy.isPrivate(p).private, false, p);
  });

  test('a folder name with glob characters is matched literally', () => {
    const policy = createPathPolicy({ privateGlobs: [], aiignore: scopeAiignore('docs [old]', 'plan.md') });
    assert.equal(policy.isPrivate('docs [old]/plan.md').private, true);
    assert.equal(policy.isPrivate('docs o/plan.md').private, false);
  });
});

suite('privacy: an absolute private glob inside the workspace', () => {
  test('gets a workspace-relative spelling, so it matches the paths the policy judges; others stay as written', () => {
    const globs = withRelativeGlobs(['/home/me/ws/vault/**', '!/home/me/ws/vault/README.md', '/elsewhere/x/**', 'notes/*.md', 'C:\\Users\\me\\proj\\keys\\**'],
      ['/home/me/ws', 'c:\\Users\\me\\proj']);
    assert.deepEqual(globs.slice(5), ['/vault/**', '/keys/**'], 'a re-include is never widened');
    const policy = createPathPolicy({ privateGlobs: globs });
    assert.equal(policy.isPrivate('vault/plan.md').private, true);
    assert.equal(policy.isPrivate('vault/README.md').private, true);
    assert.equal(policy.isPrivate('keys/a.txt').private, true);
    assert.equal(policy.isPrivate('src/vault/plan.md').private, false, 'anchored at the workspace root, as meant');
    assert.equal(policy.isPrivate('notes/a.md').private, true);
  });
});
