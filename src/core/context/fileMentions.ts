// Files a chat question names itself: `#file:src/money.ts` (the form users know from other assistants). The
// names are workspace-relative; anything that could leave the workspace (absolute, `..`, a URI) is not a mention.

const MENTION = /(?:^|\s)#file:([^\s`'"<>|]+)/g;

/** Paths named with `#file:` in `question`, in order, without duplicates or trailing punctuation. */
export function fileMentions(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(MENTION)) {
    const p = m[1].replace(/[.,;:!?)\]]+$/, '');
    if (isWorkspaceRelative(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

/** A relative path that stays inside the folder it is resolved against. */
export function isWorkspaceRelative(p: string): boolean {
  if (!p || p.length > 1000 || /[\u0000-\u001f]/.test(p)) return false;
  if (/^([a-zA-Z]:|[\\/~]|[a-z][a-z0-9+.-]*:)/.test(p)) return false;
  return p.split(/[\\/]/).every((seg) => seg !== '..');
}
