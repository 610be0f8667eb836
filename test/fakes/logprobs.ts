// Token log-probabilities in the servers' wire shape, with knobs: `confident` (every token p ≈ 0.95), `unsure`
// (a guessing model: every other token p ≈ 0.15 with a close runner-up), `unsupported` (the server ignores the
// request field, as Ollama before logprobs support does). The fake decides per token, deterministically.

export type LogprobMode = 'confident' | 'unsure' | 'unsupported';

export interface WireTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

const bytesOf = (s: string): number[] => [...Buffer.from(s, 'utf8')];

export function wireLogprob(token: string, index: number, mode: LogprobMode, topN: number): WireTokenLogprob {
  const p = mode === 'confident' ? 0.95 : index % 2 === 0 ? 0.15 : 0.55;
  const runnerUp = mode === 'confident' ? 0.02 : p * 0.8;
  const alts = [{ token, logprob: Math.log(p), bytes: bytesOf(token) }, { token: `${token}_alt`, logprob: Math.log(runnerUp), bytes: bytesOf(`${token}_alt`) }];
  return { token, logprob: Math.log(p), bytes: bytesOf(token), top_logprobs: alts.slice(0, Math.max(0, topN)) };
}
