// A postal address after its label (`Address:`, `Adresse :`, `Anschrift:`, `Dirección:`, `Адрес:`, `住所：`),
// in the languages records are written in. "Address" is also the commonest word in networking and memory code,
// so a technical qualifier before the label (`IP address`, `bind address`, `wallet address`) rules it out, and
// the value must read as a street: a house or postal number standing beside a capitalised word or a street word
// (`12 rue …`, `Lindenstraße 5`, `ул. Тверская, д. 5`), or CJK / Hangul text with a number; never a URL, an IP,
// a port, a hex number or code.

import type { Detector, RawHit } from '../detector';
import { afterLabels, labelRegex, nonAscii } from './labelled';

const LABELS = labelRegex([
  'address', 'home address', 'postal address', 'mailing address', 'street address', 'residential address', 'billing address', 'shipping address',
  'delivery address', 'permanent address', 'current address', 'address line 1', 'address line', 'adresse', 'adresse postale', 'anschrift',
  'wohnadresse', 'postanschrift', 'wohnanschrift', 'wohnort', 'dirección', 'direccion', 'domicilio', 'indirizzo', 'residenza', 'endereço',
  'endereco', 'morada', 'adres', 'adress', 'postadress', 'osoite', 'adresa', 'cím', 'lakcím', 'adresă', 'адрес', 'адреса', 'адрес проживания',
  'διεύθυνση', 'العنوان', 'כתובת', '住所', '地址', '住址', '주소', 'địa chỉ', 'alamat', 'ที่อยู่', 'पता',
]);

