// What a demanding user reads on the cards and in the tooltip (ux6): an error's Open Settings opens the setting its
// message names, and a what-if figure ("saved vs all-cloud") is labelled an estimate like every other estimate.
import * as assert from 'node:assert/strict';
import { settingNamed } from '../../../src/webview/chat/errorTitle';
import { statusText } from '../../../src/core/presentation/statusText';
import { settingQuery } from '../../../src/core/settingQuery';

suite('ux labels: the setting an error names, estimates said as estimates', () => {
  test('Open Settings goes to the setting the message names', () => {
    assert.equal(settingNamed('Cannot find the Ollama host of http://x:1 (DNS lookup failed) — check hybrid.local.baseUrl.'), 'hybrid.local.baseUrl');
    assert.equal(settingNamed('Not sent: over the daily budget (hybrid.budget.dailyUsd = $1.00).'), 'hybrid.budget.dailyUsd');
    assert.equal(settingNamed('The first of two: hybrid.cloud.model, then hybrid.pricing'), 'hybrid.cloud.model');
  });

  test('no setting named: no detail (the button opens all of the extension\'s settings)', () => {
    for (const m of ['The provider had an error (500).', 'hybrid alone', 'hybrid.', 'see myhybrid.local.baseUrl', 'docs/hybrid.md', 'C:\\x\\hybrid.log', 'https://x.io/hybrid.local.baseUrl']) {
      assert.equal(settingNamed(m), undefined, m);
    }
  });

  test('the host opens only our settings: a key, a section of keys, else all of them', () => {
    assert.equal(settingQuery('hybrid.local.baseUrl'), 'hybrid.local.baseUrl');
    assert.equal(settingQuery('hybrid.budget'), 'hybrid.budget');
    assert.equal(settingQuery('hybrid.pricing'), 'hybrid.pricing');
    for (const bad of [undefined, '', 'hybrid.md', 'hybrid.local.base', 'hybrid.local.baseUrl.x', 'security.workspace.trust.enabled', '@ext:evil.x', 'hybrid.budget @modified']) {
      assert.equal(settingQuery(bad), 'hybrid', String(bad));
    }
  });

  test('the tooltip labels saved vs all-cloud an estimate, and says what it prices', () => {
    const tip = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, savedMonthUsd: 4.5 }).tooltip;
    assert.match(tip, /^Saved vs all-cloud this month: \$4\.50 est\. \(local answers priced on the cloud model\)$/m);
    const none = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, savedMonthUsd: 0 }).tooltip;
    assert.match(none, /^Saved vs all-cloud this month: \$0\.00 \(/m, 'nothing saved is not an estimate of anything');
  });
});
