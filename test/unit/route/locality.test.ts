// The locality rule (one rule for chat, completion and health) and the private-path rule a workspace cannot
// weaken (issue #12, classes 8 and 10).
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { checkLocalEndpoint, isLocalEndpoint, isRemoteOllamaModel } from '../../../src/core/route/locality';

suite('routing: locality after resolving', () => {
  const lookup = (table: Record<string, string[]>) => async (host: string): Promise<string[]> => {
    if (!(host in table)) throw new Error('ENOTFOUND');
    return table[host];
  };

  test('*.localhost is not trusted without resolving', () => {
    assert.equal(isLocalEndpoint('http://ollama.localhost:11434', []), false);
    assert.equal(isLocalEndpoint('http://localhost:11434', []), true);
  });

  test('a non-literal host is local only when every address is loopback', async () => {
    const dns = lookup({ 'ollama.localhost': ['127.0.0.1'], 'evil.localhost': ['127.0.0.1', '203.0.113.7'], 'box.lan': ['::1'], 'gpu.lan': ['10.0.0.5'] });
    assert.equal(await checkLocalEndpoint('http://ollama.localhost:11434', [], dns), true);
    assert.equal(await checkLocalEndpoint('http://evil.localhost:11434', [], dns), false);
    assert.equal(await checkLocalEndpoint('http://box.lan:11434', [], dns), true);
    assert.equal(await checkLocalEndpoint('http://gpu.lan:11434', [], dns), false);
    assert.equal(await checkLocalEndpoint('http://unknown.invalid:11434', [], dns), false, 'a failed lookup is not local');
    assert.equal(await checkLocalEndpoint('http://gpu.lan:11434', ['gpu.lan'], dns), true, 'trusted by the user');
    assert.equal(await checkLocalEndpoint('http://10.0.0.5:11434', [], dns), false, 'IP literals are not resolved');
  });

  test('remote_model alone marks an Ollama model remote', () => {
    assert.equal(isRemoteOllamaModel({ remote_model: 'gpt-oss:120b' }), true);
    assert.equal(isRemoteOllamaModel({ remote_host: 'https://ollama.com:443' }), true);
    assert.equal(isRemoteOllamaModel({ remote_model: '' }), false);
    assert.equal(isRemoteOllamaModel({ capabilities: ['completion'] }), false);
  });
});

suite('routing: private paths a workspace cannot weaken', () => {
  test('the deny-list covers the files the issue names', () => {
    const p = createPathPolicy({ privateGlobs: [] });
    for (const f of ['.envrc', '.pgpass', '_netrc', 'prod.tfvars', 'prod.tfvars.json', '.secrets.toml', 'infra/.env.local', 'home/.vault-token', 'svc-service-account.json']) {
      assert.equal(p.isPrivate(f).private, true, f);
    }
    for (const f of ['src/app.ts', '.env.example', 'README.md', 'id_rsa.pub']) assert.equal(p.isPrivate(f).private, false, f);
  });

  test('.aiignore `!pattern` never re-includes what the deny-list or the user settings made private', () => {
    const p = createPathPolicy({ privateGlobs: ['contracts/**'], aiignore: '!.env\n!*.pem\n!contracts/**\n!secrets/\nnotes/*.md\n' });
    for (const f of ['.env', 'certs/server.pem', 'contracts/acme.md', 'secrets/db.txt']) assert.equal(p.isPrivate(f).private, true, f);
    assert.equal(p.isPrivate('notes/today.md').private, true, 'the workspace can still add privacy');
    assert.equal(p.isPrivate('src/app.ts').private, false);
  });

  test('the user settings may still re-include a default', () => {
    const p = createPathPolicy({ privateGlobs: ['!fixtures/test.key'] });
    assert.equal(p.isPrivate('fixtures/test.key').private, false);
  });
});
