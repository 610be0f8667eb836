// Names and addresses in Thai, Devanagari, Vietnamese, Turkish and Greek, each found by what its own language puts
// around them (a title, a postposition, an address unit) or by a bounded list of family names from public data,
// since a single capitalised word says nothing. Thai writes no capitals and no spaces between words, but a title
// (`คุณ`, `นาย`, `นางสาว`) glued to a given name and a space before the family name is how a person is written. Hindi
// names follow a title (`श्री`, `श्रीमती`) or end in one of the commonest family names (Census of India surname
// lists) before a postposition. Vietnamese names start with one of the fourteen family names that ~90% of people
// carry (Lê Trung Hiếu, "Vietnamese family names", Vietnam Institute of Sociology). Turkish puts `Hanım` / `Bey`
// after a given name. Addresses: Thai `ถนน`/`ซอย`/`แขวง` after a house number, Turkish `Cad.`/`Sok.` with `No:`, Greek
// `οδός`/`Λεωφόρος` and a number.

import type { Detector, RawHit } from '../detector';

const TH = String.raw`[\u0E01-\u0E4E]`;
// (Not `คุณสามารถ`, "you can": a title is glued to a name, `คุณ` alone is also "you"; the word after it must not be a
// verb or a particle, and a family name must follow after a space.)
const TH_STOP = /^(?:สามารถ|ต้อง|จะ|ได้|ควร|อาจ|เคย|กำลัง|ยัง|ไม่|ก็|และ|หรือ|ช่วย|กรุณา|ลอง|เลือก|ใช้|ตั้ง|ดู|ทำ|เปิด|ปิด|คลิก|กด|ค่ะ|ครับ)/u;
const TH_NAME = new RegExp(String.raw`(?<!${TH})(?:คุณ|นางสาว|นาย|นาง|ด\.ช\.|ด\.ญ\.|ดร\.)(${TH}{2,20}[ \t]+${TH}{2,24})(?!${TH})`, 'gmu');
const TH_ADDRESS = new RegExp(String.raw`(?<![\d/])\d{1,5}(?:/\d{1,4})?[ \t]*(?:หมู่(?:ที่)?[ \t]*\d{1,3}[ \t]*)?(?:ถนน|ถ\.|ซอย|ซ\.)[ \t]*${TH}{2,30}(?:[ \t]*\d{1,3})?(?:[ \t]+(?:แขวง|ตำบล|ต\.|เขต|อำเภอ|อ\.)[ \t]*${TH}{2,30})*`, 'gu');
const DV = String.raw`[\u0900-\u097F]`;
// The commonest Indian family names in Devanagari (a bounded list, not every word before `ने`).
const HI_FAMILY = 'शर्मा|वर्मा|कुमार|कुमारी|यादव|सिंह|गुप्ता|पटेल|जैन|मिश्रा|तिवारी|पांडे|पाण्डेय|चौहान|अग्रवाल|श्रीवास्तव|दुबे|राय|शुक्ला|ठाकुर|मेहता|जोशी|चौधरी|सक्सेना|बंसल|मौर्य|रेड्डी|नायर|देसाई|खन्ना';
const HI_NAME = new RegExp(String.raw`(?<!${DV})(?:(?:श्री|श्रीमती|सुश्री|डॉ\.?)[ \t]+(${DV}{2,20}(?:[ \t]+${DV}{2,20})?)|(${DV}{2,20}[ \t]+(?:${HI_FAMILY})))(?!${DV})`, 'gu');
// Vietnamese: one of the common family names, then one to three capitalised syllables.
const VI_FAMILY = 'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương';
const VI_NAME = new RegExp(String.raw`(?<![\p{L}])((?:${VI_FAMILY})(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]{0,7}){1,3})(?![\p{L}])`, 'gu');
const VI_HINT = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
// Turkish: a capitalised given name (and family name) before Hanım / Bey.
const TR_TITLE = /(?<![\p{L}])(\p{Lu}[\p{Ll}]{1,20}(?:[ \t]+\p{Lu}[\p{Ll}]{1,20})?)[ \t]+(?:Hanım|Hanımefendi|Bey|Beyefendi)(?![\p{L}])/gu;
const TR_ADDRESS = /(?<![\p{L}])(?!(?:Adres|Adresi|Teslimat|Fatura)[ \t])\p{Lu}[\p{L}]{1,25}(?:[ \t]+\p{Lu}[\p{L}]{1,25})?[ \t]+(?:Cad\.|Caddesi|Cd\.|Sok\.|Sokak|Sokağı|Sk\.|Bulvarı|Blv\.|Mah\.|Mahallesi)[ \t]*,?[ \t]*No[ \t]*[:.][ \t]*\d{1,4}(?:[ \t/]*(?:D|Daire|Kat)[ \t]*[:.][ \t]*\d{1,4})?/gu;
const GR_ADDRESS = /(?<![\p{L}])(?:[οΟ]δός|[οΟ]δ\.|[λΛ]εωφόρος|[λΛ]εωφ\.|[πΠ]λατεία)[ \t]+\p{Lu}[\p{L}]{1,25}(?:[ \t]+\p{Lu}[\p{L}]{1,25})?[ \t]+\d{1,4}[α-ω]?/gu;

