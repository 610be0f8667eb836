// The providers: one streaming interface over Ollama, Anthropic and OpenAI(-compatible) endpoints.

export * from '../wire/types';
export * from './providerOptions';
export * from './streamMeter';
export * from './failureText';
export * from './guard';
export * from './failures';
export * from './keys';
export * from './notLocalFailures';
export * from './fimTemplates';
export * from './ollama';
export * from './anthropic';
export * from './openai';
