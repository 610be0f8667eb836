// Round-eight probes (fixtures/privacy/surfaces/probes8*.ts) through the real pipeline and the official SDK clients
// against the loopback fakes: Ask (cloud) on Anthropic, OpenAI and team mode's gateway plus Ask (auto) for each probe
// (a surface with a fixed route runs once, as built). What counts is what the fake cloud servers received. A needle
// of ten characters or more leaks by any 10-character window; a shorter one (a CJK name, a piece of a cut secret) by
// its whole text.
import * as assert from 'node:assert/strict';
import { addressProbes8, hexProbes8, nameProbes8, pathProbes8, scriptProbes8, splitProbes8, type Probe8 } from '../../../fixtures/privacy/surfaces/probes8';
import { diffProbes8, encodedProbes8, envProbes8, surfaceProbes8 } from '../../../fixtures/privacy/surfaces/probes8b';
import { secondBatch8 } from '../../../fixtures/privacy/surfaces/probes8c';
import { twins8 } from '../../../fixtures/privacy/surfaces/probes8twins';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';
import { leak, WINDOW } from '../../../fixtures/privacy/surfaces/leak';
import type { Origin } from '../../../../src/core/request';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

const runs: { origin?: Origin; cloud: CloudName }[] = [{ cloud: 'anthropic' }, { cloud: 'openai' }, { cloud: 'gateway' }, { origin: 'askAuto', cloud: 'anthropic' }];

function found(needles: string[], wire: string): string | undefined {
  const long = needles.filter((n) => n.length >= WINDOW);
  const short = needles.filter((n) => n.length < WINDOW);
  for (const n of short) if (wire.includes(n) || wire.includes(JSON.stringify(n).slice(1, -1))) return `"${n.slice(0, 2)}…" (a ${n.length}-character needle) reached the cloud`;
  return leak(long, wire);
}

// Probes still leaking when the round ended, with why (docs/privacy.md, "Round eight"). Each is run and must still
// leak: when a change stops one, this fails and it moves back among the probes that must not leak.
const KNOWN_GAPS = new Map([
  ['a given name alone as the object of "ask"', 'one capitalised word after a contact verb reads as a product as often (`ask Webpack whether`); telling them apart needs a list of given names'],
  ['agent tool result: git log with an author name', 'a tool result that is a bare name on its own line: nothing in the text says it is one (the call asked git for `%an`)'],
]);

function batch(title: string, probes: Probe8[]): void {
  suite(title, function () {
    this.timeout(60_000);
    const tally: { family: string; name: string; leaked: boolean }[] = [];
    for (const p of probes) {
      test(`${p.family} / ${p.name}`, async () => {
        const leaks: string[] = [];
        for (const r of runs) {
          rig.reset();
          const b = p.build();
          if (b.fixed && r !== runs[0]) continue;
          for (const n of b.needles) assert.ok(n.length >= 3, `${p.name}: needle too short to test`);
          b.prepare?.(rig);
          const cloud = b.fixed ? b.opts?.cloud ?? 'anthropic' : r.cloud;
          const input = r.origin && b.input!.origin === 'askCloud' && b.input!.kind === 'ask' ? { ...b.input!, origin: r.origin } : b.input!;
          const out = await rig.run(input, { ...b.opts, cloud });
          const f = found(b.needles, out.cloudWire);
          tally.push({ family: p.family, name: p.name, leaked: f !== undefined });
          if (f) leaks.push(`${r.origin ?? 'askCloud'}/${cloud}: ${f}; route ${out.route.join(' → ')}`);
        }
        rig.fakes.ollama!.fake.logprobs = 'confident';
        if (KNOWN_GAPS.has(p.name)) assert.ok(leaks.length > 0, `${p.name} no longer leaks: move it out of KNOWN_GAPS`);
        else assert.deepEqual(leaks, []);
      });
    }
    test('tally (printed for the report)', () => {
      const families = [...new Set(probes.map((p) => p.family))];
      const leaked = new Set(tally.filter((t) => t.leaked).map((t) => `${t.family}/${t.name}`));
      console.log(`      probes: ${probes.length}; runs ${tally.length}, leaked runs ${tally.filter((t) => t.leaked).length}; probes with a leak: ${leaked.size} (${families.map((f) => `${f} ${[...leaked].filter((n) => n.startsWith(`${f}/`)).length}/${probes.filter((p) => p.family === f).length}`).join(', ')})`);
      assert.deepEqual([...leaked].filter((n) => !KNOWN_GAPS.has(n.slice(n.indexOf('/') + 1))), []);
    });
  });
}

batch('round-eight probes: known gaps and new shapes', [...nameProbes8(), ...scriptProbes8(), ...addressProbes8(), ...hexProbes8(), ...pathProbes8(), ...splitProbes8(),
  ...encodedProbes8(), ...diffProbes8(), ...envProbes8(), ...surfaceProbes8()]);
batch('round-eight second batch (written after the fixes)', secondBatch8());

suite('round-eight twins: must reach the cloud unchanged', function () {
  this.timeout(60_000);
  for (const t of twins8()) {
    test(`${t.family} / ${t.name}`, async () => {
      const b = t.build();
      const out = await rig.run(b.input, { ...b.opts, cloud: 'anthropic' });
      for (const k of b.kept) assert.ok(out.cloudWire.includes(JSON.stringify(k).slice(1, -1)) || out.cloudWire.includes(k), `${k.slice(0, 60)}… did not reach the cloud unchanged`);
    });
  }
});
