// Answers by kind for `npm start -- --demo-servers`: a completion gets code in the file's language, a private
// review gets a finding in the form the review prompt asks for, a question gets markdown with a code block. Test
// runs keep the one fixed sentence (ReplyConfig.demo off), which their assertions count on.

type Obj = Record<string, unknown>;

export function demoAnswer(body: unknown, marker: string): string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Obj;
  if (typeof b['prompt'] === 'string') return completion(fimPrefix(b['prompt'], typeof b['suffix'] === 'string'));
  const system = systemText(b);
  const user = lastUserText(b);
  if (/code reviewer/i.test(system)) return `${marker} ${review(user)}`;
  return `${marker} ${question(user)}`;
}

// ---- completions ------------------------------------------------------------------------------------------------

/** The code before the cursor: raw FIM prompts carry template tokens and the suffix after them. */
function fimPrefix(prompt: string, suffixApart: boolean): string {
  if (suffixApart) return prompt;
  const m = /(?:<\|fim_prefix\|>|<fim_prefix>|<PRE>)([\s\S]*?)(?:<\|fim_suffix\|>|<fim_suffix>|<SUF>)/.exec(prompt);
  return m ? m[1] : prompt;
}

function looksPython(code: string): boolean {
  return /^\s*(def |import |from \S+ import |class \w+.*:\s*$)/m.test(code) && !/;\s*$/m.test(code);
}

function completion(prefix: string): string {
  const line = prefix.slice(prefix.lastIndexOf('\n') + 1);
  const python = looksPython(prefix);
  if (/\($/.test(line)) {
    return python
      ? 'rows: list[dict[str, str]]) -> int:\n    return sum(int(r["quantity"]) * int(r["unit_price_cents"]) for r in rows)'
      : 'lines: readonly { unitPrice: number; quantity: number }[], taxRate: number): number {\n  const net = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);\n  return Math.round(net * (1 + taxRate));\n}';
  }
  if (line.trim() === '') return python ? 'total = sum(values)' : 'const total = values.reduce((sum, v) => sum + v, 0);';
  return python ? '  # noqa: demo completion' : ' // demo completion';
}

// ---- review ---------------------------------------------------------------------------------------------------

/** Line rules a reviewer would flag, first match wins; the line number comes from the code block's header. */
const RULES: Array<{ re: RegExp; severity: 'error' | 'warning' | 'info'; text: string }> = [
  { re: /throw new Error\(`[^`]*\$\{/, severity: 'warning', text: 'the error message repeats the raw input back; log it, and tell the caller only that the value is invalid.' },
  { re: /\bany\b/, severity: 'warning', text: '`any` turns the type checker off here; name the shape you expect.' },
  { re: /\bparseInt\([^,)]*\)/, severity: 'warning', text: 'parseInt without a radix; pass 10.' },
  { re: /-\s*\w+\(.*\)/, severity: 'info', text: 'a discount larger than the subtotal makes the total negative; clamp it at 0.' },
];

function review(user: string): string {
  const block = /(?:```|~~~~)\S* [^\n]*?:(\d+)-\d+\n([\s\S]*?)\n(?:```|~~~~)/.exec(user);
  const first = block ? Number(block[1]) : 1;
  const lines = block ? block[2].split('\n') : user.split('\n');
  for (const rule of RULES) {
    const i = lines.findIndex((l) => rule.re.test(l));
    if (i >= 0) {
      return `Demo review of ${lines.length} line${lines.length === 1 ? '' : 's'}:\n\n- L${first + i}: ${rule.severity}: ${rule.text}\n\n`
        + 'Summary: one finding; a real local model reviews the whole range.';
    }
  }
  return `Demo review of ${lines.length} lines:\n\n- L${first}: info: no test covers this code yet; add one for the edge cases.\n\nSummary: nothing serious found.`;
}

// ---- questions ------------------------------------------------------------------------------------------------

function question(user: string): string {
  const block = /(?:```|~~~~)(\S*) ([^\n:]+)[^\n]*\n([\s\S]*?)\n(?:```|~~~~)/.exec(user);
  if (!block) {
    return 'Demo answer (a real model would answer your question). An answer can carry code:\n\n'
      + '```ts\nexport function clamp(n: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, n));\n}\n```\n';
  }
  const [, lang, path, code] = block;
  const excerpt = code.split('\n').filter((l) => l.trim()).slice(0, 6).join('\n');
  const others = [...user.matchAll(/(?:^|\n)(?:```|~~~~)\S* ([^\n:]+)/g)].map((m) => m[1]).filter((p) => p !== path);
  const more = others.length ? ` and ${new Set(others).size} more file${new Set(others).size === 1 ? '' : 's'}` : '';
  return `Demo answer about \`${path}\`${more} (a real model would answer your question). An answer quotes and changes code like this:\n\n`
    + `\`\`\`${lang}\n${excerpt}\n\`\`\`\n\n- **Copy** or **Insert** on the block puts the code where you need it.\n`;
}

// ---- body shapes (Ollama, Anthropic, OpenAI) ---------------------------------------------------------------

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'object' && p && typeof (p as Obj)['text'] === 'string' ? (p as Obj)['text'] as string : '')).join('\n');
  return '';
}

function messages(b: Obj): Obj[] {
  return Array.isArray(b['messages']) ? (b['messages'] as unknown[]).filter((m): m is Obj => typeof m === 'object' && m !== null) : [];
}

function systemText(b: Obj): string {
  return [textOf(b['system']), ...messages(b).filter((m) => m['role'] === 'system' || m['role'] === 'developer').map((m) => textOf(m['content']))].join('\n');
}

function lastUserText(b: Obj): string {
  const users = messages(b).filter((m) => m['role'] === 'user');
  return users.length ? textOf(users[users.length - 1]['content']) : '';
}
