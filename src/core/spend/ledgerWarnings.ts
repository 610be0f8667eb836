// What the ledger tells the user when it cannot write or read its files: the cause in words and what to do about it.

export function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

export function describe(code: string): string {
  switch (code) {
    case 'ENOSPC': return 'the disk is full';
    case 'EROFS': return 'the folder is read-only';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a file is in the way of the folder';
    case 'EISDIR': return 'a folder is in the place of a ledger file';
    case 'EDQUOT': return 'the disk quota is exceeded';
    default: return code;
  }
}

/** What the user can do about it: writing stops for the session, so every fix ends with a reload. */
export function remedy(code: string): string {
  switch (code) {
    case 'ENOSPC': case 'EDQUOT': return 'Free some disk space: the records kept meanwhile are written as soon as the disk takes them again (the next request, or “Developer: Reload Window”).';
    case 'EROFS': case 'EACCES': case 'EPERM': return 'Make the folder writable, then run “Developer: Reload Window” to record to disk again.';
    case 'ENOTDIR': case 'EISDIR': return 'Move the file or folder out of the way, then run “Developer: Reload Window” to record to disk again.';
    default: return 'Check the folder, then run “Developer: Reload Window” to record to disk again.';
  }
}

/**
 * A month file that exists but cannot be read (permission denied, a folder in its place): the spend it holds is not in
 * the totals, the budgets or an export. Said once per file, never skipped in silence.
 */
export function unreadableFileNotice(dir: string, file: string, code: string): string {
  return `Hybrid Assistant cannot read the spend ledger file ${file} in ${dir} (${describe(code)}): the spend it holds is not in the totals, ` +
    `the budgets or an export. ${remedy(code)}`;
}
