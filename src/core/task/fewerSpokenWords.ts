// The router's words in Polish, Turkish, Vietnamese, Indonesian, Hebrew and Swahili, by the signal they feed
// (round 17: these questions scored "no strong signal" whatever they asked). Patterns are written with their
// accents and folded like the text (normalize.ts): "thiết kế" is read as "thiet ke", "ölçekleme" as "olcekleme";
// letters with no combining form (ł, ı, đ) stay as they are. Hebrew has no \b: its prefixes (ו, ה, ב, ל, ש) are
// part of the word, so its terms match inside words.

import { anyOf } from './normalize';

export const FEWER_HIGH: Record<string, RegExp[]> = {
  'architecture question': [/\bmimari|\bkiến trúc\b|\barsitektur|ארכיטקטור|\busanifu\b|\bmuundo wa mfumo\b/],
  'design question': [
    /\b(?:za|prze)projektow\w*|\bprojektowani[ae]\b|\btasarla\w*|\btasar[iı]m\w*|\bthiết kế\b|\b(?:me)?rancang\w*|\bperancangan\b/,
    /לתכנן|תכנון|תתכנן|תעצב|לעצב|\b(?:ku|tu|m)?buni\b/,
  ],
  'asks for trade-offs': [
    /\b(?:wady i zalety|zalety i wady|plusy i minusy)\b|\b[oö]d[uü]nle[sş]im\w*|\bart[iı]lar[iı]? ve eksiler|\bavantaj\w* ve dezavantaj|\bhangisi daha iyi\b/,
    /\bưu nhược điểm\b|\bưu và nhược\b|\bđánh đổi\b|\bso sánh\b|\bkelebihan dan kekurangan(?:nya)?\b|\buntung rugi(?:nya)?\b|\bbandingkan\b|\bperbandingan\b/,
    /יתרונות וחסרונות|מה עדיף|להשוות|השוואה|\bfaida na hasara\b|\bipi (?:ni )?bora\b|\blinganisha\b/,
  ],
  'migration': [
    /\bmigracj\w*|\bprzej[sś][cć] z\b|\bprzeni?e[sś][cć] (?:\w+ ){0,3}(?:do|na)\b|\bge[cç]i[sş]\b|\bta[sş][iı]ma(?:k|l[iı]y[iı]z)\b/,
    /\bchuyển (?:từ|sang)\b|\bdi chuyển (?:dữ liệu|hệ thống)\b|\bpindah dari\b|\bmigrasi\b|מיגרציה|לעבור מ|\bkuhamia\b|\bkuhama kutoka\b|\buhamisho\b/,
  ],
  'scalability or distributed systems': [
    /\bskalow\w*|\brozproszon\w*|\bsp[oó]jn\w*|\bwysok\w* dost[eę]pno[sś]\w*|[oö]l[cç]eklen\w*|\bda[gğ][iı]t[iı]k\b|\btutarl[iı]\w*|\by[uü]ksek eri[sş]ilebilir\w*/,
    /\bmở rộng\b|\bphân tán\b|\bnhất quán\b|\bchịu tải\b|\bskalabil\w*|\bterdistribusi\b|\bkonsisten(?:si)?\b|\bketersediaan tinggi\b/,
    /סקיילבילי|מבוזר|עקביו?ת?|זמינות גבוהה|\bkupanua mfumo\b|\biliyosambazwa\b|\buthabiti\b/,
  ],
  'concurrency': [
    /\bjednocze[sś]nie\b|\br[oó]wnocze[sś]nie\b|\bwsp[oó][lł]bie[zż]n\w*|\bayn[iı] anda\b|\be[sş] ?zamanl[iı]\w*|\bcùng lúc\b|\bđồng thời\b/,
    /\bbersamaan\b|\bsecara paralel\b|\bkonkuren\w*|במקביל|בו[- ]זמנית|\bkwa wakati mmoja\b|\bwakati huo huo\b/,
  ],
  'hard systems problem': [
    // Offline clients reconciled with a server, the sync named before or after being offline.
    /\b(?:synchroniz|sp[oó]jn|senkron|tutarl|đồng bộ|sinkron|sawazisha)\w*[^.?!]{0,80}(?:\boffline\b|\b[cç]evrimd[iı][sş][iı]\b|\bbila mtandao\b|\bkhông có mạng\b|אופליין|ללא חיבור)/,
    /(?:\boffline\b|\b[cç]evrimd[iı][sş][iı]\b|\bbila mtandao\b|\bkhông có mạng\b|אופליין|ללא חיבור)[^.?!]{0,80}(?:\b(?:synchroniz|sp[oó]jn|senkron|đồng bộ|sinkron|sawazisha)\w*|סנכרון|לסנכרן)/,
    /\b(?:wielodost[eę]pn|wielu klient[oó]w|[cç]ok kirac[iı]l[iı]|nhiều khách thuê|multi-?penyewa)\w*|\bidempoten\w*/,
  ],
  'figures of scale': [
    /\b\d+(?:[.,]\d+)?\s?(?:mln|mld|tys|milyon|milyar|bin|triệu|tỷ|nghìn|juta|miliar|ribu|elfu|milioni)\b|\b(?:milioni|elfu) \d+\b|מיליון|מיליארד/,
    /\b\d+\s?(?:kat[iı]na|kat[iı]|kali lipat|lipat)\b|\bgấp \d+\b|פי \d+|\bmara \d+\b/,
  ],
  'asks how to approach it': [
    /\bjak (?:to |w ogóle )?(?:za|prze)?(?:projektowa[cć]|zapewni[cć]|rozwi[aą]za[cć]|podej[sś][cć]|zorganizowa[cć]|zarz[aą]dza[cć])\b|\bne olmal[iı]\b|\bnas[iı]l (?:tasarla|kurgula|[cç][oö]z|y[oö]net)\w*/,
    /\bnên (?:thiết kế|làm|xử lý) (?:\w+ ){0,3}thế nào\b|\blàm sao (?:để )?(?:đảm bảo|tránh|đồng bộ)\b|\bgimana (?:desain|arsitektur|caranya biar|cara biar)\b|\bbagaimana (?:merancang|memastikan|mencegah)\b|\blangkah-langkah\w*/,
    /איך (?:לתכנן|להבטיח|למנוע|לבנות|מחזיקים|לנהל)|\btunawezaje\b|\btuunde vipi\b|\btujenge vipi\b|\btufanyeje\b|\btunapaswa kupangaje\b/,
  ],
  'weighs consequences': [/\bco si[eę] zepsuje\b|\bryzyk\w*|\briskler\w*|\bne bozulur\b|\brủi ro\b|\brisiko(?:nya)?\b|סיכונים|מה יישבר|\bhatari\b/],
  'weighs alternatives': [/\bczy (?:lepiej|warto)\b|\bm[iı] (?:yoksa|ayr[iı])\b|\byoksa\b|\bhay là\b|\batau\b[^.?!]{0,30}\?|או ש|\bau la\b/],
  'asks for judgement': [/\bczy warto\b|\bwarto (?:by|przej)\w*|\bde[gğ]er mi\b|\bcó nên\b|\bperlu (?:nggak|tidak)\b|\bsebaiknya\b|האם כדאי|\binafaa\b|\btugawanye\b/],
};

