// The retrieval evaluation reads code bases from Debian packages; CI installs them on a fresh machine through
// scripts/ensureTestHost.js, which checks one file per package. A package named in the evaluation's list but not
// in that script passes here (it is installed by hand) and fails on the fresh machine, so the two lists must agree.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DEBIAN_PACKAGES } from './eval/codebases';

suite('context: the evaluation code bases are installed on a fresh machine', () => {
  test('every Debian package the evaluation reads is one scripts/ensureTestHost.js installs when missing', () => {
    const script = readFileSync(join(__dirname, '../../../scripts/ensureTestHost.js'), 'utf8');
    const installed = new Set([...script.matchAll(/missing\.push\('([^']+)'\)/g)].map((m) => m[1]));
    const absent = EVAL_DEBIAN_PACKAGES.filter((p) => !installed.has(p));
    assert.deepEqual(absent, [], `add a file check for each to ensureDebianPackages: ${absent.join(', ')}`);
  });
});
