// The mechanisms round five's probes (surfaces/probes5.test.ts) showed missing, each beside its benign twins: a
// private file's path typed in any spelling, and chat webhooks whose URL is the credential. Values drawn at test time.
import * as assert from 'node:assert/strict';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { githubPat } from '../../fixtures/privacy/surfaces/planted';
import type { ChatBody } from '../../../src/core/wire/types';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const kinds = (t: string): string[] => scanSensitive(t, { markers }).map((f) => f.kind);
const hex = (n: number): string => { for (;;) { const v = randomBytes(n / 2).toString('hex'); if (/[a-f]/.test(v) && /\d/.test(v)) return v; } };
const urlsafe = (n: number): string => { for (;;) { const v = randomBytes(n).toString('base64url').slice(0, n); if (/\d/.test(v) && /[A-Z]/.test(v)) return v; } };
const j = (...p: string[]): string => p.join('');

suite('round five: private paths typed in any spelling', () => {
  const policy = createPathPolicy({ privateGlobs: ['billing/**'], aiignore: 'deals/\n/config/tenants/\n' });
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: policy });
  const sent = (text: string): string => {
    const body: ChatBody = { model: 'm', system: 'You help.', maxTokens: 64, messages: [{ role: 'user', content: text }] };
    const r = gate.prepare(body, []);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.ok ? r.body.messages[0].content as string : '';
  };
  test('absolute, Windows, UNC, file://, ~ and $HOME spellings of a file under a user rule are redacted', () => {
    for (const spell of [(c: string) => `/home/u/proj/deals/${c}.xlsx`, (c: string) => `C:\\work\\proj\\config\\tenants\\${c}.yaml`, (c: string) => `C:\\\\work\\\\proj\\\\deals\\\\${c}.xlsx`,
      (c: string) => `./billing\\${c}.json`, (c: string) => `\\\\fs01\\team\\deals\\${c}.xlsx`, (c: string) => `~/proj/config/tenants/${c}.yaml`, (c: string) => `$HOME/proj/config/tenants/${c}.yaml`,
      (c: string) => `%USERPROFILE%\\proj\\deals\\${c}.xlsx`, (c: string) => `at load (D:\\proj\\billing\\${c}.js:12:5)`, (c: string) => `"/srv/app/config/tenants/${c}.yaml"`, (c: string) => `file:///home/u/proj/deals/${c}.xlsx`,
      (c: string) => `"C:\\Users\\Jane Doe\\proj\\config\\tenants\\${c}.yaml"`, (c: string) => `'/Users/jane/My Drive/proj/config/tenants/${c}.yaml'`]) {
      const c = `northwind${randomInt(1000, 9999)}`;
      const out = sent(`Why is ${spell(c)} slow to parse?`);
      assert.ok(!out.includes(c), out);
    }
  });
  test('the word ends at a run of escaped newlines: the path before it is judged, the text after it is not', () => {
    const c = `northwind${randomInt(1000, 9999)}`;
    assert.ok(!sent(`{"log": "opened deals\\\\${c}.xlsx\\n\\nUsage: export"}`).includes(c));
    const help = '{"help": "data\\n\\nNavigation:\\n  go back"}';
    assert.equal(sent(help), help, 'a folder named n was read out of escaped text');
  });
  test('generic, public and system paths, escapes and regexes go unchanged', () => {
    for (const t of ['/home/u/proj/.env', 'C:\\work\\proj\\src\\app.ts', '/etc/nginx/conf.d/default.conf', 'C:\\Windows\\System32\\drivers\\etc\\hosts', '~/.bashrc',
      '/home/u/proj/src/dealsView.tsx', 'C:\\proj\\configs\\tenants.ts', 'const re = /^\\s+deals\\/x$/;', '"\\u2028\\u2029 deals"', 'split(/\\r?\\n/)', 'https://example.com/deals/x.html',
      'print("done\\nDeals loaded")', '"C:\\Program Files\\nodejs\\node.exe"', "'/usr/bin/env node'", '"/Users/jane/My Drive/notes.md"']) {
      assert.equal(sent(`Look at ${t} please`), `Look at ${t} please`, t);
    }
  });
});

