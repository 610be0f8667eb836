// Pure (no DOM), so it is unit-tested in Node.

/** hybrid.cloud.provider's value as the key prompt names it ("anthropic" → "Anthropic"). */
export function providerName(id: string): string {
  return ({ anthropic: 'Anthropic', openai: 'OpenAI', gateway: 'LiteLLM gateway' } as Record<string, string>)[id] ?? id;
}
