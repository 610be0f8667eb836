// A marker that is a regular expression runs over every request body on the extension host's one thread, and a
// workspace can add markers (a cloned repository's settings). A pattern that backtracks exponentially — a quantified
// group that itself repeats or alternates, `(a+)+$`, `(\w+\s?)*x`, `(a|aa)*b` — would hold the window for minutes on
// a modest body, so such a marker is matched literally instead, and the settings problem says so.

/** Why `source` could backtrack exponentially, or undefined when it has no repeated group that repeats inside. */
export function backtrackingRisk(source: string): string | undefined {
  // Each open group's content flags: does it contain a quantifier or an alternation?
  const stack: Array<{ quantified: boolean; alternates: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') { i++; if (stack.length && isQuantifierAt(source, i + 1)) stack[stack.length - 1]!.quantified = true; continue; }
    if (inClass) { if (ch === ']') { inClass = false; if (stack.length && isQuantifierAt(source, i + 1)) stack[stack.length - 1]!.quantified = true; } continue; }
    if (ch === '[') { inClass = true; continue; }
    if (ch === '(') { stack.push({ quantified: false, alternates: false }); continue; }
    if (ch === '|' && stack.length) { stack[stack.length - 1]!.alternates = true; continue; }
    if (ch === ')') {
      const group = stack.pop();
      if (group && isUnboundedAt(source, i + 1) && (group.quantified || group.alternates)) {
        return `a repeated group that ${group.quantified ? 'repeats inside' : 'alternates'} can take exponential time`;
      }
      // The group as a whole, quantified, makes its parent's content quantified; so does anything nested that was.
      if (stack.length && (isQuantifierAt(source, i + 1) || group?.quantified)) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (stack.length && isQuantifierAt(source, i + 1) && ch !== '(' && ch !== '|') stack[stack.length - 1]!.quantified = true;
  }
  return undefined;
}

/** A quantifier that lets its atom match a varying number of times (`{3}` does not). */
function isQuantifierAt(s: string, i: number): boolean {
  const c = s[i];
  if (c === '*' || c === '+' || c === '?') return true;
  const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(i));
  return !!m && !!m[2] && (m[3] === '' || Number(m[3]) > Number(m[1]));
}

/** `*`, `+` or `{n,}` / `{n,m}` with m > 1: a count that lets the group match many ways. */
function isUnboundedAt(s: string, i: number): boolean {
  const c = s[i];
  if (c === '*' || c === '+') return true;
  const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(i));
  return !!m && !!m[2] && (m[3] === '' || Number(m[3]) > 1);
}
