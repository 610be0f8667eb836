// Fake LiteLLM proxy (the team gateway): OpenAI-compatible /v1/chat/completions and /v1/completions in front of named model groups, plus
// the admin-facing reads an editor client uses — GET /model/info (each deployment's litellm_params, incl. api_base),
// GET /key/info (spend and max_budget of the calling key and its team) — with the documented behaviour around money:
// a request over the key's or team's budget is refused before any model runs (type budget_exceeded, HTTP 422 by
// default, `budgetStatus` for older releases' 429), every answer carries x-litellm-* headers
// (x-litellm-response-cost on non-streamed answers), and with include_cost_in_streaming_usage the final usage
// chunk of a stream carries `usage.cost`. Shapes follow docs.litellm.ai (proxy/response_headers, virtual_keys).

import { randomBytes } from 'node:crypto';
import type { Exchange } from './base';
import { FakeOpenAI } from './openai';

export interface GatewayGroup {
  /** The model group clients ask for (`model_name`). */
  name: string;
  /** litellm_params.model, e.g. `hosted_vllm/qwen2.5-coder-32b` or `anthropic/claude-sonnet-4-6`. */
  model: string;
  /** litellm_params.api_base; absent for a provider's own cloud API. */
  apiBase?: string;
  /** USD per token, as LiteLLM's model_info input_cost_per_token / output_cost_per_token. */
  inputCostPerToken: number;
  outputCostPerToken: number;
}

export interface GatewayKey {
  spend: number;
  maxBudget: number | null;
  teamId: string | null;
  teamSpend: number;
  teamMaxBudget: number | null;
}

export class FakeLiteLLM extends FakeOpenAI {
  groups: GatewayGroup[] = [];
  /** One virtual key is enough for a client test: the one the client sends. */
  key: GatewayKey = { spend: 0, maxBudget: null, teamId: 'team-a', teamSpend: 0, teamMaxBudget: null };
  /** The virtual key the proxy accepts (Authorization: Bearer …). */
  virtualKey = `sk-${randomBytes(12).toString('hex')}`;
  /** litellm_settings.include_cost_in_streaming_usage. */
  includeCostInStreamingUsage = true;
  /** general_settings.budget_exceeded_status_code (422 by default; older releases answered 429). */
  budgetStatus = 422;
  /**
   * Admin routes the key may not call: a key limited to `llm_api_routes` gets LiteLLM's route check, 403 with a
   * FastAPI `detail` body ("Virtual key is not allowed to call this route. …"), on /model/info and /key/info.
   */
  deniedRoutes: string[] = [];
  /** How the final stream chunk spells `usage.cost` (a non-conforming proxy, or a release's bug); default the number. */
  costOnWire: (cost: number) => unknown = (cost) => cost;
  /** Set: a stream also carries x-litellm-response-cost with this text (releases that know the cost up front). */
  streamCostHeader: string | undefined;
  /** Releases differ: some leave x-litellm-model-api-base off streamed answers (BerriAI/litellm#7249). */
  apiBaseHeaderOnStreams = true;

  constructor() {
    super({ marker: '[fake-litellm]' });
  }

