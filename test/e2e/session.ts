// The one workbench the e2e tier drives: started by test/runners/e2e.ts through `npm start -- --demo-servers`
// (scripts/start.js) before the *.e2e.ts files run, stopped after them.

import type { Page } from 'playwright-core';

export interface E2ESession {
  page: Page;
  /** The URL `npm start` printed (lands in the sample workspace). */
  url: string;
  profileDir: string;
  userDataDir: string;
  /** The temp copy of sample/ that is open. */
  workspace: string;
  /** Where screenshots go (git-ignored). */
  screenshotsDir: string;
  /** package.json of the repo, as packaged. */
  packageJson: PackageJson;
}

export interface PackageJson {
  name: string;
  version: string;
  publisher: string;
  displayName: string;
  contributes?: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    menus?: { commandPalette?: Array<{ command: string; when?: string }> };
  };
}

let current: E2ESession | undefined;

export function setSession(session: E2ESession | undefined): void {
  current = session;
}

export function session(): E2ESession {
  if (!current) throw new Error('no e2e session: run these files through test/runners/e2e.ts (npm run test:e2e)');
  return current;
}
