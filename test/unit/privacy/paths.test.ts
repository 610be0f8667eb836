import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { isLocalEndpoint, isRemoteOllamaModel } from '../../../src/core/route/locality';

suite('routing: private paths', () => {
  const policy = createPathPolicy({ privateGlobs: ['contracts/**', '*.sql'], aiignore: '# comment\n/config/prod.json\nvendor-secrets/\n!vendor-secrets/README.md\n' });

  test('default deny-list', () => {
    for (const p of ['.env', '.env.local', 'app/.env.production', 'certs/server.pem', 'tls.key', 'id_rsa', '.ssh/id_ed25519',
      'keystore.p12', 'credentials.json', 'secrets.yaml', '.npmrc', '.pypirc', 'kubeconfig', 'infra/prod.tfstate', '.aws/credentials']) {
      assert.equal(policy.isPrivate(p).private, true, p);
    }
    for (const p of ['.env.example', 'src/env.ts', 'README.md', 'id_rsa.pub', 'src/keys.ts']) {
      assert.equal(policy.isPrivate(p).private, false, p);
    }
  });

  test('user globs and .aiignore (gitignore syntax, with negation) report the rule', () => {
    assert.deepEqual(policy.isPrivate('contracts/acme/msa.md'), { private: true, rule: 'contracts/**', source: 'settings' });
    assert.deepEqual(policy.isPrivate('vendor-secrets/a.txt'), { private: true, rule: 'vendor-secrets/', source: 'aiignore' });
    assert.deepEqual(policy.isPrivate('app/.env.production'), { private: true, rule: '.env.*', source: 'built-in' });
    assert.equal(policy.isPrivate('db/dump.sql').rule, '*.sql');
    assert.equal(policy.isPrivate('config/prod.json').private, true);
    assert.equal(policy.isPrivate('vendor-secrets/a.txt').private, true);
    assert.equal(policy.isPrivate('src/config/prod.json').private, false);
  });

  test('absolute and Windows paths match on their workspace-relative tail', () => {
    assert.equal(policy.isPrivate('/home/me/app/config/prod.json').private, true);
    assert.equal(policy.isPrivate('C:\\work\\app\\.env').private, true);
    assert.equal(policy.isPrivate('/home/me/app/src/index.ts').private, false);
    assert.equal(policy.isPrivate('./contracts/x.md').private, true);
    assert.equal(policy.isPrivate('').private, false);
  });

  test('every spelling of a private file is private: URI parts, escapes, `..`, Unicode forms, Windows names', () => {
    const anchored = createPathPolicy({ privateGlobs: ['données/'], aiignore: '/vault/\n' });
    for (const p of ['file:///ws/.env?ref=main', '/ws/.env#L3', 'file:///ws/%2Eenv', 'src/../vault/keys.ts', 'vault/./a/../k.ts',
      'vscode-notebook-cell:/vault/model.ipynb#W0sZmlsZQ%3D%3D', 'vscode-remote://ssh-remote+box/vault/k.ts', 'donne\u0301es/clients.ts',
      'C:\\ws\\.env::$DATA', 'C:\\ws\\.env. ', '\\\\server\\share\\.env', 'config/.ENV']) {
      assert.equal(anchored.isPrivate(p).private, true, p);
    }
  });

  test('a glob written `./x/**` or `x\\**` means what its writer meant; a re-include is never widened', () => {
    assert.equal(createPathPolicy({ privateGlobs: ['./vault/**'] }).isPrivate('vault/k.ts').private, true);
    assert.equal(createPathPolicy({ privateGlobs: ['vault\\**'] }).isPrivate('vault/k.ts').private, true);
    assert.equal(createPathPolicy({ privateGlobs: [], aiignore: './vault/\r\n' }).isPrivate('vault/k.ts').private, true);
    const reinclude = createPathPolicy({ privateGlobs: [], aiignore: '*.sql\n!./seed.sql\n' });
    assert.equal(reinclude.isPrivate('seed.sql').private, true, 'the `!./` spelling is not widened into a re-include');
    assert.equal(createPathPolicy({ privateGlobs: ['./vault/**'] }).isPrivate('src/vault.ts').private, false);
  });

  test('benign: the same characters in ordinary names change nothing', () => {
    const anchored = createPathPolicy({ privateGlobs: ['données/'], aiignore: '/vault/\n' });
    for (const p of ['src/notes#1.md', 'docs/a%20b.md', 'src/env.ts?x=1', 'file:///ws/src/index.ts', 'src/vault/readme.md', 'src/../lib/x.ts',
      'donnees/clients.ts', 'C:\\ws\\src\\env.ts', 'src/v1.2./x.ts', 'vscode-notebook-cell:/ws/nb.ipynb#W0sZmlsZQ%3D%3D']) {
      assert.equal(anchored.isPrivate(p).private, false, p);
    }
  });
});

suite('routing: local means local', () => {
  test('loopback hosts are local', () => {
    for (const u of ['http://127.0.0.1:11434', 'http://localhost:11434', 'http://[::1]:11434', 'http://127.8.9.10', 'https://localhost', 'http://[::ffff:127.0.0.1]:1']) {
      assert.equal(isLocalEndpoint(u, []), true, u);
    }
  });

  test('anything else needs trustedHosts', () => {
    for (const u of ['http://10.0.0.5:11434', 'http://gpu-box.lan:11434', 'https://ollama.com', 'http://0.0.0.0:11434', 'http://127.0.0.1.evil.com', 'not a url', 'file:///etc/passwd']) {
      assert.equal(isLocalEndpoint(u, []), false, u);
    }
    assert.equal(isLocalEndpoint('http://gpu-box.lan:11434', ['GPU-box.lan']), true);
    assert.equal(isLocalEndpoint('http://10.0.0.5:11434', ['10.0.0.5:11434']), true);
    assert.equal(isLocalEndpoint('http://10.0.0.6:11434', ['10.0.0.5']), false);
  });

  test('Ollama cloud models (remote_host / remote_model) are not local', () => {
    assert.equal(isRemoteOllamaModel({ remote_host: 'https://ollama.com:443', remote_model: 'gpt-oss:120b' }), true);
    assert.equal(isRemoteOllamaModel({ remote_model: 'x' }), true);
    assert.equal(isRemoteOllamaModel({ details: { family: 'qwen2' } }), false);
    assert.equal(isRemoteOllamaModel({ remote_host: '' }), false);
    assert.equal(isRemoteOllamaModel(null), false);
  });
});