  protected override async handle(ex: Exchange): Promise<void> {
    const { req, res, record } = ex;
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.virtualKey}`) {
      return this.json(res, 401, proxyError('Authentication Error, Invalid proxy server token passed.', 'auth_error', 401));
    }
    if (req.method === 'GET' && this.deniedRoutes.includes(record.path)) {
      return this.json(res, 403, { detail: `Virtual key is not allowed to call this route. Only allowed to call routes: ['llm_api_routes']. Tried to call route: ${record.path}` });
    }
    if (req.method === 'GET' && (record.path === '/model/info' || record.path === '/v1/model/info')) {
      return this.json(res, 200, { data: this.groups.map((g) => ({
        model_name: g.name,
        litellm_params: { model: g.model, ...(g.apiBase ? { api_base: g.apiBase } : {}) },
        model_info: { id: g.name, input_cost_per_token: g.inputCostPerToken, output_cost_per_token: g.outputCostPerToken },
      })) });
    }
    if (req.method === 'GET' && record.path === '/key/info') {
      const k = this.key;
      return this.json(res, 200, { key: 'hashed-token', info: {
        spend: k.spend, max_budget: k.maxBudget, team_id: k.teamId, budget_reset_at: null,
        team_spend: k.teamSpend, team_max_budget: k.teamMaxBudget, models: this.groups.map((g) => g.name),
      } });
    }
    // Chat and text completion (FIM) pass the same model-group and budget checks.
    if (req.method === 'POST' && (record.path === '/v1/chat/completions' || record.path === '/v1/completions')) {
      const model = (record.body as { model?: unknown } | undefined)?.model;
      const group = this.groups.find((g) => g.name === model);
      if (!group) {
        return this.json(res, 400, proxyError(`Invalid model name passed in model=${String(model)}. Call \`/v1/models\` to view available models for your key.`, 'invalid_request_error', 400));
      }
      // Budgets are checked before the call (key, then team): nothing is generated, nothing is billed.
      const k = this.key;
      if (k.maxBudget !== null && k.spend >= k.maxBudget) {
        return this.json(res, this.budgetStatus, proxyError(`Budget has been exceeded! Current cost: ${k.spend}, Max budget: ${k.maxBudget}`, 'budget_exceeded', this.budgetStatus));
      }
      if (k.teamMaxBudget !== null && k.teamSpend >= k.teamMaxBudget) {
        return this.json(res, this.budgetStatus, proxyError(`ExceededBudget: Team=${k.teamId} over budget. Spend=${k.teamSpend}, Budget=${k.teamMaxBudget}`, 'budget_exceeded', this.budgetStatus));
      }
    }
    return super.handle(ex);
  }

  /** The cost LiteLLM computes from the group's per-token prices; charged to the key and its team. */
  protected override onAnswered(model: string, usage: { prompt_tokens: number; completion_tokens: number }, streaming: boolean):
  { usage: Record<string, unknown>; headers: Record<string, string> } {
    const g = this.groups.find((x) => x.name === model)!;
    const cost = usage.prompt_tokens * g.inputCostPerToken + usage.completion_tokens * g.outputCostPerToken;
    const spendBefore = this.key.spend;
    this.key.spend += cost;
    this.key.teamSpend += cost;
    const headers: Record<string, string> = {
      'x-litellm-call-id': randomBytes(8).toString('hex'),
      'x-litellm-model-group': g.name,
      'x-litellm-key-spend': String(spendBefore),
      ...(g.apiBase && (!streaming || this.apiBaseHeaderOnStreams) ? { 'x-litellm-model-api-base': g.apiBase } : {}),
      // A stream's headers leave before its cost is known: the header is only on whole answers.
      ...(streaming ? (this.streamCostHeader !== undefined ? { 'x-litellm-response-cost': this.streamCostHeader } : {}) : { 'x-litellm-response-cost': String(cost) }),
    };
    const wire = this.costOnWire(cost);
    return { usage: streaming && this.includeCostInStreamingUsage && wire !== undefined ? { cost: wire } : {}, headers };
  }

  /** The routing headers LiteLLM puts on every answer (FIM too): which group, and which deployment's api_base. */
  protected override completionHeaders(model: string): Record<string, string> {
    const g = this.groups.find((x) => x.name === model);
    return { 'x-litellm-call-id': randomBytes(8).toString('hex'), ...(g ? { 'x-litellm-model-group': g.name } : {}), ...(g?.apiBase && this.apiBaseHeaderOnStreams ? { 'x-litellm-model-api-base': g.apiBase } : {}) };
  }

  private json(res: Exchange['res'], status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

/** LiteLLM's ProxyException body: `code` is the status as a string. */
function proxyError(message: string, type: string, status: number): unknown {
  return { error: { message, type, param: null, code: String(status) } };
}
