// `npm start` and the e2e tier share this: a code-server profile of its own (user data + extensions, never the
// user's VS Code profile) with the packaged extension installed, serving a workspace on loopback.
// With `demoServers` the loopback fakes answer instead of Ollama/Anthropic/OpenAI, and HYBRID_DEMO=1 tells the
// extension to say so (status bar tooltip, chat view).

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  installVsix, isLoopbackHost, QUIET_SETTINGS, startCodeServer, updateUserSettings, type CodeServer,
} from './codeServerHost';
import { startFakes, type RunningFakes } from './fakes';
import { onStop } from './processes';
import { ensureVsix } from './vsix';

export interface WorkbenchOptions {
  /** Holds user-data/ and extensions/; reused across starts. */
  profileDir: string;
  /** The workspace folder to open. */
  folder: string;
  host?: string;
  port?: number;
  /** Required for a non-loopback host; code-server then asks for it. */
  password?: string;
  demoServers?: boolean;
  /** A prebuilt .vsix; by default the repo's, rebuilt when stale. */
  vsix?: string;
  /** Extra user settings written before the server starts. */
  settings?: Record<string, unknown>;
  log?: (line: string) => void;
}

export interface Workbench {
  /** The URL to open: it lands in `folder`. */
  url: string;
  server: CodeServer;
  fakes?: RunningFakes;
  userDataDir: string;
  extensionsDir: string;
  /** The installed copy of the extension (what the .vsix unpacked to). */
  extensionDir: string;
  stop(): Promise<void>;
}

/** The settings the demo points at the fakes; removed again by a later start without --demo-servers. */
const DEMO_KEYS = ['hybrid.local.baseUrl', 'hybrid.anthropic.baseUrl', 'hybrid.openai.baseUrl'] as const;

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !opts.password) {
    throw new Error(`refusing to bind to ${host}: only 127.0.0.1 is served without a password (pass --password)`);
  }
  const userDataDir = path.join(opts.profileDir, 'user-data');
  const extensionsDir = path.join(opts.profileDir, 'extensions');
  const vsix = opts.vsix ?? await ensureVsix(log);
  const extensionDir = await installIfChanged(vsix, opts.profileDir, extensionsDir, userDataDir, log);

  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) updateUserSettings(userDataDir, { ...QUIET_SETTINGS });
  const demoRecord = path.join(opts.profileDir, 'demo-settings.json');
  const env: Record<string, string> = {};
  let fakes: RunningFakes | undefined;
  if (opts.demoServers) {
    fakes = await startFakes(undefined, { demo: true });
    const demo: Record<string, string> = {
      'hybrid.local.baseUrl': fakes.urls.ollama,
      'hybrid.anthropic.baseUrl': fakes.urls.anthropic,
      'hybrid.openai.baseUrl': fakes.urls.openai,
    };
    updateUserSettings(userDataDir, { ...demo, ...(opts.settings ?? {}) });
    fs.writeFileSync(demoRecord, JSON.stringify(demo));
    // Generated per start: the fakes accept any key, and a real key is never sent to them.
    Object.assign(env, {
      HYBRID_DEMO: '1',
      OLLAMA_HOST: fakes.urls.ollama,
      ANTHROPIC_API_KEY: `demo-${randomBytes(12).toString('hex')}`,
      OPENAI_API_KEY: `demo-${randomBytes(12).toString('hex')}`,
    });
    log(`demo: canned answers from loopback fakes (ollama ${fakes.urls.ollama}, anthropic ${fakes.urls.anthropic}, openai ${fakes.urls.openai})`);
  } else {
    updateUserSettings(userDataDir, { ...forgetDemoSettings(userDataDir, demoRecord), ...(opts.settings ?? {}) });
  }

  writeDemoSecret(opts.folder);
  writeDemoTicket(opts.folder);
  let server: CodeServer;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      logFile: path.join(opts.profileDir, 'code-server.log'),
      folder: opts.folder,
      host,
      port: opts.port,
      password: opts.password,
      env,
      // Real configuration sources (OLLAMA_HOST, ANTHROPIC_API_KEY, OPENAI_API_KEY) unless the demo replaced them.
      inheritCredentials: !opts.demoServers,
    });
  } catch (err) {
    await fakes?.stop();
    throw err;
  }
  const stop = onStop(async () => {
    await server.stop();
    await fakes?.stop();
  });
  return { url: server.url, server, fakes, userDataDir, extensionsDir, extensionDir, stop };
}

