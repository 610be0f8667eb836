// Rule 7 of docs/spend.md: the default models are the newest model of each tier line in the bundled, dated price
// table, and the README says when the defaults were last checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CLOUD_MODEL } from '../../../src/core/cloudDefaults';
import { lightModel } from '../../../src/core/route/tiers';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';

const root = path.resolve(__dirname, '../../..');

/** The newest id of a tier line ("claude-sonnet-4-6" < "claude-sonnet-5"), by its version numbers. */
function newest(line: RegExp): string {
  const version = (id: string): number[] => (line.exec(id)![1] ?? '').split(/[-.]/).map(Number);
  const ids = BUNDLED_PRICES.models.map((m) => m.id).filter((id) => line.test(id));
  assert.ok(ids.length > 0, `no model in the table matches ${line}`);
  return ids.sort((a, b) => {
    const va = version(a), vb = version(b);
    for (let i = 0; i < Math.max(va.length, vb.length); i++) if ((va[i] ?? 0) !== (vb[i] ?? 0)) return (va[i] ?? 0) - (vb[i] ?? 0);
    return 0;
  }).at(-1)!;
}

suite('spend / default models', () => {
  test('frontier: the newest Claude Sonnet in the table (Sonnet 5 at $2 / $10, not Sonnet 4.6 at $3 / $15)', () => {
    assert.equal(DEFAULT_SETTINGS['cloud.model'], newest(/^claude-sonnet-(\d+(?:-\d+)?)$/));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const sections: { properties: Record<string, { default?: unknown; markdownDescription?: string }> }[] = [pkg.contributes.configuration].flat();
    const contributed = sections.map((c) => c.properties['hybrid.cloud.model']).find(Boolean);
    // The Settings editor shows "" (the provider's default); the description names each provider's default model.
    assert.equal(contributed?.default, '', 'package.json declares the provider\'s default, not one provider\'s model');
    assert.match(contributed?.markdownDescription ?? '', new RegExp(`\`${DEFAULT_SETTINGS['cloud.model']}\` with Anthropic`));
  });

  test('light tier "auto": the newest Claude Haiku and the newest GPT mini in the table', () => {
    assert.equal(lightModel({ ...DEFAULT_SETTINGS, 'cloud.provider': 'anthropic' }), newest(/^claude-haiku-(\d+(?:-\d+)?)$/));
    assert.equal(lightModel({ ...DEFAULT_SETTINGS, 'cloud.provider': 'openai' }), newest(/^gpt-(\d+(?:\.\d+)?)-mini$/));
  });

  test('OpenAI without a model set: the frontier model of the light tier\'s generation (gpt-5.4 beside gpt-5.4-mini)', () => {
    const light = lightModel({ ...DEFAULT_SETTINGS, 'cloud.provider': 'openai' })!;
    assert.equal(DEFAULT_CLOUD_MODEL.openai, light.replace(/-mini$/, ''));
    assert.equal(DEFAULT_CLOUD_MODEL.anthropic, DEFAULT_SETTINGS['cloud.model']);
    assert.ok(BUNDLED_PRICES.models.some((m) => m.id === DEFAULT_CLOUD_MODEL.openai && m.provider === 'openai'));
  });

  test('the README says when the defaults were last checked, on or after the table\'s price date', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const m = /\*\*Default models, last checked (\d{4}-\d{2}-\d{2})\*\*/.exec(readme);
    assert.ok(m, 'README states when the default models were last checked');
    assert.ok(m[1] >= BUNDLED_PRICES.pricesChecked, `${m[1]} is before the table's ${BUNDLED_PRICES.pricesChecked}`);
    assert.match(readme, new RegExp(`\`hybrid\\.cloud\\.model\` \\| \`""\` \\| .*\`${DEFAULT_SETTINGS['cloud.model']}\` with Anthropic, \`gpt-5\\.4\` with OpenAI`));
  });
});
