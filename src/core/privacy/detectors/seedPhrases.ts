// A wallet's recovery phrase (BIP-39: 12 to 24 lower-case words) is the wallet: anyone holding it holds the funds.
// Twelve short words in a row are ordinary prose, so only after its label ("seed phrase", "mnemonic", "recovery
// phrase", and the same in a few other languages).

import type { Detector, RawHit } from '../detector';

const PHRASE = /(?:seed[ _-]?phrase|seed[ _-]?words|recovery[ _-]?phrase|secret[ _-]?recovery[ _-]?phrase|mnemonic(?:[ _-]?phrase)?|backup[ _-]?phrase|助记词|frase[ _-]semilla|phrase[ _-]de[ _-]récupération)["']?[ \t]*(?:[:=：]|is)?[ \t]*["'`]?((?:[a-z]{3,8}[ \t]+){11,23}[a-z]{3,8})(?![a-z])/giu;

const PROSE = new Set(['the', 'and', 'that', 'this', 'with', 'for', 'you', 'are', 'was', 'were', 'have', 'has', 'they', 'them', 'when', 'what',
  'which', 'from', 'your', 'will', 'would', 'could', 'into', 'its', 'our', 'but', 'not', 'who', 'how', 'use', 'used', 'helps', 'some', 'things']);

function findSeedPhrases(text: string): RawHit[] {
  const out: RawHit[] = [];
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const words = m[1].split(/[ \t]+/);
    // BIP-39 phrases are 12, 15, 18, 21 or 24 words, drawn with few repeats.
    if (words.length % 3 !== 0 || new Set(words).size < words.length - 2) continue;
    // A sentence after "mnemonic is" has its little words; the BIP-39 list has none of these.
    if (words.filter((w) => PROSE.has(w)).length > 1) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'seed-phrase', label: 'wallet recovery phrase', start, end: start + m[1].length });
  }
  return out;
}

// BIP-39's first sixteen words (the public list), for the drawn sample.
const WORDS = ['abandon', 'ability', 'able', 'about', 'above', 'absent', 'absorb', 'abstract', 'absurd', 'abuse', 'access', 'accident', 'account', 'accuse', 'achieve', 'acid'];

export const SEED_PHRASE_DETECTORS: readonly Detector[] = [
  { id: 'seed-phrase', category: 'secret', keywords: ['seed', 'Seed', 'SEED', 'ecovery', 'ECOVERY', 'nemonic', 'NEMONIC', 'ackup', '助记词', 'semilla', 'cupération'],
    find: findSeedPhrases,
    samples: {
      tp: [(g) => {
        const w = [...WORDS];
        for (let i = w.length - 1; i > 0; i--) { const k = Math.min(i, g.int(0, i)); [w[i], w[k]] = [w[k], w[i]]; }
        return `seed phrase: ${w.slice(0, 12).join(' ')}`;
      }],
      fp: ['the seed phrase is stored offline and never typed into a computer', 'mnemonic: a short name for an instruction',
        'mnemonic is a device that helps you remember some things that are hard to keep in your head'],
    } },
];