suite('round five: webhook URLs', () => {
  const teams = (host: string): string => `https://${host}/${randomUUID()}@${randomUUID()}/IncomingWebhook/${hex(32)}/${randomUUID()}`;
  test('Teams connector URLs: tenant host, /V2 key, uppercase GUIDs, %40, the old outlook host', () => {
    const tenant = j('contoso.webhook', '.office.com/webhookb2');
    for (const t of [`url: ${teams(tenant)}`, `url: ${teams(tenant)}/V2${urlsafe(44)}`, `"${teams(tenant).toUpperCase().replace('HTTPS://CONTOSO.WEBHOOK.OFFICE.COM/WEBHOOKB2', `https://${tenant}`).replace('INCOMINGWEBHOOK', 'IncomingWebhook')}"`,
      teams(tenant).replace('@', '%40'), teams(j('outlook', '.office.com/webhook'))]) {
      const out = scanSensitive(t, { markers });
      assert.ok(out.some((f) => f.kind === 'teams-webhook'), `${t}: ${out.map((f) => f.kind).join(',') || 'nothing'}`);
    }
  });
  test('Discord on discordapp.com, ptb./canary. hosts and versioned paths', () => {
    for (const h of [j('discord', 'app.com/api'), j('ptb.discord', '.com/api/v9'), j('canary.discord', '.com/api/v10'), j('discord', '.com/api')]) {
      const t = `https://${h}/webhooks/${randomInt(1e8, 9e8)}${randomInt(1e9, 9e9)}/${urlsafe(68)}`;
      assert.ok(kinds(t).includes('discord-webhook'), t);
    }
  });
  test('templates, docs links and the documented Slack placeholder are not webhooks', () => {
    for (const t of ['https://<org>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<altId>/<groupOwner>',
      'https://contoso.webhook.office.com/webhookb2/00000000-0000-0000-0000-000000000000@00000000-0000-0000-0000-000000000000/IncomingWebhook/00000000000000000000000000000000/00000000-0000-0000-0000-000000000000',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://discord.com/api/v10/webhooks/{webhook.id}/{webhook.token}',
      'see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook']) {
      assert.deepEqual(kinds(t), [], t);
    }
  });
});

suite('round five: the rest of a token cut across turns', () => {
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
  const last = (first: string, second: string): string => {
    const r = gate.prepare({ model: 'm', system: 'You help.', maxTokens: 64, messages: [{ role: 'user', content: first }, { role: 'assistant', content: 'Go on.' }, { role: 'user', content: second }] }, []);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.ok ? r.body.messages[2].content as string : '';
  };
  test('a rest of letters only, in random case, is redacted; identifiers after a cut token go', () => {
    // 91% of random 22-letter rests read as random case (announced.ts); 80 of 100 fails about once in 10,000 runs.
    let caught = 0;
    for (let i = 0; i < 100; i++) {
      const g = githubPat();
      const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
      const rest = Array.from({ length: 22 }, () => L[randomInt(L.length)]).join('');
      if (!last(`The CI token starts ${g.value.slice(0, 18)}`, `...and the rest is ${rest}. Is it valid?`).includes(rest)) caught++;
    }
    assert.ok(caught >= 80, `${caught} of 100`);
    const g = githubPat();
    for (const w of ['getElementsByClassName', 'HTMLDivElement', 'WebGLRenderingContext', 'MySQLConnectionPool', 'DOMContentLoaded', 'McDonaldsUSA', 'camelCaseIsFine', 'iPhoneXsMax']) {
      assert.ok(last(`The CI token starts ${g.value.slice(0, 18)}`, `Unrelated: why is ${w} undefined?`).includes(w), w);
    }
  });
});
