// The chat view renders model output with this renderer; nothing the model writes may become live markup.
import * as assert from 'node:assert/strict';
import { escapeHtml, renderInline, renderMarkdown } from '../../../src/webview/common/markdown';

/** The only tags the renderer may emit. */
const ALLOWED_TAGS = new Set(['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr',
  'code', 'pre', 'strong', 'em', 'del', 'a', 'span', 'div', 'button', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_ATTRS = new Set(['class', 'role', 'tabindex', 'data-href', 'title', 'type', 'data-action', 'aria-label', 'start']);

/** Escaped text holds no '<', so every '<' starts a tag the renderer built; attributes are all `name="value"`. */
function tagsOf(html: string): { name: string; attrs: string[] }[] {
  const out: { name: string; attrs: string[] }[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    assert.match(m[2], /^(\s[a-z-]+="[^"<>]*")*$/, `malformed attributes in ${m[0]}`);
    const attrs = [...m[2].matchAll(/\s([a-z-]+)="/g)].map((a) => a[1]);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

function assertOnlyAllowedMarkup(html: string): void {
  for (const t of tagsOf(html)) {
    assert.ok(ALLOWED_TAGS.has(t.name), `unexpected tag <${t.name}> in ${html}`);
    for (const a of t.attrs) assert.ok(ALLOWED_ATTRS.has(a), `unexpected attribute ${a} in ${html}`);
  }
}

const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](https://ok.example/"onmouseover="alert(1))',
  '**<b onclick=alert(1)>bold</b>**',
  '`<script>` and ``<img src=x onerror=y>``',
  '```html\n<script>alert(1)</script>\n```',
  '```"><img src=x onerror=alert(1)>\ncode\n```',
  '# <img src=x onerror=alert(1)>',
  '- <a href="javascript:alert(1)">x</a>',
  '> <style>body{display:none}</style>',
  '<a href="https://example.com" onclick="x()">y</a>',
  '| <img src=x onerror=alert(1)> | b |\n|---|---|\n| <script>x</script> | [x](javascript:y) |',
];

suite('markdown renderer: safety', () => {
  for (const input of hostile) {
    test(`neutralises ${JSON.stringify(input).slice(0, 60)}`, () => {
      const html = renderMarkdown(input);
      assertOnlyAllowedMarkup(html);
      assert.doesNotMatch(html, /<(script|img|svg|iframe|style|b)\b/i);
    });
  }

  test('raw HTML from the model is shown as text', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)>');
    assert.equal(html, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('javascript: links become plain text, not links', () => {
    const html = renderInline('[click](javascript:alert(1))');
    assert.doesNotMatch(html, /data-href/);
    assert.match(html, /md-link-blocked/);
    assert.match(html, />click</);
  });

  test('an https link carries its escaped target only in data-href', () => {
    const html = renderInline('see [docs](https://example.com/a?b=1&c=2)');
    assert.match(html, /<a class="md-link" role="link" tabindex="0" data-href="https:\/\/example\.com\/a\?b=1&amp;c=2"/);
  });

  test('escapeHtml escapes all five specials', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('random soup of markdown and HTML never yields foreign tags', () => {
    const pieces = ['<', '>', '"', "'", '`', '```', '*', '_', '[', ']', '(', ')', 'javascript:', 'https://a.b', '|', '|---|',
      'onerror=', '<img ', '<script>', '\n', '# ', '- ', '1. ', '> ', 'text', ' ', '&', '~~'];
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = 1 + Math.floor(rnd() * 30);
      for (let k = 0; k < len; k++) s += pieces[Math.floor(rnd() * pieces.length)];
      assertOnlyAllowedMarkup(renderMarkdown(s));
    }
  });
});

suite('markdown renderer: formatting', () => {
  test('headings, paragraphs, emphasis and inline code', () => {
    assert.equal(renderMarkdown('## Title\n\nSome **bold** and *em* and `x < y`.'),
      '<h2>Title</h2><p>Some <strong>bold</strong> and <em>em</em> and <code>x &lt; y</code>.</p>');
  });

  test('fenced code block with language label and copy / insert buttons', () => {
    const html = renderMarkdown('```ts\nconst a = 1 < 2;\n```');
    assert.match(html, /<span class="code-lang">ts<\/span>/);
    assert.match(html, /data-action="copy"/);
    assert.match(html, /data-action="insert"/);
    assert.match(html, /<pre tabindex="0"><code>const a = 1 &lt; 2;<\/code><\/pre>/);
    assert.doesNotMatch(html, /streaming/);
  });

  test('an unclosed fence (still streaming) renders as an open code block', () => {
    const html = renderMarkdown('Intro\n```py\nprint(1)');
    assert.match(html, /<p>Intro<\/p><div class="code-block streaming">/);
    assert.match(html, /print\(1\)/);
  });

  test('the language label is reduced to a plain token', () => {
    const html = renderMarkdown('```ts onload=x\ncode\n```');
    assert.match(html, /<span class="code-lang">ts<\/span>/);
    assert.doesNotMatch(html, /onload/);
  });

  test('unordered, ordered and nested lists', () => {
    assert.equal(renderMarkdown('- a\n- b\n  - c\n- d'),
      '<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>');
    assert.equal(renderMarkdown('3. x\n4. y'), '<ol start="3"><li>x</li><li>y</li></ol>');
  });

  test('a list followed by a paragraph closes the list', () => {
    assert.equal(renderMarkdown('- a\n\nafter'), '<ul><li>a</li></ul><p>after</p>');
  });

  test('block quotes and rules', () => {
    assert.equal(renderMarkdown('> quoted\n\n---'), '<blockquote><p>quoted</p></blockquote><hr>');
  });

  test('backslash escapes keep literal characters', () => {
    const html = renderInline('\\*not em\\*');
    assert.equal(html, '&#42;not em&#42;');
  });

  test('GFM tables with alignment; pipes inside code do not split cells', () => {
    const html = renderMarkdown('| Model | Cost |\n|:---|---:|\n| `a|b` | **$1** |\n| c |');
    assert.equal(html, '<div class="table-wrap" tabindex="0" role="region" aria-label="Table"><table><thead><tr><th>Model</th><th class="align-right">Cost</th></tr></thead><tbody>'
      + '<tr><td><code>a|b</code></td><td class="align-right"><strong>$1</strong></td></tr>'
      + '<tr><td>c</td><td class="align-right"></td></tr></tbody></table></div>');
  });

  test('a line with a pipe but no separator row stays a paragraph', () => {
    assert.equal(renderMarkdown('a | b'), '<p>a | b</p>');
  });

  test('snake_case words are not emphasised', () => {
    assert.equal(renderInline('use my_var_name here'), 'use my_var_name here');
  });
});
