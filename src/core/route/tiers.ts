// The two cloud tiers. The light tier is a cheaper model for work that needs the cloud but not a frontier model;
// `auto` picks a current Haiku-class / mini-class model for the configured provider so switching provider never
// leaves a model id of the other vendor behind.

import type { CloudProviderId } from '../ports';
import type { HybridSettings } from '../settings';

export type CloudTier = 'frontier' | 'light';

const AUTO_LIGHT: Record<HybridSettings['cloud.provider'], string> = {
  anthropic: 'claude-haiku-4-5',
  openai: 'gpt-5.4-mini',
};

/** The light model id, or undefined when the light tier is off (empty setting). */
export function lightModel(settings: HybridSettings): string | undefined {
  const v = settings['cloud.lightModel'].trim();
  if (v === '') return undefined;
  return v === 'auto' ? AUTO_LIGHT[settings['cloud.provider']] : v;
}

/** Which tier actually serves a request that asked for `wanted`: light falls back to frontier when turned off. */
export function effectiveTier(settings: HybridSettings, wanted: CloudTier): CloudTier {
  return wanted === 'light' && lightModel(settings) !== undefined ? 'light' : 'frontier';
}

export function cloudModelFor(settings: HybridSettings, tier: CloudTier | undefined): string {
  return tier === 'light' ? lightModel(settings) ?? settings['cloud.model'] : settings['cloud.model'];
}

/** "light tier (claude-haiku-4-5)" / "frontier model (claude-sonnet-4-6)", for route reasons. */
export function tierLabel(settings: HybridSettings, tier: CloudTier): string {
  const t = effectiveTier(settings, tier);
  return `${t === 'light' ? 'light tier' : 'frontier model'} (${cloudModelFor(settings, t)})`;
}

/** Whose key a cloud request needs: in team mode the gateway's virtual key, never the provider's behind it. */
export interface CloudKeyOwner {
  id: CloudProviderId;
  /** "Anthropic", "OpenAI", "LiteLLM gateway": what the user picks in "Hybrid: Set API Key". */
  name: string;
  /** "Anthropic API key", "LiteLLM gateway virtual key". */
  keyName: string;
  env: string;
}

export function cloudKeyOwner(settings: HybridSettings): CloudKeyOwner {
  if (settings['gateway.baseUrl']) return { id: 'gateway', name: 'LiteLLM gateway', keyName: 'LiteLLM gateway virtual key', env: 'LITELLM_API_KEY' };
  return settings['cloud.provider'] === 'openai'
    ? { id: 'openai', name: 'OpenAI', keyName: 'OpenAI API key', env: 'OPENAI_API_KEY' }
    : { id: 'anthropic', name: 'Anthropic', keyName: 'Anthropic API key', env: 'ANTHROPIC_API_KEY' };
}
