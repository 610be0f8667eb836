// What became of each suggestion the user saw, from the stable editor API only: the item's command says "accepted";
// a one-step insertion of a leading part of the suggestion (accept next word/line) says "partially accepted"; typing
// along keeps it alive; anything else (another edit, the cursor leaving, a different suggestion) ends it as
// "dismissed". Only ids, counts, language and model leave here — never the text.

export type SuggestionOutcome = 'accepted' | 'partial' | 'dismissed';

export interface ShownSuggestion {
  id: string;
  docUri: string;
  /** Document offset of the cursor when it was shown. */
  offset: number;
  text: string;
  languageId: string;
  /** From the editor's request to the suggestion being handed back (what the user waited). */
  latencyMs: number;
}

interface Live extends ShownSuggestion {
  /** Characters of the suggestion already in the document (typed along or accepted in parts). */
  taken: number;
  partial: boolean;
}

export class AcceptanceTracker {
  private live: Live | undefined;

  constructor(private readonly emit: (s: ShownSuggestion, outcome: SuggestionOutcome) => void) {}

  shown(s: ShownSuggestion): void {
    // Typing along re-offers the same suggestion (same id): it is still the one on screen.
    if (this.live?.id === s.id) return;
    this.end();
    this.live = { ...s, taken: 0, partial: false };
  }

  accepted(id: string): void {
    const l = this.live;
    if (!l || l.id !== id) return;
    this.live = undefined;
    this.emit(l, 'accepted');
  }

  /** A document change: `offset` where `removed` characters were replaced by `inserted`. */
  edit(docUri: string, offset: number, removed: number, inserted: string): void {
    const l = this.live;
    if (!l || l.docUri !== docUri) return;
    const at = l.offset + l.taken;
    if (offset === at && removed === 0 && inserted && l.text.startsWith(inserted, l.taken)) {
      const rest = l.text.length - l.taken;
      // More than one character in one step, short of the rest: the editor's accept-next-word/line.
      if (inserted.length >= 2 && inserted.length < rest) l.partial = true;
      l.taken += inserted.length;
      return;
    }
    this.end();
  }

  /** The cursor moved: anywhere but the end of what was taken ends the suggestion. */
  moved(docUri: string, offset: number): void {
    const l = this.live;
    if (l && (l.docUri !== docUri || offset !== l.offset + l.taken)) this.end();
  }

  /** Ends the live suggestion as partially accepted or dismissed (also on shutdown). */
  end(): void {
    const l = this.live;
    if (!l) return;
    this.live = undefined;
    this.emit(l, l.partial ? 'partial' : 'dismissed');
  }
}
