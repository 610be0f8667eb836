// A gateway model group as the private tier (chat for Ask (private), FIM for inline completion): the official
// OpenAI client against the gateway with the user's virtual key, where every request first judges the group against
// the gateway's own /model/info (gateway.ts, judgePrivateGroup; kept 5 minutes for completion and 30 s for questions by gatewayInfo.ts, so a keystroke
// never waits for it) and fails closed with the reason, and FIM uses the template of the model the group runs.

import type { Logger } from '../ports';
import { createOpenAIProvider } from './openai';
import type { ChatProvider, FimProvider } from '../wire/types';
import { judgePrivateGroup, type GatewayDeployment } from '../team/gateway';
import { cloudApiOf } from '../team/cloudHosts';
import { isLocalEndpoint } from '../route/locality';
import { groupTemplateModel } from '../team/gatewayCompletion';
import type { GatewayInfo } from '../team/gatewayInfo';

export interface GatewayGroupOptions {
  baseUrl: string;
  group: string;
  declaredPrivate: readonly string[];
  trustedHosts: readonly string[];
  info: GatewayInfo;
  apiKey: () => Promise<string | undefined>;
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
  /** Each answer's headers, for the budget the status bar shows (x-litellm-key-spend). */
  onAnswerHeaders?: (headers: Headers) => void;
}

export type GatewayGroupProvider = ChatProvider & Partial<FimProvider> & { dispose?(): void };

export function createGatewayGroupProvider(o: GatewayGroupOptions): GatewayGroupProvider {
  return {
    ...createOpenAIProvider({
      baseUrl: o.baseUrl, location: 'local', apiKey: o.apiKey, name: 'The LiteLLM gateway', keyName: 'LiteLLM gateway',
      ...(o.logger ? { logger: o.logger } : {}), ...(o.fetch ? { fetch: o.fetch } : {}),
      ...(o.firstByteTimeoutMs !== undefined ? { firstByteTimeoutMs: o.firstByteTimeoutMs } : {}),
      ...(o.idleTimeoutMs !== undefined ? { idleTimeoutMs: o.idleTimeoutMs } : {}),
      isLocalEndpoint: async (url) => {
        const deployments = await o.info.deployments();
        if (!deployments && o.info.routeDenied()) {
          return `the gateway does not let this virtual key read /model/info (403: the key is limited to LLM API routes), so it cannot show where "${o.group}" runs — ask your gateway admin to add info_routes to the key's allowed_routes`;
        }
        // A refused key is why the gateway could not say where the group runs: that, and its fix, is the message.
        const why = deployments ? undefined : o.info.failure();
        if (why) return why;
        const refused = deployments ? undefined : o.info.keyRefused();
        if (refused) {
          const message = o.info.keyExpired?.()
            ? `The LiteLLM gateway says the virtual key has expired (${refused}) — get a new one from your admin and run “Hybrid: Set API Key”.`
            : `The LiteLLM gateway ${refused === 401 ? 'rejected' : 'refused access with'} the virtual key (${refused}) — run “Hybrid: Set API Key”.`;
          return { code: 'auth', status: refused, fix: 'setApiKey', message };
        }
        const verdict = judgePrivateGroup(o.group, url, o.declaredPrivate, o.trustedHosts, deployments);
        return verdict.private || verdict.reason;
      },
      templateModel: async (model) => groupTemplateModel(model, await o.info.deployments()),
      checkResponse: (res) => misrouted(o, res),
      checkModel: (model) => answeredElsewhere(o, model),
    }),
    id: 'litellm-private',
  };
}

/**
 * The proof is /model/info, kept a while (gatewayInfo.ts); each answer names the deployment that served it
 * (`x-litellm-model-api-base`). One that contradicts the proof stops the answer before its text, and the next
 * request asks /model/info again — so a deployment moved to an untrusted host gets at most the one request already
 * in flight, not all that the proof's age allows. An answer without the header (releases that leave it off streams,
 * litellm#7249) cannot be checked: then the proof's age is the window.
 */
