import * as assert from 'node:assert/strict';
import { fileMentions, isWorkspaceRelative } from '../../../src/core/context/fileMentions';

suite('#file mentions', () => {
  test('finds each #file:path once, without trailing punctuation', () => {
    assert.deepEqual(fileMentions('Compare #file:src/cart.ts with #file:src/money.ts, and #file:src/cart.ts.'),
      ['src/cart.ts', 'src/money.ts']);
  });

  test('a mention at the very start counts; a word glued before # does not', () => {
    assert.deepEqual(fileMentions('#file:README.md what is this?'), ['README.md']);
    assert.deepEqual(fileMentions('issue#file:README.md'), []);
  });

  test('paths that leave the workspace are not mentions', () => {
    assert.deepEqual(fileMentions('#file:../outside.ts #file:/etc/passwd #file:~/x #file:C:/x #file:file:///etc/hosts #file:a/../../b'), []);
  });

  test('isWorkspaceRelative accepts nested relative paths and refuses escapes', () => {
    assert.equal(isWorkspaceRelative('config/.env.local'), true);
    assert.equal(isWorkspaceRelative('a/b/../c'), false);
    assert.equal(isWorkspaceRelative(''), false);
    assert.equal(isWorkspaceRelative('a\u0000b'), false);
  });
});