// Words before "address" that make it a machine's, not a person's.
const TECHNICAL_WORDS = [
  'ip', 'ipv4', 'ipv6', 'mac', 'bind', 'listen', 'listening', 'server', 'client', 'memory', 'base', 'start', 'end', 'e-?mail', 'mail', 'web', 'url',
  'remote', 'local', 'host', 'proxy', 'contract', 'wallet', 'return', 'network', 'broadcast', 'gateway', 'peer', 'source', 'src', 'destination',
  'dest', 'dst', 'public', 'physical', 'virtual', 'hardware', 'bluetooth', 'multicast', 'loopback', 'socket', 'target', 'node', 'ethernet',
  'bitcoin', 'btc', 'eth', 'token', 'sender', 'recipient', 'from', 'to', 'relay', 'load', 'jump', 'instruction', 'bus', 'device', 'register',
  'object', 'pointer', 'link', 'hw', 'inet', 'bcc', 'cc', 'reply', 'deposit', 'withdrawal', 'admin', 'api', 'rpc', 'ws', 'endpoint', 'site',
  'domain', 'dns', 'primary', 'secondary', 'reserved', 'static', 'dynamic', 'allocated', 'external', 'internal', 'private', 'tcp', 'udp', 'nat',
  'wan', 'lan', 'vpn', 'subnet', 'router',
];
const TECHNICAL = new RegExp(`(?<![\\p{L}])(?:${TECHNICAL_WORDS.join('|')})[ \\t_-]*$`, 'iu');
const STREET_WORDS = [
  'rue', 'av', 'ave', 'avenue', 'bd', 'bld', 'blvd', 'boulevard', 'chemin', 'route', 'impasse', 'allée', 'place', 'pl', 'quai', 'via', 'viale',
  'piazza', 'corso', 'largo', 'vicolo', 'calle', 'c\\/', 'avenida', 'avda', 'paseo', 'plaza', 'camino', 'carrer', 'rua', 'travessa', 'praça',
  'straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'ring', 'damm', 'ufer', 'laan', 'straat', 'plein', 'gracht', 'gatan', 'vägen',
  'gade', 'vej', 'veien', 'katu', 'tie', 'ulica', 'ul', 'utca', 'sokak', 'cadde', 'street', 'st', 'road', 'rd', 'lane', 'ln', 'drive', 'dr', 'court',
  'ct', 'way', 'terrace', 'close', 'crescent', 'square', 'sq', 'highway', 'hwy', 'po box', 'p\\.o\\. box', 'ул', 'улица', 'пр', 'просп', 'проспект',
  'пер', 'переулок', 'д', 'дом', 'кв', 'ш', 'шоссе', 'наб', 'οδός', 'οδ',
];
const STREET = new RegExp(`(?:^|[\\s,])(?:${STREET_WORDS.join('|')})\\.?(?=[\\s,.]|$)`, 'iu');
const NUMBER = /(?:^|[\s,])(?:№[ \t]?)?\d{1,5}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?(?=[\s,.]|$)/u;
const NOT_STREET = /:\/\/|0x[0-9a-f]|\d+\.\d+\.\d+|@|[(){}=;$<>`\\]|:\d|\bport\b|\bline\b|^[a-z_]+\.[a-z_]/i;
const CJK = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Devanagari}\p{sc=Arabic}\p{sc=Hebrew}]/u;

/** The length of the address at the start of `v` (to the end of its line, cell or quoted string), or undefined. */
function addressAt(v: string): number | undefined {
  const value = /^[^\r\n"'|;<>{}[\]\t]{6,150}/.exec(v)?.[0].replace(/[\s,.]+$/, '');
  if (!value || NOT_STREET.test(value)) return undefined;
  if (!/\p{L}{3}/u.test(value) && !CJK.test(value)) return undefined;
  if (!/\d/.test(value) && !STREET.test(value)) return undefined;
  if (CJK.test(value) && /\d/.test(value)) return value.length;
  if (!NUMBER.test(value)) return undefined;
  // A number beside a capitalised word or a street word: `12 Rue`, `Evergreen Terrace 742`, `д. 5`.
  return /\p{Lu}\p{Ll}{2}/u.test(value) || STREET.test(value) ? value.length : undefined;
}

export function findPostalAddresses(text: string): RawHit[] {
  const out: RawHit[] = [];
  for (const { labelAt, at, rest } of afterLabels(text, LABELS, true, 150)) {
    if (TECHNICAL.test(text.slice(Math.max(0, labelAt - 30), labelAt))) continue;
    const n = addressAt(rest);
    if (n) out.push({ kind: 'postal-address', label: 'postal address', start: at, end: at + n });
  }
  return out;
}

export const POSTAL_ADDRESS_DETECTORS: readonly Detector[] = [
  { id: 'postal-address', category: 'pii',
    keywords: ['ddress', 'DDRESS', 'dresse', 'DRESSE', 'nschrift', 'NSCHRIFT', 'ohnort', 'ireccion', 'omicilio', 'OMICILIO', 'ndirizzo', 'NDIRIZZO', 'esidenza',
      'ndereco', 'orada', 'ORADA', 'dres', 'DRES', 'dress', 'soite', 'dresa', 'lamat', 'LAMAT'],
    alsoWhen: nonAscii, find: findPostalAddresses, plainViewsOnly: true,
    samples: {
      tp: ['Adresse : 12 rue de la Paix, 75002 Paris', 'Home address: 742 Evergreen Terrace, Springfield', 'Anschrift: Lindenstraße 5, 10115 Berlin',
        '"address": "Calle de Alcalá 48, 28014 Madrid"', 'Адрес: ул. Тверская, д. 7, кв. 12', '住所：東京都港区六本木6-10-1', '| Indirizzo | Via Garibaldi 10, 20121 Milano |'],
      fp: ['IP address: 10.0.0.12', 'address: 0.0.0.0:8080', 'bind address = 127.0.0.1', 'address: String @db.VarChar(255)', 'Address: see section 3',
        'address: 0x7ffe5367e044', 'email address: see the team page', 'wallet address: 3FZbgi29cpjq2GjdwV8eyHuJJnkLtktZc5', 'listen address: :8443',
        'address = req.socket.remoteAddress;', 'address: ${{ secrets.HOST }}', 'Address line 2: optional', 'address: 42'],
    } },
];
