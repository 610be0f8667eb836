// Red team, surface 5: the sinks beside the cloud. A planted secret or personal datum must not reach the ledger,
// the OpenTelemetry attributes, the messages the UI shows and the log keeps (including a server's error text that
// quotes the request back), the refusal text the model picker hands back to the editor's agent (which may send it
// to a model of its own), or the Explain Route preview.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AskInput } from '../../../../src/core/pipeline/ask';
import { measurementsOf } from '../../../../src/core/team/genaiMetrics';
import { awsKeyId, email, githubPat, leakIn, ssn, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig, type CloudName, type RunOutcome } from '../../../fixtures/privacy/surfaces/rig';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

const COMPLEX = 'Propose a migration strategy for this service across our regions: weigh the trade-offs between consistency and availability, explain the failure modes and how to roll it out safely.';

/** Every sink but the cloud: ledger lines, OTel attributes, and the text shown to the user / kept in the log. */
function sinks(out: RunOutcome): string {
  const otel = out.records.flatMap((r) => measurementsOf(r, {}).map((m) => JSON.stringify(m.attributes)));
  return [JSON.stringify(out.records), ...otel, out.shown, ...out.events.flatMap((e) => (e.type === 'delta' ? [e.text] : []))].join('\n');
}

/** A server that quotes the request back in its error, as FastAPI validation errors and some gateways do. */
function echoing(status: number, shape: 'ollama' | 'api') {
  return (question: string) => {
    const quoted = `Invalid request: messages[0].content=${JSON.stringify(question)}`;
    return { kind: 'status' as const, status, body: shape === 'ollama' ? { error: quoted } : { type: 'error', error: { type: 'invalid_request_error', message: quoted } } };
  };
}

suite('red team: sinks — server errors that quote the request', () => {
  const cases: Array<{ name: string; origin: AskInput['origin']; cloud?: CloudName; fault: 'ollama' | 'anthropic' | 'openai' | 'gateway'; status: number }> = [
    { name: 'Ollama 400 quoting a private question', origin: 'askPrivate', fault: 'ollama', status: 400 },
    { name: 'Ollama 500 quoting a private question', origin: 'askPrivate', fault: 'ollama', status: 500 },
    { name: 'Ollama 404 quoting a private question', origin: 'askPrivate', fault: 'ollama', status: 404 },
    { name: 'Anthropic 400 quoting the (redacted) request', origin: 'askCloud', cloud: 'anthropic', fault: 'anthropic', status: 400 },
    { name: 'OpenAI 422 quoting the (redacted) request', origin: 'askCloud', cloud: 'openai', fault: 'openai', status: 422 },
    { name: 'the gateway 400 quoting the (redacted) request', origin: 'askCloud', cloud: 'gateway', fault: 'gateway', status: 400 },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const k = githubPat(); const m = email();
      const prose = `releaseTrainNote${randomBytes(5).toString('hex')}`;
      const question = `Why does ${prose} fail with token ${k.value}? Mail ${m.value} when fixed.`;
      const fake = c.fault === 'ollama' ? rig.fakes.ollama!.fake : c.fault === 'anthropic' ? rig.fakes.anthropic!.fake : c.fault === 'openai' ? rig.fakes.openai!.fake : rig.gateway;
      fake.setFault(echoing(c.status, c.fault === 'ollama' ? 'ollama' : 'api')(question));
      const out = await rig.run({ origin: c.origin, kind: 'ask', question, context: [] }, { cloud: c.cloud ?? 'anthropic' });
      assert.ok(out.events.some((e) => e.type === 'error'), `the fault did not fire: ${out.shown}`);
      assert.equal(leakIn([k, m], sinks(out)), undefined);
      assert.ok(!out.shown.includes(prose), `prompt text in a shown message: ${out.shown}`);
    });
  }

  test('benign twin: a server error without the request is still shown word for word', async () => {
    rig.fakes.ollama!.fake.setFault({ kind: 'status', status: 400, body: { error: 'invalid option num_ctx: must be positive' } });
    const out = await rig.run({ origin: 'askPrivate', kind: 'ask', question: 'Why does the build fail?', context: [] });
    assert.match(out.shown, /invalid option num_ctx: must be positive/);
  });
});

suite('red team: sinks — names that carry personal data', () => {
  const named = (p: Planted, secret: Planted): AskInput[] => [
    { origin: 'askAuto', kind: 'ask', question: COMPLEX, context: [{ source: 'file', path: `notes/${p.value}.md`, text: `key ${secret.value}\n` }] },
    { origin: 'askAuto', kind: 'ask', question: COMPLEX, context: [{ source: 'open', path: `exports/customer-${p.value}.csv`, text: `id,total\n1,${secret.value}\n` }] },
    { origin: 'askCloud', kind: 'ask', question: COMPLEX, context: [{ source: 'file', path: `private/${p.value}.txt`, text: 'plan\n' }] },
    { origin: 'askAuto', kind: 'ask', question: COMPLEX, context: [], steps: [
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'read_file', input: JSON.stringify({ filePath: `hr/${p.value}.txt` }) }] },
      { role: 'user', content: '', toolResults: [{ callId: 'c1', content: `token ${secret.value}`, path: `hr/${p.value}.txt` }] }] },
    { origin: 'explainRoute', kind: 'ask', question: `${COMPLEX} ${secret.value}`, context: [{ source: 'file', path: `notes/${p.value}.md`, text: 'hello\n' }], dryRun: true },
  ];
  for (const make of [email, ssn]) {
    for (let i = 0; i < 5; i++) {
      test(`${make().name} in a file name, case ${i + 1}`, async () => {
        const p = make(); const k = awsKeyId();
        const out = await rig.run(named(p, k)[i], { cloud: 'openai' });
        assert.equal(leakIn([p, k], sinks(out)), undefined, out.shown);
        assert.equal(leakIn([p, k], out.cloudWire), undefined);
      });
    }
  }

  test('benign twin: an ordinary file name is still named in the reasons', async () => {
    const k = awsKeyId();
    const out = await rig.run({ origin: 'askAuto', kind: 'ask', question: COMPLEX, context: [{ source: 'file', path: 'config/settings.ts', text: `key ${k.value}\n` }] });
    assert.match(out.shown, /settings\.ts/);
  });
});
