// Red team, surface 2: an editor agent's steps (AskInput.steps) through the real pipeline and the real SDKs. The
// agent reads `.env`, runs shell commands, gets base64 blobs back, and its tool output arrives in pieces; nothing
// secret and nothing from a private file may reach a cloud fake, while ordinary tool output still goes out.
import * as assert from 'node:assert/strict';
import { lmRequestToAsk, type LmMessage } from '../../../../src/core/native/lmMessages';
import type { ToolSpec } from '../../../../src/core/request';
import { awsKeyId, dbPassword, dotenv, githubPat, leakIn, pemKey, proprietaryCode, slackToken, stripeKey, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';

const TOOLS: ToolSpec[] = ['read_file', 'run_in_terminal', 'grep_search'].map((name) => ({ name, description: `${name} tool` }));
const Q = 'Why does the service fail to start in staging? Walk through the configuration it loads.';
// Ask (automatic) must want the cloud on its own, so only privacy can keep an attack local.
const COMPLEX = 'Propose a migration strategy for this service across our regions: weigh the trade-offs between consistency and availability, explain the failure modes and how to roll it out safely.';

/** The agent's request after it ran `calls` and got `results` back (one assistant turn, one user turn of results). */
function agentTurn(calls: Array<{ name: string; args: object }>, results: string[], question = Q): LmMessage[] {
  return [
    { role: 'user', parts: [{ kind: 'text', text: question }] },
    { role: 'assistant', parts: calls.map((c, i) => ({ kind: 'toolCall' as const, call: { id: `call_${i}`, name: c.name, input: JSON.stringify(c.args) } })) },
    { role: 'user', parts: results.map((text, i) => ({ kind: 'toolResult' as const, callId: `call_${i}`, text })) },
  ];
}

const ws = (p: string) => p.replace(/^\/ws\//, '');

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

interface Attack { name: string; messages: () => { messages: LmMessage[]; planted: Planted[] } }

function split(p: Planted, at: number): [string, string] {
  const cut = p.value.length - p.secretPart.length + at;
  return [p.value.slice(0, cut), p.value.slice(cut)];
}

const ATTACKS: Attack[] = [
  { name: 'read_file of .env', messages: () => { const d = dotenv(); return { planted: d.planted, messages: agentTurn([{ name: 'read_file', args: { filePath: '/ws/.env' } }], [d.text]) }; } },
  { name: 'cat .env in the terminal (the path is only in the command)', messages: () => {
    const d = dotenv(); return { planted: d.planted, messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'cat .env' } }], [d.text]) };
  } },
  { name: 'a nested path argument ({ args: { filePaths: [...] } })', messages: () => {
    const d = dotenv(); return { planted: d.planted, messages: agentTurn([{ name: 'read_file', args: { args: { filePaths: ['/ws/config/.env'] } } }], [d.text]) };
  } },
  { name: 'a percent-encoded file URI', messages: () => {
    const d = dotenv(); return { planted: d.planted, messages: agentTurn([{ name: 'read_file', args: { uri: 'file:///ws/%2Eenv' } }], [d.text]) };
  } },
  { name: 'kubectl secret output, values base64-encoded', messages: () => {
    const gh = githubPat(); const st = stripeKey();
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const planted = [gh, st].map((p) => ({ name: `${p.name} (base64)`, value: b64(p.value), secretPart: b64(p.value).slice(8) }));
    const out = `apiVersion: v1\nkind: Secret\ndata:\n  GITHUB_TOKEN: ${b64(gh.value)}\n  STRIPE_KEY: ${b64(st.value)}\ntype: Opaque\n`;
    return { planted: [...planted, gh, st], messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'kubectl get secret app -o yaml' } }], [out]) };
  } },
  { name: 'a token split across two truncated tool outputs', messages: () => {
    const gh = githubPat(); const [a, b] = split(gh, 18);
    return { planted: [gh], messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'printenv | head -c 200' } },
      { name: 'run_in_terminal', args: { command: 'printenv | tail -c +201' } }], [`HOME=/home/dev\nGITHUB_TOKEN=${a}`, `${b}\nPATH=/usr/bin`]) };
  } },
  { name: 'a token in three truncated pieces, the last one on a new line', messages: () => {
    const st = stripeKey(); const v = st.value; const a = Math.floor(v.length / 3); const b = Math.floor((2 * v.length) / 3);
    return { planted: [st], messages: agentTurn([0, 1, 2].map((n) => ({ name: 'run_in_terminal', args: { command: `printenv | cut -c ${n * 100}-` } })),
      [`STRIPE_KEY=${v.slice(0, a)}`, v.slice(a, b), `\n${v.slice(b)}\nHOME=/home/dev`]) };
  } },
  { name: 'an AWS key id split across the call arguments and the result', messages: () => {
    const k = awsKeyId(); const [a, b] = split(k, 8);
    return { planted: [k], messages: agentTurn([{ name: 'run_in_terminal', args: { command: `aws iam get-access-key-last-used --access-key-id ${a}` } }], [`${b} last used 2026-11-30 in eu-west-1`]) };
  } },
  { name: 'a PEM key split across two read_file line ranges', messages: () => {
    const k = pemKey(); const lines = k.value.split('\n'); const half = Math.floor(lines.length / 2);
    return { planted: [k, { ...k, secretPart: lines[half + 1] }], messages: agentTurn([{ name: 'read_file', args: { filePath: '/ws/deploy/notes.md', startLine: 1, endLine: half } },
      { name: 'read_file', args: { filePath: '/ws/deploy/notes.md', startLine: half + 1, endLine: lines.length } }], [lines.slice(0, half).join('\n'), lines.slice(half).join('\n')]) };
  } },
  { name: 'grep output with a slack token and a database password', messages: () => {
    const s = slackToken(); const db = dbPassword();
    return { planted: [s, db], messages: agentTurn([{ name: 'grep_search', args: { query: 'token', includePattern: '**/*.yml' } }],
      [`deploy/ci.yml:12:      SLACK_TOKEN: ${s.value}\ndeploy/ci.yml:13:      DATABASE_URL: ${db.value}`]) };
  } },
  { name: 'a private-folder file read through the terminal', messages: () => {
    const c = proprietaryCode();
    return { planted: [{ name: 'private code', value: c.canary, secretPart: c.canary }], messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'cat private/pricing.ts' } }], [c.text]) };
  } },
  { name: 'a private-folder file behind a quoted argument', messages: () => {
    const c = proprietaryCode();
    return { planted: [{ name: 'private code', value: c.canary, secretPart: c.canary }], messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'sed -n 1,80p "./secrets/rotation plan.md"' } }], [c.text]) };
  } },
];

