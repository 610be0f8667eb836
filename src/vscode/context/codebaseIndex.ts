// The VS Code side of the repo map: lists the workspace's source files (files.exclude and .gitignore honoured) and
// keeps the index in global storage keyed by workspace. Nothing runs on activation, on a keystroke or on a save:
// the first question that needs the map builds it (with a cancellable progress notification when the workspace is
// large); each later such question re-lists the files and re-parses only those whose mtime or size changed.
// Re-listing per question rather than trusting a file watcher: watcher events arrive late or not at all (remote
// hosts, files written by tools), and a map that misses a new file is wrong in the way users notice.
// Parsing and ranking live in src/core/context.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import * as vscode from 'vscode';
import {
  buildCodebaseContext, createTagParser, RepoIndex, SOURCE_EXTENSIONS, updateIndex,
  type CodebaseContext, type ListedFile, type TagParser,
} from '../../core/context';
import { rerankWithLocalModel } from '../../core/context/rerank';
import type { Logger } from '../../core/ports';
import { Disposable } from '../disposable';
import type { SemanticStage } from './semanticStage';

/** Above this many files the first build shows a cancellable progress notification. */
const PROGRESS_ABOVE_FILES = 300;
const LIST_LIMIT = 20_000;

export interface CodebaseQuery {
  question: string;
  openPath?: string;
  mapTokens: number;
  definitionTokens: number;
  isPrivate(path: string): boolean;
  isPrivateContent(text: string): boolean;
  /** Changes when what isPrivateContent judges changes (the markers): the index is then rebuilt. */
  contentRulesKey: string;
  countTokens(text: string): number;
}

/** What decides which files the index may hold. */
export type IndexRules = Pick<CodebaseQuery, 'isPrivate' | 'isPrivateContent' | 'contentRulesKey'>;

export class CodebaseIndexService extends Disposable {
  private index: RepoIndex | undefined;
  private parser: TagParser | undefined;
  private building: Promise<RepoIndex | undefined> | undefined;
  private rulesKey = '';

  constructor(private readonly extensionPath: string, private readonly storageDir: string, private readonly logger: Logger,
    private readonly semantic?: SemanticStage) {
    super();
  }

  /** undefined when there is no workspace folder or the first build was cancelled. */
  async context(q: CodebaseQuery): Promise<CodebaseContext | undefined> {
    if (q.contentRulesKey !== this.rulesKey) { this.index = undefined; this.rulesKey = q.contentRulesKey; }
    const index = await this.ready(q);
    if (!index) return undefined;
    const root = this.root();
    if (!root) return undefined;
    const dense = await this.semantic?.dense(index, q.question, this.storeFile(root).replace(/\.json$/, '.vectors.json'));
    const chat = this.semantic?.rerank;
    return buildCodebaseContext(index, { question: q.question, openPath: q.openPath, ...(dense ? { dense } : {}) }, {
      mapTokens: q.mapTokens, definitionTokens: q.definitionTokens, isPrivate: q.isPrivate, isPrivateContent: q.isPrivateContent, countTokens: q.countTokens,
      ...(chat ? { reorder: (ranking) => rerankWithLocalModel(index, ranking, q.question, chat).catch((err: unknown) => {
        this.logger.warn(`repo map: local rerank failed (${err instanceof Error ? err.message : String(err)})`);
        return ranking;
      }) } : {}),
      readLines: async (rel) => {
        try { return (await fs.promises.readFile(path.join(root, rel), 'utf8')).split('\n'); } catch { return undefined; }
      },
    });
  }

  /** The index itself, built or brought up to date (inline completion reads definitions from it in between). */
  async current(q: IndexRules): Promise<RepoIndex | undefined> {
    if (q.contentRulesKey !== this.rulesKey) { this.index = undefined; this.rulesKey = q.contentRulesKey; }
    return this.ready(q);
  }

  private root(): string | undefined {
    const f = vscode.workspace.workspaceFolders?.[0];
    return f?.uri.scheme === 'file' ? f.uri.fsPath : undefined;
  }

  private async ready(q: IndexRules): Promise<RepoIndex | undefined> {
    if (this.index) {
      await this.refresh(this.index, q);
      return this.index;
    }
    this.building ??= this.firstBuild(q).finally(() => { this.building = undefined; });
    return this.building;
  }

  private storeFile(root: string): string {
    const key = createHash('sha256').update(JSON.stringify([root, this.rulesKey])).digest('hex').slice(0, 16);
    return path.join(this.storageDir, 'repo-map', `${key}.json`);
  }

