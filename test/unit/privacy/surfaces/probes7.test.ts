// Round-seven probes (fixtures/privacy/surfaces/probes7*.ts) through the real pipeline and the official SDK clients
// against the loopback fakes (the runner is fixtures/privacy/surfaces/probeBatch.ts).
import { gapProbes7, shapeProbes7 } from '../../../fixtures/privacy/surfaces/probes7';
import { fileProbes7, moreProbes7, twins7 } from '../../../fixtures/privacy/surfaces/probes7b';
import { secondBatch7 } from '../../../fixtures/privacy/surfaces/probes7c';
import { probeBatch, twinSuite } from '../../../fixtures/privacy/surfaces/probeBatch';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

probeBatch('round-seven probes: known gaps and new shapes', () => rig, [...gapProbes7(), ...shapeProbes7(), ...fileProbes7(), ...moreProbes7()]);
probeBatch('round-seven second batch (written after the fixes)', () => rig, secondBatch7());
twinSuite('round-seven twins: must reach the cloud unchanged', () => rig, twins7());
