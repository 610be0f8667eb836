// What to tell a user whose settings name a deprecated Anthropic model (core/modelLifecycle.ts): which setting, the
// end-of-life day, and what to set instead. Before the day the model still answers, so this is a warning; after it,
// every request with it fails, and the warning says so.

import { defaultCloudModel } from './cloudDefaults';
import { eolPhrase, modelLifecycle, type ModelLifecycle } from './modelLifecycle';
import type { HybridSettings } from './settings';

export interface ModelWarning extends ModelLifecycle {
  /** The setting to change, "hybrid.cloud.model". */
  setting: string;
  /** As the user wrote it (a gateway group may carry a prefix). */
  named: string;
  /** What to set instead; undefined on a gateway, whose groups only its admin knows. */
  replacement?: string;
  message: string;
}

type Choice = Pick<HybridSettings, 'cloud.provider' | 'cloud.model' | 'cloud.lightModel' | 'gateway.baseUrl'>;

/**
 * The cloud model settings that name a deprecated model. Only where the name reaches Anthropic: the table is
 * Anthropic's, and a Claude id sent to OpenAI fails for another reason. A gateway's cloud groups are checked too (a
 * group named after a Claude id is that model); its private groups are self-hosted by definition, never Claude.
 */
export function deprecatedModelSettings(s: Choice, now: number | Date): ModelWarning[] {
  const gateway = !!s['gateway.baseUrl'].trim();
  if (!gateway && s['cloud.provider'] !== 'anthropic') return [];
  const out: ModelWarning[] = [];
  const check = (key: 'cloud.model' | 'cloud.lightModel', named: string, replacement: string | undefined): void => {
    const life = modelLifecycle(named, now);
    if (life) out.push(warning(life, `hybrid.${key}`, named, gateway ? undefined : replacement));
  };
  check('cloud.model', s['cloud.model'], replacementFor('hybrid.cloud.model'));
  // The light tier's own default is "auto" (the current Haiku-class model), not the frontier default.
  const light = s['cloud.lightModel'].trim();
  if (light && light !== 'auto') check('cloud.lightModel', light, replacementFor('hybrid.cloud.lightModel'));
  return out;
}

function warning(life: ModelLifecycle, setting: string, named: string, replacement: string | undefined): ModelWarning {
  const fix = replacement ? `set ${setting} to ${replacement}` : `set ${setting} to a current model your gateway offers`;
  const served = life.retired ? ': Anthropic no longer serves it, every request with it fails' : '';
  return { ...life, setting, named, ...(replacement ? { replacement } : {}), message: `${named} ${eolPhrase(life)}${served} — ${fix}.` };
}

/** The status bar's note after "Cloud model: …", or '' when the model has no end-of-life date. */
export function cloudModelNote(s: Choice, now: number | Date): string {
  const w = deprecatedModelSettings(s, now).find((x) => x.setting === 'hybrid.cloud.model');
  if (!w) return '';
  return ` — ${w.retired ? 'retired' : 'deprecated'}: ${eolPhrase(w)}; ${w.replacement ? `set ${w.setting} to ${w.replacement}` : `choose another model in ${w.setting}`}`;
}

/** Once per setting and model in a session: the same warning on every settings change would be noise. */
export function unwarned(seen: Set<string>, warnings: readonly ModelWarning[]): ModelWarning[] {
  const fresh: ModelWarning[] = [];
  for (const w of warnings) {
    const key = `${w.setting}\u0000${w.named}\u0000${w.retired}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(w);
  }
  return fresh;
}

/** What a setting naming a retired Anthropic model should name instead. */
export function replacementFor(setting: string): string {
  return setting === 'hybrid.cloud.lightModel' ? 'auto' : defaultCloudModel('anthropic');
}

/** Which setting chose `model` for a cloud request: the light tier's own, unless the frontier model is the same. */
export function cloudModelSetting(s: Pick<HybridSettings, 'cloud.model' | 'cloud.lightModel'>, model: string): string {
  const light = s['cloud.lightModel'].trim();
  return light && light !== 'auto' && light === model && model !== s['cloud.model'] ? 'hybrid.cloud.lightModel' : 'hybrid.cloud.model';
}
