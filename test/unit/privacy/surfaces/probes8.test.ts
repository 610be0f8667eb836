// Round-eight probes (fixtures/privacy/surfaces/probes8*.ts) through the real pipeline and the official SDK clients
// against the loopback fakes (the runner is fixtures/privacy/surfaces/probeBatch.ts).
import { addressProbes8, hexProbes8, nameProbes8, pathProbes8, scriptProbes8, splitProbes8 } from '../../../fixtures/privacy/surfaces/probes8';
import { diffProbes8, encodedProbes8, envProbes8, surfaceProbes8 } from '../../../fixtures/privacy/surfaces/probes8b';
import { secondBatch8 } from '../../../fixtures/privacy/surfaces/probes8c';
import { twins8 } from '../../../fixtures/privacy/surfaces/probes8twins';
import { probeBatch, twinSuite } from '../../../fixtures/privacy/surfaces/probeBatch';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

// Probes still leaking when the round ended, with why (docs/privacy.md, "Round eight"; the git log author gap closed
// in round nine: egress/toolAuthors.ts reads the call's `--format`).
const KNOWN_GAPS = new Map([
  ['a given name alone as the object of "ask"', 'one capitalised word after a contact verb reads as a product as often (`ask Webpack whether`); telling them apart needs a list of given names'],
]);

probeBatch('round-eight probes: known gaps and new shapes', () => rig, [...nameProbes8(), ...scriptProbes8(), ...addressProbes8(), ...hexProbes8(), ...pathProbes8(), ...splitProbes8(),
  ...encodedProbes8(), ...diffProbes8(), ...envProbes8(), ...surfaceProbes8()], KNOWN_GAPS);
probeBatch('round-eight second batch (written after the fixes)', () => rig, secondBatch8(), KNOWN_GAPS);
twinSuite('round-eight twins: must reach the cloud unchanged', () => rig, twins8());
