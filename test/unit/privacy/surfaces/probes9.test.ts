// Round-nine probes (fixtures/privacy/surfaces/probes9*.ts) through the real pipeline and the official SDK clients
// against the loopback fakes (the runner is fixtures/privacy/surfaces/probeBatch.ts).
import { probeBatch, twinSuite } from '../../../fixtures/privacy/surfaces/probeBatch';
import { addressProbes9, nameProbes9, numberProbes9, scriptProbes9 } from '../../../fixtures/privacy/surfaces/probes9';
import { configProbes9, encodedProbes9, splitProbes9 } from '../../../fixtures/privacy/surfaces/probes9b';
import { surfaceProbes9 } from '../../../fixtures/privacy/surfaces/probes9c';
import { secondBatch9 } from '../../../fixtures/privacy/surfaces/probes9d';
import { twins9 } from '../../../fixtures/privacy/surfaces/probes9twins';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => { rig.reset(); rig.fakes.ollama!.fake.logprobs = 'confident'; });

// Round eight's gap (a) stays open (docs/privacy.md, "Round nine"): the public CC0 given-name lists (@stdlib's English
// first names, 8,849 of them) hold Claude, Ruby, Julia, Ada, Ava, Jasmine, Hugo, Travis, Rocky and Cassandra — products,
// languages and tools a developer asks about — and lack Priya, Olumide, Mehmet, Ngozi and Rohan.
const GAP_A = 'one capitalised word after a contact verb reads as a product as often (`ask Webpack whether`, `ask Claude whether`); a public given-name list both over-redacts products and misses names outside its countries';
const KNOWN_GAPS = new Map([
  ['known gap (a): "ask <given name> whether" with a name from a public list', GAP_A],
  ['known gap (a): "check with <given name> if"', GAP_A],
]);

probeBatch('round-nine probes: scripts, numbers, pieces, encodings, config files, private-file surfaces', () => rig, [...nameProbes9(), ...scriptProbes9(), ...addressProbes9(), ...numberProbes9(),
  ...splitProbes9(), ...encodedProbes9(), ...configProbes9(), ...surfaceProbes9()], KNOWN_GAPS);
probeBatch('round-nine second batch (written after the fixes)', () => rig, secondBatch9(), KNOWN_GAPS);
twinSuite('round-nine twins: must reach the cloud unchanged', () => rig, twins9());
