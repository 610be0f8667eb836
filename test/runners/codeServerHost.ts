// Starts code-server 4.96.4 (VS Code 1.96.4 in the browser) for the test tiers and `npm start`, and installs
// a .vsix into an extensions folder. The install itself is scripts/ensureTestHost.js; this file only runs it.
// Facts behind the flags: ../../../shared/docs/real-vscode-testing.md (kept in sync with README "Testing").

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { killTree, onStop, trackGroup } from './processes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const testHost = require('../../scripts/ensureTestHost.js') as {
  entry: string; hostDir: string; CODE_SERVER_VERSION: string;
  native: { version: string; entry: string; node: string; nodeDir: string };
};

/** Which code-server runs: 4.96.4 on this machine's Node (default) or 4.139.1 on Node 24 (VS Code's own Chat). */
export interface HostBinary { entry: string; node: string; version: string }
export const DEFAULT_HOST: HostBinary = { entry: testHost.entry, node: process.execPath, version: testHost.CODE_SERVER_VERSION };
export const NATIVE_HOST: HostBinary = { entry: testHost.native.entry, node: testHost.native.node, version: testHost.native.version };

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_ENTRY: string = testHost.entry;
export const EXTENSION_ID = 'hybrid-assistant.hybrid-assistant';

/** Settings every profile the runners create starts with: no start page, no telemetry, no update checks. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // The word-based suggest popup opens on typed characters such as '(' and covers the ghost text the completion
  // tests look for; a test of inline completion is not a test of that popup.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
});

/** Variables that carry the user's real credentials or endpoints; test runs never pass them on. */
export const REAL_CREDENTIAL_VARS = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'OLLAMA_HOST', 'HYBRID_DEMO'] as const;

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Where the server's stdout/stderr go (appended). */
  logFile: string;
  /** Folder opened when the URL has no ?folder=. */
  folder?: string;
  port?: number;
  host?: string;
  /** With a password code-server uses `--auth password`; without one it must bind to loopback. */
  password?: string;
  /** Extra environment for the server and therefore the extension host. */
  env?: Record<string, string>;
  /** Keep ANTHROPIC_API_KEY / OPENAI_API_KEY / OLLAMA_HOST from this process (only `npm start` does). */
  inheritCredentials?: boolean;
  readyTimeoutMs?: number;
  /** Default: DEFAULT_HOST (code-server 4.96.4). */
  binary?: HostBinary;
}

export interface CodeServer {
  url: string;
  port: number;
  logFile: string;
  child: ChildProcess;
  /** Resolves with the exit code when the server process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves true once `url` answers with status < 500, false after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive()) {
    const status = await new Promise<number>((resolve) => {
      const req = http.get(url, { timeout: 2_000 }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
    });
    if (status > 0 && status < 500) return true;
    await sleep(250);
  }
  return false;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads settings.json (tolerating comments and trailing commas), merges `patch` (undefined deletes), writes it. */
export function updateUserSettings(userDataDir: string, patch: Record<string, unknown>): string {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    try {
      current = parseJsonc(text);
    } catch {
      fs.copyFileSync(file, `${file}.unreadable-${Date.now()}`);
      current = {};
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete current[key];
    else current[key] = value;
  }
  fs.writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
  return file;
}

function parseJsonc(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  // Strip // and /* */ comments outside strings, then trailing commas: enough for settings files.
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') { out += text[++i] ?? ''; } else if (c === '"') inString = false;
    } else if (c === '"') { inString = true; out += c; }
    else if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; out += '\n'; }
    else if (c === '/' && text[i + 1] === '*') { i = text.indexOf('*/', i + 2); if (i < 0) break; i++; }
    else out += c;
  }
  const parsed: unknown = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('settings.json is not an object');
  return parsed as Record<string, unknown>;
}

/** Environment for code-server: this process's, minus real credentials unless asked, plus `extra`. */
function serverEnv(opts: CodeServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!opts.inheritCredentials) for (const name of REAL_CREDENTIAL_VARS) delete env[name];
  // code-server reads these itself; never let a caller's shell change auth or where it binds.
  for (const name of ['PASSWORD', 'HASHED_PASSWORD', 'PORT', 'CODE_SERVER_CONFIG', 'VSCODE_PROXY_URI']) delete env[name];
  if (opts.password) env.PASSWORD = opts.password;
  return { ...env, ...(opts.env ?? {}) };
}

/** Starts code-server and resolves once it answers HTTP; rejects (with the log's tail) if it does not. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const bin = opts.binary ?? DEFAULT_HOST;
  if (!fs.existsSync(bin.entry)) {
    throw new Error(`code-server ${bin.version} is not installed at ${bin.entry}; run: node scripts/ensureTestHost.js`);
  }
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !opts.password) throw new Error(`refusing to serve on ${host} without a password`);
  const port = opts.port ?? await freePort();
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'a');
  // Our own (empty) config file, so ~/.config/code-server/config.yaml (cert, auth, …) never applies here.
  const config = path.join(opts.userDataDir, 'code-server.yaml');
  fs.writeFileSync(config, '# the other flags are passed on the command line\ndisable-telemetry: true\n');
  const args = [
    bin.entry,
    '--config', config,
    '--auth', opts.password ? 'password' : 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(opts.folder ? [opts.folder] : []),
  ];
  const child = spawn(bin.node, args, {
    env: serverEnv(opts),
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  trackGroup(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = onStop(() => killTree(child));
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const ready = await waitForHttp(`${url}healthz`, opts.readyTimeoutMs ?? 90_000, () => child.exitCode === null);
  if (!ready) {
    await stop();
    throw new Error(`code-server did not start on ${url} (log: ${opts.logFile})\n${tail(opts.logFile, 40)}`);
  }
  return { url, port, logFile: opts.logFile, child, exited, stop };
}

/** Installs a .vsix into `extensionsDir` (replacing an older copy) and returns the installed folder. */
export async function installVsix(vsix: string, extensionsDir: string, userDataDir: string, bin: HostBinary = DEFAULT_HOST): Promise<string> {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const out = await new Promise<string>((resolve, reject) => {
    execFile(bin.node, [
      bin.entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
      '--install-extension', vsix, '--force',
    ], { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      const text = `${stdout}${stderr}`;
      if (err) reject(new Error(`installing ${path.basename(vsix)} failed: ${err.message}\n${text}`));
      else resolve(text);
    });
  });
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = path.join(extensionsDir, `${EXTENSION_ID}-${version}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`the .vsix did not install into ${dir}:\n${out}`);
  }
  return dir;
}

/** The last `lines` lines of a text file ('' when it does not exist). */
export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Copies a folder tree (used to give each run a fresh copy of a workspace). */
export function copyDir(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}
