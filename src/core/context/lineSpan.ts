// The lines a piece of attached text covers, counted from the text itself. VS Code's lineCount and a selection that
// ends at column 0 both include a line nothing was taken from, which made labels like "lines 1–4" of a 3-line file.

export function lineSpan(text: string, startLine: number): { startLine: number; endLine: number } {
  const body = text.replace(/\r?\n$/, '');
  const newlines = body.length ? (body.match(/\n/g) ?? []).length : 0;
  return { startLine, endLine: startLine + newlines };
}
