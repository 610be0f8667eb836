// The workspace's privacy rules in one place: the user's private globs and markers (settings) with the workspace's
// `.aiignore`, as one path policy and one whole-file judge that every context path uses.
import * as vscode from 'vscode';
import { withRelativeGlobs } from '../../core/privacy/patternScope';
import { createPathPolicy, type PathPolicy } from '../../core/privacy/paths';
import type { AiignoreSource } from '../aiignore';
import type { ConfigService } from '../config';
import { DocumentPrivacy } from './documentPrivacy';

export class WorkspacePrivacy {
  private policy: { key: string; value: PathPolicy } | undefined;
  /** Judges whole files for every context item (a marker anywhere in a file makes all of it private). */
  readonly documents: DocumentPrivacy;

  constructor(private readonly config: ConfigService, private readonly aiignore: AiignoreSource) {
    this.documents = new DocumentPrivacy(() => {
      const s = this.config.settings;
      const markers = s['privacy.markers'];
      return { pathPolicy: this.pathPolicy(), markers, key: JSON.stringify([s['privacy.privateGlobs'], this.aiignore.text(), markers]) };
    }, (files) => this.aiignore.coverAncestors?.(files) ?? Promise.resolve());
  }

  /** Resolves once `.aiignore` has been read: nothing cloud-bound is judged before it. */
  get ready(): Promise<void> {
    return this.aiignore.ready;
  }

  /** The workspace folders on disk, as absolute paths. */
  roots(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  /** Rebuilt only when the globs or `.aiignore` change. */
  pathPolicy(): PathPolicy {
    const roots = this.roots();
    const globs = withRelativeGlobs(this.config.settings['privacy.privateGlobs'], roots);
    const aiignore = this.aiignore.text();
    const key = JSON.stringify([globs, aiignore]);
    if (this.policy?.key !== key) this.policy = { key, value: createPathPolicy({ privateGlobs: globs, aiignore }) };
    return this.policy.value;
  }
}
