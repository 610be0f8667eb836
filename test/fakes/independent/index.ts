// Fakes written apart from test/fakes/*: they follow the public API docs, not our providers, so a test that
// passes against both sets depends only on what the real services guarantee.

export * from './wire';
export * from './ollama';
export * from './anthropic';
export * from './openai';
