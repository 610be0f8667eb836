// Adversarial round on team mode (team7), part 1: where a private group runs. Every expectation here was written
// before the first run. The stale-proof window: /model/info is kept 5 minutes, so an admin who moves a deployment
// to a host nobody trusted could get private requests for up to 5 minutes — unless each answer's own
// x-litellm-model-api-base header (docs.litellm.ai proxy/response_headers) is checked, which closes the window
// after one request and stops that answer before any of its text is shown.
import * as assert from 'node:assert/strict';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { judgePrivateGroup, parseModelInfo, type GatewayDeployment } from '../../../src/core/team/gateway';
import { CHAT_PROOF_MS, createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { ignoredTrustedHosts, isLocalEndpoint } from '../../../src/core/route/locality';
import { FakeLiteLLM, type GatewayGroup } from '../../fakes/litellm';
import { chatBody, drain, never } from '../providers/helpers';

const GW = 'https://llm.corp.internal';
const dep = (apiBase: string | undefined, group = 'team-coder'): GatewayDeployment => ({ group, apiBase, model: 'hosted_vllm/qwen' });
const verdict = (apiBase: string | undefined, trusted: string[], gateway = GW) =>
  judgePrivateGroup('team-coder', gateway, ['team-coder'], ['llm.corp.internal', ...trusted], [dep(apiBase)]);

suite('team7 adversarial: api_base spellings against trustedHosts', () => {
  // [api_base, trusted entries, private?, why]
  const cases: Array<[string | undefined, string[], boolean, string]> = [
    ['http://user:pw@10.0.0.7:8000/v1', ['10.0.0.7'], true, 'userinfo is credentials, the host is 10.0.0.7'],
    ['http://10.0.0.7@gpu.rented.example.com/v1', ['10.0.0.7'], false, 'the trusted address in userinfo is not the host'],
    ['http://GPU-BOX.Corp.Internal:8000/v1', ['gpu-box.corp.internal'], true, 'host names are case-insensitive'],
    ['http://gpu-box.corp.internal.:8000/v1', ['gpu-box.corp.internal'], true, 'a trailing dot names the same host'],
    ['http://gpu-box.corp.internal:8000/v1', ['gpu-box.corp.internal.'], true, 'a trailing dot in the entry too'],
    ['http://gpu-box.corp.internal.evil.example/v1', ['gpu-box.corp.internal'], false, 'a suffix is another host'],
    ['http://[fd00::7]:8000/v1', ['fd00::7'], true, 'IPv6 without brackets in the entry'],
    ['http://[fd00::7]:8000/v1', ['[fd00::7]'], true, 'IPv6 with brackets in the entry'],
    ['http://[fd00::7]:8000/v1', ['fd00:0:0:0:0:0:0:7'], true, 'an IPv6 entry written out in full'],
    ['http://[fd00::8]:8000/v1', ['fd00::7'], false, 'another IPv6 address'],
    ['http://[::1]:8000/v1', [], true, 'loopback seen from the (trusted) gateway is the gateway host'],
    ['http://127.0.0.1.nip.io:8000/v1', [], false, 'a DNS name that resolves to loopback is still a name: not trusted unless listed'],
    ['http://localhost.attacker.example/v1', [], false, 'localhost as a label of another domain'],
    ['http://gpu-box.corp.internal:9000/v1', ['gpu-box.corp.internal:8000'], false, 'a port-restricted entry does not trust another port'],
    ['http://gpu-box.corp.internal:8000/v1', ['gpu-box.corp.internal:8000'], true, 'the trusted port'],
    ['https://gpu-box.corp.internal/v1', ['gpu-box.corp.internal:443'], true, 'the default port written in the entry'],
    ['10.0.0.7:8000/v1', ['10.0.0.7'], false, 'no scheme: cannot be read, fail closed'],
    ['os.environ/VLLM_API_BASE', ['10.0.0.7'], false, 'an unresolved env reference'],
    ['unix:///run/vllm.sock', ['10.0.0.7'], false, 'not http(s)'],
    ['', ['10.0.0.7'], false, 'empty api_base is a provider\'s cloud API'],
    ['http://gpu-box.corp.internal:8000/v1', ['https://gpu-box.corp.internal'], true, 'an entry written as a URL names its host'],
    ['http://gpu-box.corp.internal:8000/v1', ['gpu-box.corp.internal/'], true, 'an entry with a trailing slash'],
    ['http://gpu-box.corp.internal:8000/v1', ['  GPU-BOX.corp.internal  '], true, 'spaces and case in the entry'],
    ['http://gpu-box.corp.internal:8000/v1', ['*.corp.internal'], false, 'wildcards are not supported: no trust by pattern'],
    ['http://gpu.rented.example.com/v1', ['*'], false, 'a lone * never trusts every host'],
    ['http://gpu.rented.example.com/v1', ['http://'], false, 'an entry with no host trusts nothing'],
  ];
  for (const [apiBase, trusted, expected, why] of cases) {
    test(`${apiBase || '(empty)'} with [${trusted.join(', ')}] → ${expected ? 'private' : 'refused'} (${why})`, () => {
      const deployments = parseModelInfo({ data: [{ model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/q', api_base: apiBase } }] });
      const v = judgePrivateGroup('team-coder', GW, ['team-coder'], ['llm.corp.internal', ...trusted], deployments);
      assert.equal(v.private, expected, JSON.stringify(v));
    });
  }

  test('an ignored trustedHosts entry is named in the refusal, so the admin sees why it did not count', () => {
    const v = verdict('http://gpu-box.corp.internal:8000/v1', ['*.corp.internal']);
    assert.equal(v.private, false);
    assert.match((v as { reason: string }).reason, /\*\.corp\.internal/);
    assert.match((v as { reason: string }).reason, /wildcard/i);
  });

  test('the same rule guards the local tier (hybrid.local.baseUrl): one canonical spelling on both sides', () => {
    assert.equal(isLocalEndpoint('http://gpu-box.lan.:8000', ['GPU-BOX.lan']), true);
    assert.equal(isLocalEndpoint('http://gpu-box.lan:8000', ['*.lan']), false);
    assert.equal(isLocalEndpoint('http://gpu-box.lan:8000', ['gpu-box.lan:80']), false);
    assert.equal(isLocalEndpoint('http://gpu-box.lan/', ['gpu-box.lan:80']), true);
    assert.equal(isLocalEndpoint('http://[fd00::7]:11434', ['FD00::0:7']), true);
    assert.deepEqual(ignoredTrustedHosts(['gpu-box', '*.lan', '', 'http://', '[::1]']), ['*.lan', 'http://']);
  });

  test('the gateway URL itself: a loopback literal or listed host counts; a name resolving to loopback does not', () => {
    assert.equal(verdict('http://[::1]:8000', [], 'http://LOCALHOST:4000').private, true);
    assert.equal(verdict('http://[::1]:8000', [], 'http://127.0.0.1.nip.io:4000').private, false);
    // https: a clear-text gateway off this machine is refused since round 9 (cloudHosts.ts, cleartextProblem).
    assert.equal(verdict('http://[::1]:8000', [], 'https://llm.corp.internal.:4000').private, true);
  });

  test('a group with mixed deployments is refused, naming every outside one; all-trusted duplicates pass', () => {
    const mixed = [dep('http://10.0.0.7:8000/v1'), dep('http://10.0.0.8:8000/v1'), dep(undefined), dep('https://gpu.rented.example.com/v1')];
    const v = judgePrivateGroup('team-coder', GW, ['team-coder'], ['llm.corp.internal', '10.0.0.7', '10.0.0.8'], mixed);
    assert.equal(v.private, false);
    assert.match((v as { reason: string }).reason, /cloud API, gpu\.rented\.example\.com/);
    assert.equal(judgePrivateGroup('team-coder', GW, ['team-coder'], ['llm.corp.internal', '10.0.0.7', '10.0.0.8'], mixed.slice(0, 2)).private, true);
  });
});

suite('team7 adversarial: the deployment moves between the proof and the request', () => {
  const fake = new FakeLiteLLM();
  let url = '';
  let now = 1_000_000;
  const TRUSTED: GatewayGroup = { name: 'team-coder', model: 'hosted_vllm/Qwen/Qwen2.5-Coder-7B', apiBase: 'http://10.0.0.7:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
  suiteSetup(async () => { url = (await fake.start()).url; });
  suiteTeardown(() => fake.close());
  setup(() => { fake.reset(); fake.groups = [TRUSTED]; now = 1_000_000; });

  setup(() => { fake.apiBaseHeaderOnStreams = true; });
  const provider = (ttlMs?: number) => {
    const apiKey = async () => fake.virtualKey;
    const info = createGatewayInfo({ baseUrl: url, apiKey, now: () => now, ...(ttlMs !== undefined ? { ttlMs } : {}) });
    return createGatewayGroupProvider({ baseUrl: url, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'], info, apiKey, firstByteTimeoutMs: 5_000 });
  };
  const sent = () => fake.requests.filter((r) => r.path === '/v1/chat/completions').length;
  const asked = () => fake.requests.filter((r) => r.path === '/model/info').length;

  test('within the 5-minute proof, the answer\'s own api_base header stops it before any text, and the next request is refused before it leaves', async () => {
    const p = provider();
    const first = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(first.result.finish, 'stop', JSON.stringify(first.result.failure));
    // The admin moves the group to a rented GPU host; our proof is a minute old.
    fake.groups = [{ ...TRUSTED, apiBase: 'https://gpu.rented.example.com/v1' }];
    now += 60_000;
    const second = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(sent(), 2, 'the second request was sent on the cached proof (the window this test measures)');
    assert.equal(second.result.finish, 'error');
    assert.equal(second.result.failure?.code, 'notLocal');
    assert.match(second.result.failure!.message, /gpu\.rented\.example\.com/);
    assert.equal(second.text, '', 'text from an untrusted host was shown as a private answer');
    now += 1_000;
    const third = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(third.result.failure?.code, 'notLocal');
    assert.equal(sent(), 2, 'the third request left on a proof the gateway had already contradicted');
    assert.equal(asked(), 2, '/model/info was not asked again after the contradiction');
  });

  test('a header that names a trusted host, or no header at all (older releases), changes nothing', async () => {
    const p = provider();
    for (let i = 0; i < 3; i++) assert.equal((await drain(p.stream(chatBody('team-coder'), never()))).result.finish, 'stop');
    assert.equal(asked(), 1);
    fake.groups = [{ ...TRUSTED, apiBase: undefined as unknown as string }];
    // No api_base at all now means a provider's cloud API; the cached proof still says 10.0.0.7, and the answer
    // carries no header to contradict it: this is the documented residual window (docs/team.md).
    assert.equal((await drain(p.stream(chatBody('team-coder'), never()))).result.finish, 'stop');
  });

  test('a release that leaves the header off streams: Ask (private) re-reads its proof after CHAT_PROOF_MS, not 5 minutes', async () => {
    fake.apiBaseHeaderOnStreams = false;
    const p = provider(CHAT_PROOF_MS);
    assert.equal((await drain(p.stream(chatBody('team-coder'), never()))).result.finish, 'stop');
    fake.groups = [{ ...TRUSTED, apiBase: 'https://gpu.rented.example.com/v1' }];
    now += CHAT_PROOF_MS - 1_000;
    assert.equal((await drain(p.stream(chatBody('team-coder'), never()))).result.finish, 'stop', 'inside the window: unchecked (documented)');
    now += 2_000;
    const after = await drain(p.stream(chatBody('team-coder'), never()));
    assert.equal(after.result.failure?.code, 'notLocal');
    assert.equal(sent(), 2, 'a question left on a proof older than CHAT_PROOF_MS');
    assert.ok(CHAT_PROOF_MS <= 30_000);
  });

  test('the FIM path is held to the same header check', async () => {
    const p = provider();
    const fim = { model: 'team-coder', prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 16 };
    assert.equal((await drain(p.complete!(fim, never()))).result.finish === 'error', false, 'the trusted group completes');
    fake.groups = [{ ...TRUSTED, apiBase: 'https://gpu.rented.example.com/v1' }];
    now += 30_000;
    const moved = await drain(p.complete!(fim, never()));
    assert.equal(moved.result.failure?.code, 'notLocal');
    assert.equal(moved.text, '');
    now += 1_000;
    const next = await drain(p.complete!(fim, never()));
    assert.equal(next.result.failure?.code, 'notLocal');
    assert.equal(fake.requests.filter((r) => r.path === '/v1/completions').length, 2, 'a keystroke after the contradiction still left');
  });
});
