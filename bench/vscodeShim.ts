// A permissive stand-in for the `vscode` module, used only by the activation benchmark to time our own code
// (bundle load → activate() resolved) outside an editor. Every API returns an inert object; configuration reads
// return undefined so defaults apply. Real activation inside VS Code is covered by the integration tier.

function inert(name: string): unknown {
  const fn = function () { /* inert */ };
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'dispose') return () => undefined;
      return inert(`${name}.${String(prop)}`);
    },
    set() { return true; },
    defineProperty() { return true; },
    apply() { return inert(`${name}()`); },
    construct() { return inert(`new ${name}`) as object; },
  });
}

const NAMESPACES = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter', 'ThemeColor',
  'StatusBarAlignment', 'Disposable', 'ConfigurationTarget', 'DiagnosticSeverity', 'Diagnostic', 'Range', 'Position', 'Selection',
  'InlineCompletionItem', 'InlineCompletionTriggerKind', 'ViewColumn', 'CancellationTokenSource', 'LogLevel', 'version'];

/** Error messages the extension showed (activation failures surface here). */
export const errors: string[] = [];
/** Workspace-wide file searches asked for (`workspace.findFiles`): none belongs on the activation path. */
export const searches: string[] = [];

export function createVscodeShim(extra: Record<string, unknown> = {}): unknown {
  const configuration = { get: () => undefined, inspect: () => undefined, update: async () => undefined, has: () => false };
  const overrides: Record<string, unknown> = {
    version: '1.96.4',
    workspace: new Proxy({}, {
      get(_t, prop) {
        if (prop === 'getConfiguration') return () => configuration;
        if (prop === 'workspaceFolders') return undefined;
        if (prop === 'findFiles') return (pattern: unknown) => { searches.push(String(pattern)); return Promise.resolve([]); };
        return inert(`workspace.${String(prop)}`);
      },
    }),
    window: new Proxy({}, {
      get(_t, prop) {
        const name = String(prop);
        if (name === 'showErrorMessage') return (m: string) => { errors.push(m); return Promise.resolve(undefined); };
        if (/^show\w*(Message|Pick|InputBox)$/.test(name)) return () => Promise.resolve(undefined);
        return inert(`window.${name}`);
      },
    }),
    ...extra,
  };
  // Bundlers copy the module's own keys (esbuild's __toESM), so the namespaces must be real properties.
  const shim: Record<string, unknown> = {};
  for (const key of NAMESPACES) shim[key] = key in overrides ? overrides[key] : inert(key);
  return Object.assign(shim, overrides);
}
