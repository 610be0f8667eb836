#!/usr/bin/env node
// `npm start`: VS Code 1.96.4 in the browser (code-server, installed by scripts/ensureTestHost.js) with the
// packaged Hybrid Assistant installed into a private profile, serving the sample/ workspace on 127.0.0.1.
//
//   npm start                          real Ollama (OLLAMA_HOST or 127.0.0.1:11434) and your ANTHROPIC_API_KEY / OPENAI_API_KEY
//   npm start -- --demo-servers        canned answers from the project's loopback fakes (no Ollama, no keys)
//   npm start -- --port 9000           another port (default 8357, or a free one if taken)
//   npm start -- --bind 0.0.0.0 --password <secret>   serve beyond this machine (needs a password)
//   npm start -- --profile <dir>       another profile folder (default ~/.cache/hybrid-assistant/profile)
//   npm start -- --folder <dir>        open another folder instead of sample/
//   npm start -- --vsix <file>         install this .vsix instead of building the repo's
//
// Ctrl-C stops code-server and the fakes. A second start reuses the profile and the installed code-server.
'use strict';
require('tsx/cjs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startWorkbench } = require('../test/runners/workbench.ts');
const { isStopping, stopAll } = require('../test/runners/processes.ts');

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORT = 8357;

function usage(message) {
  if (message) process.stderr.write(`npm start: ${message}\n\n`);
  const lines = require('node:fs').readFileSync(__filename, 'utf8').split('\n').slice(1, 12);
  process.stderr.write(`${lines.map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`);
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const opts = {
    demoServers: false,
    host: '127.0.0.1',
    port: undefined,
    password: undefined,
    profileDir: process.env.HYBRID_PROFILE_DIR || path.join(os.homedir(), '.cache', 'hybrid-assistant', 'profile'),
    folder: path.join(REPO_ROOT, 'sample'),
    vsix: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--demo-servers': opts.demoServers = true; break;
      case '--port': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 1 || p > 65535) usage(`--port needs a number between 1 and 65535`);
        opts.port = p;
        break;
      }
      case '--bind': case '--host': opts.host = value(); break;
      case '--password': opts.password = value(); break;
      case '--profile': opts.profileDir = path.resolve(value()); break;
      case '--folder': opts.folder = path.resolve(value()); break;
      case '--vsix': opts.vsix = path.resolve(value()); break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown option ${arg}`);
    }
  }
  return opts;
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(opts.host) || /^127\./.test(opts.host);
  if (!loopback && !opts.password) {
    usage(`refusing to bind to ${opts.host} without --password: anyone who can reach it would get a VS Code with a terminal`);
  }
  if (opts.port === undefined) {
    opts.port = (await portIsFree(DEFAULT_PORT, opts.host)) ? DEFAULT_PORT : undefined;
  }
  // Idempotent: installs Chromium/ripgrep/code-server only when missing.
  require('node:child_process').execFileSync(process.execPath, [path.join(__dirname, 'ensureTestHost.js')], { stdio: 'inherit' });

  const wb = await startWorkbench({
    profileDir: opts.profileDir,
    folder: opts.folder,
    host: opts.host,
    port: opts.port,
    password: opts.password,
    demoServers: opts.demoServers,
    vsix: opts.vsix,
    log: (line) => process.stderr.write(`[start] ${line}\n`),
  });
  const url = `${wb.url}?folder=${encodeURIComponent(opts.folder)}`;
  process.stdout.write([
    '',
    `Hybrid Assistant in VS Code 1.96.4 (code-server)${opts.demoServers ? ' — DEMO: canned answers from loopback fakes' : ''}`,
    `  open: ${url}`,
    `  profile: ${opts.profileDir} (delete it for a fresh start)`,
    `  log: ${wb.server.logFile}`,
    '  Ctrl-C stops everything.',
    '',
  ].join('\n') + '\n');
  wb.server.exited.then(async (code) => {
    if (isStopping()) return;
    process.stderr.write(`[start] code-server exited (${code}); see ${wb.server.logFile}\n`);
    await wb.stop();
    process.exit(1);
  });
}

module.exports = { startWorkbench, parseArgs };

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`npm start failed: ${err && err.message ? err.message : err}\n`);
    stopAll().finally(() => process.exit(1));
  });
}