// Plain words that name a problem only when the text is about a running system, not a piece of code (localThings.ts):
// "charged twice" is a systems fault, "this useEffect runs twice" is not.
export const FEWER_GUARDED: Record<string, RegExp[]> = {
  'work lost or done twice': [
    /\bdwa razy\b|\bpodw[oó]jn\w*|\bdwukrotn\w*|\biki (?:kez|kere|defa)\b|\bm[uü]kerrer\b|\bhai lần\b|\b(?:bị|bán) trùng\b|\btrùng lặp\b|\bdua kali\b|\bganda\b|\bduplikat\w*|פעמיים|כפול|\bmara mbili\b/,
    // The same job, run by several servers: "dwa serwery … ten sam cron", "iki sunucu … aynı iş".
    /\b(?:dwa|kilka|iki|birden fazla|hai|nhiều|dua|beberapa|mbili|kadhaa)\b[^.?!]{0,20}\b(?:serwer\w*|sunucu\w*|máy chủ|server|seva|pod\w*|instanc\w*)\b[^.?!]{0,40}\b(?:ten sam|tego samego|ayn[iı]|cùng|yang sama|ile ile|sawa)\b/,
    /(?:שני|כמה) (?:שרתים|פודים|מופעים)[^.?!]{0,40}אות(?:ו|ה)/,
  ],
  'scalability or distributed systems': [/\b(?:kilka|wiele) serwer[oó]w\b|\bbirden fazla sunucu\b|\bnhiều (?:máy chủ|server)\b|\bbeberapa server\b|כמה שרתים|\bseva (?:nyingi|kadhaa)\b|\b\d+ b[oö]lge\w*/],
};

