// Encodings: o200k_base for gpt-4o, gpt-4.1, gpt-5 and o-series; cl100k_base for everything else. For Claude and
// local models that is an approximation (their tokenizers are not public in this form); provider-reported usage
// always wins over these counts, and records say which source they used.
import type { EncodingName } from './counterTypes';

const O200K = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o[1-9](-|$)|codex)/;

export function encodingForModel(model: string | undefined): EncodingName {
  const name = (model ?? '').trim().toLowerCase().replace(/^(openai|azure)[/:]/, '');
  return O200K.test(name) ? 'o200k_base' : 'cl100k_base';
}

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
