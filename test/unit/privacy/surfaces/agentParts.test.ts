// Red team, surface 1 at the part level: the shapes VS Code hands the model provider (text, tool-call, tool-result,
// data and prompt-tsx parts, decoded by native/features.ts), tool specs an MCP server supplies, attachments that
// name files outside the workspace or with Windows separators — each through lmRequestToAsk and the real pipeline.
import * as assert from 'node:assert/strict';
import { lmRequestToAsk, type LmMessage } from '../../../../src/core/native/lmMessages';
import type { ToolSpec } from '../../../../src/core/request';
import { toolResultText } from '../../../../src/vscode/native/features';
import { awsKeyId, dotenv, email, githubPat, leakIn, proprietaryCode, stripeKey, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

const Q = 'Why does the service fail to start in staging? Walk through the configuration it loads.';
const bytes = (s: string) => new TextEncoder().encode(s);

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

/** The agent's request after one tool ran and returned `content` (the editor's part objects). */
function withResult(content: unknown[], args: object = { command: 'describe-config' }, tools: ToolSpec[] = []): { messages: LmMessage[]; tools: ToolSpec[] } {
  return { tools, messages: [
    { role: 'user', parts: [{ kind: 'text', text: Q }] },
    { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'run_in_terminal', input: JSON.stringify(args) } }] },
    { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: toolResultText(content) }] },
  ] };
}

/** A prompt-tsx tree (what the built-in read_file returns) whose text leaves split a line where they like. */
const tsx = (leaves: Array<{ text: string; lineBreakBefore?: boolean }>) => ({ value: { node: { children: leaves.map((l) => ({ type: 2, ...l })) } } });

interface Attack { name: string; build: () => { messages: LmMessage[]; tools: ToolSpec[]; planted: Planted[] } }

const ATTACKS: Attack[] = [
  { name: 'a JSON data part with keys', build: () => {
    const d = dotenv(); return { planted: d.planted, ...withResult([{ mimeType: 'application/json', data: bytes(JSON.stringify({ env: d.text })) }]) };
  } },
  { name: 'a text/plain data part with a charset', build: () => {
    const d = dotenv(); return { planted: d.planted, ...withResult([{ mimeType: 'text/plain; charset=utf-8', data: bytes(d.text) }]) };
  } },
  { name: 'prompt-tsx leaves that split KEY= from its value', build: () => {
    const g = githubPat(); const s = stripeKey();
    return { planted: [g, s], ...withResult([tsx([{ text: 'GITHUB_TOKEN=' }, { text: g.value }, { text: 'STRIPE_KEY=', lineBreakBefore: true }, { text: s.value.slice(0, 12) }, { text: s.value.slice(12) }])]) };
  } },
  { name: 'text and data parts mixed in one result', build: () => {
    const k = awsKeyId(); const m = email();
    return { planted: [k, m], ...withResult([{ value: `owner: ${m.value}` }, { mimeType: 'text/x-shellscript', data: bytes(`export AWS_ACCESS_KEY_ID=${k.value}`) }]) };
  } },
  { name: 'an MCP tool whose description names a person and a key', build: () => {
    const m = email(); const k = githubPat();
    const tools: ToolSpec[] = [{ name: 'send_mail', description: `Send mail as ${m.value} using token ${k.value}`, inputSchema: { type: 'object', properties: { to: { type: 'string', default: m.value } } } }];
    return { planted: [m, k], ...withResult([{ value: 'sent' }], { to: 'team' }, tools) };
  } },
  { name: 'a tool call whose arguments carry the key the model read earlier', build: () => {
    const k = stripeKey();
    return { planted: [k], ...withResult([{ value: 'charge created' }], { command: `curl https://api.stripe.com/v1/charges -u ${k.value}:` }) };
  } },
  { name: 'an attachment outside the workspace (~/.ssh/config)', build: () => {
    const c = proprietaryCode();
    return { tools: [], planted: [{ name: 'ssh config', value: c.canary, secretPart: c.canary }], messages: [{ role: 'user', parts: [{ kind: 'text', text:
      `<attachments>\n<attachment id="a" filePath="/home/dev/.ssh/config">\nHost ${c.canary}\n  HostName 10.1.2.3\n</attachment>\n</attachments>\n${Q}` }] }] };
  } },
  { name: 'an attachment with Windows separators (C:\\Users\\dev\\.aws\\credentials)', build: () => {
    const c = proprietaryCode();
    return { tools: [], planted: [{ name: 'aws profile', value: c.canary, secretPart: c.canary }], messages: [{ role: 'user', parts: [{ kind: 'text', text:
      `<attachments>\n<attachment id="a" filePath="C:\\Users\\dev\\.aws\\credentials">\n[${c.canary}]\nregion = eu-west-1\n</attachment>\n</attachments>\n${Q}` }] }] };
  } },
  { name: 'a Windows path to a private folder read by a tool', build: () => {
    const c = proprietaryCode();
    return { planted: [{ name: 'private code', value: c.canary, secretPart: c.canary }], ...withResult([{ value: c.text }], { filePath: 'C:\\work\\app\\private\\pricing.ts' }) };
  } },
];

suite('red team: native parts, specs and paths (Hybrid Cloud)', () => {
  for (const a of ATTACKS) {
    test(a.name, async () => {
      const { messages, tools, planted } = a.build();
      const out = await rig.run(lmRequestToAsk(messages, 'askCloud', tools, (p) => p), { cloud: 'anthropic' });
      assert.equal(leakIn(planted, out.cloudWire), undefined, `routes ${out.route.join(',')}: ${out.shown}`);
      assert.equal(leakIn(planted, JSON.stringify(out.records) + out.shown), undefined, 'ledger or shown text');
    });
  }
});

suite('red team: native parts — benign twins are sent', () => {
  const cases: Array<{ name: string; content: unknown[]; mustSend: string; tools?: ToolSpec[] }> = [
    { name: 'a JSON data part without secrets', content: [{ mimeType: 'application/json', data: bytes('{"port":8080,"region":"eu-west-1"}') }], mustSend: 'eu-west-1' },
    { name: 'prompt-tsx leaves of ordinary code', content: [tsx([{ text: 'export function start(port: number) {' }, { text: '  listen(port);', lineBreakBefore: true }, { text: '}', lineBreakBefore: true }])], mustSend: 'listen(port)' },
    { name: 'an image part is not sent as text (and the request still goes)', content: [{ mimeType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }, { value: 'screenshot attached' }], mustSend: 'screenshot attached' },
    { name: 'an MCP tool with an ordinary description', content: [{ value: 'ok' }], mustSend: 'Search the issue tracker', tools: [{ name: 'search_issues', description: 'Search the issue tracker by keyword.' }] },
  ];
  for (const b of cases) {
    test(b.name, async () => {
      const { messages, tools } = withResult(b.content, { command: 'describe-config' }, b.tools ?? []);
      const out = await rig.run(lmRequestToAsk(messages, 'askCloud', tools, (p) => p), { cloud: 'anthropic' });
      assert.deepEqual(out.route, ['cloud']);
      assert.ok(out.cloudWire.includes(b.mustSend), out.shown);
    });
  }
});
