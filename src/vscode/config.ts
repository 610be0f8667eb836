import * as vscode from 'vscode';
import { followedProvider } from '../core/cloudDefaults';
import { freshProblems, normalizeSettings, unionOfLayers, type HybridSettings, type SettingKey } from '../core/settings';
import { markerProblems } from '../core/privacy/markers';
import { Disposable } from './disposable';

const CHOOSE_MODEL = 'Choose a Model';

/** Privacy lists only ever grow across scopes: a workspace can add private globs/markers but not remove the user's. */
const UNION_KEYS: ReadonlySet<SettingKey> = new Set(['privacy.privateGlobs', 'privacy.markers']);

/**
 * The one place that reads `hybrid.*` settings. Values are normalized; a problem is reported when it appears, not
 * again on every later change of some other setting while it stays.
 */
export class ConfigService extends Disposable {
  private current: HybridSettings;
  private reported = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<HybridSettings>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly onProblems: (problems: string[]) => void) {
    super();
    this.current = this.read();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('hybrid')) return;
      const before = this.current;
      this.current = this.read();
      const note = followedProvider(before, this.current);
      // The message says which setting chooses another model; its button opens it there.
      if (note) {
        void vscode.window.showInformationMessage(note, CHOOSE_MODEL).then((pick) => {
          if (pick === CHOOSE_MODEL) void vscode.commands.executeCommand('workbench.action.openSettings', 'hybrid.cloud.model');
        });
      }
      this.changed.fire(this.current);
    }));
  }

  get settings(): HybridSettings {
    return this.current;
  }

  async update<K extends SettingKey>(key: K, value: HybridSettings[K]): Promise<void> {
    await vscode.workspace.getConfiguration('hybrid').update(key, value, vscode.ConfigurationTarget.Global);
  }

  private read(): HybridSettings {
    const cfg = vscode.workspace.getConfiguration('hybrid');
    const { settings, problems } = normalizeSettings((key) => {
      // cfg.get answers package.json's default for an unset key; unset, the cloud model follows the provider.
      if (key === 'cloud.model') return explicit(cfg.inspect<unknown>(key));
      if (!UNION_KEYS.has(key)) return cfg.get(key);
      const i = cfg.inspect<unknown>(key);
      return unionOfLayers(key as 'privacy.privateGlobs' | 'privacy.markers', i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue);
    });
    problems.push(...markerProblems(settings['privacy.markers']));
    const fresh = freshProblems(this.reported, problems);
    this.reported = new Set(problems);
    if (fresh.length) this.onProblems(fresh);
    return settings;
  }
}

/** The value the user set in any scope, or undefined when only the default applies. */
function explicit(i: { globalValue?: unknown } | undefined): unknown {
  // Application-scoped: VS Code ignores workspace values of it, and so do we.
  return i?.globalValue;
}

/**
 * The warning for settings that were ignored: what was wrong and what applies meanwhile, with the way to fix it —
 * "Open Settings" shows the first of them (the user may have typed it into settings.json, or the Settings UI).
 */
export function warnSettingsProblems(problems: string[], log: (m: string) => void): void {
  const message = `some settings were ignored: ${problems.join('; ')}`;
  log(message);
  const first = /^(hybrid\.[\w.]+):/.exec(problems[0] ?? '')?.[1];
  void vscode.window.showWarningMessage(`Hybrid: ${message}`, 'Open Settings').then((pick) => {
    if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', first ?? 'hybrid');
  });
}
