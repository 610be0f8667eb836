// Round-six probes (fixtures/privacy/surfaces/probes6.ts) through the real pipeline and the official SDK clients
// against the loopback fakes: Ask (cloud) on Anthropic, OpenAI and team mode's gateway plus Ask (auto) for each probe
// (a surface with a fixed route runs once, as built). What counts is what the fake cloud servers received. The twins
// must reach the cloud unchanged, so a fix cannot pass by redacting everything.
import * as assert from 'node:assert/strict';
import { ACCEPTED_OVER_REDACTION, probes6, twins6 } from '../../../fixtures/privacy/surfaces/probes6';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';
import { leak, WINDOW } from '../../../fixtures/privacy/surfaces/leak';
import type { Origin } from '../../../../src/core/request';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

const runs: { origin?: Origin; cloud: CloudName }[] = [{ cloud: 'anthropic' }, { cloud: 'openai' }, { cloud: 'gateway' }, { origin: 'askAuto', cloud: 'anthropic' }];

suite('round-six probes: prose, opaque hex, spaced and rooted paths, split turns, surfaces', function () {
  this.timeout(60_000);
  const tally: { family: string; name: string; run: string; leaked: boolean; sent: boolean }[] = [];
  const probes = probes6();
  for (const p of probes) {
    test(`${p.family} / ${p.name}`, async () => {
      const leaks: string[] = [];
      for (const r of runs) {
        rig.reset();
        const b = p.build();
        if (b.fixed && r !== runs[0]) continue;
        for (const n of b.needles) assert.ok(n.length >= WINDOW, `${p.name}: needle too short to test`);
        b.prepare?.(rig);
        const cloud = b.fixed ? b.opts?.cloud ?? 'anthropic' : r.cloud;
        const input = r.origin && b.input!.origin === 'askCloud' && b.input!.kind === 'ask' ? { ...b.input!, origin: r.origin } : b.input!;
        const out = await rig.run(input, { ...b.opts, cloud });
        const found = leak(b.needles, out.cloudWire);
        const sent = out.cloudWire.length > 2 && out.cloudWire !== '[]';
        tally.push({ family: p.family, name: p.name, run: `${r.origin ?? 'cloud'}/${cloud}`, leaked: found !== undefined, sent });
        if (found) leaks.push(`${r.origin ?? 'askCloud'}/${cloud}: ${found}; route ${out.route.join(' → ')}`);
      }
      rig.fakes.ollama!.fake.logprobs = 'confident';
      assert.deepEqual(leaks, []);
    });
  }
  const twinsPassed: string[] = [];
  for (const t of twins6()) {
    test(`benign twin: ${t.family} / ${t.name}`, async () => {
      const b = t.build();
      const out = await rig.run(b.input, { ...b.opts, cloud: 'anthropic' });
      for (const k of b.kept) assert.ok(out.cloudWire.includes(JSON.stringify(k).slice(1, -1)) || out.cloudWire.includes(k), `${k.slice(0, 60)}… did not reach the cloud unchanged`);
      twinsPassed.push(t.name);
    });
  }
  test('accepted over-redaction: an absolute path outside the workspace under a folder named like an anchored rule', async () => {
    const out = await rig.run({ origin: 'askCloud', kind: 'ask', question: `Is ${ACCEPTED_OVER_REDACTION.text} read at start-up?`, context: [] }, { ...ACCEPTED_OVER_REDACTION.opts, cloud: 'anthropic' });
    assert.ok(!out.cloudWire.includes(ACCEPTED_OVER_REDACTION.text), 'the roots are never used to make a path public');
  });
  test('tally (printed for the report)', () => {
    const families = [...new Set(probes.map((p) => p.family))];
    const leaked = new Set(tally.filter((t) => t.leaked).map((t) => `${t.family}/${t.name}`));
    console.log(`      probes: ${probes.length} (${families.map((f) => `${f} ${probes.filter((p) => p.family === f).length}`).join(', ')}); runs ${tally.length}, leaked runs ${tally.filter((t) => t.leaked).length}, ` +
      `runs that sent a body ${tally.filter((t) => t.sent).length}; probes with a leak: ${leaked.size} (${families.map((f) => `${f} ${[...leaked].filter((n) => n.startsWith(`${f}/`)).length}`).join(', ')}); twins kept ${twinsPassed.length} of ${twins6().length}`);
    for (const f of families) {
      const per = runs.map((r) => `${r.origin ?? 'cloud'}/${r.cloud}`).map((run) => `${run} ${tally.filter((t) => t.family === f && t.run === run && t.leaked).length}`);
      console.log(`        ${f}: leaked runs by surface: ${per.join(', ')}`);
    }
    assert.deepEqual([...leaked], []);
  });
});
