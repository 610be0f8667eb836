// Adversarial probes (fixtures/privacy/surfaces/probes.ts) through the real Ask pipeline — classifier, router,
// egress gate, the official SDKs — against the loopback cloud fakes, forced to the cloud (Ask Cloud: the gate is
// the only defence) and on Ask (auto). What counts is what the fake servers received on the wire.
import * as assert from 'node:assert/strict';
import { createAnthropicProvider, createOpenAIProvider } from '../../../../src/core/providers';
import type { Origin } from '../../../../src/core/request';
import { allProbes, type Probe } from '../../../fixtures/privacy/surfaces/probes';
import { SurfaceRig, type RunOutcome } from '../../../fixtures/privacy/surfaces/rig';

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
  test('probe set: every family present', () => {
    const families = new Set(probes.map((p) => p.family));
    for (const f of ['encoding', 'split', 'position', 'pii', 'form', 'marker', 'path', 'size']) assert.ok(families.has(f as Probe['family']), f);
    for (const p of probes) assert.ok(p.noCloud || p.needles.every((n) => n.length >= WINDOW), `${p.name}: needles too short to test`);
  });
  for (const p of probes) {
    for (const origin of ['askCloud', 'askAuto'] as Origin[]) {
      test(`${p.family} / ${p.name} (${origin})`, async () => {
        const out = await rig.run({ ...p.input, origin }, { ...(p.privateGlobs ? { privateGlobs: p.privateGlobs } : {}), ...(p.aiignore ? { aiignore: p.aiignore } : {}), ...(p.settings ? { settings: p.settings } : {}) });
        const found = leak(p, out);
        assert.equal(found, undefined, `${found}; route ${out.route.join(' → ')}`);
      });
    }
  }
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