async function misrouted(o: GatewayGroupOptions, res: Response): Promise<string | undefined> {
  o.info.noteAnswer(res.headers);
  o.onAnswerHeaders?.(res.headers);
  const apiBase = res.headers.get('x-litellm-model-api-base');
  // A header sent twice arrives joined by ", ": every deployment it names must be trusted, not the first one only.
  const bases = apiBase ? apiBase.split(/,\s+|,(?=[a-z][a-z0-9+.-]*:\/\/)/i) : [];
  const outside = bases.find((b) => cloudApiOf(b) || !isLocalEndpoint(b.trim(), [...o.trustedHosts]));
  if (outside === undefined) {
    const id = res.headers.get('x-litellm-model-id');
    const group = res.headers.get('x-litellm-model-group');
    // A fallback ran (x-litellm-attempted-fallbacks) and nothing names where: the proof was for the asked group only.
    if (!apiBase && !id && !group && Number(res.headers.get('x-litellm-attempted-fallbacks') ?? 0) > 0) {
      o.logger?.warn(`litellm-private: the gateway answered "${o.group}" from a fallback it did not name`);
      return `Stopped: the gateway fell back from "${o.group}" to another model for this request and did not say which (no x-litellm-model-group, -id or -api-base header), so it cannot be shown to be private — nothing of its answer is shown. The request reached that model. Tell your gateway admin to keep fallbacks of private groups within private groups.`;
    }
    // The deployment that answered (its model_info.id) outranks the group header: a group names many deployments.
    return await byDeployment(o, id) ?? fellBack(o, group);
  }
  o.info.invalidate();
  let host = outside;
  try { host = new URL(outside.trim()).host; } catch { /* shown as sent */ }
  o.logger?.warn(`litellm-private: the gateway answered "${o.group}" from ${host}, outside the trusted hosts; /model/info is asked again`);
  return `Stopped: the gateway says it sent this request for "${o.group}" to ${host}, outside the trusted hosts — its /model/info had placed the group on trusted hosts a moment ago (that answer is kept 30 s for questions, 5 minutes for completions). The request reached that host; nothing of its answer is shown, and the next request is checked against the gateway afresh. Tell your gateway admin.`;
}

/**
 * A gateway with `fallbacks` answers from another model group when the asked one fails, and says which in
 * `x-litellm-model-group` (with `x-litellm-attempted-fallbacks`). The proof was for the asked group: the one that
 * answered must pass the same judgement (declared private, every deployment on a trusted host), else the answer is
 * stopped before its text — also when the release leaves `x-litellm-model-api-base` off the stream.
 */
async function fellBack(o: GatewayGroupOptions, answered: string | null): Promise<string | undefined> {
  if (!answered || answered === o.group) return undefined;
  const verdict = judgePrivateGroup(answered, o.baseUrl, o.declaredPrivate, o.trustedHosts, await o.info.deployments());
  if (verdict.private) return undefined;
  o.logger?.warn(`litellm-private: the gateway answered "${o.group}" from its fallback group "${answered}", which is not private`);
  return `Stopped: the gateway fell back from "${o.group}" to "${answered}" for this request, and ${verdict.reason} — nothing of its answer is shown. The request reached that group. Tell your gateway admin to keep fallbacks of private groups within private groups.`;
}

/**
 * `x-litellm-model-id` names the deployment that answered (its `model_info.id` in /model/info). One of another group
 * is judged as that group; one the proof never listed (added since, or the proof is stale) stops the answer and
 * drops the proof. A gateway whose /model/info lists no ids (older releases) cannot be checked this way.
 */
async function byDeployment(o: GatewayGroupOptions, id: string | null): Promise<string | undefined> {
  if (!id) return undefined;
  const deployments = await o.info.deployments();
  if (!deployments?.some((d) => d.id)) return undefined;
  const d = deployments.find((x) => x.id === id);
  if (!d) {
    o.info.invalidate();
    return `Stopped: the gateway answered "${o.group}" from a deployment (${id.slice(0, 64)}) its /model/info did not list — nothing of the answer is shown, and the next request is checked against the gateway afresh. The request reached that deployment; tell your gateway admin if this repeats.`;
  }
  return d.group === o.group ? undefined : fellBack(o, d.group);
}

/**
 * The model a chunk names, for a gateway that sends none of LiteLLM's headers (a release that drops them on streams,
 * another proxy in front): stopped only when /model/info runs that model under other groups alone and none of them
 * is private. A name it does not list (vLLM's --served-model-name) or one the asked group runs passes.
 */
async function answeredElsewhere(o: GatewayGroupOptions, model: string): Promise<string | undefined> {
  const deployments = await o.info.deployments();
  if (!deployments || model === o.group) return undefined;
  const forms = nameForms(model);
  const runs = (d: GatewayDeployment): boolean => d.group === model || (d.model !== undefined && nameForms(d.model).some((f) => forms.includes(f)));
  if (deployments.some((d) => d.group === o.group && runs(d))) return undefined;
  const others = [...new Set(deployments.filter((d) => d.group !== o.group && runs(d)).map((d) => d.group))];
  if (others.length === 0) return undefined;
  const verdicts = others.map((g) => judgePrivateGroup(g, o.baseUrl, o.declaredPrivate, o.trustedHosts, deployments));
  if (verdicts.some((v) => v.private)) return undefined;
  o.logger?.warn(`litellm-private: "${o.group}" was answered by ${model}, which the gateway runs only under ${others.join(', ')}`);
  const reason = verdicts.map((v) => (v.private ? '' : v.reason)).find(Boolean) ?? '';
  return `Stopped: the gateway answered "${o.group}" with ${model.slice(0, 120)}, which it runs only under "${others.join('", "')}" — ${reason}; nothing of that model's answer is shown. The request reached that model. Tell your gateway admin to keep fallbacks of private groups within private groups.`;
}

/** A model name as written and without its first path segment (LiteLLM's `anthropic/`, `hosted_vllm/`), lower case. */
function nameForms(model: string): string[] {
  const m = model.trim().toLowerCase();
  const slash = m.indexOf('/');
  return slash > 0 ? [m, m.slice(slash + 1)] : [m];
}