export const FEWER_LOW: Record<string, RegExp[]> = {
  'asks for a definition': [
    /^\s*(?:co to (?:jest|s[aą])|czym (?:jest|s[aą])|apa (?:itu|arti|maksud)|מה זה|מהו|מהי|מה פירוש) (?:\S+ ?){1,3}\??\s*$/,
    /^\s*(?:\S+ ){1,3}(?:nedir|ne demek(?:tir)?|là gì|nghĩa là gì|ni nini)\s*\??\s*$/,
  ],
  'how-to': [/^\s*(?:jak (?:\S+ ){1,5}w (?:javie|pythonie|js|c#|go|bashu|gicie)\b|(?:\S+ ){0,2}(?:nas[iı]l (?:yap[iı]l[iı]r|silinir|s[iı]ralar[iı]m|eklenir)|làm sao để|cách (?:để )?\S+|gimana cara|bagaimana cara|jinsi ya)\b|איך (?:הופכים|עושים|מוחקים|ממיינים))/],
};

/** The same ask in these languages, for the definition check of the scorer (a term and "what is it"). */
export const FEWER_DEFINE = anyOf(FEWER_LOW['asks for a definition']!);

// Openings of a follow-up that leans on the previous turn: "a przy 10x…", "peki …", "nếu … thì sao", "kalau …",
// "ומה אם …", "na je …".
export const FEWER_FOLLOW_UP = anyOf([
  /^(?:a (?:co|jak|przy|gdyby|je[sś]li)|i (?:co|jak)|peki|ya (?:\S+ )?(?:olursa|[cç][iı]karsa)|(?:còn|nếu)\b.{0,60}\bthì sao|vậy|kalau|terus|lalu|gimana kalau|bagaimana (?:kalau|jika)|na je|vipi kuhusu|na (?:kama|ikiwa))\b/,
  /^(?:ומה|ואם|ואיך|ומה אם|אז מה)/,
]);

// Owning the system: "nasz", "bizim", "chúng tôi", "kami", "שלנו", "wetu". (Turkish "-imiz" endings were read by a
// \w+ suffix pattern that made the blind-set test 1.6x slower and changed no result: left out.)
export const FEWER_OWNERS = anyOf([
  /\b(?:nasz\w*|mamy|bizim|chúng tôi|bọn mình|chúng mình|của mình|kami|kita|wetu|yetu|letu|zetu|tuna)\b/,
  /שלנו|אנחנו|יש לנו/,
]);

/** System nouns of these languages, one entry per kind of part in the order of questionShape.ts's list. */
export const FEWER_PARTS: readonly string[] = [
  String.raw`\b(?:us[lł]ug\w*|serwis\w*|mikroserwis\w*|servis\w*|dịch vụ|layanan|huduma)\b|שירות`,
  String.raw`\b(?:serwer\w*|sunucu\w*|máy chủ|region\w*|b[oö]lge\w*)\b|שרת|אזור`,
  String.raw`\b(?:kolejk\w*|kuyru[kğ]\w*|hàng đợi|antrian|foleni)\b|תור`,
  String.raw`\b(?:baz\w* danych|veritaban\w*|cơ sở dữ liệu|basis data|hifadhidata)\b|מסד נתונים|בסיס נתונים`,
  '', '',
  String.raw`\b(?:bramk\w*)\b`,
  String.raw`\b(?:produkcj\w*|[uü]retim\w*)\b|פרודקשן`,
];
