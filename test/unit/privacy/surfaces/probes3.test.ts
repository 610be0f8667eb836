// Round-three adversarial probes (fixtures/privacy/surfaces/probes3.ts) through the real Ask pipeline against the
// loopback cloud fakes: Ask (cloud) on Anthropic, OpenAI and team mode's gateway (the gate is the only defence),
// and Ask (auto). What counts is what the fake servers received on the wire.
import * as assert from 'node:assert/strict';
import type { Origin } from '../../../../src/core/request';
import { allProbes3, type Probe3 } from '../../../fixtures/privacy/surfaces/probes3';
import { SurfaceRig, type CloudName, type RunOutcome } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

const WINDOW = 10;

/** The first needle window found on the cloud wire (for pieces of one value: only when every piece is there). */
function leak(p: Probe3, out: RunOutcome): string | undefined {
  const found = p.needles.map((n) => {
    for (let i = 0; i + WINDOW <= n.length; i++) {
      const w = n.slice(i, i + WINDOW);
      if (out.cloudWire.includes(w)) return `"${w.slice(0, 3)}…" (window ${i} of a ${n.length}-character needle) reached the cloud`;
    }
    return undefined;
  });
  if (p.piecesOfOne) return found.every(Boolean) ? `every piece reached the cloud: ${found.join('; ')}` : undefined;
  return found.find(Boolean);
}

suite('round-three adversarial probes: what the cloud fakes receive', function () {
  this.timeout(60_000);
  const probes = allProbes3();
  const tally: { family: string; name: string; run: string; sent: boolean; leaked: boolean }[] = [];
  test('probe set: every family present, every needle long enough to test', () => {
    const families = new Set(probes.map((p) => p.family));
    for (const f of ['reversed', 'rot13', 'personal', 'entropy', 'carrier', 'confusable', 'split']) assert.ok(families.has(f as Probe3['family']), f);
    for (const p of probes) assert.ok(p.needles.length > 0 && p.needles.every((n) => n.length >= WINDOW), `${p.name}: needles too short to test`);
    assert.ok(probes.length >= 60, `${probes.length} probes`);
  });
  const runs: { origin: Origin; cloud: CloudName }[] = [{ origin: 'askCloud', cloud: 'anthropic' }, { origin: 'askCloud', cloud: 'openai' },
    { origin: 'askCloud', cloud: 'gateway' }, { origin: 'askAuto', cloud: 'anthropic' }];
  for (const p of probes) {
    for (const { origin, cloud } of runs) {
      test(`${p.family} / ${p.name} (${origin}, ${cloud})`, async () => {
        const out = await rig.run({ ...p.input, origin }, { cloud });
        const found = leak(p, out);
        tally.push({ family: p.family, name: p.name, run: `${origin}/${cloud}`, sent: out.cloudWire !== '[]', leaked: found !== undefined });
        assert.equal(found, undefined, `${found}; route ${out.route.join(' → ')}`);
      });
    }
  }
  test('tally (printed for the report)', () => {
    const cloud = tally.filter((t) => t.run === 'askCloud/anthropic');
    const families = [...new Set(probes.map((p) => p.family))];
    console.log(`      probes: ${probes.length} (${families.map((f) => `${f} ${probes.filter((p) => p.family === f).length}`).join(', ')}); runs ${tally.length}, leaked ${tally.filter((t) => t.leaked).length}; ` +
      `Ask (cloud) on Anthropic: ${cloud.filter((t) => t.leaked).length} probes leaked (${families.map((f) => `${f} ${cloud.filter((t) => t.leaked && t.family === f).length}`).join(', ')}), ${cloud.filter((t) => t.sent).length} sent, ${cloud.filter((t) => !t.sent).length} refused`);
    assert.deepEqual(tally.filter((t) => t.leaked), []);
  });
});
