// The one shape every sensitive-data detector has, after gitleaks' rule table: an id, a category, the keywords
// of the pre-filter, a `find` over one text, and its own true- and false-positive samples (run by one generic
// unit test). A family of detectors is one file under detectors/ exporting an array; scan.ts loops over all of
// them and over every view of the text.

import type { TextFacts } from './textFacts';

export interface RawHit {
  kind: string;
  label: string;
  start: number;
  end: number;
  /** Overrides the detector's category for this hit (a CSV export holds credential and personal columns). */
  category?: DetectorCategory;
}

export type DetectorCategory = 'secret' | 'pii';

/** Random draws for samples: secret-shaped values are generated at test time, never written down. */
export interface SampleRng {
  /** `n` characters from `charset`. */
  str(charset: string, n: number): string;
  /** Like `str`, redrawn until upper case, lower case and digits are all present. */
  mixed(charset: string, n: number): string;
  int(lo: number, hi: number): number;
}

/** A literal text, or one drawn at test time. */
export type Sample = string | ((g: SampleRng) => string);

export interface DetectorSamples {
  /** Texts in which this detector must find something. */
  tp: readonly Sample[];
  /** Near misses in which the whole scan must find nothing. */
  fp: readonly Sample[];
}

export interface Detector {
  id: string;
  category: DetectorCategory;
  /**
   * gitleaks' keyword pre-filter: `find` runs only when one of these case-sensitive literals occurs in the text.
   * Empty = always run (detectors whose own first step is a cheap test).
   */
  keywords: readonly string[];
  /**
   * Runs the detector even when no keyword occurs (e.g. any non-ASCII text for non-English labels). A pure test of
   * the text: detectors sharing one function get one answer per text.
   */
  alsoWhen?: (text: string) => boolean;
  /**
   * Runs on the text and its normalised view only, not on the views that put split values back together (joined,
   * unwrapped, dequoted …): what it reads (a label and its value, one random run) is not written in pieces.
   */
  plainViewsOnly?: boolean;
  /** `facts`: what other detectors also derive from this text (textFacts.ts), computed once by the scanner. */
  find(text: string, facts?: TextFacts): RawHit[];
  samples: DetectorSamples;
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const B64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '_-';
export const HEX = '0123456789abcdef';
