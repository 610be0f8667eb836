// A view is the text as a detector should read it (normalised, joined, unwrapped, decoded …), with a map from
// each view character back to the original, so a hit in the view redacts the right span of the original.

export interface View {
  text: string;
  /** map[i] = offset in the original of view character i; map[text.length] = end. */
  map: Int32Array;
  /** The text itself, only normalised (NFKC, invisibles, homoglyphs): the plain-text detectors read it too. */
  plain?: boolean;
}

/** Builds a view piece by piece, keeping for each view character the original offset it stands for. */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private readonly map: number[] = [];
  constructor(private readonly source: string) {}

  /** Copies source[from, to) as it is. */
  copy(from: number, to: number): void {
    this.parts.push(this.source.slice(from, to));
    for (let i = from; i < to; i++) this.map.push(i);
  }

  /** Puts `s` in the view in place of the source at `at`. */
  emit(s: string, at: number): void {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) this.map.push(at);
  }

  /** Copies the rest of the source from `from` and closes the map at the source's end. */
  finish(from: number): View {
    this.copy(from, this.source.length);
    this.map.push(this.source.length);
    return { text: this.parts.join(''), map: Int32Array.from(this.map) };
  }
}

/** A base64(url) character, by char code (the hot loops of the unwrapped and decoded views). */
export function isB64(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45;
}
