// A gateway model group as the private tier (chat for Ask (private), FIM for inline completion): the official
// OpenAI client against the gateway with the user's virtual key, where every request first judges the group against
// the gateway's own /model/info (gateway.ts, judgePrivateGroup; kept 5 minutes by gatewayInfo.ts, so a keystroke
// never waits for it) and fails closed with the reason, and FIM uses the template of the model the group runs.

import type { Logger } from '../ports';
import { createOpenAIProvider } from './openai';
import type { ChatProvider, FimProvider } from '../wire/types';
import { judgePrivateGroup } from '../team/gateway';
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
        // A refused key is why the gateway could not say where the group runs: that, and its fix, is the message.
        const refused = deployments ? undefined : o.info.keyRefused();
        if (refused) {
          return { code: 'auth', status: refused, fix: 'setApiKey', message: `The LiteLLM gateway ${refused === 401 ? 'rejected' : 'refused access with'} the virtual key (${refused}) — run “Hybrid: Set API Key”.` };
        }
        const verdict = judgePrivateGroup(o.group, url, o.declaredPrivate, o.trustedHosts, deployments);
        return verdict.private || verdict.reason;
      },
      templateModel: async (model) => groupTemplateModel(model, await o.info.deployments()),
    }),
    id: 'litellm-private',
  };
}
