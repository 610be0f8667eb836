// Round-nine probes (fixtures/privacy/surfaces/probes9*.ts) through the real pipeline and the official SDK clients
// against the loopback fakes (the runner is fixtures/privacy/surfaces/probeBatch.ts).
import { probeBatch, twinSuite } from '../../../fixtures/privacy/surfaces/probeBatch';
import { addressProbes9, nameProbes9, numberProbes9, scriptProbes9 } from '../../../fixtures/privacy/surfaces/probes9';
import { configProbes9, encodedProbes9, splitProbes9 } from '../../../fixtures/privacy/surfaces/probes9b';
import { surfaceProbes9 } from '../../../fixtures/privacy/surfaces/probes9c';
import { twins9 } from '../../../fixtures/privacy/surfaces/probes9twins';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

const KNOWN_GAPS = new Map<string, string>();

probeBatch('round-nine probes: scripts, numbers, pieces, encodings, config files, private-file surfaces', () => rig, [...nameProbes9(), ...scriptProbes9(), ...addressProbes9(), ...numberProbes9(),
  ...splitProbes9(), ...encodedProbes9(), ...configProbes9(), ...surfaceProbes9()], KNOWN_GAPS);
twinSuite('round-nine twins: must reach the cloud unchanged', () => rig, twins9());
