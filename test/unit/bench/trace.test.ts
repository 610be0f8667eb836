import * as assert from 'node:assert/strict';
import { replay } from '../../../bench/costReplay';
import { answerText, CATEGORIES, generateTrace, MIX, SENSITIVITIES } from '../../../bench/trace';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

suite('bench: cost-replay trace', () => {
  test('the same seed gives the same trace, another seed a different one', () => {
    const a = JSON.stringify(generateTrace({ size: 120 }));
    assert.equal(JSON.stringify(generateTrace({ size: 120 })), a);
    assert.notEqual(JSON.stringify(generateTrace({ size: 120, seed: 1 })), a);
  });

  test('a quick-sized trace covers every category and every kind of sensitive content, in the documented mix', () => {
    const trace = generateTrace({ size: 300 });
    assert.ok(trace.length >= 295 && trace.length <= 305, `size ${trace.length}`);
    for (const c of CATEGORIES) {
      const n = trace.filter((r) => r.category === c).length;
      assert.ok(Math.abs(n - MIX[c] * 300) <= 1, `${c}: ${n}`);
    }
    for (const s of SENSITIVITIES) assert.ok(trace.some((r) => r.sensitive === s), `no ${s} request`);
    assert.deepEqual(trace.map((r) => r.index), trace.map((_, i) => i));
  });

  test('every planted value is in its request, and only sensitive requests carry any', () => {
    for (const r of generateTrace({ size: 300 })) {
      if (!r.sensitive) { assert.equal(r.canaries.length, 0); continue; }
      assert.ok(r.canaries.length > 0, `#${r.index} has no canary`);
      const text = r.completion ? r.completion.prefix : r.ask!.context.map((c) => c.text).join('\n');
      for (const v of r.canaries) assert.ok(text.includes(v), `#${r.index}: ${r.sensitive} value not in the context`);
    }
  });

  test("the product's classifier agrees with the trace: planted requests are sensitive, the others are not", () => {
    const pathPolicy = createPathPolicy({ privateGlobs: [] });
    const markers = DEFAULT_SETTINGS['privacy.markers'];
    for (const r of generateTrace({ size: 300 }).filter((x) => x.ask)) {
      const req: Request = { id: String(r.index), kind: r.ask!.kind, origin: r.ask!.origin, question: r.ask!.question, context: r.ask!.context };
      const labels = classify(req, { pathPolicy, markers });
      const sensitive = labels.findings.length > 0 || labels.privatePaths.length > 0;
      assert.equal(sensitive, !!r.sensitive, `#${r.index} (${r.category}, ${r.sensitive ?? 'clean'}): ${labels.findings.map((f) => f.kind).join(', ')}`);
    }
  });

  test('an answer of n tokens is n streamed words of about 4 characters each', () => {
    const text = answerText(500, 3);
    assert.equal(text.split(' ').length, 500);
    assert.ok(Math.abs(text.length / 4 - 500) < 125, `length ${text.length}`);
  });
});

suite('bench: cost replay against the fakes', () => {
  test('a small trace replays through the real pipeline: private content stays local and nothing planted leaks', async function () {
    this.timeout(30_000);
    const trace = generateTrace({ size: 60 });
    const { outcomes, cloudBodies, leaks } = await replay(trace);
    assert.equal(outcomes.length, trace.length);
    assert.deepEqual(leaks, []);
    assert.ok(cloudBodies.length > 0, 'nothing reached the cloud fake');
    for (const o of outcomes) {
      const c = o.request.category;
      if (c === 'completion' || c === 'review' || c === 'askPrivate') assert.equal(o.route, 'local', `#${o.request.index} ${c}`);
      if (o.request.sensitive && c !== 'askCloud') assert.notEqual(o.route, 'cloud', `#${o.request.index} ${c}/${o.request.sensitive}`);
      if (c === 'architecture' && !o.request.sensitive) assert.equal(o.route, 'cloud', `#${o.request.index}`);
      if (o.route === 'cloud') assert.ok(o.hybridUsd > 0, `#${o.request.index} cloud request cost nothing`);
      if (o.route === 'local') assert.equal(o.hybridUsd, 0);
      assert.ok(o.allCloudUsd > 0, `#${o.request.index} has no all-cloud price`);
    }
  });
});
