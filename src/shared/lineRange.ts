// How a range of lines reads wherever context is listed (chat chips, Explain Route): "12–30", or "12" for one line
// ("3–3" read like a typo). Shared by src/core and the webviews, which may import nothing else outside their folder.

export function lineRange(startLine: number, endLine: number): string {
  return endLine > startLine ? `${startLine}–${endLine}` : `${startLine}`;
}
