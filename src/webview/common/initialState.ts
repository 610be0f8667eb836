// What the host put in the page for its first paint (webviewHtml's `initial`): parsed once, then dropped from the
// DOM. The caller validates it like any message, since it crossed the same boundary.

export function takeInitial(): unknown {
  const app = document.getElementById('app');
  const raw = app?.dataset.initial;
  if (!app || raw === undefined) return undefined;
  delete app.dataset.initial;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
