// Fill-in-the-middle prompt formats per model family, for models whose Ollama template cannot place a `suffix`
// (no 'insert' capability): the prompt is built here and sent with raw: true. Formats and stop tokens follow
// Continue's AutocompleteTemplate.ts (anchors.md §2.7); the completion helper reuses this table.

export interface FimTemplate {
  family: string;
  /** Checked in table order against the lower-cased model name. */
  matches(model: string): boolean;
  build(prefix: string, suffix: string): string;
  stop: readonly string[];
}

export const FIM_TEMPLATES: readonly FimTemplate[] = [
  {
    family: 'qwen2.5-coder',
    matches: (m) => m.includes('qwen') && m.includes('coder'),
    build: (p, s) => `<|fim_prefix|>${p}<|fim_suffix|>${s}<|fim_middle|>`,
    stop: ['<|endoftext|>', '<|fim_prefix|>', '<|fim_middle|>', '<|fim_suffix|>', '<|fim_pad|>', '<|repo_name|>', '<|file_sep|>', '<|im_start|>', '<|im_end|>'],
  },
  {
    family: 'starcoder2',
    matches: (m) => m.includes('starcoder') || m.includes('stable-code') || m.includes('stablecode') || m.includes('codeqwen'),
    build: (p, s) => `<fim_prefix>${p}<fim_suffix>${s}<fim_middle>`,
    stop: ['<fim_prefix>', '<fim_suffix>', '<fim_middle>', '<file_sep>', '<|endoftext|>', '</fim_middle>', '</code>'],
  },
  {
    family: 'codestral',
    matches: (m) => m.includes('codestral'),
    build: (p, s) => `[SUFFIX]${s}[PREFIX]${p}`,
    stop: ['[PREFIX]', '[SUFFIX]'],
  },
  {
    family: 'codegemma',
    matches: (m) => m.includes('codegemma'),
    build: (p, s) => `<|fim_prefix|>${p}<|fim_suffix|>${s}<|fim_middle|>`,
    stop: ['<|fim_prefix|>', '<|fim_suffix|>', '<|fim_middle|>', '<|file_separator|>', '<end_of_turn>', '<eos>'],
  },
  {
    family: 'codellama',
    matches: (m) => m.includes('codellama'),
    build: (p, s) => `<PRE> ${p} <SUF>${s} <MID>`,
    stop: ['<PRE>', '<SUF>', '<MID>', '<EOT>'],
  },
  {
    family: 'deepseek-coder',
    matches: (m) => m.includes('deepseek'),
    build: (p, s) => `<｜fim▁begin｜>${p}<｜fim▁hole｜>${s}<｜fim▁end｜>`,
    // Continue also stops at "//", which cuts every completion that writes a comment or a URL; left out.
    stop: ['<｜fim▁begin｜>', '<｜fim▁hole｜>', '<｜fim▁end｜>', '<｜end▁of▁sentence｜>'],
  },
];

/** Continue's fallback for unknown models is the StarCoder format. */
export const DEFAULT_FIM_TEMPLATE: FimTemplate = FIM_TEMPLATES[1]!;

export function fimTemplateFor(model: string): FimTemplate {
  const m = model.toLowerCase();
  return FIM_TEMPLATES.find((t) => t.matches(m)) ?? DEFAULT_FIM_TEMPLATE;
}