  private async firstBuild(q: IndexRules): Promise<RepoIndex | undefined> {
    const root = this.root();
    if (!root) return undefined;
    this.parser ??= createTagParser(path.join(this.extensionPath, 'dist'));
    const index = await this.load(root);
    const files = await this.list(root);
    const run = (onProgress?: (done: number, total: number) => boolean) =>
      updateIndex(index, files, this.parser!, { isPrivate: q.isPrivate, isPrivateContent: q.isPrivateContent, complete: true, onProgress });
    const started = Date.now();
    const changed = files.filter((f) => index.stamp(f.path) !== f.stamp).length;
    const stats = changed > PROGRESS_ABOVE_FILES
      ? await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Hybrid: indexing the workspace for the repo map', cancellable: true },
        (progress, token) => {
          let last = 0;
          return run((done, total) => {
            const pct = Math.floor((done / total) * 100);
            if (pct > last) { progress.report({ increment: pct - last, message: `${done} / ${total} files` }); last = pct; }
            return !token.isCancellationRequested;
          });
        })
      : await run();
    this.logger.info(`repo map: ${index.files.size} files indexed (${stats.parsed} parsed, ${stats.unchanged} unchanged, ${stats.skipped} skipped) in ${Date.now() - started} ms${stats.cancelled ? ' — cancelled' : ''}`);
    await this.save(root, index);
    if (stats.cancelled) return undefined; // what was parsed is kept; the next question continues from there
    this.index = index;
    return index;
  }

  /** Brings a built index up to date: only new, changed, deleted or newly private files cost anything. */
  private async refresh(index: RepoIndex, q: IndexRules): Promise<void> {
    const root = this.root();
    if (!root) return;
    const started = Date.now();
    const stats = await updateIndex(index, await this.list(root), this.parser!, {
      isPrivate: q.isPrivate, isPrivateContent: q.isPrivateContent, complete: true,
    });
    this.logger.debug(`repo map: refreshed in ${Date.now() - started} ms (${stats.parsed} parsed, ${stats.removed} removed)`);
    if (stats.parsed > 0 || stats.removed > 0) await this.save(root, index);
  }

  private async list(root: string): Promise<ListedFile[]> {
    // findFiles with no exclude argument applies files.exclude; .gitignore is applied here.
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(root, `**/*.{${SOURCE_EXTENSIONS.join(',')}}`), undefined, LIST_LIMIT);
    const gitignore = this.gitignore(root);
    const realRoot = await fs.promises.realpath(root).catch(() => root);
    const out: ListedFile[] = [];
    for (const uri of uris) {
      const rel = path.relative(root, uri.fsPath).split(path.sep).join('/');
      if (rel.startsWith('..') || gitignore.ignores(rel)) continue;
      const st = await fs.promises.stat(uri.fsPath).catch(() => undefined);
      if (st?.isFile()) out.push(listed(rel, uri.fsPath, st, await realPathOf(realRoot, uri.fsPath, rel)));
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  private gitignore(root: string) {
    const ig = ignore({ allowRelativePaths: true });
    try { ig.add(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')); } catch { /* no .gitignore */ }
    return ig;
  }

  private async load(root: string): Promise<RepoIndex> {
    try {
      return RepoIndex.fromJSON(JSON.parse(await fs.promises.readFile(this.storeFile(root), 'utf8')));
    } catch {
      return new RepoIndex(); // none yet, or unreadable: rebuild
    }
  }

  private async save(root: string, index: RepoIndex): Promise<void> {
    const file = this.storeFile(root);
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(`${file}.tmp`, JSON.stringify(index));
      await fs.promises.rename(`${file}.tmp`, file);
    } catch (err) {
      this.logger.warn(`repo map: could not persist the index (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

function listed(rel: string, abs: string, st: fs.Stats, realPath: string | undefined): ListedFile {
  return {
    path: rel, stamp: `${st.mtimeMs}:${st.size}`, size: st.size, ...(realPath !== undefined ? { realPath } : {}),
    read: () => fs.promises.readFile(abs, 'utf8'),
  };
}

/**
 * Where a listed file really is, when a symlink (of the file or of a folder above it) leads there: workspace-relative,
 * or absolute when outside the workspace. undefined when it is where it is listed. The privacy rules judge it too.
 */
async function realPathOf(realRoot: string, abs: string, rel: string): Promise<string | undefined> {
  const real = await fs.promises.realpath(abs).catch(() => abs);
  const relReal = path.relative(realRoot, real).split(path.sep).join('/');
  if (relReal === rel) return undefined;
  return relReal.startsWith('..') || path.isAbsolute(relReal) ? real : relReal;
}
