// A button's short-lived confirmation ("Copied", "Inserted"): the label comes back after a moment, so the button
// can be used again without a second control for the outcome.

export function flash(button: HTMLButtonElement, text: string, title?: string): void {
  const original = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = original;
  button.textContent = text;
  if (title) button.title = title;
  setTimeout(() => { button.textContent = original; button.removeAttribute('title'); }, 1600);
}
