// Names and addresses the Latin-script rules cannot see, and a home street with no city after it. Scripts without
// capital letters (Arabic, Han) give no word shape to go by, so a name there is found only where the sentence says
// it is one: a relation noun before it (`العميل …`, `客户…的`), an honorific after it (`山田太郎様`, `王先生`). Cyrillic
// and Greek have capitals, so a relation noun before two capitalised words is enough (`Клиентка Анна Петрова`,
// `Ο πελάτης Γιώργος Παπαδόπουλος`). Addresses in Japanese and Chinese are shaped by their administrative units
// (都道府県 … 丁目 … 番 … 号, 省/市 … 区 … 路 … 号), which nothing else in code or prose spells. A street (number, name,
// `Lane`) after a residence phrase (`lives at`, `her house:`, `drop-off`) is someone's home without a city.

import type { Detector, RawHit } from '../detector';
import { STREET_BODY } from './personalRecords';

const CAP = String.raw`[\p{Lu}][\p{Ll}\p{M}'’-]{1,30}`;
// Cyrillic and Greek capitalise names, not nouns (nor titles past their first word): two capitalised words that do
// not start a sentence are a name (`Студентка Екатерина Соколова`, `Ο γιατρός Νικόλαος Αθανασίου`). The one a sentence
// starts with is a name only when another capitalised word comes before it on the line (the noun it follows).
const CAP_PAIR = /(?<![\p{L}])([\p{Lu}][\p{Ll}\p{M}'’-]{1,30}[ \t]+[\p{Lu}][\p{Ll}\p{M}'’-]{1,30}(?:[ \t]+[\p{Lu}][\p{Ll}\p{M}'’-]{1,30})?)(?![\p{L}])/gu;
const CYR_GREEK_WORD = /^[\p{sc=Cyrillic}\p{sc=Greek}]/u;
// Arabic: a relation noun or title, then the next one to three words (not a particle or a verb's negation).
const AR_WORD = String.raw`[\u0621-\u064A\u0660-\u0669\u066E-\u06D3]{2,20}`;
const AR_STOP = /^(?:لم|لا|لن|قد|في|من|على|إلى|الى|عن|أن|ان|هو|هي|ما|مع|كان|كانت|يريد|تريد|يقول|تقول|الذي|التي|و|حول|بخصوص|بشأن|عن|إلى|بعد|قبل)$/;
const ARABIC = new RegExp(String.raw`(?<![\u0621-\u064A])(?:(?:رسالة|بريد|طلب|شكوى|مكالمة|اتصال|تذكرة)[ \t]+من|(?:ال)?(?:عميل(?:ة)?|مريض(?:ة)?|موظف(?:ة)?|زبون(?:ة)?|مستأجر(?:ة)?|السيد(?:ة)?|سيد(?:ة)?|الأستاذ(?:ة)?|الدكتور(?:ة)?|المهندس(?:ة)?))[ \t]+(${AR_WORD}(?:[ \t]+${AR_WORD}){0,2})`, 'gu');
// Han: a relation noun then two to four characters ending where the sentence goes on (`的`, `说`, punctuation);
// or two to four characters before an honorific (様, さん, 氏, 先生, 女士, 小姐, 님, 씨).
const HAN = String.raw`\p{sc=Han}`;
// (Not `客户端`, `用户名`, `用户数据`: compounds of the noun, not a person after it.)
const HAN_RELATION = new RegExp(String.raw`(?:客户|顾客|患者|病人|员工|同事|租户|住户|用户|顧客|社員|同僚)(?!端|服务|群|列表|数据|信息|管理|名|账|帐|体验|需求|反馈|支持|关系|组|表|量|数)(${HAN}{2,4}?)(?=的|说|說|在|已|要|是|曾|于|於|，|,|。|、|\s|が|は|の|さん|様)`, 'gu');
// (Not a role: `担当者様`, `管理者様`, `会員様`, `皆様`, `各位`.)
const HONORIFIC = new RegExp(String.raw`(?<![\p{sc=Han}\p{sc=Katakana}ー])((?:${HAN}|\p{sc=Katakana}){2,5})(?<![者員様客位])[ \u3000]?(?:様|さま|さん|氏|先生|女士|小姐)`, 'gu');
// Japanese: a prefecture, then a municipality, and a 丁目/番/号 (or 1-2-3) block; Chinese: a province or city, a
// district, a road and its number (`号`), and perhaps a unit or room.
// (Or the block written with hyphens: `大阪府大阪市北区梅田3-1-1`.)
const JP_ADDRESS = /(?:東京都|北海道|(?:京都|大阪)府|[\p{sc=Han}]{2,3}県)[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ヶ]{1,20}?(?:[0-9０-９一二三四五六七八九十]{1,4}丁目[0-9０-９]{1,4}(?:番地?|[-－])[0-9０-９]{1,4}号?|(?<=[市区町村][\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ヶ]{0,12})[0-9０-９]{1,4}[-－][0-9０-９]{1,4}(?:[-－][0-9０-９]{1,4})?)/gu;
const CN_ADDRESS = /[\p{sc=Han}]{2,4}(?:省|市|自治区)[\p{sc=Han}]{1,12}?(?:区|县|市)[\p{sc=Han}]{1,12}?(?:路|街|大街|大道|道|巷|胡同|弄|里|村)(?:[0-9０-９]{1,5}(?:号楼|号|弄|栋|幢|楼|室|单元|层|座|巷)){1,5}/gu;
// A residence phrase, then a street line (`42 Juniper Lane`) with no city after it.
// (Not `moved to`: a meetup moves to a venue. Found from the street, then the phrase is read in the 60 characters
// before it: a regex starting at every letter for the phrase cost 13 ms a megabyte.)
const STREET_AT = new RegExp(String.raw`(?<![\p{L}\p{N}_.-])${STREET_BODY}`, 'gu');
// (Also what is sent or carried to a street, `the parcel for …`, and a flat or unit number before it, `Flat 3, …`.)
const HOME_PHRASES = [String.raw`(?:parcel|package|packet|shipment|delivery|courier|consignment)s?[ \t]+(?:for|to|at)`, String.raw`(?:flat|apt\.?|apartment|unit)[ \t]*#?[ \t]*\w{1,5},`,
  String.raw`(?:lives?|living|resides?|residing|stays?|staying)[ \t]+(?:at|on)`, String.raw`(?:home|house|flat|apartment|residence|drop-?off|delivery)(?:[ \t]+address)?[ \t]*(?::|=|(?:is|'s)(?:[ \t]+(?:at|on))?|at)`,
  String.raw`(?:ship|deliver|send|mail)(?:[ \t]+(?:it|this|them|the[ \t]+\w+))?[ \t]+to`];
const HOME_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${HOME_PHRASES.join('|')})[ \t]+$`, 'iu');

// Korean: a family name (the commonest, as data) and one to three syllables before an honorific or after a relation
// noun (`고객 김민준님`, `박지훈 씨`); not a role before `님` (`관리자님`: its first syllable is no family name).
const KR_FAMILY = '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용';
const KR_NAME = new RegExp(String.raw`(?<![\p{sc=Hangul}])([${KR_FAMILY}][\p{sc=Hangul}]{1,3}?)(?:[ \t]?(?:님|씨|고객님|선생님|과장님|대리님|팀장님)|(?<=(?:고객|회원|환자|직원|담당자)[ \t]+[^ \t]{2,4}))(?![\p{sc=Hangul}]{2})`, 'gu');
// Korean road addresses: a province or metropolitan city, a district, a road (`로`, `길`, `대로`) and its number,
// perhaps a building (`동`) and a unit (`호`).
const KR_ADDRESS = /[\p{sc=Hangul}]{1,6}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]+(?:[\p{sc=Hangul}]{1,6}(?:시|군|구)[ \t]+){1,2}[\p{sc=Hangul}\d]{1,12}(?:로|길|대로)[ \t]?\d{1,5}(?:번길[ \t]?\d{1,4})?(?:(?:,[ \t]*|[ \t]+)\d{1,4}동[ \t]?\d{1,5}호)?/gu;
// Chinese and Japanese: a common family name and one or two characters right before a verb of reporting or a
// `from` (`王建国反馈…`, `佐藤健一からの問い合わせ`), where a sentence or a line starts.
const CN_FAMILY = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const JP_FAMILY = '佐藤|鈴木|高橋|田中|伊藤|渡辺|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|木村|林|斎藤|清水|山崎|森|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田|後藤|近藤|村上|遠藤|青木|坂本';
const CJK_ATTRIBUTED = new RegExp(String.raw`(?<=^|[\s，。、,.:：;；!?！？「『（(])((?:[${CN_FAMILY}]|${JP_FAMILY})\p{sc=Han}{1,2}?)(?=反馈|投诉|来电|表示|报告|提出|询问|要求|说|說|经理|总监|主任|老师|医生|律师|女士|小姐|課長|部長|社長|からの|から(?:問い合わせ|連絡|メール|依頼|質問)|が(?:言|問い合わせ|連絡))`, 'gmu');
// Arabic opening a line: a given name (no article) and a family name with the article (`محمد الحسيني …`).
const AR_LINE_START = /^[ \t]*((?!ال)[\u0621-\u064A]{3,12}[ \t]+ال[\u0621-\u064A]{3,16})(?=[ \t]+(?:لم|لا|لن|قد|يريد|تريد|يقول|تقول|كان|كانت)(?![\u0621-\u064A]))/gmu;
// Slavic family-name endings: a Cyrillic pair that opens a sentence is a name when its second word has one.
const SLAVIC_FAMILY = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ич|вич|ян|швили|дзе)$/u;
// Greek family-name endings (-όπουλος, -ίδης, -άκης, and a woman's genitive -ου / -άκη): a Greek pair opening a
// sentence is a name when its second word has one (`Μαρία Νικολάου δεν …`); not an article first (`Η Αθήνα`).
const GREEK_FAMILY = /(?:όπουλος|οπούλου|ίδης|ίδου|ιάδης|άκης|άκη|άτος|έας|ίου|άου|όμου|ου|ης|ος)$/u;
const GREEK_ARTICLE = /^(?:Ο|Η|Το|Οι|Τα|Τον|Την|Του|Της|Των|Στο|Στη|Στην|Στον|Στα|Στις|Στους|Ένας|Μια|Ένα)$/u;

function groups(re: RegExp, text: string, label: string, keep: (v: string) => string | undefined = (v) => v): RawHit[] {
  const out: RawHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = keep(m[1] ?? m[0]);
    if (!v) continue;
    const start = m.index + m[0].lastIndexOf(m[1] ?? m[0]);
    out.push({ kind: label.includes('address') ? 'postal-address' : 'person-name', label, start, end: start + v.length });
  }
  return out;
}

function cyrillicGreekNames(text: string): RawHit[] {
  const out: RawHit[] = [];
  CAP_PAIR.lastIndex = 0;
  for (let m = CAP_PAIR.exec(text); m; m = CAP_PAIR.exec(text)) {
    if (!CYR_GREEK_WORD.test(m[1]) || [...m[1].matchAll(/\p{L}+/gu)].some((w) => !CYR_GREEK_WORD.test(w[0]))) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const lead = /(\S+)[ \t]+$/u.exec(before);
    const words = m[1].split(/[ \t]+/);
    const family = words.length === 2 && (/^\p{sc=Cyrillic}/u.test(m[1]) ? SLAVIC_FAMILY.test(words[1]) : GREEK_FAMILY.test(words[1]) && !GREEK_ARTICLE.test(words[0]));
    if ((!lead || /[.!?;:·;]$/.test(lead[1])) && !family) {
      // (Starts a sentence: its first word may be the noun, `Клиентка Анна Петрова`; the next pair is tried.)
      CAP_PAIR.lastIndex = m.index + m[1].search(/[ \t]/) + 1;
      continue;
    }
    out.push({ kind: 'person-name', label: 'personal name (capitalised, mid-sentence)', start: m.index, end: m.index + m[1].length });
  }
  return out;
}

/** Arabic words up to the first particle or verb form (at least one name word). */
function arabicName(v: string): string | undefined {
  const words = v.split(/[ \t]+/);
  const k = words.findIndex((w) => AR_STOP.test(w) || /^(?:ي|ت)\S{3,}/.test(w) && words.indexOf(w) > 0);
  const kept = k < 0 ? words : words.slice(0, k);
  return kept.length > 0 && !AR_STOP.test(kept[0]) ? kept.join(' ') : undefined;
}

const NON_LATIN = /[\u0370-\u03FF\u0400-\u04FF\u0600-\u06FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

export function findOtherScriptNames(text: string): RawHit[] {
  if (!NON_LATIN.test(text)) return [];
  return [...cyrillicGreekNames(text), ...groups(ARABIC, text, 'personal name (after a relation noun)', arabicName),
    ...groups(HAN_RELATION, text, 'personal name (after a relation noun)'), ...groups(HONORIFIC, text, 'personal name (before an honorific)'),
    ...groups(KR_NAME, text, 'personal name (Korean, with an honorific)'), ...groups(CJK_ATTRIBUTED, text, 'personal name (before a verb of reporting)'),
    ...groups(AR_LINE_START, text, 'personal name (opening a line)')];
}

export function findOtherScriptAddresses(text: string): RawHit[] {
  if (!NON_LATIN.test(text)) return [];
  return [...groups(JP_ADDRESS, text, 'postal address'), ...groups(CN_ADDRESS, text, 'postal address'), ...groups(KR_ADDRESS, text, 'postal address')];
}

export function findHomeStreets(text: string): RawHit[] {
  const out: RawHit[] = [];
  STREET_AT.lastIndex = 0;
  for (let m = STREET_AT.exec(text); m; m = STREET_AT.exec(text)) {
    if (HOME_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) out.push({ kind: 'postal-address', label: 'postal address (a home)', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const OTHER_SCRIPT_DETECTORS: readonly Detector[] = [
  { id: 'person-name-other-script', category: 'pii', keywords: [], alsoWhen: (t) => NON_LATIN.test(t), find: findOtherScriptNames, plainViewsOnly: true,
    samples: {
      tp: ['Клиентка Анастасия Кузнецова жалуется на счёт', 'Ο πελάτης Γεώργιος Παπαδόπουλος δεν μπορεί', 'العميل محمد الحسيني لم يستلم الطلب', '客户欧阳晓明的地址', '山田太郎様へのお知らせ'],
      fp: ['Как настроить webpack для production?', 'Πώς ρυθμίζω το webpack;', 'العميل لم يستلم الطلب', '客户端的配置', 'ユーザー様', 'クライアント側の設定'],
    } },
  { id: 'postal-address-cjk', category: 'pii', keywords: [], alsoWhen: (t) => NON_LATIN.test(t), find: findOtherScriptAddresses, plainViewsOnly: true,
    samples: {
      tp: ['〒160-0023 東京都新宿区西新宿2丁目8番1号', '北京市朝阳区建国路88号3单元'],
      fp: ['東京都の人口', '北京市的天气', '第3章第2节'],
    } },
  { id: 'postal-address-home', category: 'pii', keywords: ['parcel', 'Parcel', 'package', 'Package', 'shipment', 'Shipment', 'courier', 'Courier', 'consignment', 'Apt', 'Unit', 'unit',
    'live', 'Live', 'resid', 'Resid', 'stay', 'Stay', 'home', 'Home', 'house', 'House', 'flat', 'Flat', 'apartment', 'Apartment', 'drop', 'Drop', 'deliver', 'Deliver', 'ship', 'Ship', 'send', 'Send', 'mail', 'Mail'],
    find: findHomeStreets, plainViewsOnly: true,
    samples: {
      tp: ['She lives at 42 Juniper Lane; leave it at the back door.', "// default drop-off for the CEO's house: 918 Wexford Court", 'Ship it to 77 Magnolia Drive tomorrow.'],
      fp: ['The meetup moved to 10 Downing Street tomorrow', 'lives at the edge of the cache', 'home: 3 Main Menu Items'],
    } },
];
