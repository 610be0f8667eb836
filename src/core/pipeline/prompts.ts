// System prompts and the user message layout. Context goes in fenced blocks labelled with path and lines so the
// model (and the user reading the request log) can tell what was attached.

import type { ChatTurn, ContextItem, Kind } from '../request';

const SYSTEMS: Record<Exclude<Kind, 'completion'>, string> = {
  ask:
    'You are a senior software engineer helping a developer inside their editor. Answer precisely and concisely in ' +
    'Markdown. Put code in fenced blocks with a language tag. If the context is not enough to answer, say what is missing.',
  review:
    'You are a meticulous code reviewer. Review the code for bugs, security problems, error handling, performance and ' +
    'readability. Report each finding on its own line in exactly this form:\n' +
    '- L<line>: <error|warning|info>: <finding and the fix>\n' +
    'where <line> is the line number shown in the code block header range. After the list, add a one-paragraph summary. ' +
    'If you find nothing worth changing, say so.',
  explain: 'Explain what the code does, step by step, for a developer who is new to this code base. Use Markdown.',
};

export function systemPromptFor(kind: Kind): string {
  return kind === 'completion' ? '' : SYSTEMS[kind];
}

export function contextBlock(item: ContextItem): string {
  const where = item.path ?? 'untitled';
  const lines = item.startLine !== undefined ? `:${item.startLine}-${item.endLine ?? item.startLine}` : '';
  const fence = item.text.includes('```') ? '~~~~' : '```';
  return `${fence}${item.language ?? ''} ${where}${lines}\n${item.text}\n${fence}`;
}

export function userMessage(question: string, context: ContextItem[]): string {
  const blocks = context.map(contextBlock);
  return blocks.length ? `${blocks.join('\n\n')}\n\n${question}` : question;
}

export function buildMessages(history: ChatTurn[] | undefined, question: string, context: ContextItem[]): ChatTurn[] {
  return [...(history ?? []), { role: 'user', content: userMessage(question, context) }];
}
