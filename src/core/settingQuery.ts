// What the host opens in the Settings editor when a webview's "Open Settings" names a setting: the id comes from
// an error message the webview read (or from a forged message), so only one of our keys, or a section of them
// ("hybrid.budget"), is searched for; anything else opens all of the extension's settings.
import { DEFAULT_SETTINGS } from './settings';

export function settingQuery(id: string | undefined): string {
  if (!id) return 'hybrid';
  const known = Object.keys(DEFAULT_SETTINGS).some((k) => `hybrid.${k}` === id || `hybrid.${k}`.startsWith(`${id}.`));
  return known ? id : 'hybrid';
}