/** Installs the .vsix unless this exact file (size + mtime) is what the profile already holds. */
async function installIfChanged(vsix: string, profileDir: string, extensionsDir: string, userDataDir: string, log: (l: string) => void): Promise<string> {
  const stampFile = path.join(profileDir, 'installed-vsix.json');
  const st = fs.statSync(vsix);
  const stamp = JSON.stringify({ file: vsix, size: st.size, mtimeMs: st.mtimeMs });
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    const dir = (JSON.parse(fs.readFileSync(path.join(profileDir, 'installed-dir.json'), 'utf8')) as { dir: string }).dir;
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  log(`installing ${path.basename(vsix)} into ${extensionsDir}`);
  fs.mkdirSync(profileDir, { recursive: true });
  const dir = await installVsix(vsix, extensionsDir, userDataDir);
  fs.writeFileSync(path.join(profileDir, 'installed-dir.json'), JSON.stringify({ dir }));
  fs.writeFileSync(stampFile, stamp);
  return dir;
}

/** Settings patch that removes the demo's URLs if they are still what the demo wrote (user edits stay). */
function forgetDemoSettings(userDataDir: string, demoRecord: string): Record<string, unknown> {
  if (!fs.existsSync(demoRecord)) return {};
  const written = JSON.parse(fs.readFileSync(demoRecord, 'utf8')) as Record<string, string>;
  const file = path.join(userDataDir, 'User', 'settings.json');
  let current: Record<string, unknown> = {};
  try { current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>; } catch { /* rewritten below */ }
  const patch: Record<string, unknown> = {};
  for (const key of DEMO_KEYS) if (current[key] !== undefined && current[key] === written[key]) patch[key] = undefined;
  fs.rmSync(demoRecord, { force: true });
  return patch;
}

/**
 * Writes config/.env.local in the workspace: an obviously fake secret, generated now, so the privacy features
 * have something to find. The shapes match what scanners look for; the values are random and labelled fake.
 */
export function writeDemoSecret(folder: string): string {
  const file = path.join(folder, 'config', '.env.local');
  if (fs.existsSync(file)) return file;
  const pick = (alphabet: string, n: number): string =>
    Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const mixed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // Prefixes are assembled so that no source file contains a literal key shape.
  const awsPrefix = ['AK', 'IA'].join('');
  const ghPrefix = ['gh', 'p_'].join('');
  const text = [
    '# FAKE credentials generated by `npm start` for the Hybrid Assistant demo. They open nothing.',
    '# This is a private path (.env*): "Ask (cloud)" refuses to send any of it, and "Ask (private)" reads it',
    '# on this machine. For a redaction, ask the cloud about data/support_ticket.md instead.',
    `AWS_ACCESS_KEY_ID=${awsPrefix}${pick(upper, 16)}`,
    `AWS_SECRET_ACCESS_KEY=${pick(mixed, 40)}`,
    `GITHUB_TOKEN=${ghPrefix}${pick(mixed, 36)}`,
    `DATABASE_URL=postgres://shop:${pick(mixed, 20)}@127.0.0.1:5432/shop`,
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/**
 * Writes data/support_ticket.md: an ordinary (not private) file in which a customer pasted an e-mail address and a
 * secret key, so "Ask (cloud)" shows the egress gate redacting them. Generated now, random, labelled fake.
 */
export function writeDemoTicket(folder: string): string {
  const file = path.join(folder, 'data', 'support_ticket.md');
  if (fs.existsSync(file)) return file;
  const pick = (alphabet: string, n: number): string =>
    Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
  const mixed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const keyPrefix = ['sk', 'live', ''].join('_');
  const who = `dana.${pick('abcdefghijklmnopqrstuvwxyz', 5)}`;
  const text = [
    '# Support ticket 4821 (FAKE, generated by `npm start` for the Hybrid Assistant demo)',
    '',
    `From: Dana <${who}@gmail.com>`,
    '',
    'Coupon SPRING2026 is rejected at checkout with "invalid coupon code". I pasted our shop key below in case',
    `you need it: ${keyPrefix}${pick(mixed, 24)}`,
    '',
    'Ask "Ask (cloud)" why the coupon is rejected: the e-mail address and the key are redacted before sending.',
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
