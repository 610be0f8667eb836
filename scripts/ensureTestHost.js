#!/usr/bin/env node
// Installs what the integration and e2e tiers need, once, into a cache outside the repo:
// Debian's chromium/ripgrep/libkrb5-dev (and python3-flask / golang-github-spf13-cobra-dev, sources the unit tier's
// retrieval evaluation reads) and code-server 4.96.4 (VS Code 1.96.4) from the npm registry.
// Idempotent: a marker file records a finished install. Fails loudly when it cannot install.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.96.4';
const cacheRoot = process.env.HYBRID_TEST_CACHE || path.join(os.homedir(), '.cache', 'hybrid-assistant');
const hostDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const marker = path.join(hostDir, '.installed');
const entry = path.join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function log(msg) { process.stderr.write(`[test-host] ${msg}\n`); }
function run(cmd, args, cwd, extraEnv) {
  log(`${cwd ? `(${path.relative(cacheRoot, cwd) || '.'}) ` : ''}${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
}
function has(bin) {
  try { execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }); return true; } catch { return false; }
}

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!has('rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  // Code bases nobody here wrote, for the repo map's retrieval evaluation (test/unit/context/eval, pinned versions).
  if (!fs.existsSync('/usr/lib/python3/dist-packages/flask/app.py')) missing.push('python3-flask');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/spf13/cobra/command.go')) missing.push('golang-github-spf13-cobra-dev');
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-qq'], undefined);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], undefined, { DEBIAN_FRONTEND: 'noninteractive' });
}

function ensureCodeServer() {
  if (fs.existsSync(marker) && fs.existsSync(entry)) return;
  fs.rmSync(hostDir, { recursive: true, force: true });
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(path.join(hostDir, 'package.json'), JSON.stringify({ name: 'hybrid-test-host', private: true }));
  const npm = 'npm';
  run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], hostDir);
  run(npm, ['rebuild', 'argon2'], hostDir);

  const csDir = path.join(hostDir, 'node_modules', 'code-server');
  const vsDir = path.join(csDir, 'lib', 'vscode');
  // The shrinkwrap pins @vscode/proxy-agent to a git URL, which is unreachable offline: point it at the registry.
  const shrinkPath = path.join(vsDir, 'npm-shrinkwrap.json');
  const shrink = JSON.parse(fs.readFileSync(shrinkPath, 'utf8'));
  for (const [key, value] of Object.entries(shrink.packages || {})) {
    if (key.endsWith('node_modules/@vscode/proxy-agent') && value.version === '0.27.0') {
      value.resolved = 'https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz';
      delete value.integrity;
    }
  }
  fs.writeFileSync(shrinkPath, JSON.stringify(shrink, null, 2));
  run(npm, ['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund'], vsDir);

  // @vscode/ripgrep downloads rg from GitHub unless bin/ exists: give it Debian's rg.
  const rgBin = path.join(vsDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  const systemRg = execFileSync('sh', ['-c', 'command -v rg']).toString().trim();
  fs.copyFileSync(systemRg, path.join(rgBin, 'rg'));
  fs.chmodSync(path.join(rgBin, 'rg'), 0o755);
  run(npm, ['rebuild'], vsDir, { npm_config_unsafe_perm: 'true' });

  const link = (target, at) => { if (!fs.existsSync(at)) fs.symlinkSync(target, at); };
  link('node_modules', path.join(vsDir, 'node_modules.asar'));
  link('code-linux.sh', path.join(vsDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(vsDir, 'bin', 'helpers', 'browser.sh'));
  run(npm, ['install', '--omit=dev', '--no-audit', '--no-fund'], path.join(vsDir, 'extensions'));
  if (!fs.existsSync(entry)) throw new Error(`code-server entry point missing after install: ${entry}`);
  fs.writeFileSync(marker, new Date().toISOString());
}

function main() {
  ensureDebianPackages();
  ensureCodeServer();
  log(`ready: code-server ${CODE_SERVER_VERSION} at ${hostDir}`);
}

module.exports = { cacheRoot, hostDir, entry, CODE_SERVER_VERSION };
if (require.main === module) {
  try { main(); } catch (err) {
    process.stderr.write(`[test-host] FAILED to prepare the VS Code test host: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  }
}