const CLOUDS: CloudName[] = ['anthropic', 'openai', 'gateway'];

for (const cloud of CLOUDS) {
  suite(`red team: agent steps on the ${cloud} wire (Hybrid Cloud and Hybrid Auto)`, () => {
    for (const a of ATTACKS) {
      for (const origin of ['askCloud', 'askAuto'] as const) {
        test(`${a.name} (${origin})`, async () => {
          const { messages, planted } = a.messages();
          if (origin === 'askAuto') messages[0] = { role: 'user', parts: [{ kind: 'text', text: COMPLEX }] };
          const out = await rig.run(lmRequestToAsk(messages, origin, TOOLS, ws), { cloud });
          const leak = leakIn(planted, out.cloudWire);
          assert.equal(leak, undefined, `${leak} — routes ${out.route.join(',')}`);
          assert.equal(leakIn(planted, JSON.stringify(out.records)), undefined, 'the ledger holds a planted value');
          assert.equal(leakIn(planted, out.shown), undefined, 'a shown message holds a planted value');
        });
      }
    }
  });
}

suite('red team: agent steps — benign twins still reach the cloud', () => {
  const BENIGN: Array<{ name: string; messages: LmMessage[]; mustSend: string }> = [
    { name: 'npm test output', mustSend: 'passing (412ms)', messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'npm test' } }], ['  42 passing (412ms)\n  0 failing']) },
    { name: 'a source file read by path', mustSend: 'export function start', messages: agentTurn([{ name: 'read_file', args: { filePath: '/ws/src/server.ts' } }], ['export function start(port: number) {\n  listen(port);\n}']) },
    { name: 'two results that each end mid-word', mustSend: 'aded from config/app.yml', messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'tail app.log' } }, { name: 'run_in_terminal', args: { command: 'tail -n 2 app.log' } }], ['info: configuration lo', 'aded from config/app.yml in 12 ms']) },
    { name: 'an example env file', mustSend: 'PORT=8080', messages: agentTurn([{ name: 'read_file', args: { filePath: '/ws/.env.example' } }], ['PORT=8080\nLOG_LEVEL=debug\nAPI_BASE=https://api.example.com\n']) },
    { name: 'a grep for a function name', mustSend: 'function parseConfig', messages: agentTurn([{ name: 'grep_search', args: { query: 'parseConfig', includePattern: 'src/**' } }], ['src/config.ts:3:export function parseConfig(text: string) {']) },
    { name: 'a base64 image header in tool output', mustSend: 'iVBORw0KGgo', messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'head -c 16 logo.png | base64' } }], ['iVBORw0KGgoAAAANSUhEUgAA']) },
    { name: 'a git log', mustSend: 'Merge pull request', messages: agentTurn([{ name: 'run_in_terminal', args: { command: 'git log --oneline -3' } }], ['a1b2c3d Merge pull request #12 from feature/retry\n9f8e7d6 Fix retry loop\n1234abc Add staging config']) },
  ];
  for (const b of BENIGN) {
    test(b.name, async () => {
      const out = await rig.run(lmRequestToAsk(b.messages, 'askCloud', TOOLS, ws), { cloud: 'anthropic' });
      assert.deepEqual(out.route, ['cloud']);
      assert.ok(out.cloudWire.includes(b.mustSend), `not sent: ${out.shown}`);
      const redactions = out.events.flatMap((e) => (e.type === 'route' ? Object.keys(e.redactions) : []));
      assert.deepEqual(redactions, [], `benign text redacted: ${redactions.join(', ')}`);
    });
  }
});
