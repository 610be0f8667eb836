// Token log-probabilities as local servers report them, in one shape: Ollama's `logprobs: [{token, logprob,
// top_logprobs}]` and OpenAI-compatible `choices[].logprobs.content[{token, logprob, top_logprobs}]` map 1:1.

export interface TokenAlternative {
  token: string;
  logprob: number;
}

export interface TokenLogprob extends TokenAlternative {
  top?: TokenAlternative[];
}

/** What the scorer needs from a finished local answer. */
export interface LocalAnswer {
  text: string;
  /** Per generated token; absent when the server or model does not report log-probabilities. */
  tokens?: TokenLogprob[];
  /** True when generation stopped at the token limit (Ollama done_reason "length", OpenAI finish_reason "length"). */
  hitTokenLimit?: boolean;
}

export interface ConfidencePart {
  kind: 'tokens' | 'empty' | 'unsure' | 'tokenLimit' | 'repetition';
  /** The sentence shown to the user, e.g. "unsure of 18 % of the words it wrote". */
  text: string;
  /** The ceiling this signal puts on the score, or for `tokens` the token score itself. */
  value: number;
}

export interface ConfidenceReport {
  /** 0..1, higher = more confident. */
  score: number;
  parts: ConfidencePart[];
  /** Whether token log-probabilities contributed. */
  fromTokens: boolean;
  /** "local confidence 0.54: unsure of 18 % of the words it wrote; said 'not sure'". */
  summary: string;
}
