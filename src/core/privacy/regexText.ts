// Text a rule or a setting gives as a literal, made safe to splice into a regular expression's source (outside a
// character class, with or without the `u` flag).
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
