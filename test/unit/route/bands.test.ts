// The three bands of automatic Ask, the light tier, and escalation routing.
import * as assert from 'node:assert/strict';
import { decide } from '../../../src/core/route/decide';
import { decideEscalation, escalationAction, escalationUnavailable } from '../../../src/core/route/escalate';
import { cloudModelFor, lightModel } from '../../../src/core/route/tiers';
import type { BudgetState, HealthState, Labels, Origin, Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS, normalizeSettings, type HybridSettings } from '../../../src/core/settings';

const OK: BudgetState = { level: 'ok', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
const OVER: BudgetState = { level: 'exceeded', spentTodayUsd: 6, spentMonthUsd: 6, dailyUsd: 5, monthlyUsd: 0 };
const HEALTHY: HealthState = { local: 'ready', cloud: 'ready' };

function s(over: Partial<HybridSettings> = {}): HybridSettings {
  return { ...DEFAULT_SETTINGS, ...over };
}
function req(origin: Origin = 'askAuto'): Request {
  return { id: 'r', kind: 'ask', origin, question: 'q', context: [] };
}
function labels(complexity: number, over: Partial<Labels> = {}): Labels {
  return { kind: 'ask', complexity, signals: ['design question'], findings: [], privatePaths: [], ...over };
}
const secret: Labels['findings'][number] = { kind: 'aws', category: 'secret', start: 0, end: 4, line: 2, label: 'AWS access key' };

suite('routing: three bands', () => {
  test('below localBelow → local band, reason names the setting and value', () => {
    const d = decide(req(), labels(0.1), s(), OK, HEALTHY);
    assert.equal(d.route, 'local');
    assert.equal(d.band, 'low');
    assert.ok(d.reasons.some((r) => r.includes('hybrid.routing.localBelow 0.25')), d.reasons.join(' | '));
  });

  test('between the thresholds → local first, reason states the escalation rule and tier', () => {
    const d = decide(req(), labels(0.4), s(), OK, HEALTHY);
    assert.equal(d.route, 'local');
    assert.equal(d.band, 'middle');
    assert.match(d.reasons[0], /^local first: .*between 0\.25 and 0\.5/);
    const note = d.reasons.join(' | ');
    assert.match(note, /below 0\.70,/);
    assert.match(note, /light tier \(claude-haiku-4-5\)/);
    assert.match(note, /"offer"/);
  });

  test('band edges: localBelow is in the middle band, complexityThreshold is in the cloud band', () => {
    assert.equal(decide(req(), labels(0.25), s(), OK, HEALTHY).band, 'middle');
    assert.equal(decide(req(), labels(0.5), s(), OK, HEALTHY).band, 'high');
    assert.equal(decide(req(), labels(0.2499), s(), OK, HEALTHY).band, 'low');
  });

  test('at or above complexityThreshold → cloud on the frontier model, named in the reasons', () => {
    const d = decide(req(), labels(0.8), s(), OK, HEALTHY);
    assert.equal(d.route, 'cloud');
    assert.equal(d.band, 'high');
    assert.equal(d.tier, 'frontier');
    assert.match(d.reasons.join(' | '), /complexityThreshold 0\.5\) on the frontier model \(claude-sonnet-5\)/);
  });

  test('localBelow above complexityThreshold collapses the middle band instead of inverting it', () => {
    const settings = s({ 'routing.localBelow': 0.9, 'routing.complexityThreshold': 0.5 });
    assert.equal(decide(req(), labels(0.6), settings, OK, HEALTHY).route, 'cloud');
    assert.equal(decide(req(), labels(0.4), settings, OK, HEALTHY).band, 'low');
  });

  test('sensitive content stays local in every band, with no band attached', () => {
    for (const c of [0.1, 0.4, 0.9]) {
      const d = decide(req(), labels(c, { findings: [secret] }), s(), OK, HEALTHY);
      assert.equal(d.route, 'local');
      assert.match(d.reasons[0], /AWS access key/);
    }
  });

  test('Explain Route shows the same bands as Ask', () => {
    const d = decide(req('explainRoute'), labels(0.4), s(), OK, HEALTHY);
    assert.equal(d.band, 'middle');
    assert.match(d.reasons.join(' '), /hybrid\.routing\.localBelow/);
  });

  test('local down: a simple question falls back to the light tier, named in the reason', () => {
    const d = decide(req(), labels(0.1), s({ 'fallback.localToCloud': true }), OK, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'cloud');
    assert.equal(d.tier, 'light');
    assert.match(d.reasons[0], /light tier \(claude-haiku-4-5\)/);
  });

  test('light tier: auto per provider, explicit id, empty = frontier', () => {
    assert.equal(lightModel(s()), 'claude-haiku-4-5');
    assert.equal(lightModel(s({ 'cloud.provider': 'openai' })), 'gpt-5.4-mini');
    assert.equal(lightModel(s({ 'cloud.lightModel': 'my-mini' })), 'my-mini');
    assert.equal(lightModel(s({ 'cloud.lightModel': '' })), undefined);
    assert.equal(cloudModelFor(s({ 'cloud.lightModel': '' }), 'light'), 'claude-sonnet-5');
    const d = decide(req(), labels(0.1), s({ 'fallback.localToCloud': true, 'cloud.lightModel': '' }), OK, { local: 'offline', cloud: 'ready' });
    assert.equal(d.tier, 'frontier');
    assert.match(d.reasons[0], /frontier model \(claude-sonnet-5\)/);
  });

  test('thresholds above 1 are rejected with a readable problem', () => {
    const { settings, problems } = normalizeSettings((k) => (k === 'routing.escalationThreshold' ? 7 : undefined));
    assert.equal(settings['routing.escalationThreshold'], 0.7);
    assert.match(problems[0], /hybrid\.routing\.escalationThreshold: expected a number between 0 and 1/);
  });
});

