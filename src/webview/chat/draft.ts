// A question the host could not take goes back into the box instead of vanishing. It happens when the page sent
// it before hearing that another answer had started (a palette command, or two sends quicker than the host's
// reply): the host says so and the page puts the question back, ahead of anything typed since.

/** The box's text once `question` comes back: unchanged when it already starts with it, else question first. */
export function draftWithReturned(current: string, question: string): string {
  const typed = current.trim();
  const q = question.trim();
  if (!typed) return question;
  if (typed.startsWith(q)) return current;
  return `${question}\n\n${current}`;
}
