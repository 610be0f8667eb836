// What a question names when it is about a piece of code, a screen, a file, a test or the asker's own machine,
// not about a running system: "one per module in vuex", "the filter only shows 10", "my test fixtures affect the
// others", "old versions in my downloads folder". The plain-word signals of the twelfth round (plainSystems.ts) use
// words any small ask also uses (one per team, the others, two of them, where it goes), so they stay silent when
// the text names one of these. A list per language, kept as data.

import { anyOf } from './normalize';

export const LOCAL_THINGS = anyOf([
  // Code and its parts.
  /\b(?:components?|functions?|methods?|class(?:es)?|variables?|constants?|snippets?|scripts?|helpers?|decorators?|enums?|arrays?|loops?|regex(?:es)?|dotfiles|stylesheets|version numbers?|dictionar(?:y|ies)|linked lists?|binary trees?|hooks?|name)\b/,
  // Screens and what is on them.
  /\b(?:css|html|stylesheets?|flexbox|divs?|buttons?|icons?|logos?|sidebar|navbar|dropdown|modal|tabs?|layout|charts?|legend|grid|cards?|filter|pagination|toast|banner|spinner|window|inputs?|forms?|colou?rs?|fonts?|scoreboard|launcher|ui)\b/,
  // Files, docs and tools on the asker's machine.
  /\b(?:(?:this|my|that|in the|in a|a single|a|the same) (?:[\w-]+ ){0,3}(?:file|folder|directory)|log (?:files?|folders?|lines?)|readme|docs|confluence|gitignore|config|columns?|csv|notebook|pandas|dataframe|emulator|simulator|downloads|dock|xcode|expo|vite|vuex|react|dev (?:server|menu)|my (?:machine|laptop|mac|pc)|terraform variables)\b/,
  /\b(?:yaml|yml|toml|github actions|workflow files?|slack|discord|axios|loading|spinners?|npm (?:install|registry)|wi-?fi|vs ?code|extension host|my (?:router|internet))\b/,
  // Tests, exercises and reviews.
  /\b(?:tests?|test suite|fixtures?|mocks?|jest|pytest|exercises?|tutorial|demo|example|homework|game|players?|code review|reviewers?|pull requests?|build)\b/,
  /\b(?:componente|funcion|funcao|fonction|funktion|funzione|variable|variavel|variabile|constante|formulario|formular|feld|emulador|diccionario|pruebas?|teste?s?|carpeta|pasta|cartella|dossier|ordner|archivo|arquivo|fichier|datei|ejercicio|exercicio|exercice|ubung|esercizio|boton|botao|bouton|knopf|pulsante|grafico|composant|komponente|skript|dokument|block)\b/,
  // Polish, Turkish, Vietnamese, Indonesian, Hebrew, Swahili (fewerSpokenWords.ts): component, function, variable, file,
  // test; the Vietnamese words only with "this"/"that": folded, "biến" is the Spanish "bien".
  /\b(?:komponen\w*|funkcj\w*|zmienn\w*|plik\w*|bile[sş]en\w*|fonksiyon\w*|de[gğ]i[sş]ken\w*|dosya\w*|(?:hàm|biến|tệp) (?:này|đó)|fungsi|variabel|berkas|faili|kipengele)\b|קומפוננט|פונקצי|משתנה|קובץ/,
  /组件|函数|变量|常量|动画|提示框|弹窗|ローディング|スピナー|스피너|코드|按钮|样式|目录|文件|练习|作业|颜色|页面|图表|测试|怎么写|写法|コンポーネント|関数|変数|定数|ボタン|フィルター|ファイル|フォルダ|練習|エラーページ|テスト|グラフ|書き方|컴포넌트|함수|변수|상수|버튼|필터|파일|폴더|연습|테스트|차트|작성법|компонент|функци|переменн|кнопк|констант|мок|тест|карт[еау]|файл|папк|упражнен|график/,
]);

// Whether a text names a local thing, remembered for the few texts one question yields (its prose, its ask, its
// scene): each of the round's rules asks, and one scan of the word list per text is enough.
const seen = new Map<string, boolean>();
export function namesLocalThing(text: string): boolean {
  let hit = seen.get(text);
  if (hit === undefined) {
    if (seen.size >= 16) seen.clear();
    hit = LOCAL_THINGS.test(text);
    seen.set(text, hit);
  }
  return hit;
}

/**
 * A rule's regex that also matches `extra` when the text names no local thing. Only `test` is used on rules; the
 * source stays the base regex's, so a rule built from it elsewhere keeps its old meaning.
 */
export class OrWhenNotLocal extends RegExp {
  private readonly extra?: RegExp;
  constructor(base: RegExp | string, extra?: RegExp | string) {
    // RegExp methods that build a new instance (species) pass (source, flags): then there is no extra part.
    super(base instanceof RegExp ? base.source : base, base instanceof RegExp ? base.flags : typeof extra === 'string' ? extra : undefined);
    if (extra instanceof RegExp) this.extra = extra;
  }
  override test(text: string): boolean {
    return super.test(text) || (this.extra !== undefined && !namesLocalThing(text) && this.extra.test(text));
  }
}

// Matches nothing: the base of a rule that is only its guarded part.
const NOTHING = /(?!)/;

/** The same rule, silent when the text names a piece of code, a screen, a file, a test or the asker's machine. */
export function notAboutCode(re: RegExp): RegExp {
  return new OrWhenNotLocal(NOTHING, re);
}

// Values written into code or style (a constant, a colour, a version number): two of them drifting apart is an edit,
// not data that disagrees. Narrower than LOCAL_THINGS, for the older rules about numbers that do not add up.
const CODE_VALUES = anyOf([
  /\b(?:constants?|variables?|colou?rs?|padding|margins?|css|stylesheets?|version numbers?|dotfiles|hex codes?|la misma constante|enum values?)\b/,
  // Two arrays or strings that differ are values in code too: "这两个数组不一样".
  /定数|常量|颜色|色の値|变量|変数|상수|변수|색상|констант|переменн|цвет|数组|字符串|配列|文字列|배열|문자열|массив/,
]);

/** An older rule, silent when the text is about values written into code or style. */
export function notAboutCodeValues(re: RegExp): RegExp {
  return new RegExp(`^(?![\\s\\S]*(?:${CODE_VALUES.source}))[\\s\\S]*(?:${re.source})`, 'i');
}

