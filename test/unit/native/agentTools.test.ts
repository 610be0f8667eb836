// An editor agent's tool loop through the real pipeline (createAskDeps: classifier, router, egress gate) and the
// real SDK providers against the loopback fakes: tool calls come back mapped, tool results go out on the real
// wire shapes, and a `.env` a tool read never reaches the cloud fake — neither its values nor (for a private
// path) anything at all.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { lmRequestToAsk, type LmMessage } from '../../../src/core/native/lmMessages';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { createAnthropicProvider, createOllamaProvider, createOpenAIProvider } from '../../../src/core/providers';
import type { ChatProvider } from '../../../src/core/wire/types';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import type { LedgerRecord, Origin, ToolSpec } from '../../../src/core/request';
import { startAll, type AllFakes } from '../../fakes';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

const READ_FILE: ToolSpec = {
  name: 'read_file', description: 'Read the contents of a file.',
  inputSchema: { type: 'object', properties: { filePath: { type: 'string' } }, required: ['filePath'] },
};

// Secret-shaped values drawn at test time, never literals in the source.
const rng = new Rng(25);
const awsId = GENERATORS['aws-access-key-id'](rng, 0).value;
const ghp = GENERATORS['github-pat'](rng, 0).value;
const dbPass = `pw${randomBytes(9).toString('hex')}`;
const DOTENV = `AWS_ACCESS_KEY_ID=${awsId}\nGITHUB_TOKEN=${ghp}\nDATABASE_URL=postgres://app:${dbPass}@db.internal:5432/app\n`;

let fakes: AllFakes;

suiteSetup(async () => {
  fakes = await startAll({ reply: { ttftMs: 0, perTokenMs: 0 } });
});
suiteTeardown(async () => { await fakes?.close(); });
setup(() => { for (const f of [fakes.ollama!, fakes.anthropic!, fakes.openai!]) f.fake.reset(); });

function rig(provider: 'anthropic' | 'openai', over: Partial<HybridSettings> = {}) {
  const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'cloud.provider': provider, 'cloud.model': provider === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-4.1', ...over };
  const cloud: ChatProvider = provider === 'anthropic'
    ? createAnthropicProvider({ baseUrl: fakes.anthropic!.url, apiKey: 'fake-key-for-loopback', maxRetries: 0 })
    : createOpenAIProvider({ baseUrl: fakes.urls.openai!, apiKey: 'fake-key-for-loopback', location: 'cloud', maxRetries: 0 });
  const local = createOllamaProvider({ baseUrl: fakes.ollama!.url });
  const records: LedgerRecord[] = [];
  let n = 0;
  const deps = createAskDeps({
    settings, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (t) => Math.ceil(t.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }),
    record: async (r) => { records.push(r); }, confirm: async () => true, newId: () => `t-${++n}`,
  });
  return { deps, records };
}

async function run(deps: ReturnType<typeof rig>['deps'], input: AskInput): Promise<AskEvent[]> {
  const out: AskEvent[] = [];
  for await (const e of runAsk(deps, input, new AbortController().signal)) out.push(e);
  return out;
}

