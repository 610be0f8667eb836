// Adversarial round on team mode (team10), part 2: what a vLLM server streams. Written before the first run.
// Expectations: vLLM's extra fields (prompt_logprobs, token_ids, stop_reason, kv_transfer_params) change nothing;
// `usage: null` on every chunk (a server that ignores stream_options) is a labelled estimate; finish_reason "length"
// because the context is full says so (not "the 1,024-token limit"); finish_reason "abort" is not a whole answer;
// tool-call chunks assemble into the calls the agent runs (also from servers that repeat the name), and a call cut by
// the length limit is not handed to the agent as if whole; log-probabilities vLLM clamps to -9999 stay finite; a
// served-model-name alias of a private deployment is never taken for a cloud model.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { BudgetState } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { answer, chunk, ScriptedGateway, type Scripted } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const M = 'Qwen/Qwen2.5-Coder-7B-Instruct';
const USAGE = { prompt_tokens: 50, completion_tokens: 6, total_tokens: 56 };
const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };

/** A vLLM chunk with the fields vLLM adds beyond OpenAI's schema. */
function vllmChunk(o: { content?: string; finish?: string; stop?: string | number | null; tool?: unknown[]; logprobs?: unknown }): Record<string, unknown> {
  return {
    id: `chatcmpl-${randomBytes(4).toString('hex')}`, object: 'chat.completion.chunk', created: 1_765_000_000, model: M, prompt_logprobs: null, prompt_token_ids: null, kv_transfer_params: null,
    choices: [{ index: 0, delta: { ...(o.content !== undefined ? { content: o.content } : {}), ...(o.tool ? { tool_calls: o.tool } : {}) }, logprobs: o.logprobs ?? null,
      finish_reason: o.finish ?? null, stop_reason: o.stop ?? null, token_ids: [1, 2] }],
  };
}

