// Secrets that only the surrounding structure gives away: the credential columns of a CSV export (AWS's
// credentials.csv, password-manager exports: every row, not just the header's neighbour) and the values of a
// Kubernetes Secret's `data:` / `stringData:` map (base64 of anything).

import { isCredentialName } from '../credentialNames';
import { ALNUM, B64, type Detector, type RawHit } from '../detector';
import { isTemplateReference } from '../text';

const PII_COLUMNS = /^(?:passport(?:[ _-]?(?:no|nr|num|number|#))?|driv(?:er'?s?|ing)[ _-]?licen[cs]e(?:[ _-]?(?:no|number))?|national[ _-]?id(?:[ _-]?(?:no|number))?|ssn|social security(?: number)?|sin|nino|national insurance(?: number)?|iban|card(?: number)?|credit card(?: number)?|tax id)$/i;
const MAX_ROWS = 20000;

// A header row: only short, plain cells. Found by one regex pass instead of splitting every line of code.
const HEADER_ROW = /^"?[A-Za-z][\w .()/-]{0,40}"?(?:[,;\t][ ]?"?[A-Za-z][\w .()/-]{0,40}"?)+\r?$/gm;

function findCsvCredentialColumns(text: string): RawHit[] {
  if (!text.includes(',') && !text.includes('\t') && !text.includes(';')) return [];
  const out: RawHit[] = [];
  HEADER_ROW.lastIndex = 0;
  for (let h = HEADER_ROW.exec(text); h; h = HEADER_ROW.exec(text)) {
    const lineStart = h.index;
    const lineEnd = h.index + h[0].length;
    const line = h[0];
    const sep = line.includes('\t') ? '\t' : line.includes(';') && !line.includes(',') ? ';' : ',';
    // A call (`login(user, password)`) is code, not a header row: a header cell may hold `(USD)`, never `name(`.
    if (line.split(sep).length >= 2 && line.length < 1000 && !/[\w.]\(/.test(line)) {
      const headers = splitRow(line, sep).map((c) => c.text.trim().replace(/^"|"$/g, ''));
      const secretCols = new Set<number>();
      const piiCols = new Set<number>();
      headers.forEach((h, i) => {
        if (/^[A-Za-z][\w .()-]{0,40}$/.test(h) && isCredentialName(h)) secretCols.add(i);
        else if (PII_COLUMNS.test(h)) piiCols.add(i);
      });
      if (secretCols.size + piiCols.size > 0 && headers.every((h) => /^[A-Za-z][\w .()/-]{0,40}$/.test(h))) {
        let rowStart = lineEnd + 1;
        let rows = 0;
        while (rowStart < text.length && rows++ < MAX_ROWS) {
          let rowEnd = text.indexOf('\n', rowStart);
          if (rowEnd === -1) rowEnd = text.length;
          const row = text.slice(rowStart, rowEnd);
          if (row.trim() === '' || !row.includes(sep)) break;
          for (const cell of splitRow(row, sep)) {
            const isSecret = secretCols.has(cell.index);
            if (!isSecret && !piiCols.has(cell.index)) continue;
            const value = cell.text.trim().replace(/^"|"$/g, '').trim();
            if (value.length < 4) continue;
            const at = rowStart + cell.start + cell.text.indexOf(value);
            out.push(isSecret
              ? { kind: 'csv-credential', label: `"${headers[cell.index]}" column of a credential export`, start: at, end: at + value.length }
              : { kind: 'csv-personal-data', label: `"${headers[cell.index]}" column`, start: at, end: at + value.length, category: 'pii' });
          }
          rowStart = rowEnd + 1;
        }
        HEADER_ROW.lastIndex = Math.max(HEADER_ROW.lastIndex, rowStart);
      }
    }
  }
  return out;
}

function splitRow(row: string, sep: string): { text: string; start: number; index: number }[] {
  const cells: { text: string; start: number; index: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= row.length; i++) {
    const c = row[i];
    if (c === '"') quoted = !quoted;
    if ((c === sep && !quoted) || i === row.length) {
      cells.push({ text: row.slice(start, i).replace(/\r$/, ''), start, index: cells.length });
      start = i + 1;
    }
  }
  return cells;
}

const K8S_SECRET = /\bkind["']?[ \t]*:[ \t]*["']?Secret\b/;
const DATA_BLOCK = /^([ \t]*)["']?(?:data|stringData)["']?[ \t]*:[ \t]*\r?\n/gm;
const ENTRY = /^([ \t]+)["']?[\w.-]{1,253}["']?[ \t]*:[ \t]*["']?([^\s"'#][^\r\n"']{3,})["']?[ \t]*$/;
const JSON_DATA = /["'](?:data|stringData)["'][ \t]*:[ \t]*\{([^{}]{1,200000})\}/g;
const JSON_ENTRY = /["'][\w.-]{1,253}["'][ \t]*:[ \t]*["']([^"'\r\n]{4,})["']/g;

/** Every value under `data:` / `stringData:` in a text that declares a Kubernetes Secret. */
function findKubernetesSecretData(text: string): RawHit[] {
  if (!K8S_SECRET.test(text)) return [];
  const out: RawHit[] = [];
  const push = (start: number, value: string): void => { out.push({ kind: 'kubernetes-secret-data', label: 'Kubernetes Secret value', start, end: start + value.length }); };
  DATA_BLOCK.lastIndex = 0;
  for (let m = DATA_BLOCK.exec(text); m; m = DATA_BLOCK.exec(text)) {
    const indent = m[1].length;
    let pos = m.index + m[0].length;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      const line = text.slice(pos, end);
      const e = ENTRY.exec(line);
      if (!e || e[1].length <= indent) break;
      // (A `stringData` entry filled in from the environment at deploy time, `${DB_PASSWORD}`, holds no value.)
      if (!isTemplateReference(e[2].trimEnd())) push(pos + line.lastIndexOf(e[2]), e[2].trimEnd());
      pos = end + 1;
    }
  }
  JSON_DATA.lastIndex = 0;
  for (let m = JSON_DATA.exec(text); m; m = JSON_DATA.exec(text)) {
    const base = m.index + m[0].indexOf('{') + 1;
    JSON_ENTRY.lastIndex = 0;
    for (let e = JSON_ENTRY.exec(m[1]); e; e = JSON_ENTRY.exec(m[1])) push(base + e.index + e[0].length - 1 - e[1].length, e[1]);
  }
  return out;
}

export const STRUCTURED_SECRET_DETECTORS: readonly Detector[] = [
  { id: 'kubernetes-secret-data', category: 'secret', keywords: [], find: findKubernetesSecretData,
    samples: { tp: [(g) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  url: ${g.mixed(B64, 40)}`], fp: ['apiVersion: v1\nkind: ConfigMap\ndata:\n  mode: production'] } },
  { id: 'csv-credential-columns', category: 'secret', keywords: [], find: findCsvCredentialColumns,
    samples: { tp: [(g) => `username,password,url\nci-bot,${g.mixed(ALNUM, 14)},https://ci.acme.io`], fp: ['id,name,price\n1,apple,0.5\n2,pear,0.7', 'login(user, password)'] } },
];
