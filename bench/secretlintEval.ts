// Evaluation (issue #12): would @secretlint/core + preset-recommend, as a second detector inside the egress gate
// for cloud-bound bodies, catch anything our rules miss, and at what cost per request? It runs secretlint over
// (a) what our gate lets out for every corpus case (anything it finds there is a miss of ours) and (b) the raw
// cases (what it finds at all), and times one request with a 2,000-line file. secretlint is ESM and ships with
// vsce (a dev dependency), so this script needs no new dependency. Run: npx tsx bench/secretlintEval.ts
import { createPathPolicy } from '../src/core/privacy/paths';
import { scanSensitive } from '../src/core/privacy/scan';
import { EgressGate } from '../src/core/egress/gate';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { attacks } from '../test/fixtures/privacy/adversarial';
import { positives, Rng } from '../test/fixtures/privacy/corpus';
import { sourceFile } from './routing';

async function main(): Promise<void> {
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
  const lint = async (text: string): Promise<string[]> => {
    const r = await lintSource({ source: { content: text, filePath: '/virtual/request.txt', ext: '.txt', contentType: 'text' }, options: { config, noPhysicFilePath: true } });
    return r.messages.map((m) => m.ruleId);
  };
  const markers = DEFAULT_SETTINGS['privacy.markers'];
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
  const texts = [...positives().map((p) => p.text), ...attacks().map((a) => a.text)];
  let foundRaw = 0;
  let oursMissedTheyFound = 0;
  let afterGate = 0;
  const extra: string[] = [];
  for (const text of texts) {
    const theirs = await lint(text);
    if (theirs.length) foundRaw++;
    if (theirs.length && scanSensitive(text, { markers }).length === 0) { oursMissedTheyFound++; extra.push(text.slice(0, 80)); }
    const r = gate.prepare({ model: 'm', system: 's', maxTokens: 1, messages: [{ role: 'user', content: text }] }, []);
    if (r.ok && (await lint(r.body.messages[0].content)).length) { afterGate++; extra.push('after gate: ' + r.body.messages[0].content.slice(0, 80)); }
  }
  const file = sourceFile(2000, new Rng(99));
  for (let i = 0; i < 3; i++) await lint(file);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); await lint(file); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  const ours: number[] = [];
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); scanSensitive(file, { markers }); ours.push(performance.now() - t0); }
  ours.sort((a, b) => a - b);
  console.log(JSON.stringify({ cases: texts.length, secretlintFoundRaw: foundRaw, secretlintFoundWhereOursFoundNothing: oursMissedTheyFound,
    secretlintFoundInGateOutput: afterGate, secretlintMedianMs2kLines: +times[7].toFixed(2), oursMedianMs2kLines: +ours[7].toFixed(2), examples: extra.slice(0, 10) }, null, 1));
}
void main();