suite('team10 adversarial: vLLM streams', function () {
  this.timeout(20_000);
  const srv = new ScriptedGateway();
  let url = '';
  let onChat: () => Scripted = () => ({ sse: answer(M, ['ok'], USAGE) });
  suiteSetup(async () => { url = await srv.start(); });
  suiteTeardown(() => srv.close());
  setup(() => { srv.requests.length = 0; srv.handler = (r) => (r.path === '/model/info' ? { json: INFO } : onChat()); });
  const vllm = (body = chatBody(M)) => drain(createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(body, never()));

  test('extra vLLM fields on every chunk (prompt_logprobs, token_ids, stop_reason, kv_transfer_params): the answer and usage are intact', async () => {
    onChat = () => ({ sse: [vllmChunk({ content: 'Hello' }), vllmChunk({ content: ' world' }), vllmChunk({ finish: 'stop', stop: null }), { ...chunk(M, { noChoices: true, usage: { ...USAGE, prompt_tokens_details: null } }), prompt_logprobs: [null, { '11': { logprob: -0.1, rank: 1, decoded_token: 'x' } }] }] });
    const d = await vllm();
    assert.equal(d.text, 'Hello world');
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.result.usage.source, 'provider');
    assert.equal(d.result.usage.output, 6);
  });

  test('stop_reason as a token id (vLLM: the stop token\'s int) does not break the stream', async () => {
    onChat = () => ({ sse: [vllmChunk({ content: 'def f():' }), vllmChunk({ finish: 'stop', stop: 151643 }), chunk(M, { noChoices: true, usage: USAGE })] });
    const d = await vllm();
    assert.equal(d.result.finish, 'stop');
    assert.equal(d.text, 'def f():');
  });

  test('"usage": null on every chunk and no usage chunk (stream_options ignored): a labelled estimate, never 0 tokens', async () => {
    onChat = () => ({ sse: [{ ...vllmChunk({ content: 'an answer of some length' }), usage: null }, { ...vllmChunk({ finish: 'stop' }), usage: null }] });
    const d = await vllm();
    assert.equal(d.result.usage.source, 'estimate');
    assert.ok(d.result.usage.output > 0 && d.result.usage.input > 0);
  });

  test('the request asks vLLM for stream usage (stream_options.include_usage) and log-probabilities within its default cap of 20', async () => {
    onChat = () => ({ sse: answer(M, ['ok'], USAGE) });
    await vllm(chatBody(M, { logprobs: 5 }));
    const body = srv.chats()[0]!.body as Record<string, unknown>;
    assert.deepEqual(body['stream_options'], { include_usage: true });
    assert.ok(Number(body['top_logprobs']) <= 20);
  });

  test('vLLM\'s clamped log-probabilities (-9999.0) and bytes arrays: every token\'s logprob finite', async () => {
    const lp = { content: [{ token: 'x', logprob: -9999.0, bytes: [120], top_logprobs: [{ token: 'x', logprob: -9999.0, bytes: [120] }] }] };
    onChat = () => ({ sse: [vllmChunk({ content: 'x', logprobs: lp }), vllmChunk({ finish: 'stop' }), chunk(M, { noChoices: true, usage: USAGE })] });
    const d = await vllm(chatBody(M, { logprobs: 1 }));
    assert.ok(d.result.tokens?.length === 1);
    assert.ok(d.result.tokens!.every((t) => Number.isFinite(t.logprob)));
  });

  test('finish_reason "abort" (vLLM aborted the request: preempted, engine shut down) is not a whole answer', async () => {
    onChat = () => ({ sse: [vllmChunk({ content: 'The first half' }), vllmChunk({ finish: 'abort' }), chunk(M, { noChoices: true, usage: USAGE })] });
    const d = await vllm();
    assert.notEqual(d.result.finish, 'stop', 'an aborted answer was shown as complete');
    assert.equal(d.text, 'The first half');
  });

  // --- tool calls as vLLM's tool parsers stream them ---
  const tool = (i: number, o: { id?: string; name?: string; args?: string }) => ({ index: i, ...(o.id ? { id: o.id, type: 'function' } : {}), function: { ...(o.name ? { name: o.name } : {}), ...(o.args !== undefined ? { arguments: o.args } : {}) } });

  test('tool-call chunks (hermes parser: id and name first, arguments in pieces): one call with whole JSON arguments', async () => {
    onChat = () => ({ sse: [vllmChunk({ tool: [tool(0, { id: 'chatcmpl-tool-1a2b', name: 'read_file', args: '' })] }), vllmChunk({ tool: [tool(0, { args: '{"path": "src/' })] }), vllmChunk({ tool: [tool(0, { args: 'a.ts"}' })] }), vllmChunk({ finish: 'tool_calls' }), chunk(M, { noChoices: true, usage: USAGE })] });
    const d = await vllm(chatBody(M, { tools: [{ name: 'read_file', description: 'read', inputSchema: { type: 'object' } }] }));
    assert.equal(d.result.toolCalls?.length, 1);
    assert.equal(d.result.toolCalls![0]!.name, 'read_file');
    assert.deepEqual(JSON.parse(d.result.toolCalls![0]!.input), { path: 'src/a.ts' });
    assert.equal(d.result.toolCalls![0]!.id, 'chatcmpl-tool-1a2b');
  });

  test('a server that repeats the function name on every tool-call chunk: the name is read once, not "read_fileread_file"', async () => {
    onChat = () => ({ sse: [vllmChunk({ tool: [tool(0, { id: 'call_1', name: 'read_file', args: '{"path":' })] }), vllmChunk({ tool: [tool(0, { id: 'call_1', name: 'read_file', args: ' "b.ts"}' })] }), vllmChunk({ finish: 'tool_calls' })] });
    const d = await vllm(chatBody(M, { tools: [{ name: 'read_file', description: 'read', inputSchema: { type: 'object' } }] }));
    assert.equal(d.result.toolCalls?.[0]?.name, 'read_file');
    assert.deepEqual(JSON.parse(d.result.toolCalls![0]!.input), { path: 'b.ts' });
  });

  test('two parallel tool calls interleaved by index: each keeps its own arguments', async () => {
    onChat = () => ({ sse: [vllmChunk({ tool: [tool(0, { id: 'c0', name: 'read_file', args: '{"path":"a' })] }), vllmChunk({ tool: [tool(1, { id: 'c1', name: 'list_dir', args: '{"dir":"s' })] }), vllmChunk({ tool: [tool(0, { args: '.ts"}' })] }), vllmChunk({ tool: [tool(1, { args: 'rc"}' })] }), vllmChunk({ finish: 'tool_calls' })] });
    const d = await vllm(chatBody(M, { tools: [{ name: 'read_file', description: 'r' }, { name: 'list_dir', description: 'l' }] }));
    assert.deepEqual(d.result.toolCalls?.map((c) => [c.name, JSON.parse(c.input)]), [['read_file', { path: 'a.ts' }], ['list_dir', { dir: 'src' }]]);
  });

  test('a tool call cut by the length limit (finish_reason "length" inside its arguments) is not handed to the agent as a whole call', async () => {
    onChat = () => ({ sse: [vllmChunk({ tool: [tool(0, { id: 'c0', name: 'write_file', args: '{"path": "src/a.ts", "content": "export const x' })] }), vllmChunk({ finish: 'length' }), chunk(M, { noChoices: true, usage: USAGE })] });
    const d = await vllm(chatBody(M, { tools: [{ name: 'write_file', description: 'w' }] }));
    for (const c of d.result.toolCalls ?? []) assert.doesNotThrow(() => JSON.parse(c.input), `a cut call went to the agent: ${c.input}`);
    assert.equal(d.result.finish, 'length');
  });

  // --- max_model_len: the answer ends because the context is full, not at our answer limit ---
  test('finish_reason "length" after 37 tokens because the context window is full: the note says the context is full, not "1,024-token limit"', async () => {
    onChat = () => ({ sse: [vllmChunk({ content: 'Partial answer' }), vllmChunk({ finish: 'length' }), chunk(M, { noChoices: true, usage: { prompt_tokens: 32_731, completion_tokens: 37, total_tokens: 32_768 } })] });
    const local = createOpenAIProvider({ baseUrl: url, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 });
    const deps = createAskDeps({
      settings: { ...DEFAULT_SETTINGS, 'local.provider': 'openai-compatible', 'local.chatModel': M }, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
      local: () => local, cloud: async () => undefined, countTokens: async (t) => Math.ceil(t.length / 4), budget: () => NO_BUDGET,
      health: () => ({ local: 'ready', cloud: 'ready' }), record: async () => undefined, confirm: async () => true, newId: () => 'v1',
    });
    const events: AskEvent[] = [];
    for await (const e of runAsk(deps, { origin: 'askPrivate', kind: 'ask', question: 'Explain this module.', context: [] }, never())) events.push(e);
    const notes = events.find((e): e is Extract<AskEvent, { type: 'done' }> => e.type === 'done')?.footer.notes ?? [];
    assert.ok(!notes.some((n) => /1,024-token/.test(n)), `the note blamed our answer limit: ${JSON.stringify(notes)}`);
    assert.ok(notes.some((n) => /context/i.test(n) && /32[,.]?768/.test(n)), JSON.stringify(notes));
  });

  // --- --served-model-name aliases behind the gateway ---
  const INFO = { data: [
    { model_name: 'team-coder', litellm_params: { model: 'openai/gpt-4o', api_base: 'http://10.0.0.7:8000/v1' }, model_info: { id: 'p1' } },
    { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' }, model_info: { id: 'c1' } },
  ] };
  const group = () => drain(createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'],
    info: createGatewayInfo({ baseUrl: url, apiKey: async () => 'sk-test' }), apiKey: async () => 'sk-test', firstByteTimeoutMs: 5_000 }).stream(chatBody('team-coder'), never()));

  test('a private vLLM served as "gpt-4o" (--served-model-name, behind openai/gpt-4o on the trusted box): its honest answer is not stopped', async () => {
    onChat = () => ({ sse: answer('gpt-4o', ['private answer'], USAGE) });
    const d = await group();
    assert.equal(d.result.finish, 'stop', JSON.stringify(d.result.failure));
    assert.equal(d.text, 'private answer');
  });

  test('the same alias answered by the cloud deployment (x-litellm-model-id of the cloud gpt-4o): stopped, the alias does not hide it', async () => {
    onChat = () => ({ headers: { 'x-litellm-model-id': 'c1' }, sse: answer('gpt-4o', ['cloud answer'], USAGE) });
    const d = await group();
    assert.equal(d.text, '');
    assert.equal(d.result.failure?.code, 'notLocal');
  });
});
