// Red team, surfaces 5 and 6: the SDKs' own retries and our early-error retry resend the sealed body (never a
// rebuilt one), a cloud that keeps failing falls back to local without another cloud body, and the repo map —
// file names and signatures that carry tokens and e-mails, a private folder — goes out redacted or not at all.
import * as assert from 'node:assert/strict';
import { buildCodebaseContext, RepoIndex } from '../../../../src/core/context';
import { createPathPolicy } from '../../../../src/core/privacy/paths';
import type { AskInput } from '../../../../src/core/pipeline/ask';
import { dotenv, email, githubPat, leakIn, proprietaryCode, ssn, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';

const COMPLEX = 'Propose a migration strategy for this service across our regions: weigh the trade-offs between consistency and availability, explain the failure modes and how to roll it out safely.';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

function dotenvAsk(): { input: AskInput; planted: Planted[] } {
  const d = dotenv();
  return { planted: d.planted, input: { origin: 'askCloud', kind: 'ask', question: `Why is the config rejected?\n${d.text}`, context: [] } };
}

const cloudFake = (c: CloudName) => (c === 'anthropic' ? rig.fakes.anthropic!.fake : c === 'openai' ? rig.fakes.openai!.fake : rig.gateway);

suite('red team: retries resend the sealed body', () => {
  for (const cloud of ['anthropic', 'openai', 'gateway'] as const) {
    test(`${cloud}: a 500 then success — every attempt redacted, and all attempts identical`, async () => {
      const { input, planted } = dotenvAsk();
      cloudFake(cloud).setFault({ kind: 'status', status: 500, times: 1 });
      const out = await rig.run(input, { cloud, retries: 2 });
      const posts = cloudFake(cloud).requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2, `expected one retry, got ${posts.length} requests`);
      assert.equal(JSON.stringify(posts[0].body), JSON.stringify(posts[1].body));
      assert.equal(leakIn(planted, out.cloudWire), undefined);
    });
  }

  test('anthropic: an error event before any text is retried with the same sealed body', async () => {
    const { input, planted } = dotenvAsk();
    rig.fakes.anthropic!.fake.setFault({ kind: 'errorEvent', afterTokens: 0, times: 1 });
    const out = await rig.run(input, { cloud: 'anthropic', retries: 2 });
    const posts = rig.fakes.anthropic!.fake.requests.filter((r) => r.method === 'POST');
    assert.ok(posts.length >= 2, `no retry (${posts.length})`);
    assert.ok(posts.every((p) => JSON.stringify(p.body) === JSON.stringify(posts[0].body)));
    assert.equal(leakIn(planted, out.cloudWire), undefined);
  });

  test('a cloud that keeps failing falls back to local; no other cloud body is built', async () => {
    const { planted } = dotenvAsk();
    const d = dotenv();
    rig.fakes.openai!.fake.setFault({ kind: 'status', status: 503 });
    const out = await rig.run({ origin: 'askAuto', kind: 'ask', question: `${COMPLEX}\n${d.text}`, context: [] }, { cloud: 'openai', retries: 1 });
    assert.equal(leakIn([...planted, ...d.planted], out.cloudWire), undefined);
    const out2 = await rig.run({ origin: 'askCloud', kind: 'ask', question: `${COMPLEX}\n${d.text}`, context: [] }, { cloud: 'openai', retries: 1 });
    assert.ok(out2.route.includes('local'), `no fallback: ${out2.route.join(',')}`);
    assert.equal(leakIn(d.planted, out2.cloudWire), undefined);
    assert.ok(out2.localWire.includes(d.planted[0].secretPart), 'the local model may see what the user asked');
  });
});

suite('red team: the repo map', () => {
  async function mapItems(names: { path: string; signature: string }[], isPrivate: (p: string) => boolean) {
    const index = new RepoIndex();
    names.forEach((n, i) => index.set(n.path, { stamp: `${i}`, defs: [{ name: `fn${i}`, kind: 'function', startLine: 1, endLine: 2, signature: n.signature }], refs: { fn0: 1 } }));
    const ctx = await buildCodebaseContext(index, { question: `${COMPLEX} #codebase` }, {
      mapTokens: 2000, definitionTokens: 2000, isPrivate, countTokens: (t) => Math.ceil(t.length / 4),
      readLines: async (p) => [names.find((n) => n.path === p)?.signature ?? '', '}'],
    });
    return ctx.items;
  }
  const policy = createPathPolicy({ privateGlobs: [] });
  const cases: Array<{ name: string; build: () => { names: { path: string; signature: string }[]; planted: Planted[] } }> = [
    { name: 'an e-mail in a file name', build: () => { const m = email(); return { planted: [m], names: [{ path: `src/users/${m.value}.ts`, signature: 'export function load()' }, { path: 'src/app.ts', signature: 'function main()' }] }; } },
    { name: 'an SSN in a folder name', build: () => { const s = ssn(); return { planted: [s], names: [{ path: `records/${s.value}/profile.ts`, signature: 'export function show()' }, { path: 'src/app.ts', signature: 'function main()' }] }; } },
    { name: 'a token as a file name', build: () => { const g = githubPat(); return { planted: [g], names: [{ path: `fixtures/${g.value}.json.ts`, signature: 'export const data = 1' }, { path: 'src/app.ts', signature: 'function main()' }] }; } },
    { name: 'a token in a signature', build: () => { const g = githubPat(); return { planted: [g], names: [{ path: 'src/net.ts', signature: `export function connect(token = "${g.value}")` }, { path: 'src/app.ts', signature: 'function main()' }] }; } },
    { name: 'a private folder', build: () => { const c = proprietaryCode(); return { planted: [{ name: 'code', value: c.canary, secretPart: c.canary }], names: [{ path: 'private/pricing.ts', signature: `export function ${c.canary}()` }, { path: 'src/app.ts', signature: 'function main()' }] }; } },
  ];
  for (const c of cases) {
    for (const origin of ['askCloud', 'askAuto'] as const) {
      test(`${c.name} (${origin})`, async () => {
        const { names, planted } = c.build();
        const items = await mapItems(names, (p) => policy.isPrivate(p).private);
        const out = await rig.run({ origin, kind: 'ask', question: COMPLEX, context: items, contextNotes: ['attached a repo map'] }, { cloud: 'openai' });
        assert.equal(leakIn(planted, out.cloudWire), undefined, `routes ${out.route.join(',')}`);
        assert.equal(leakIn(planted, JSON.stringify(out.records) + out.shown), undefined, 'ledger or shown text');
      });
    }
  }

  test('benign twin: an ordinary map goes to the cloud with its file names', async () => {
    const items = await mapItems([{ path: 'src/net/connect.ts', signature: 'export function connect(url: string)' }, { path: 'src/app.ts', signature: 'function main()' }], () => false);
    const out = await rig.run({ origin: 'askCloud', kind: 'ask', question: COMPLEX, context: items }, { cloud: 'openai' });
    assert.deepEqual(out.route, ['cloud']);
    assert.ok(out.cloudWire.includes('src/net/connect.ts'), out.shown);
  });
});
