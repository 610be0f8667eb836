// An optional rerank of the fused top candidates by the LOCAL chat model (never the cloud): the model sees each
// candidate's path, heading comment and defined names, and answers with the numbers of the files an answer
// needs, best first. Anything unparseable leaves the order as it was.

import type { Ranking } from './rank';
import type { RepoIndex } from './repoIndex';

/** Sends one prompt to the local chat model and returns its whole answer. */
export type LocalChat = (system: string, prompt: string, signal?: AbortSignal) => Promise<string>;

export const RERANK_CANDIDATES = 20;

const SYSTEM = 'You rank source files for a question about a code base. Reply only with the numbers of the files an answer must look at, best first, comma-separated.';

export function rerankPrompt(index: RepoIndex, question: string, paths: string[]): string {
  const lines = paths.map((p, i) => {
    const f = index.files.get(p);
    const names = f ? f.defs.slice(0, 12).map((d) => d.name).join(', ') : '';
    return `${i + 1}. ${p}${f?.head ? ` — ${f.head.slice(0, 160)}` : ''}${names ? ` [${names}]` : ''}`;
  });
  return `Question: ${question}\n\nFiles:\n${lines.join('\n')}\n\nNumbers, best first:`;
}

/** The ranking with its first RERANK_CANDIDATES files reordered by the local model; the rest keep their order. */
export async function rerankWithLocalModel(index: RepoIndex, ranking: Ranking, question: string, chat: LocalChat, signal?: AbortSignal): Promise<Ranking> {
  const head = ranking.files.slice(0, RERANK_CANDIDATES);
  if (head.length < 2) return ranking;
  const answer = await chat(SYSTEM, rerankPrompt(index, question, head.map((f) => f.path)), signal);
  const picked: number[] = [];
  for (const m of answer.matchAll(/\d+/g)) {
    const i = Number(m[0]) - 1;
    if (i >= 0 && i < head.length && !picked.includes(i)) picked.push(i);
  }
  if (picked.length === 0) return ranking;
  const order = [...picked, ...head.keys()].filter((i, k, all) => all.indexOf(i) === k);
  const top = order.map((i, rank) => ({ ...head[i], score: head[0].score + (order.length - rank) }));
  // Definitions follow their file's new place: up to twice their weight for the model's first pick.
  const boost = new Map(order.map((i, rank) => [head[i].path, 1 + (order.length - rank) / order.length]));
  const definitions = ranking.definitions.map((d) => ({ ...d, score: d.score * (boost.get(d.path) ?? 1) }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.startLine - b.startLine);
  return { files: [...top, ...ranking.files.slice(RERANK_CANDIDATES)], definitions };
}
