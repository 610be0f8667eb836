// Adversarial round on team mode (team7), part 3: overflow under a flapping private tier, pushed through the real
// classifier and egress gate with secrets generated at test time. Written before the first run. The property:
// nothing a probe carries — a secret in the question, in a context file, in a private file, in history, in an
// agent step — is ever in a body the cloud receives, whether overflow comes from 429, 503 or slow first tokens;
// and a gateway budget refusal on the private group (429 budget_exceeded) is not "saturation".
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { ChatBody, ChatProvider, ProviderFailure, StreamResult } from '../../../src/core/wire/types';
import type { BudgetState, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { isSaturation, LocalPressure } from '../../../src/core/team/overflow';
import { scriptedProvider } from '../pipeline/scriptedProvider';

const NO_BUDGET: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
const FULL: ProviderFailure = { code: 'rateLimited', status: 429, message: 'The private tier is rate-limiting requests (429).' };
const BUSY: ProviderFailure = { code: 'server', status: 503, message: 'vLLM is busy (503).' };

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (alphabet: string, n: number): string => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');

/** Fresh secrets for this run: never committed, never the same twice. */
function secrets(): Record<string, string> {
  return {
    aws: `AKIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    github: `ghp_${pick(B62, 36)}`,
    stripe: `sk_live_${pick(B62, 24)}`,
    slack: `xoxb-${pick('0123456789', 11)}-${pick('0123456789', 12)}-${pick(B62, 24)}`,
    pem: `-----BEGIN RSA PRIVATE KEY-----\nMIIE${pick(B62, 60)}\n${pick(B62, 64)}\n-----END RSA PRIVATE KEY-----`,
  };
}

/** A private tier that answers each request with the next step of a script: a failure, or an answer. */
function flapping(script: Array<ProviderFailure | 'ok'>): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id: 'litellm-private', location: 'local', calls,
    async *stream(b: ChatBody) {
      const step = script[calls.length] ?? 'ok';
      calls.push(b);
      if (step === 'ok') yield 'answer';
      return { usage: { input: 10, output: step === 'ok' ? 2 : 0, cacheRead: 0, cacheWrite: 0, source: 'provider' }, timing: { ttftMs: 1, totalMs: 2 },
        model: b.model, finish: step === 'ok' ? 'stop' : 'error', ...(step === 'ok' ? {} : { failure: step }) } as StreamResult;
    },
  };
}

async function run(local: ChatProvider, input: Partial<AskInput>, pressure?: LocalPressure) {
  const s = { ...DEFAULT_SETTINGS, 'fallback.localToCloud': false, 'fallback.overflowToCloud': true, 'fallback.overflowTtftMs': 4_000 };
  const cloud = scriptedProvider('litellm', 'cloud');
  const records: LedgerRecord[] = [];
  let n = 0;
  const deps = createAskDeps({
    settings: s, pathPolicy: createPathPolicy({ privateGlobs: ['**/internal/**'] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (t) => Math.ceil(t.length / 4),
    budget: () => NO_BUDGET, health: () => ({ local: 'ready', cloud: 'ready' }), record: async (r) => { records.push(r); },
    confirm: async () => true, newId: () => `r${++n}`,
    ...(pressure ? { localPressure: () => pressure.saturated(s['fallback.overflowTtftMs']) } : {}),
  });
  const full: AskInput = { origin: 'askAuto', kind: 'ask', question: 'What does this regex match?', context: [], ...input };
  for await (const _ of runAsk(deps, full, new AbortController().signal)) { /* drain */ }
  return { cloud, records };
}

suite('team7 adversarial: overflow under a flapping private tier', () => {
  test('429 → ok → 503: the first and third overflow, the second stays local; each says why', async () => {
    const local = flapping([FULL, 'ok', BUSY]);
    const routes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await run(local, {});
      routes.push(r.records.map((x) => `${x.route}${x.fallback ? `:${x.fallback}` : ''}`).join('>'));
    }
    assert.deepEqual(routes, ['local>cloud:overflow', 'local', 'local>cloud:overflow']);
  });

  test('a gateway budget refusal on the private group (429 budget_exceeded) does not overflow', async () => {
    const budget: ProviderFailure = { code: 'budget', status: 429, message: 'The LiteLLM gateway refused the request: the team or key budget on the gateway is used up (429)' };
    assert.equal(isSaturation(budget), false, 'a used-up budget is not a full queue');
    const r = await run(flapping([budget]), {});
    assert.equal(r.cloud.calls.length, 0, 'a budget refusal was sent on to the cloud as overflow');
    const quota: ProviderFailure = { code: 'quota', status: 429, message: 'spend limit' };
    assert.equal(isSaturation(quota), false);
  });

  const pressure = (): LocalPressure => { const p = new LocalPressure(); for (const ms of [9_000, 8_000, 8_500]) p.add(ms); return p; };
  const triggers: Array<[string, () => { local: ChatProvider; pressure?: LocalPressure }]> = [
    ['429', () => ({ local: flapping([FULL]) })],
    ['503', () => ({ local: flapping([BUSY]) })],
    ['slow first tokens', () => ({ local: flapping(['ok']), pressure: pressure() })],
  ];
  const where: Array<[string, (secret: string) => Partial<AskInput>, boolean]> = [
    // [where the probe is, the input, must the request stay local entirely?]
    ['the question', (x) => ({ question: `Why does the deploy fail with key ${x} in the config?` }), true],
    ['a context file', (x) => ({ context: [{ source: 'file', path: 'src/deploy.ts', text: `const token = "${x}";\nexport const region = 'eu-west-1';` }] }), true],
    ['a private file (by path)', () => ({ context: [{ source: 'file', path: 'src/internal/payroll.ts', text: 'export const rate = 42;' }] }), true],
    ['history the cloud may see', (x) => ({ history: [{ role: 'user', content: `earlier I used ${x} here` }, { role: 'assistant', content: 'noted' }] }), false],
    ['history answered locally', (x) => ({ history: [{ role: 'user', content: `my key is ${x}`, local: true }, { role: 'assistant', content: 'ok', local: true }] }), false],
    ['an agent step', (x) => ({ steps: [{ role: 'user', content: '', toolResults: [{ callId: 't1', content: `cat .npmrc\n//registry.npmjs.org/:_authToken=${x}` }] }] }), false],
  ];
  for (const [trigger, make] of triggers) {
    for (const [place, input, staysLocal] of where) {
      test(`overflow by ${trigger}, probe in ${place}: no generated secret reaches the cloud${staysLocal ? ', nothing is sent there at all' : ''}`, async () => {
        for (const [kind, secret] of Object.entries(secrets())) {
          const { local, pressure: p } = make();
          const r = await run(local, input(secret), p);
          const sentToCloud = JSON.stringify(r.cloud.calls);
          assert.ok(!sentToCloud.includes(secret), `${kind} secret (${place}) reached the cloud on overflow by ${trigger}`);
          for (const line of secret.split('\n').filter((l) => l.length > 20)) assert.ok(!sentToCloud.includes(line), `${kind}: part of the secret reached the cloud`);
          if (staysLocal) assert.equal(r.cloud.calls.length, 0, `${kind} (${place}) overflowed by ${trigger}`);
          for (const rec of r.records) assert.ok(!JSON.stringify(rec).includes(secret), `${kind} secret written to the ledger`);
        }
      });
    }
  }

  test('Ask (private) never overflows, whatever the private tier answers', async () => {
    for (const failure of [FULL, BUSY]) {
      const r = await run(flapping([failure]), { origin: 'askPrivate' });
      assert.equal(r.cloud.calls.length, 0);
    }
  });
});