function hits(re: RegExp, text: string, kind: 'person-name' | 'postal-address', label: string): RawHit[] {
  const out: RawHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = m.slice(1).find((g) => g !== undefined) ?? m[0];
    if (kind === 'person-name' && re === TH_NAME && TH_STOP.test(v)) continue;
    const start = m.index + m[0].indexOf(v);
    out.push({ kind, label, start, end: start + v.length });
  }
  return out;
}

export function findWorldScriptNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  if (/[\u0E01-\u0E4E]/.test(text)) out.push(...hits(TH_NAME, text, 'person-name', 'personal name (Thai, after a title)'));
  if (/[\u0900-\u097F]/.test(text)) out.push(...hits(HI_NAME, text, 'person-name', 'personal name (Devanagari)'));
  if (VI_HINT.test(text)) out.push(...hits(VI_NAME, text, 'person-name', 'personal name (Vietnamese family name)'));
  if (/Hanım|Bey/.test(text)) out.push(...hits(TR_TITLE, text, 'person-name', 'personal name (Turkish, before Hanım/Bey)'));
  return out;
}

export function findWorldScriptAddresses(text: string): RawHit[] {
  const out: RawHit[] = [];
  if (/[\u0E01-\u0E4E]/.test(text)) out.push(...hits(TH_ADDRESS, text, 'postal-address', 'postal address (Thai)'));
  if (/No[ \t]*[:.]/.test(text)) out.push(...hits(TR_ADDRESS, text, 'postal-address', 'postal address (Turkish)'));
  if (/[\u0370-\u03FF]/.test(text)) out.push(...hits(GR_ADDRESS, text, 'postal-address', 'postal address (Greek)'));
  return out;
}

const NON_ASCII = (t: string): boolean => /[^\x00-\x7F]/.test(t);

export const WORLD_SCRIPT_DETECTORS: readonly Detector[] = [
  { id: 'person-name-world-script', category: 'pii', keywords: ['Hanım', 'Bey'], alsoWhen: NON_ASCII, find: findWorldScriptNames, plainViewsOnly: true,
    samples: {
      tp: ['คุณสมชาย ใจดี แจ้งว่าไม่ได้รับอีเมล', 'राहुल शर्मा ने बताया', 'श्री अमित कुमार का खाता', 'Khách hàng Nguyễn Văn Hùng phàn nàn', 'Ayşe Hanım faturasını alamadı'],
      fp: ['คุณสามารถ ตั้งค่าได้ที่เมนู', 'सर्वर से कनेक्शन नहीं हो पा रहा है', 'Không thể kết nối đến máy chủ', 'Bey is a word in code: const Bey = 1', 'Sunucuya bağlanılamıyor'],
    } },
  { id: 'postal-address-world-script', category: 'pii', keywords: ['No', 'οδ', 'Οδ', 'εωφ', 'λατεία'], alsoWhen: NON_ASCII, find: findWorldScriptAddresses, plainViewsOnly: true,
    samples: {
      tp: ['ที่อยู่ 99/12 ถนนสุขุมวิท แขวงคลองเตย', 'Bağdat Cad. No:145 D:6', 'οδός Ερμού 25, Αθήνα'],
      fp: ['ถนนหนทางไม่ดี', 'Issue No: 45 in the tracker', 'η οδός είναι κλειστή'],
    } },
];
