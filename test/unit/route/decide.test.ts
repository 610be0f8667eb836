// One test per row of architecture.md's routing policy table, plus the budget, confirmation and health rows.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { decide } from '../../../src/core/route/decide';
import type { BudgetState, HealthState, Labels, Origin, Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

const rng = new Rng(11);
const awsKey = GENERATORS['aws-access-key-id'](rng, 0).value;
const pathPolicy = createPathPolicy({ privateGlobs: [] });
const markers = DEFAULT_SETTINGS['privacy.markers'];

const OK_BUDGET: BudgetState = { level: 'ok', spentTodayUsd: 1, spentMonthUsd: 10, dailyUsd: 5, monthlyUsd: 50 };
const OVER: BudgetState = { level: 'exceeded', spentTodayUsd: 5.2, spentMonthUsd: 20, dailyUsd: 5, monthlyUsd: 0 };
const HEALTHY: HealthState = { local: 'ready', cloud: 'ready' };

const COMPLEX = 'What are the trade-offs between event sourcing and CRUD for our ledger architecture, and how would we migrate?';
const SIMPLE = 'Rename this variable.';

function settings(over: Partial<HybridSettings> = {}): HybridSettings {
  return { ...DEFAULT_SETTINGS, ...over };
}

function request(origin: Origin, question: string, selection?: string, path = 'src/ledger.ts'): Request {
  const kind = origin === 'inline' ? 'completion' : origin === 'review' ? 'review' : 'ask';
  return { id: 'r1', kind, origin, question, context: selection === undefined ? [] : [{ source: 'selection', text: selection, path, startLine: 1 }] };
}

function run(r: Request, s = settings(), budget = OK_BUDGET, health = HEALTHY, cost?: number): { d: ReturnType<typeof decide>; labels: Labels } {
  const labels = classify(r, { pathPolicy, markers });
  return { d: decide(r, labels, s, budget, health, { estimatedCostUsd: cost }), labels };
}

const secretSelection = `const a = 1;\nconst b = 2;\nconst key = "${awsKey}";\n`;

suite('routing: decide (policy table)', () => {
  test('inline completion → local, always (even complex, even with cloud fallback on)', () => {
    const { d } = run(request('inline', ''), settings({ 'fallback.localToCloud': true }));
    assert.equal(d.route, 'local');
    assert.match(d.reasons[0], /^local: inline completions/);
  });

  test('inline completion with local down → refuse with the fix, never cloud', () => {
    const { d } = run(request('inline', ''), settings({ 'fallback.localToCloud': true }), OK_BUDGET, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /ollama serve/);
  });

  test('Review Selection (private) → local, even when complex or over budget', () => {
    assert.equal(run(request('review', COMPLEX, 'code')).d.route, 'local');
    assert.equal(run(request('review', COMPLEX, 'code'), settings(), OVER).d.route, 'local');
  });

  test('Ask (private) → local; with local down it refuses and never falls back', () => {
    assert.equal(run(request('askPrivate', COMPLEX)).d.route, 'local');
    const { d } = run(request('askPrivate', COMPLEX), settings({ 'fallback.localToCloud': true }), OK_BUDGET, { local: 'modelMissing', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /ollama pull qwen2\.5-coder:7b/);
  });

  test('Ask (cloud), nothing sensitive → cloud', () => {
    const { d } = run(request('askCloud', SIMPLE, 'const a = 1;'));
    assert.equal(d.route, 'cloud');
    assert.deepEqual(d.reasons, ['cloud: you asked the cloud model']);
  });

  test('Ask (cloud) with a secret and onCloudFindings=redact → cloud, reason says it will be redacted (without the value)', () => {
    const { d } = run(request('askCloud', SIMPLE, secretSelection));
    assert.equal(d.route, 'cloud');
    assert.match(d.reasons.join(' '), /1 sensitive item will be redacted before sending \(the selection contains an AWS access key \(line 3\)\)/);
    assert.ok(!d.reasons.join(' ').includes(awsKey));
  });

  test('Ask (cloud) with a secret and onCloudFindings=block → refuse', () => {
    const { d } = run(request('askCloud', SIMPLE, secretSelection), settings({ 'privacy.onCloudFindings': 'block' }));
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /AWS access key \(line 3\).*"block"/);
  });

  test('Ask (cloud) with private-path content → refuse with the path', () => {
    const { d } = run(request('askCloud', SIMPLE, 'DB_HOST=x', 'config/.env.production'));
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /config\/\.env\.production matches a private path/);
  });

  test('a private path names its rule, where the rule lives and how to change it (.aiignore, Private Globs, built-in)', () => {
    const policy = createPathPolicy({ privateGlobs: ['deals/**'], aiignore: '# rates\ninternal/\n' });
    const reasonFor = (origin: Origin, path: string): string => {
      const r = request(origin, COMPLEX, 'export const x = 1;', path);
      return decide(r, classify(r, { pathPolicy: policy, markers }), settings(), OK_BUDGET, HEALTHY, {}).reasons[0];
    };
    assert.match(reasonFor('askAuto', 'internal/rates.ts'),
      /^local: internal\/rates\.ts matches a private path \(rule "internal\/" in \.aiignore; remove it there to let the file go to the cloud\)/);
    assert.match(reasonFor('askCloud', 'internal/rates.ts'), /^refused: internal\/rates\.ts matches a private path \(rule "internal\/" in \.aiignore;.*use Ask \(private\) instead/);
    assert.match(reasonFor('askCloud', 'deals/acme.md'), /\(rule "deals\/\*\*" in your Private Globs setting; remove it there/);
    assert.match(reasonFor('askCloud', 'config/.env.production'), /\(built-in rule "\.env\.\*" for files that usually hold secrets\)/);
  });

  test('Ask (cloud) with a CONFIDENTIAL marker → refuse (markers are never redacted away)', () => {
    const { d } = run(request('askCloud', SIMPLE, '// CONFIDENTIAL: pricing engine\nfn()'));
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /marker/);
  });

  test('Ask (cloud) without an API key → refuse pointing at "Hybrid: Set API Key"', () => {
    const { d } = run(request('askCloud', SIMPLE), settings(), OK_BUDGET, { local: 'ready', cloud: 'noKey' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /Hybrid: Set API Key/);
  });

  test('Ask (cloud) without a key names the key the user must set: the gateway\'s virtual key in team mode, else the provider\'s', () => {
    const noKey: HealthState = { local: 'ready', cloud: 'noKey' };
    assert.match(run(request('askCloud', SIMPLE), settings(), OK_BUDGET, noKey).d.reasons[0], /no Anthropic API key is set/);
    assert.match(run(request('askCloud', SIMPLE), settings({ 'cloud.provider': 'openai' }), OK_BUDGET, noKey).d.reasons[0], /no OpenAI API key is set/);
    const team = run(request('askCloud', SIMPLE), settings({ 'gateway.baseUrl': 'http://127.0.0.1:4000' }), OK_BUDGET, noKey).d.reasons[0];
    assert.match(team, /no LiteLLM gateway virtual key is set; run "Hybrid: Set API Key"/);
    assert.doesNotMatch(team, /Anthropic/);
  });

  test('Ask (automatic), complex and clean → cloud with the score', () => {
    const { d, labels } = run(request('askAuto', COMPLEX));
    assert.ok(labels.complexity >= 0.5);
    assert.equal(d.route, 'cloud');
    assert.match(d.reasons[0], /^cloud: architecture question \(score [01]\.\d\d\), nothing sensitive found$/);
  });

  test('Ask (automatic), simple → local', () => {
    const { d } = run(request('askAuto', SIMPLE));
    assert.equal(d.route, 'local');
    assert.match(d.reasons[0], /^local: .*below 0\.25/);
  });

  test('Ask (automatic), complex but sensitive → local, reason names the finding and line', () => {
    const { d } = run(request('askAuto', COMPLEX, secretSelection));
    assert.equal(d.route, 'local');
    assert.equal(d.reasons[0], 'local: the selection contains an AWS access key (line 3)');
  });

  test('Ask (automatic) threshold is the setting', () => {
    assert.equal(run(request('askAuto', SIMPLE), settings({ 'routing.complexityThreshold': 0 })).d.route, 'cloud');
    assert.equal(run(request('askAuto', COMPLEX), settings({ 'routing.complexityThreshold': 1.01 })).d.route, 'local');
  });

  test('Ask (automatic), complex, no API key → local with a pointer to "Hybrid: Set API Key"', () => {
    const { d } = run(request('askAuto', COMPLEX), settings(), OK_BUDGET, { local: 'ready', cloud: 'noKey' });
    assert.equal(d.route, 'local');
    assert.match(d.reasons[0], /Hybrid: Set API Key/);
  });

  test('over budget, onExceeded=local → local', () => {
    const { d } = run(request('askAuto', COMPLEX), settings({ 'budget.onExceeded': 'local' }), OVER);
    assert.equal(d.route, 'local');
    assert.match(d.reasons[0], /over budget \(\$5\.20 of the \$5\.00 daily budget spent\)/);
  });

  test('over budget, onExceeded=confirm → cloud with needsConfirmation', () => {
    const { d } = run(request('askCloud', SIMPLE), settings({ 'budget.onExceeded': 'confirm' }), OVER);
    assert.equal(d.route, 'cloud');
    assert.match(d.needsConfirmation ?? '', /Over budget.*anyway\?/);
  });

  test('over budget, onExceeded=block → refuse', () => {
    const { d } = run(request('askCloud', SIMPLE), settings({ 'budget.onExceeded': 'block' }), OVER);
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /"block"/);
  });

  test('near budget → cloud with a note', () => {
    const { d } = run(request('askCloud', SIMPLE), settings(), { ...OK_BUDGET, level: 'near', spentTodayUsd: 4.1 });
    assert.equal(d.route, 'cloud');
    assert.match(d.reasons[1], /^note: budget nearly used/);
  });

  test('confirmAboveUsd → needsConfirmation when the estimate is above it', () => {
    const s = settings({ confirmAboveUsd: 0.5 });
    assert.match(run(request('askCloud', SIMPLE), s, OK_BUDGET, HEALTHY, 0.8).d.needsConfirmation ?? '', /\$0\.80.*\$0\.50/);
    assert.equal(run(request('askCloud', SIMPLE), s, OK_BUDGET, HEALTHY, 0.2).d.needsConfirmation, undefined);
  });

  test('local down, no fallback → refuse with the fix', () => {
    const { d } = run(request('askAuto', SIMPLE), settings(), OK_BUDGET, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /^refused: Ollama is not running at \S+ — start it with `ollama serve` \(or open the Ollama app\)/);
  });

  test('local down, fallback.localToCloud on and nothing sensitive → cloud', () => {
    const { d } = run(request('askAuto', SIMPLE), settings({ 'fallback.localToCloud': true }), OK_BUDGET, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'cloud');
    assert.match(d.reasons[0], /falling back to the cloud/);
  });

  test('local down, fallback on but sensitive → refuse (sensitive content never falls back)', () => {
    const { d } = run(request('askAuto', COMPLEX, secretSelection), settings({ 'fallback.localToCloud': true }), OK_BUDGET, { local: 'offline', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /cannot fall back to the cloud/);
  });

  test('local endpoint not local → refuse naming trustedHosts', () => {
    const { d } = run(request('askPrivate', SIMPLE), settings(), OK_BUDGET, { local: 'notLocal', cloud: 'ready' });
    assert.equal(d.route, 'refuse');
    assert.match(d.reasons[0], /trustedHosts/);
  });

  test('unscannable content is sensitive: automatic → local, cloud → refuse', () => {
    const binary = 'PK\u0003\u0004\u0000\u0000binary';
    assert.equal(run(request('askAuto', COMPLEX, binary)).d.route, 'local');
    assert.equal(run(request('askCloud', SIMPLE, binary)).d.route, 'refuse');
  });
});
