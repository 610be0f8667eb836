// Phone numbers after a phone label, in the languages people write them in. Many countries dial without a '+'
// or a trunk 0 (Spain `612 34 56 78`, Italian mobiles `347 123 4567`, China `138 0013 8000`, Russia
// `8 (912) 345-67-89`), and a bare digit run is no phone number in code; after "Teléfono:", "手机：" or "тел." it is.

import { DIGITS, type Detector, type RawHit } from '../detector';

const LATIN = ['tel', 'tél', 'tlf', 'phone', 'telephone', 'téléphone', 'telefone', 'teléfono', 'telefono', 'telefon', 'telefoon', 'handy',
  'mobil', 'mobile', 'móvil', 'movil', 'cell', 'cellulare', 'celular', 'cel', 'whatsapp', 'fax', 'gsm', 'portable', 'natel', 'numer telefonu'];
const OTHER = ['電話', '携帯', '手机', '电话', '手機', 'тел', 'телефон', 'моб', '전화', '핸드폰', '휴대폰', 'هاتف', 'جوال', 'τηλ', 'टेलीफोन', 'फ़ोन', 'मोबाइल'];

// Longest first, and letter boundaries that know accents (`\b` would end "tel" inside "teléfono").
const byLength = (a: string, b: string): number => b.length - a.length;
// (The left boundary is checked in code: a look-behind at the front would run at every position of the text.)
const LABEL = new RegExp(`(?:${[...LATIN].sort(byLength).join('|')})(?![\\p{L}\\p{N}_])|${[...OTHER].sort(byLength).join('|')}`, 'giu');
const WORD_CHAR = /[\p{L}\p{N}_]/u;
// After the label: punctuation and at most two words that qualify it ("Tel. (mobile):", "手机号码：", "Telefon
// privat:"), then the number. A property or a call (`cell.value = …`, `phone(…)`) is code, not a label.
const NUMBER = /^([^\n\d+(]{0,16}?)(\+?\(?\d[\d ()./-]{7,22}\d)(?![\w-]|\.\d)/u;
const BETWEEN = /^[\s.:：#=\-–(]*(?:(?:no|nr|n°|num|number|número|numero|nummer|号码|號碼|番号|номер|mobile|mobil|cell|fixe|fijo|móvil|privat|private|home|work|office|casa|pro|perso)[\s.:：#=\-–()]*){0,2}$/iu;

export function findLabelledPhones(text: string): RawHit[] {
  const out: RawHit[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    if (m.index > 0 && /^[a-zà-ÿ]/i.test(m[0]) && WORD_CHAR.test(text[m.index - 1])) continue;
    const from = m.index + m[0].length;
    const n = NUMBER.exec(text.slice(from, from + 48));
    if (!n) continue;
    if (!BETWEEN.test(n[1])) continue;
    const raw = n[2];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15 || /^(\d)\1+$/.test(digits)) continue;
    // Dates, times and versions are not phone numbers, even after "tel".
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d+\.\d+\.\d+/.test(raw)) continue;
    const start = from + n.index + n[0].length - raw.length;
    out.push({ kind: 'phone', label: 'phone number', start, end: start + raw.length });
  }
  return out;
}

const d = (g: { str(c: string, n: number): string }, n: number): string => g.str(DIGITS, n);

export const LABELLED_PHONE_DETECTORS: readonly Detector[] = [
  { id: 'phone-labelled', category: 'pii', keywords: [], find: findLabelledPhones,
    samples: {
      tp: [(g) => `teléfono: 6${d(g, 2)} ${d(g, 2)} ${d(g, 2)} ${d(g, 2)}`, (g) => `cell. 34${d(g, 1)} ${d(g, 3)} ${d(g, 4)}`,
        (g) => `手机：13${d(g, 1)} ${d(g, 4)} ${d(g, 4)}`, (g) => `тел. 8 (912) ${d(g, 3)}-${d(g, 2)}-${d(g, 2)}`],
      fp: ['tel: 2024-05-06', 'phone: 1.2.3', 'Telemetry 123456789012', 'mobile layout at 1024 px', 'fax: 0000000000', 'cell.value = 1234567890;',
        'the phone has 128 GB, serial 3561 2298 77'],
    } },
];
