// Round-five probes (fixtures/privacy/surfaces/probes5.ts) through the real pipeline and the official SDK clients
// against the loopback fakes: private paths typed in the question in every spelling, and secrets inside webhook and
// signed URLs. Each runs Ask (cloud) on Anthropic, OpenAI and team mode's gateway; what counts is what the fake cloud
// servers received. The benign twins must arrive unchanged, so a fix cannot pass by redacting everything.
import * as assert from 'node:assert/strict';
import { benignTwins5, pathProbes5, webhookProbes5 } from '../../../fixtures/privacy/surfaces/probes5';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';
import { leak, WINDOW } from '../../../fixtures/privacy/surfaces/leak';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

const clouds: CloudName[] = ['anthropic', 'openai', 'gateway'];

suite('round-five probes: private paths and URL-embedded secrets', function () {
  this.timeout(60_000);
  const leaked = new Set<string>();
  const probes = [...pathProbes5(), ...webhookProbes5()];
  for (const p of probes) {
    test(`${p.family} / ${p.name}`, async () => {
      const leaks: string[] = [];
      for (const cloud of clouds) {
        rig.reset();
        const b = p.build();
        for (const n of b.needles) assert.ok(n.length >= WINDOW, `${p.name}: needle too short to test`);
        const out = await rig.run(b.input!, { ...b.opts, cloud });
        assert.ok(out.cloudWire.length > 2 && out.cloudWire !== '[]', `${cloud}: nothing was sent (a refusal proves nothing here)`);
        const found = leak(b.needles, out.cloudWire);
        if (found) leaks.push(`${cloud}: ${found}`);
      }
      if (leaks.length) leaked.add(`${p.family}/${p.name}`);
      assert.deepEqual(leaks, []);
    });
  }
  for (const t of benignTwins5()) {
    test(`benign twin: ${t.family} / ${t.name}`, async () => {
      const b = t.build();
      const out = await rig.run(b.input, { ...b.opts, cloud: 'anthropic' });
      for (const k of b.kept) assert.ok(out.cloudWire.includes(JSON.stringify(k).slice(1, -1)) || out.cloudWire.includes(k), `${k} did not reach the cloud`);
    });
  }
  test('tally (printed for the report)', () => {
    console.log(`      probes: ${probes.length} (path ${probes.filter((p) => p.family === 'path').length}, webhook ${probes.filter((p) => p.family === 'webhook').length}); probes with a leak: ${leaked.size}`);
    assert.deepEqual([...leaked], []);
  });
});
