// The status bar while a cold model loads: a state with its own words, not a warning, and never hiding an outage.
import * as assert from 'node:assert/strict';
import { statusText, type StatusState } from '../../../src/core/presentation/statusText';

const base: StatusState = { local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0 };

suite('completion: loading state in the status bar', () => {
  test('"loading <model>…" with a spinner, no warning colour, and a tooltip line', () => {
    const v = statusText({ ...base, completionLoading: 'qwen2.5-coder:1.5b' });
    assert.equal(v.text, '$(sync~spin) loading qwen2.5-coder:1.5b…');
    assert.equal(v.warning, false);
    assert.match(v.tooltip, /Inline completion: on \(loading qwen2\.5-coder:1\.5b into memory\)/);
  });

  test('an outage still wins over loading', () => {
    const v = statusText({ ...base, local: 'offline', completionLoading: 'qwen2.5-coder:1.5b' });
    assert.match(v.text, /local · Ollama not running/);
  });
});
