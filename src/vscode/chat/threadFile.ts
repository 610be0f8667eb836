// Where the chat thread is kept between window reloads: a JSON file in the workspace's storage folder, written
// synchronously and atomically (a temporary file renamed over the old one) by the extension host itself.
// workspaceState alone lost a thread when the window reloaded as an answer ended: its update travels to the
// workbench, which writes it a moment later (code-server: to the browser's storage), and a reload in between
// drops it. A rename is all-or-nothing, so a reload or crash mid-write leaves the previous thread, never half a
// file. No editor API here: the extension passes the folder and the old workspaceState store (read once, to
// bring a thread saved before this file existed across, and still written when there is no folder).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeWholeSync } from '../../core/wholeFile';
import type { TurnView } from '../../shared/protocol/chat';
import type { ThreadStore } from './chatThread';

export const THREAD_FILE = 'chat-thread.json';

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export function threadStore(dir: string | undefined, memento: MementoLike, key: string, warn: (m: string) => void = () => undefined): ThreadStore {
  if (!dir) {
    return { load: () => memento.get<TurnView[]>(key), save: (turns) => { void memento.update(key, turns); } };
  }
  const file = path.join(dir, THREAD_FILE);
  return {
    load: () => readThread(file, warn) ?? memento.get<TurnView[]>(key),
    save: (turns) => {
      try {
        writeWholeSync(file, JSON.stringify(turns), { durable: true });
      } catch (err) {
        warn(`chat thread: could not write ${file} (${String(err)}); keeping it in workspace state instead`);
        void memento.update(key, turns);
      }
    },
  };
}

function readThread(file: string, warn: (m: string) => void): TurnView[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // no thread saved yet
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed as TurnView[] : undefined;
  } catch {
    warn(`chat thread: ${file} is not valid JSON; starting a new thread`);
    return undefined;
  }
}
