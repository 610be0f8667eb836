// A router reason shown as plain text (the chat's Why line, the spend list's Why column): no code backticks, and the
// first word capitalised unless the clause starts with a path ("internal/rates.ts matches…", never "Internal/…").

export function plainClause(reason: string): string {
  const t = reason.replace(/`([^`\n]+)`/g, '$1');
  return /^[a-z]+\b(?![./\\-])/.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}
