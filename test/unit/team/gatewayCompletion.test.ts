// Team mode, inline completion through the gateway's private group: the settings the engine reads, the FIM template
// taken from the model the group runs, and the real OpenAI client against the fake LiteLLM proxy — a proven-private
// group gets /v1/completions with the right template, anything else is refused before a byte of code leaves.
import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { completionSettings, gatewayCompletionGroup, groupTemplateModel, privateTierModels } from '../../../src/core/team/gatewayCompletion';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import type { FimBody } from '../../../src/core/wire/types';
import { FakeLiteLLM, type GatewayGroup } from '../../fakes/litellm';
import { chatBody, drain, never } from '../providers/helpers';

const CODER: GatewayGroup = { name: 'team-fim', model: 'hosted_vllm/Qwen/Qwen2.5-Coder-7B', apiBase: 'http://127.0.0.1:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const STAR: GatewayGroup = { name: 'team-star', model: 'hosted_vllm/bigcode/starcoder2-15b', apiBase: 'http://127.0.0.1:8001/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const RENTED: GatewayGroup = { name: 'rented-fim', model: 'hosted_vllm/Qwen/Qwen2.5-Coder-32B', apiBase: 'https://gpu.rented.example.com/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const CLOUD: GatewayGroup = { name: 'cloud-fim', model: 'openai/gpt-5.4-mini', inputCostPerToken: 1e-6, outputCostPerToken: 4e-6 };

function settings(patch: Partial<HybridSettings>): HybridSettings {
  return { ...DEFAULT_SETTINGS, ...patch } as HybridSettings;
}

const fim = (model: string): FimBody => ({
  model, prefix: 'export function area(r: number) {\n  return ', suffix: '\n}\n', maxTokens: 32, stop: ['\n\n'],
});

suite('team: inline completion through the gateway', () => {
  test('a completion group needs a gateway; without one completion stays on Ollama and settings pass through as they are', () => {
    const plain = settings({ 'gateway.completionModel': 'team-fim' });
    assert.equal(gatewayCompletionGroup(plain), undefined);
    assert.equal(completionSettings(plain), plain);
    const blank = settings({ 'gateway.baseUrl': 'http://127.0.0.1:4000', 'gateway.completionModel': '  ' });
    assert.equal(gatewayCompletionGroup(blank), undefined);
  });

  test('with a gateway group the engine reads the group as its completion model, from one object per settings object', () => {
    const s = settings({ 'gateway.baseUrl': 'http://127.0.0.1:4000', 'gateway.completionModel': 'team-fim', 'local.completionModel': 'qwen2.5-coder:1.5b' });
    const a = completionSettings(s);
    assert.equal(a['local.completionModel'], 'team-fim');
    assert.equal(s['local.completionModel'], 'qwen2.5-coder:1.5b', 'the user\'s settings object is not changed');
    assert.equal(completionSettings(s), a, 'no copy per keystroke');
  });

  test('the template model is what the group runs, without LiteLLM\'s routing prefix; the group name when the gateway does not say', () => {
    const deps = [
      { group: 'team-fim', apiBase: CODER.apiBase, model: CODER.model },
      { group: 'plain', apiBase: 'http://127.0.0.1:1/v1', model: 'deepseek-coder-6.7b-base' },
      { group: 'anthro', apiBase: undefined, model: 'anthropic/claude-haiku-4-5' },
    ];
    assert.equal(groupTemplateModel('team-fim', deps), 'Qwen/Qwen2.5-Coder-7B');
    assert.equal(groupTemplateModel('plain', deps), 'deepseek-coder-6.7b-base');
    assert.equal(groupTemplateModel('anthro', deps), 'anthropic/claude-haiku-4-5');
    assert.equal(groupTemplateModel('ghost', deps), 'ghost');
    assert.equal(groupTemplateModel('team-fim', undefined), 'team-fim');
  });

  test('the local server is asked only for the models it serves: a team laptop with both groups on the gateway needs no Ollama', () => {
    const gw = 'http://127.0.0.1:4000';
    const base = { 'local.chatModel': 'qwen2.5-coder:7b', 'local.completionModel': 'qwen2.5-coder:1.5b', 'completion.enabled': true };
    assert.deepEqual(privateTierModels(settings(base)), { local: ['qwen2.5-coder:7b', 'qwen2.5-coder:1.5b'], gateway: [] });
    assert.deepEqual(privateTierModels(settings({ ...base, 'gateway.baseUrl': gw, 'gateway.privateModel': 'team-coder' })),
      { local: ['qwen2.5-coder:1.5b'], gateway: ['team-coder'] });
    assert.deepEqual(privateTierModels(settings({ ...base, 'gateway.baseUrl': gw, 'gateway.completionModel': 'team-fim' })),
      { local: ['qwen2.5-coder:7b'], gateway: ['team-fim'] });
    assert.deepEqual(privateTierModels(settings({ ...base, 'gateway.baseUrl': gw, 'gateway.privateModel': 'team-coder', 'gateway.completionModel': 'team-coder' })),
      { local: [], gateway: ['team-coder'] });
    // Completion off: its model is asked of nobody; groups named without a gateway do nothing.
    assert.deepEqual(privateTierModels(settings({ ...base, 'completion.enabled': false, 'gateway.completionModel': 'team-fim' })),
      { local: ['qwen2.5-coder:7b'], gateway: [] });
  });

  suite('the real OpenAI client against the fake LiteLLM proxy', () => {
    const gateway = new FakeLiteLLM();
    let url = '';
    suiteSetup(async () => { url = (await gateway.start()).url; });
    suiteTeardown(() => gateway.close());
    setup(() => { gateway.reset(); gateway.groups = [CODER, STAR, RENTED, CLOUD]; });

    const provider = (group: string, declared: string[] = [group], trusted: string[] = []) => {
      const apiKey = async (): Promise<string> => gateway.virtualKey;
      return createGatewayGroupProvider({ baseUrl: url, group, declaredPrivate: declared, trustedHosts: trusted, info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey });
    };
    const completions = () => gateway.requests.filter((r) => r.path === '/v1/completions');

    test('a proven-private group answers FIM on /v1/completions with the template of the model it runs', async () => {
      for (const [group, open] of [['team-fim', '<|fim_prefix|>'], ['team-star', '<fim_prefix>']] as const) {
        gateway.reset();
        const d = await drain(provider(group).complete!(fim(group), never()));
        assert.equal(d.result.finish, 'stop', d.result.failure?.message);
        assert.ok(d.chunks.join('').length > 0, 'an answer came back');
        const [req] = completions();
        const body = req!.body as { model: string; prompt: string; suffix?: unknown; stop: string[] };
        assert.equal(body.model, group);
        assert.equal(body.suffix, undefined, 'the suffix rides in the template');
        assert.ok(body.prompt.startsWith(open), `${group}: ${body.prompt.slice(0, 40)}`);
        assert.ok(body.prompt.includes('return ') && body.prompt.includes('\n}\n'));
        assert.equal(d.result.usage.source, 'provider', 'tokens from the gateway\'s usage chunk');
      }
    });

    test('a group on an untrusted host, on a provider\'s cloud, undeclared or unknown is refused before the code leaves', async () => {
      const cases: Array<[string, string[], RegExp]> = [
        ['rented-fim', ['rented-fim'], /gpu\.rented\.example\.com, outside the trusted hosts/],
        ['cloud-fim', ['cloud-fim'], /openai\/gpt-5\.4-mini's cloud API/],
        ['team-fim', [], /not declared private/],
        ['ghost', ['ghost'], /no model group "ghost"/],
      ];
      for (const [group, declared, why] of cases) {
        const d = await drain(provider(group, declared).complete!(fim(group), never()));
        assert.equal(d.result.finish, 'error', group);
        assert.equal(d.result.failure?.code, 'notLocal');
        assert.match(d.result.failure!.message, why);
      }
      assert.equal(completions().length, 0, 'no completion request reached the gateway');
    });

    test('a gateway that cannot say where the group runs fails closed', async () => {
      const apiKey = async (): Promise<string> => gateway.virtualKey;
      gateway.setFault({ kind: 'status', status: 500, paths: ['/model/info'] });
      try {
        const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-fim', declaredPrivate: ['team-fim'], trustedHosts: [], info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey });
        const d = await drain(p.complete!(fim('team-fim'), never()));
        assert.equal(d.result.failure?.code, 'notLocal');
        assert.match(d.result.failure!.message, /did not say where the group runs/);
        assert.equal(completions().length, 0);
      } finally {
        gateway.setFault(undefined);
      }
    });

    test('a wrong virtual key: the failure says the gateway rejected the key and offers Set API Key; nothing is sent', async () => {
      const apiKey = async (): Promise<string> => 'sk-wrong-key-for-model-info';
      const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-fim', declaredPrivate: ['team-fim'], trustedHosts: [], info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey });
      const d = await drain(p.stream(chatBody('team-fim'), never()));
      assert.equal(d.result.failure?.code, 'auth');
      assert.equal(d.result.failure?.fix, 'setApiKey');
      assert.match(d.result.failure!.message, /^The LiteLLM gateway rejected the virtual key \(401\) — run “Hybrid: Set API Key”\.$/);
      assert.equal(gateway.requests.filter((r) => r.path === '/v1/chat/completions').length, 0);
    });

    test('no virtual key stored yet: the private group says the key is missing and offers Set API Key, asking the gateway nothing', async () => {
      const apiKey = async (): Promise<string | undefined> => undefined;
      const p = createGatewayGroupProvider({ baseUrl: url, group: 'team-fim', declaredPrivate: ['team-fim'], trustedHosts: [], info: createGatewayInfo({ baseUrl: url, apiKey }), apiKey });
      for (const d of [await drain(p.complete!(fim('team-fim'), never())), await drain(p.stream(chatBody('team-fim'), never()))]) {
        assert.equal(d.result.failure?.code, 'auth');
        assert.equal(d.result.failure?.fix, 'setApiKey');
        assert.match(d.result.failure!.message, /No LiteLLM gateway API key is set — run “Hybrid: Set API Key”/);
      }
      assert.equal(gateway.requests.length, 0, 'nothing was asked of the gateway without a key');
    });
  });
});