/** What the agent sends after its read_file call returned `content`. */
function afterToolRun(origin: Origin, filePath: string, content: string, question = 'What does the config hold? [[tool:read_file {"filePath":"x"}]]'): AskInput {
  const messages: LmMessage[] = [
    { role: 'user', parts: [{ kind: 'text', text: question }] },
    { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'call_1', name: 'read_file', input: JSON.stringify({ filePath }) } }] },
    { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', text: content }] },
  ];
  return lmRequestToAsk(messages, origin, [READ_FILE], (p) => p.replace(/^\/ws\//, ''));
}

function wireOf(all: AllFakes): string {
  return JSON.stringify([...all.anthropic!.fake.requests, ...all.openai!.fake.requests].map((r) => r.body));
}

for (const provider of ['anthropic', 'openai'] as const) {
  suite(`native: agent tools on the ${provider} wire`, () => {
    test('the model\'s tool call comes back mapped (id, name, JSON arguments), ledger records the request', async () => {
      const { deps, records } = rig(provider);
      const events = await run(deps, {
        origin: 'askCloud', kind: 'ask', context: [], tools: [READ_FILE],
        question: 'Summarise the README. [[tool:read_file {"filePath":"/ws/README.md"}]]',
      });
      const done = events.find((e) => e.type === 'done');
      assert.ok(done && done.type === 'done' && done.status === 'ok', JSON.stringify(events.at(-1)));
      assert.equal(done.toolCalls?.length, 1);
      assert.equal(done.toolCalls![0].name, 'read_file');
      assert.deepEqual(JSON.parse(done.toolCalls![0].input), { filePath: '/ws/README.md' });
      assert.ok(done.toolCalls![0].id.length > 0);
      const sent = (provider === 'anthropic' ? fakes.anthropic! : fakes.openai!).fake.requests[0].body as { tools?: Array<Record<string, unknown>> };
      assert.equal(sent.tools?.length, 1, 'the tool definition is passed through');
      assert.equal(records.length, 1);
      assert.equal(records[0].route, 'cloud');
    });

    test('a clean tool result goes out as the protocol\'s tool result, and the model answers in text', async () => {
      const { deps } = rig(provider);
      const events = await run(deps, afterToolRun('askCloud', '/ws/README.md', '# Demo\nA small service that sorts lists.'));
      const done = events.find((e) => e.type === 'done');
      assert.ok(done && done.type === 'done' && done.status === 'ok' && !done.toolCalls);
      const body = (provider === 'anthropic' ? fakes.anthropic! : fakes.openai!).fake.requests[0].body as { messages: Array<Record<string, unknown>> };
      const wire = JSON.stringify(body.messages);
      if (provider === 'anthropic') {
        assert.match(wire, /"type":"tool_use","id":"call_1","name":"read_file"/);
        assert.match(wire, /"type":"tool_result","tool_use_id":"call_1","content":"# Demo/);
      } else {
        assert.match(wire, /"tool_calls":\[\{"id":"call_1","type":"function","function":\{"name":"read_file"/);
        assert.match(wire, /"role":"tool","tool_call_id":"call_1","content":"# Demo/);
      }
    });

    test('secrets in a tool result are redacted before they leave; no piece of the values reaches the fake', async () => {
      const { deps } = rig(provider);
      const events = await run(deps, afterToolRun('askCloud', '/ws/config/settings.txt', DOTENV));
      const route = events.find((e) => e.type === 'route');
      assert.ok(route && route.type === 'route' && route.route === 'cloud');
      assert.ok(Object.keys(route.redactions).length >= 1, JSON.stringify(route.redactions));
      const wire = wireOf(fakes);
      assert.ok(wire.length > 0);
      for (const v of [awsId, ghp, dbPass]) assert.ok(!wire.includes(v) && !wire.includes(v.slice(4, 14)), 'a secret value reached the cloud fake');
      assert.match(wire, /REDACTED/);
    });

    test('a .env read by the agent\'s tool (private path) is refused for "Hybrid Cloud": nothing is sent at all', async () => {
      const { deps, records } = rig(provider);
      const events = await run(deps, afterToolRun('askCloud', '/ws/.env', DOTENV));
      const err = events.find((e) => e.type === 'error');
      assert.ok(err && err.type === 'error', JSON.stringify(events));
      assert.match(err.message, /\.env/);
      assert.equal(fakes.anthropic!.fake.requests.length + fakes.openai!.fake.requests.length, 0);
      assert.equal(records.at(-1)?.status, 'failed');
    });
  });
}

suite('native: agent tools, routing', () => {
  test('"Hybrid Auto" keeps a request carrying a private file\'s tool result local (Ollama wire: role "tool")', async () => {
    const { deps } = rig('anthropic');
    const events = await run(deps, afterToolRun('askAuto', '/ws/.env', DOTENV, 'Design the migration architecture across all modules and compare trade-offs'));
    const route = events.find((e) => e.type === 'route');
    assert.ok(route && route.type === 'route' && route.route === 'local', JSON.stringify(route));
    assert.equal(fakes.anthropic!.fake.requests.length, 0);
    const body = fakes.ollama!.fake.requests.find((r) => r.path === '/api/chat')?.body as { messages: Array<{ role: string; content: string; tool_calls?: unknown[] }> };
    assert.ok(body.messages.some((m) => m.role === 'assistant' && m.tool_calls?.length === 1));
    assert.ok(body.messages.some((m) => m.role === 'tool' && m.content.includes('AWS_ACCESS_KEY_ID')), 'the local model gets the real result');
  });

  test('a CONFIDENTIAL file attached by the agent keeps "Hybrid Auto" local and is refused by "Hybrid Cloud"', async () => {
    const attach = (origin: Origin) => lmRequestToAsk([{ role: 'user', parts: [{ kind: 'text', text:
      '<attachments><attachment id="pricing.ts" filePath="/ws/src/pricing.ts">// CONFIDENTIAL: pricing rules\nexport const margin = 0.42;\n</attachment></attachments>\nExplain the architecture of pricing' }] }],
    origin, [], (p) => p.replace(/^\/ws\//, ''));
    const input = attach('askAuto');
    assert.equal(input.context[0]?.path, 'src/pricing.ts');
    assert.ok(!input.question.includes('CONFIDENTIAL'));
    const auto = await run(rig('anthropic').deps, input);
    assert.equal(auto.find((e) => e.type === 'route')?.type === 'route' && (auto.find((e) => e.type === 'route') as { route: string }).route, 'local');
    const cloud = await run(rig('anthropic').deps, attach('askCloud'));
    assert.ok(cloud.some((e) => e.type === 'error'));
    assert.equal(fakes.anthropic!.fake.requests.length, 0);
  });
});
