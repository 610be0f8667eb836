// The complexity scorer's rule set: the Western rules, the same signals' words in more languages, and the
// signals of the task's shape. Merged by signal, so a question that says "architecture" in two languages
// still counts the signal once.

import { HIGH_ASKS } from './askRules';
import { HIGH as BASE_HIGH, type Rule } from './complexityRules';
import { LOW as BASE_LOW } from './lowRules';
import { TASK_HIGH } from './taskSignals';
import { anyOf } from './normalize';
import { MORE_HIGH, MORE_LOW } from './vocabulary';
import { PLAIN_HIGH, PLAIN_TERMS } from './plainWords';
import { SYSTEMS_HIGH, SYSTEMS_TERMS } from './plainSystems';
import { DESIGN_LOW, DESIGN_TERMS } from './plainDesign';
import { OrWhenNotLocal } from './localThings';
import { SYMPTOM_HIGH, SYMPTOM_LOW, SYMPTOM_TERMS } from './plainSymptoms';
import { CHOICE_HIGH } from './systemChoice';
import { FEWER_GUARDED, FEWER_HIGH, FEWER_LOW } from './fewerSpokenWords';

function withTerms(rules: readonly Rule[], terms: Record<string, RegExp[]>): Rule[] {
  return rules.map((r) => {
    const more = terms[r.signal];
    return more ? { ...r, re: new RegExp(`${r.re.source}|${anyOf(more).source}`, r.re.flags) } : r;
  });
}

/** Two word lists for the same signals, one after the other. */
function merged(...lists: Record<string, RegExp[]>[]): Record<string, RegExp[]> {
  const out: Record<string, RegExp[]> = {};
  for (const list of lists) for (const [signal, res] of Object.entries(list)) out[signal] = [...(out[signal] ?? []), ...res];
  return out;
}

/** The round-12 words, added to a signal only when the text names no piece of code or screen (localThings.ts). */
function withGuardedTerms(rules: readonly Rule[], terms: Record<string, RegExp[]>): Rule[] {
  return rules.map((r) => (terms[r.signal] ? { ...r, re: new OrWhenNotLocal(r.re, anyOf(terms[r.signal])) } : r));
}

const MERGED = withTerms([...BASE_HIGH, ...HIGH_ASKS, ...TASK_HIGH], merged(MORE_HIGH, PLAIN_TERMS, FEWER_HIGH));
export const HIGH: Rule[] = [
  ...withGuardedTerms(MERGED, merged(SYSTEMS_TERMS, DESIGN_TERMS, SYMPTOM_TERMS, FEWER_GUARDED)), ...withGuardedTerms(PLAIN_HIGH, SYMPTOM_TERMS), ...SYSTEMS_HIGH, ...SYMPTOM_HIGH, ...CHOICE_HIGH,
];
export const LOW: Rule[] = [...withTerms(BASE_LOW, merged(MORE_LOW, FEWER_LOW)), ...DESIGN_LOW, ...SYMPTOM_LOW];
