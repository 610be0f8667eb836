// Issue #16 item 3: a cloned workspace must not change where code goes or what spend means. Every setting that
// decides egress, the model that is billed, or a money limit is application-scoped (user settings only).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
const props: Record<string, { scope?: string }> = Object.assign({}, ...sections.map((s: { properties: object }) => s.properties));

const SECURITY_OR_MONEY = [
  // where requests go
  'local.provider', 'local.baseUrl', 'anthropic.baseUrl', 'openai.baseUrl', 'cloud.provider', 'privacy.onCloudFindings',
  'privacy.trustedHosts', 'gateway.baseUrl', 'gateway.privateModels', 'gateway.privateModel', 'gateway.completionModel', 'telemetry.otlpEndpoint', 'telemetry.userId', 'fallback.overflowToCloud', 'fallback.overflowTtftMs', 'routing.complexityThreshold', 'fallback.localToCloud', 'fallback.cloudToLocal',
  // which model is used (and so billed, or pulled in a terminal)
  'cloud.model', 'local.chatModel', 'local.completionModel',
  // what spend means
  'local.costPerHour', 'pricing', 'budget.dailyUsd', 'budget.monthlyUsd', 'budget.onExceeded', 'confirmAboveUsd',
];

suite('settings: scopes', () => {
  for (const key of SECURITY_OR_MONEY) {
    test(`hybrid.${key} is application-scoped`, () => {
      assert.ok(props[`hybrid.${key}`], `hybrid.${key} is not contributed`);
      assert.equal(props[`hybrid.${key}`].scope, 'application');
    });
  }
});
