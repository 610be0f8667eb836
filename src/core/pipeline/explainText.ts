// What Explain Route shows instead of an answer: where the request would go and why, what would be redacted, what
// it would likely cost (an estimate, never a charge) and which files it would carry.

import { lineRange } from '../../shared/lineRange';
import { formatEstimate } from '../../shared/money';
import type { Decision, Labels } from '../request';
import type { PreflightEstimate } from '../spend/preflight';
import type { AttachedContext } from './events';
import { shownName } from '../privacy/shownName';

/** The longest answer a run asks for: the upper bound of every cost estimate. */
export const ANSWER_TOKENS = 1024;

export function explainText(
  decision: Decision, target: 'local' | 'cloud', model: string, redactions: Record<string, number>,
  estimate: PreflightEstimate | undefined, labels: Labels, attached: AttachedContext[],
): string {
  const lines = [`**Would go to: ${target === 'cloud' ? 'the cloud' : 'the local model'}** (\`${model}\`)`, ''];
  lines.push('**Why**', ...decision.reasons.map((r) => `- ${r}`), '');
  lines.push(`**Task**: ${labels.kind}, complexity ${labels.complexity.toFixed(2)}${labels.signals.length ? ` (${labels.signals.join('; ')})` : ''}`, '');
  const red = Object.entries(redactions);
  if (target === 'cloud') {
    lines.push(red.length ? `**Would be redacted**: ${red.map(([k, n]) => `${n} × ${k}`).join(', ')}` : '**Would be redacted**: nothing sensitive found', '');
    lines.push(`**Estimated cost**: ${estimate === undefined ? 'unknown price for this model'
      : `${formatEstimate(estimate.likelyUsd, estimate.atMostUsd)} (a ${estimate.expectedOutputTokens}-token answer, ${estimate.basis === 'history' ? 'the median of your recent answers' : 'a typical answer until you have history'}; at most ${ANSWER_TOKENS} tokens)`}`, '');
  } else {
    lines.push('**Estimated cost**: $0 in tokens (local)', '');
  }
  if (attached.length) lines.push(`**Context**: ${contextCount(attached)}`, ...attached.map((c) => `- ${shownName(c.path)}:${lineRange(c.startLine, c.endLine)}${c.trimmed ? ' (trimmed)' : ''}`));
  return lines.join('\n');
}

/** Pseudo-path of the repo map (context/select.ts REPO_MAP_PATH, a floor above): an outline, not a file. */
const REPO_MAP = 'repo map';

/** One count with one meaning, as the chat's "Used N files": distinct files, the repo map named apart. */
export function contextCount(attached: readonly { path: string }[]): string {
  const paths = new Set(attached.map((c) => c.path));
  const map = paths.delete(REPO_MAP);
  return `${paths.size} file${paths.size === 1 ? '' : 's'}${map ? ' and the repo map' : ''}`;
}

