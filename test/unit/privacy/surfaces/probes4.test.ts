// Round-four adversarial probes (fixtures/privacy/surfaces/probes4*.ts) through the real pipeline and the official
// SDK clients against the loopback fakes. Most probes run Ask (cloud) on Anthropic, OpenAI and team mode's gateway
// plus Ask (auto); a probe of a surface with a fixed route runs once, as built. What counts is what the fake cloud
// servers received on the wire.
import * as assert from 'node:assert/strict';
import { chatProbes, escalationProbes, gatewayProbes, mapProbes, reviewProbes, type Probe4 } from '../../../fixtures/privacy/surfaces/probes4';
import { encodingProbes, gatewayCompletionProbes, knownProbes, pathProbes, threadProbes, toolProbes } from '../../../fixtures/privacy/surfaces/probes4b';
import { secondBatchProbes } from '../../../fixtures/privacy/surfaces/probes4c';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';
import { leak, WINDOW } from '../../../fixtures/privacy/surfaces/leak';
import type { Origin } from '../../../../src/core/request';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

const runs: { origin?: Origin; cloud: CloudName }[] = [{ cloud: 'anthropic' }, { cloud: 'openai' }, { cloud: 'gateway' }, { origin: 'askAuto', cloud: 'anthropic' }];
const probes: Probe4[] = [...chatProbes(), ...escalationProbes(), ...reviewProbes(), ...mapProbes(), ...gatewayProbes(), ...gatewayCompletionProbes(),
  ...toolProbes(), ...pathProbes(), ...threadProbes(), ...encodingProbes(), ...knownProbes(), ...secondBatchProbes()];

suite('round-four adversarial probes: the surfaces', function () {
  this.timeout(60_000);
  const tally: { family: string; name: string; run: string; leaked: boolean; sent: boolean }[] = [];
  test('probe set: every family present, at least 60 probes', () => {
    const families = new Set(probes.map((p) => p.family));
    for (const f of ['chat', 'escalation', 'review', 'map', 'gateway', 'tool', 'path', 'thread', 'encoding', 'known']) assert.ok(families.has(f as Probe4['family']), f);
    assert.ok(probes.length >= 60, `${probes.length} probes`);
  });
    for (const p of probes) {
    test(`${p.family} / ${p.name}`, async () => {
      const b = await p.build();
      for (const n of b.needles) assert.ok(n.length >= WINDOW, `${p.name}: needle too short to test`);
      const leaks: string[] = [];
      const own: typeof runs = [{ cloud: b.opts?.cloud ?? 'anthropic' }];
      for (const r of b.fixed ? own : runs) {
        rig.reset();
        b.prepare?.(rig);
        let wire: string;
        let route = '';
        if (b.custom) wire = await b.custom(rig);
        else {
          const input = r.origin && b.input!.origin === 'askCloud' ? { ...b.input!, origin: r.origin } : b.input!;
          const out = await rig.run(input, { ...b.opts, cloud: r.cloud });
          wire = out.cloudWire;
          route = `${out.route.join(' → ')}`;
        }
        const found = leak(b.needles, wire);
        tally.push({ family: p.family, name: p.name, run: `${r.origin ?? 'built'}/${r.cloud}`, leaked: found !== undefined, sent: wire.length > 2 && wire !== '[]' });
        if (found) leaks.push(`${r.origin ?? 'as built'}/${r.cloud}: ${found}; route ${route}`);
      }
      rig.fakes.ollama!.fake.logprobs = 'confident';
      assert.deepEqual(leaks, []);
    });
  }
  test('tally (printed for the report)', () => {
    const families = [...new Set(probes.map((p) => p.family))];
    const leakedProbes = new Set(tally.filter((t) => t.leaked).map((t) => `${t.family}/${t.name}`));
    console.log(`      probes: ${probes.length} (${families.map((f) => `${f} ${probes.filter((p) => p.family === f).length}`).join(', ')}); runs ${tally.length}, leaked runs ${tally.filter((t) => t.leaked).length}; ` +
      `runs that sent a body ${tally.filter((t) => t.sent).length} (the rest refused or kept local); probes with a leak: ${leakedProbes.size} (${families.map((f) => `${f} ${[...leakedProbes].filter((n) => n.startsWith(`${f}/`)).length}`).join(', ')})`);
    const second = probes.filter((p) => p.name.endsWith('(second batch)'));
    console.log(`      of which the second batch: ${second.length} probes, ${[...leakedProbes].filter((n) => n.endsWith('(second batch)')).length} with a leak`);
    assert.deepEqual([...leakedProbes], []);
  });
});
