// Adversarial probes (fixtures/privacy/surfaces/probes.ts) through the real Ask pipeline — classifier, router,
// egress gate, the official SDKs — against the loopback cloud fakes, forced to the cloud (Ask Cloud: the gate is
// the only defence) and on Ask (auto). What counts is what the fake servers received on the wire.
import * as assert from 'node:assert/strict';
import { createAnthropicProvider, createOpenAIProvider } from '../../../../src/core/providers';
import type { Origin } from '../../../../src/core/request';
import { allProbes, type Probe } from '../../../fixtures/privacy/surfaces/probes';
import { SurfaceRig, type CloudName, type RunOutcome } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

const WINDOW = 10;

/** The first needle window found on the cloud wire, or for content private as a whole, any cloud request at all. */
function leak(p: Probe, out: RunOutcome): string | undefined {
  const sent = out.cloudWire !== '[]';
  if (p.noCloud) return sent ? 'a cloud request was made' : undefined;
  const found = p.needles.map((n) => {
    for (let i = 0; i + WINDOW <= n.length; i++) {
      const w = n.slice(i, i + WINDOW);
      if (out.cloudWire.includes(w)) return `"${w.slice(0, 4)}…" (window ${i} of ${JSON.stringify(n.slice(0, 6))}…) reached the cloud`;
    }
    return undefined;
  });
  if (p.piecesOfOne) return found.every(Boolean) ? `every piece reached the cloud: ${found.join('; ')}` : undefined;
  return found.find(Boolean);
}

suite('adversarial probes: what the cloud fakes receive', function () {
  this.timeout(60_000);
  const probes = allProbes();
  const tally: { family: string; run: string; sent: boolean; leaked: boolean }[] = [];
  test('probe set: every family present', () => {
    const families = new Set(probes.map((p) => p.family));
    for (const f of ['encoding', 'split', 'position', 'pii', 'form', 'marker', 'path', 'size']) assert.ok(families.has(f as Probe['family']), f);
    for (const p of probes) assert.ok(p.noCloud || p.needles.every((n) => n.length >= WINDOW), `${p.name}: needles too short to test`);
  });
  test('the rig is live: a benign Ask (cloud) reaches each cloud fake, so a clean probe result means something', async () => {
    for (const cloud of ['anthropic', 'openai', 'gateway'] as CloudName[]) {
      rig.reset();
      const out = await rig.run({ origin: 'askCloud', kind: 'ask', question: 'How do I reverse a list in Python?', context: [] }, { cloud });
      assert.ok(out.cloudWire.includes('reverse a list'), `${cloud}: nothing reached the fake`);
    }
  });
  test('benign twin: a search result quoting only ordinary files still goes to the cloud', async () => {
    rig.reset();
    const out = await rig.run({ origin: 'askCloud', kind: 'ask', question: 'Where is the rate set?', context: [], steps: [
      { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'run', input: '{"command":"grep -rn rate src"}' }] },
      { role: 'user', content: '', toolResults: [{ callId: 't1', content: 'src/a.ts:3: const rate = 1;\n<match path="/ws/src/b.ts" line=9>\nrate *= 2\n</match>' }] }] });
    assert.ok(out.cloudWire.includes('rate *= 2'), 'refused an ordinary search result');
  });
  // Ask (cloud) on each cloud tier (Anthropic, OpenAI, team mode's gateway), and Ask (auto) on Anthropic.
  const runs: { origin: Origin; cloud: CloudName }[] = [{ origin: 'askCloud', cloud: 'anthropic' }, { origin: 'askCloud', cloud: 'openai' },
    { origin: 'askCloud', cloud: 'gateway' }, { origin: 'askAuto', cloud: 'anthropic' }];
  for (const p of probes) {
    for (const { origin, cloud } of runs) {
      test(`${p.family} / ${p.name} (${origin}, ${cloud})`, async () => {
        const out = await rig.run({ ...p.input, origin }, { cloud, ...(p.privateGlobs ? { privateGlobs: p.privateGlobs } : {}), ...(p.aiignore ? { aiignore: p.aiignore } : {}), ...(p.settings ? { settings: p.settings } : {}) });
        const found = leak(p, out);
        tally.push({ family: p.family, run: `${origin}/${cloud}`, sent: out.cloudWire !== '[]', leaked: found !== undefined });
        assert.equal(found, undefined, `${found}; route ${out.route.join(' → ')}`);
      });
    }
  }
  test('tally (printed for the report)', () => {
    const cloud = tally.filter((t) => t.run === 'askCloud/anthropic');
    console.log(`      probes: ${probes.length} (${[...new Set(probes.map((p) => p.family))].map((f) => `${f} ${probes.filter((p) => p.family === f).length}`).join(', ')}); runs ${tally.length}, leaked ${tally.filter((t) => t.leaked).length}; Ask (cloud) on Anthropic: ${cloud.filter((t) => t.sent).length} sent redacted, ${cloud.filter((t) => !t.sent).length} refused`);
    assert.deepEqual(tally.filter((t) => t.leaked), []);
  });
});

suite('adversarial probes: completion never reaches a cloud', () => {
  test('the cloud clients have no fill-in-the-middle at all; the private tier\'s refuses an endpoint that is not local', async () => {
    const openaiCloud = createOpenAIProvider({ baseUrl: rig.fakes.urls.openai!, apiKey: 'loopback-fake', location: 'cloud' });
    const anthropic = createAnthropicProvider({ baseUrl: rig.fakes.anthropic!.url, apiKey: 'loopback-fake' });
    assert.equal((openaiCloud as { complete?: unknown }).complete, undefined);
    assert.equal((anthropic as { complete?: unknown }).complete, undefined);
    // The private tier pointed at a host that is not this machine (the fake stands in; locality says no).
    const remote = createOpenAIProvider({ baseUrl: rig.fakes.urls.openai!, location: 'local', isLocalEndpoint: () => false });
    const gen = remote.complete!({ model: 'qwen2.5-coder', prefix: 'const apiKey = "', suffix: '";', maxTokens: 16 }, new AbortController().signal);
    let r = await gen.next();
    while (!r.done) r = await gen.next();
    assert.ok(r.value.failure, 'refused');
    assert.equal(rig.fakes.openai!.fake.requests.filter((q) => q.method === 'POST').length, 0, 'nothing was sent');
  });
});
