// A deliberately small Markdown renderer for model output: string in, HTML string out, no DOM.
// Every piece of model text is escaped first; the only markup in the output is the fixed set of elements built
// here (headings, paragraphs, lists, block quotes, rules, code, emphasis, links), and no attribute value ever
// comes from the model except an escaped, scheme-checked link target in `data-href` that the host re-validates.

import { isSafeLink } from '../../shared/protocol/validate';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Language labels are shown as text and used as a class-free attribute; keep them to a plain token. */
function cleanLang(info: string): string {
  const m = /^[A-Za-z0-9_+#.-]{1,32}/.exec(info.trim());
  return m ? m[0] : '';
}

export function renderInline(src: string): string {
  let out = '';
  let i = 0;
  let text = '';
  const flush = () => { out += emphasis(escapeHtml(text)); text = ''; };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '`') {
      const run = /^`+/.exec(src.slice(i))![0];
      const close = src.indexOf(run, i + run.length);
      if (close > i) {
        flush();
        out += `<code>${escapeHtml(src.slice(i + run.length, close).replace(/^ (.*) $/s, '$1'))}</code>`;
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if (ch === '[') {
      const m = /^\[([^\]\n]{1,500})\]\(([^)\s]{1,2048})\)/.exec(src.slice(i));
      if (m) {
        flush();
        const label = emphasis(escapeHtml(m[1]));
        out += isSafeLink(m[2])
          ? `<a class="md-link" role="link" tabindex="0" data-href="${escapeHtml(m[2])}" title="${escapeHtml(m[2])}">${label}</a>`
          : `<span class="md-link-blocked" title="link not opened: unsupported address">${label}</span>`;
        i += m[0].length;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < src.length && /[\\`*_[\]()#+\-.!>~|]/.test(src[i + 1])) {
      // As an entity, so the character can no longer take part in emphasis or links.
      flush();
      out += `&#${src.charCodeAt(i + 1)};`;
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Runs on already-escaped text, so the patterns can only wrap text in fixed tags. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '<del>$1</del>');
}

function codeBlock(lang: string, code: string, open: boolean): string {
  const label = lang ? `<span class="code-lang">${escapeHtml(lang)}</span>` : '<span class="code-lang">text</span>';
  return `<div class="code-block${open ? ' streaming' : ''}">`
    + `<div class="code-head">${label}<span class="code-actions">`
    + '<button type="button" class="code-btn" data-action="copy" aria-label="Copy code">Copy</button>'
    + '<button type="button" class="code-btn" data-action="insert" aria-label="Insert code at cursor">Insert</button>'
    + `</span></div><pre tabindex="0"><code>${escapeHtml(code)}</code></pre></div>`; // focusable: a keyboard scrolls wide code
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;

const TABLE_SEP = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

interface ListFrame { ordered: boolean; indent: number }

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  // A pipe inside inline code or escaped as \| does not split cells.
  const cells: string[] = [];
  let cur = '', code = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '\\' && t[i + 1] === '|') { cur += '\\|'; i++; continue; }
    if (c === '`') code = !code;
    if (c === '|' && !code) { cells.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

function alignOf(sep: string): string[] {
  return splitRow(sep).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : ''));
}

function tableHtml(header: string, sep: string, rows: string[]): string {
  const align = alignOf(sep);
  const cell = (tag: 'th' | 'td', text: string, i: number) =>
    `<${tag}${align[i] ? ` class="align-${align[i]}"` : ''}>${renderInline(text)}</${tag}>`;
  const head = splitRow(header);
  const body = rows.map((r) => {
    const cells = splitRow(r);
    return `<tr>${head.map((_, i) => cell('td', cells[i] ?? '', i)).join('')}</tr>`;
  }).join('');
  // Focusable, as a code block is: a keyboard scrolls a table wider than the view.
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table><thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`
    + `<tbody>${body}</tbody></table></div>`;
}

/**
 * Renders a whole (possibly still streaming) answer. An unclosed fence renders as an open code block, so the
 * code appears as it streams instead of flashing as paragraphs.
 */
export function renderMarkdown(src: string): string {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  const lists: ListFrame[] = [];
  let itemOpen = false;

  const flushPara = () => {
    if (para.length) out.push(`<p>${para.map(renderInline).join('<br>')}</p>`);
    para = [];
  };
  const closeLists = (toDepth = 0) => {
    while (lists.length > toDepth) {
      if (itemOpen) out.push('</li>');
      out.push(lists.pop()!.ordered ? '</ol>' : '</ul>');
      itemOpen = lists.length > 0;
    }
  };
  const closeBlocks = () => { flushPara(); closeLists(); };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      closeBlocks();
      const marker = fence[1];
      const body: string[] = [];
      let j = i + 1;
      let closed = false;
      for (; j < lines.length; j++) {
        const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]);
        if (m && m[1][0] === marker[0] && m[1].length >= marker.length) { closed = true; break; }
        body.push(lines[j]);
      }
      out.push(codeBlock(cleanLang(fence[2]), body.join('\n'), !closed));
      i = j;
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      // A blank line inside a list keeps the list open unless the next line leaves it.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (lists.length && !(next && (LIST_ITEM.test(next) || /^\s{2,}\S/.test(next)))) closeLists();
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]) && lines[i + 1].includes('-')
      && splitRow(line).length === splitRow(lines[i + 1]).length) {
      closeBlocks();
      const rows: string[] = [];
      let j = i + 2;
      while (j < lines.length && lines[j].includes('|') && lines[j].trim() !== '') rows.push(lines[j++]);
      out.push(tableHtml(line, lines[i + 1], rows));
      i = j - 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeBlocks();
      const level = heading[1].length;
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      continue;
    }
    if (RULE.test(line) && !para.length) {
      closeBlocks();
      out.push('<hr>');
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      closeBlocks();
      const body: string[] = [quote[1]];
      while (i + 1 < lines.length && QUOTE.test(lines[i + 1])) body.push(QUOTE.exec(lines[++i])![1]);
      out.push(`<blockquote>${renderMarkdown(body.join('\n'))}</blockquote>`);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushPara();
      const indent = item[1].replace(/\t/g, '    ').length;
      const ordered = /\d/.test(item[2]);
      while (lists.length && indent < lists[lists.length - 1].indent) closeLists(lists.length - 1);
      const top = lists[lists.length - 1];
      if (!top || indent > top.indent + 1) {
        if (lists.length >= 6) { para.push(item[3]); continue; }
        const start = ordered ? parseInt(item[2], 10) : 1;
        out.push(ordered ? (start !== 1 ? `<ol start="${start}">` : '<ol>') : '<ul>');
        lists.push({ ordered, indent });
      } else {
        if (top.ordered !== ordered) {
          closeLists(lists.length - 1);
          out.push(ordered ? '<ol>' : '<ul>');
          lists.push({ ordered, indent });
        } else if (itemOpen) {
          out.push('</li>');
        }
      }
      out.push(`<li>${renderInline(item[3])}`);
      itemOpen = true;
      continue;
    }
    if (lists.length && /^\s+\S/.test(line)) {
      // A continuation line of the current list item.
      out.push(`<br>${renderInline(line.trim())}`);
      continue;
    }
    if (lists.length) closeLists();
    para.push(line.trim());
  }
  closeBlocks();
  return out.join('');
}
