// classify(request): task kind + complexity + sensitivity findings over everything the request would send
// (question, every context item, earlier chat turns). Pure and synchronous; no network, no model.

import type { ContextItem, Finding, Labels, Request } from '../request';
import { scoreComplexity } from './complexity';
import { pathRuleText, type PathPolicy } from '../privacy/paths';
import { scanSensitive } from '../privacy/scan';

export interface ClassifyOptions {
  pathPolicy?: PathPolicy;
  markers?: string[];
}

/** Where a finding came from, in words, plus the line in the user's file when the context says where it starts. */
export interface FindingPlace {
  where: string;
  line: number;
}

// Findings stay the plain shared type; the place is kept beside them for the router's reasons.
const places = new WeakMap<Finding, FindingPlace>();

export function placeOf(f: Finding): FindingPlace {
  return places.get(f) ?? { where: 'the request', line: f.line };
}

export function classify(request: Request, opts: ClassifyOptions = {}): Labels {
  const { kind, complexity, signals } = scoreComplexity(request);
  const findings: Finding[] = [];
  const privatePaths: string[] = [];
  const scanOpts = { markers: opts.markers, pathPolicy: opts.pathPolicy };

  const add = (list: Finding[], where: string, firstLine = 1): void => {
    for (const f of list) {
      places.set(f, { where, line: firstLine + f.line - 1 });
      findings.push(f);
    }
  };

  add(scanSensitive(request.question, scanOpts), 'your question');
  const privateReasons: Record<string, string> = {};
  for (const item of request.context) {
    const found = scanSensitive(item.text, { ...scanOpts, path: item.path });
    if (item.path && found.some((f) => f.category === 'path') && !privatePaths.includes(item.path)) privatePaths.push(item.path);
    // Judged by the whole file first (filePrivacy.ts): a marker above the selection makes the selection private.
    if (item.privateFile) {
      const where = item.path ?? 'untitled';
      if (!privatePaths.includes(where)) privatePaths.push(where);
      if (item.privateFile.kind !== 'path') privateReasons[where] ??= item.privateFile.reason;
    }
    add(found, describe(item), item.startLine ?? 1);
    // The path is sent too (as the context block's label): a token or e-mail in a file name keeps it local.
    if (item.path) add(scanSensitive(item.path, scanOpts), `the path of ${describe(item)}`);
  }
  (request.history ?? []).forEach((turn) => add(scanSensitive(turn.content, scanOpts), 'the chat history'));
  // An agent's tool results are context like any file: what they contain and the file they read are both judged.
  for (const turn of [...(request.history ?? []), ...(request.steps ?? [])]) {
    for (const c of turn.toolCalls ?? []) add(scanSensitive(c.input, scanOpts), `the arguments of the ${c.name} tool call`);
    for (const r of turn.toolResults ?? []) {
      const found = scanSensitive(r.content, { ...scanOpts, path: r.path });
      if (r.path && found.some((f) => f.category === 'path') && !privatePaths.includes(r.path)) privatePaths.push(r.path);
      // A file named only in the call's arguments (`cat private/plan.md`) is read all the same.
      for (const m of r.mentions ?? []) if (opts.pathPolicy?.isPrivate(m).private && !privatePaths.includes(m)) privatePaths.push(m);
      if (r.privateFile) {
        const where = r.path ?? 'a file a tool read';
        if (!privatePaths.includes(where)) privatePaths.push(where);
        if (r.privateFile.kind !== 'path') privateReasons[where] ??= r.privateFile.reason;
      }
      add(found, r.path ? `a tool result (${r.path.split(/[\\/]/).pop()})` : 'a tool result');
    }
  }

  const privatePathRules: Record<string, string> = {};
  for (const p of privatePaths) {
    const rule = privateReasons[p] === undefined && opts.pathPolicy ? pathRuleText(opts.pathPolicy.isPrivate(p)) : undefined;
    if (rule) privatePathRules[p] = rule;
  }
  return {
    kind, complexity, signals, findings, privatePaths, ...(Object.keys(privateReasons).length ? { privateReasons } : {}),
    ...(Object.keys(privatePathRules).length ? { privatePathRules } : {}),
  };
}

function describe(item: ContextItem): string {
  const name = item.path ? item.path.split(/[\\/]/).pop() : undefined;
  switch (item.source) {
    case 'selection': return 'the selection';
    case 'visible': return name ? `the visible part of ${name}` : 'the visible code';
    case 'file': return name ?? 'the attached file';
    case 'open': return name ? `the open file ${name}` : 'an open file';
    case 'snippet': return name ? `a snippet from ${name}` : 'a snippet';
  }
}