suite('routing: escalation', () => {
  test('action per mode and threshold', () => {
    assert.equal(escalationAction(s({ 'routing.escalation': 'auto' }), 0.69), 'escalate');
    assert.equal(escalationAction(s({ 'routing.escalation': 'auto' }), 0.7), 'none');
    assert.equal(escalationAction(s({ 'routing.escalation': 'offer' }), 0.2), 'offer');
    assert.equal(escalationAction(s({ 'routing.escalation': 'off' }), 0.0), 'none');
  });

  test('never for sensitive or private requests: the reason says why', () => {
    const sensitive = decideEscalation(req(), labels(0.4, { findings: [secret] }), s(), OK, HEALTHY, { band: 'middle', manual: true });
    assert.equal(sensitive.route, 'refuse');
    assert.match(sensitive.reasons[0], /AWS access key.*never escalate/);
    const priv = decideEscalation(req(), labels(0.4, { privatePaths: ['.env'] }), s(), OK, HEALTHY, { band: 'middle', manual: false });
    assert.equal(priv.route, 'refuse');
    assert.match(priv.reasons[0], /\.env matches a private path/);
    assert.match(escalationUnavailable(req('askPrivate'), labels(0.1)) ?? '', /privately/);
    assert.equal(decideEscalation(req('review'), labels(0.1), s(), OK, HEALTHY, { manual: true }).route, 'refuse');
  });

  test('middle-band escalation uses the light tier; manual uses the frontier model', () => {
    const auto = decideEscalation(req(), labels(0.4), s(), OK, HEALTHY, { band: 'middle', manual: false, confidenceSummary: 'local confidence 0.40: said \'not sure\'' });
    assert.equal(auto.route, 'cloud');
    assert.equal(auto.tier, 'light');
    assert.match(auto.reasons[0], /local confidence 0\.40: said 'not sure'/);
    assert.match(auto.reasons.join(' '), /local draft is not sent/);
    const manual = decideEscalation(req(), labels(0.1), s(), OK, HEALTHY, { band: 'low', manual: true });
    assert.equal(manual.tier, 'frontier');
  });

  test('within budget rules: block refuses, confirm asks, local keeps the local answer', () => {
    const ctx = { band: 'middle' as const, manual: false };
    assert.equal(decideEscalation(req(), labels(0.4), s({ 'budget.onExceeded': 'block' }), OVER, HEALTHY, ctx).route, 'refuse');
    const confirm = decideEscalation(req(), labels(0.4), s({ 'budget.onExceeded': 'confirm' }), OVER, HEALTHY, ctx);
    assert.equal(confirm.route, 'cloud');
    assert.ok(confirm.needsConfirmation);
    const local = decideEscalation(req(), labels(0.4), s({ 'budget.onExceeded': 'local' }), OVER, HEALTHY, ctx);
    assert.equal(local.route, 'refuse');
    assert.match(local.reasons[0], /over budget.*local answer stands/);
  });

  test('no API key → refused with the fix', () => {
    const d = decideEscalation(req(), labels(0.4), s(), OK, { local: 'ready', cloud: 'noKey' }, { band: 'middle', manual: true });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /Hybrid: Set API Key/);
  });
});
