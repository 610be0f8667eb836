// Team mode, inline completion: a gateway model group the admin declared private (e.g. a Qwen2.5-Coder base model on
// the team's vLLM box) answers fill-in-the-middle instead of Ollama on this machine. The group is proven private the
// same way as the chat group (gateway.ts, judgePrivateGroup); this file holds what differs for completion: which
// group, the settings the completion engine reads, and which model family's FIM template the group needs.

import type { HybridSettings } from '../settings';
import type { GatewayDeployment } from './gateway';

/** The gateway group that answers inline completion, or undefined when completion stays on Ollama. */
export function gatewayCompletionGroup(s: HybridSettings): string | undefined {
  const group = s['gateway.completionModel'].trim();
  return s['gateway.baseUrl'] && group ? group : undefined;
}

const projected = new WeakMap<HybridSettings, HybridSettings>();

/**
 * The settings inline completion reads: with a gateway completion group, the completion model is that group (the
 * ledger, the cache key and the status bar then name it). One object per settings object, so the keystroke path
 * never copies settings.
 */
export function completionSettings(s: HybridSettings): HybridSettings {
  const group = gatewayCompletionGroup(s);
  if (!group) return s;
  let out = projected.get(s);
  if (!out) {
    out = { ...s, 'local.completionModel': group };
    projected.set(s, out);
  }
  return out;
}

/**
 * The model whose FIM template a group needs: what the gateway says the group runs (`litellm_params.model`, e.g.
 * `hosted_vllm/Qwen/Qwen2.5-Coder-7B` → `Qwen/Qwen2.5-Coder-7B`), or the group's own name when the gateway does not
 * say. The routing prefix (`hosted_vllm/`, `openai/`) is LiteLLM's, not the model's.
 */
export function groupTemplateModel(group: string, deployments: readonly GatewayDeployment[] | undefined): string {
  const model = deployments?.find((d) => d.group === group && d.model)?.model;
  if (!model) return group;
  const slash = model.indexOf('/');
  return slash > 0 && ROUTING_PREFIXES.has(model.slice(0, slash).toLowerCase()) ? model.slice(slash + 1) : model;
}

/** LiteLLM's provider prefixes for self-hosted OpenAI-compatible servers. */
const ROUTING_PREFIXES = new Set(['hosted_vllm', 'vllm', 'openai', 'text-completion-openai', 'ollama', 'sglang', 'lm_studio', 'llamafile', 'custom_openai']);

/**
 * The models the local server must serve, and the gateway groups that serve the rest: with team mode's private and
 * completion groups set, a laptop with no Ollama at all is healthy (each group is judged when a request is made).
 */
export function privateTierModels(s: HybridSettings): { local: string[]; gateway: string[] } {
  const chatGroup = s['gateway.baseUrl'] && s['gateway.privateModel'].trim() ? s['gateway.privateModel'].trim() : undefined;
  const fimGroup = s['completion.enabled'] ? gatewayCompletionGroup(s) : undefined;
  const local = [
    ...(chatGroup ? [] : [s['local.chatModel']]),
    ...(s['completion.enabled'] && !fimGroup ? [s['local.completionModel']] : []),
  ];
  return { local: [...new Set(local)], gateway: [...new Set([chatGroup, fimGroup].filter((g): g is string => !!g))] };
}
