export { registerInlineCompletion, ACCEPTED_COMMAND, TOGGLE_COMMAND } from './register';
export type { InlineCompletionDeps, InlineCompletionHandle, CompletionStatus } from './register';
