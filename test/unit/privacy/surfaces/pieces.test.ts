// The red team's fixes as pieces: which files a tool call names, what of a server's error text a message keeps,
// which seams are scanned, how a file name is shown. Each with the benign cases that must stay as they are.
import * as assert from 'node:assert/strict';
import { findAcrossSeams } from '../../../../src/core/egress/seams';
import { toolMentions, toolReadPath } from '../../../../src/core/native/toolPaths';
import { scanSensitive } from '../../../../src/core/privacy/scan';
import type { Finding } from '../../../../src/core/request';
import { shownName } from '../../../../src/core/privacy/shownName';
import { scrub } from '../../../../src/core/providers/failureText';
import { email, githubPat } from '../../../fixtures/privacy/surfaces/planted';

const call = (args: unknown) => ({ id: 'c', name: 'tool', input: typeof args === 'string' ? args : JSON.stringify(args) });

suite('red team pieces: files a tool call names', () => {
  test('shell operands, quoted names, nested and listed paths, file URIs with escapes', () => {
    assert.deepEqual(toolMentions(call({ command: 'cat private/plan.md | head -n 5' })), ['private/plan.md']);
    assert.deepEqual(toolMentions(call({ command: 'sed -n 1,80p "./secrets/rotation plan.md"' })), ['secrets/rotation plan.md']);
    assert.deepEqual(toolMentions(call({ args: { filePaths: ['/ws/config/.env', 'src/a.ts'] } })), ['/ws/config/.env', 'src/a.ts']);
    assert.equal(toolReadPath(call({ uri: 'file:///ws/%2Eenv' })), '/ws/.env');
    assert.deepEqual(toolMentions(call('cat ~/.ssh/id_ed25519')), ['~/.ssh/id_ed25519'], 'arguments that are not JSON are still read');
  });
  test('benign: commands without files, options, URLs and numbers name nothing', () => {
    for (const c of ['npm test', 'git status', 'make -j4', 'docker compose up -d', 'curl -s https://example.com/a?b=1', 'echo 3.14', 'kubectl get pods -n prod']) {
      assert.deepEqual(toolMentions(call({ command: c })), [], c);
    }
    assert.deepEqual(toolMentions(call({ filePath: 'src/a.ts' })), [], 'the primary path is not repeated');
  });
});

suite('red team pieces: server text in a failure message', () => {
  test('a run quoted from the request is cut; secrets and e-mails are redacted', () => {
    const k = githubPat(); const m = email();
    const sent = `Why does the nightly export for ${m.value} fail with ${k.value}?`;
    const text = `Invalid request: messages[0].content="Why does the nightly export for ${m.value} fail with ${k.value}?"`;
    const out = scrub(text, undefined, sent);
    assert.ok(!out.includes(k.secretPart.slice(0, 8)) && !out.includes(m.secretPart) && !out.includes('nightly export'), out);
    assert.match(out, /^Invalid request: messages\[0\]\.content="\[request text\]/);
    assert.ok(!scrub(`token ${k.value} rejected`).includes(k.secretPart.slice(0, 8)), 'redacted even without the request');
  });
  test('benign: server text that shares only short words with the request is kept word for word', () => {
    const sent = 'Why does the model fail to load the config?';
    assert.equal(scrub('model "qwen2.5-coder:7b" not found, try pulling it first', undefined, sent), 'model "qwen2.5-coder:7b" not found, try pulling it first');
    assert.equal(scrub('invalid option num_ctx: must be positive', undefined, sent), 'invalid option num_ctx: must be positive');
  });
});

suite('red team pieces: seams between tool parts', () => {
  const scan = (t: string) => scanSensitive(t);
  const none = (): Finding[] => [];
  test('a value cut in two is found on both sides, also inside a call\'s JSON', () => {
    const k = githubPat(); const cut = 14;
    const parts = [{ text: JSON.stringify({ command: `gh auth login --with-token ${k.value.slice(0, cut)}` }), findings: none() }, { text: `${k.value.slice(cut)} ok`, findings: none() }];
    assert.equal(findAcrossSeams(parts, [0, 1], scan), 1);
    assert.ok(parts[0].findings.length === 1 && parts[1].findings.length === 1);
    assert.equal(parts[1].text.slice(parts[1].findings[0].start, parts[1].findings[0].end), k.value.slice(cut));
  });
  test('benign: neighbours that only touch, and values wholly on one side, add nothing', () => {
    const k = githubPat();
    const parts = [{ text: 'info: configuration lo', findings: none() }, { text: `aded; token ${k.value} set`, findings: scan(`aded; token ${k.value} set`) }];
    assert.equal(findAcrossSeams(parts, [0, 1], scan), 0);
  });
});

suite('red team pieces: file names in our own words', () => {
  test('personal data in a name is redacted; an ordinary name is kept', () => {
    const m = email();
    assert.ok(!shownName(`exports/${m.value}.csv`).includes(m.secretPart));
    assert.equal(shownName('src/config/settings.ts'), 'src/config/settings.ts');
  });
});
