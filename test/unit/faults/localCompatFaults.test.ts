// The private tier on an OpenAI-compatible server (vLLM, SGLang, llama.cpp, LM Studio), built as providerRegistry
// builds it: the same promise as Ollama — cause and fix named, in time, an honest ledger — in its own words.
import { closedPort } from '../providers/helpers';
import type { Fault } from '../../fakes/base';
import { assertFailedClearly } from './assertions';
import { FaultRig, SHORT } from './rig';

const SETTINGS = { 'local.provider': 'openai-compatible' as const, 'local.chatModel': 'gpt-4.1' };
const BOUND = SHORT['timeouts.localFirstByteMs'] + SHORT['timeouts.idleMs'] + 3000;

const CASES: Array<{ name: string; fault: Fault; cause: RegExp; fix: RegExp }> = [
  { name: 'model unknown (404)', fault: { kind: 'status', status: 404 }, cause: /does not know the model “gpt-4\.1”/, fix: /hybrid\.local\.chatModel/ },
  { name: '500 after retries', fault: { kind: 'status', status: 500 }, cause: /server error \(500\)/, fix: /try again/ },
  { name: 'stall mid-answer', fault: { kind: 'stallAfterHeaders', afterTokens: 1 }, cause: /stopped sending/, fix: /hybrid\.timeouts\.idleMs/ },
  { name: 'slow first byte', fault: { kind: 'delayFirstByte', ms: 5000 }, cause: /no response within/, fix: /hybrid\.timeouts\.localFirstByteMs/ },
  { name: 'access refused (401)', fault: { kind: 'status', status: 401 }, cause: /refused the request \(401\)/, fix: /access settings/ },
  { name: 'busy (429, long retry-after)', fault: { kind: 'status', status: 429, retryAfter: 60 }, cause: /rate-limiting/, fix: /try again in 60 s/ },
];

suite('faults: the private tier on an OpenAI-compatible server', function () {
  this.timeout(20_000);
  let rig: FaultRig;
  suiteSetup(async () => { rig = await FaultRig.start(); });
  suiteTeardown(async () => { await rig.close(); });
  setup(() => rig.reset());

  test('server not running → "Cannot reach the local …" (lower case mid-sentence) naming hybrid.local.baseUrl', async () => {
    const o = await rig.run({}, { settings: SETTINGS, localUrl: `http://127.0.0.1:${await closedPort()}/v1` });
    assertFailedClearly(o, /Cannot reach the local OpenAI-compatible server .*connection refused/, /hybrid\.local\.baseUrl/, BOUND);
  });

  for (const c of CASES) {
    test(`${c.name} → cause + fix, in time, ledger failed`, async () => {
      rig.openai.setFault(c.fault);
      const o = await rig.run({}, { settings: SETTINGS, localUrl: rig.fakes.urls.openai! });
      assertFailedClearly(o, c.cause, c.fix, BOUND);
    });
  }
});
