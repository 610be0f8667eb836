// Checks run inside a webview's document (the chat view, the spend panel) in the real workbench, with the theme's
// real colours: text contrast (WCAG AA), a visible focus ring on everything Tab reaches, and a name for every control.
// Each returns readable problems ("'unknown price' 2.9:1 on …"), so a failure says what to look at.

import type { Frame } from 'playwright-core';

/**
 * Text whose contrast with what is behind it is below 4.5:1 (3:1 for large text: 24px, or 18.66px bold).
 * Colours are resolved by painting them on a canvas, so `color-mix()` and alpha count as the user sees them;
 * the background is the nearest ancestor's opaque one, with translucent layers blended on the way.
 */
export async function contrastProblems(frame: Frame, within = 'body'): Promise<string[]> {
  return frame.evaluate(`(() => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgba = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data; return [r, g, b, a / 255]; };
    const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
    const lum = (c) => { const l = c.slice(0, 3).map((v) => v / 255).map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const backdrop = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let base = rgba(getComputedStyle(document.body).getPropertyValue('--vscode-editor-background') || '#fff');
      for (const l of layers.reverse()) base = over(l, base);
      return base;
    };
    const out = [];
    const root = document.querySelector(${JSON.stringify(within)}) || document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent.trim()) continue;
      seen.add(el);
      if (el.closest('[hidden], .sr-only, button:disabled, svg, option, pre code')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden') continue;
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const bg = backdrop(el);
      const fg = over([...rgba(st.color).slice(0, 3), rgba(st.color)[3] * opacity], bg);
      const size = parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      const k = ratio(fg, bg);
      if (k < (large ? 3 : 4.5)) out.push(JSON.stringify(n.textContent.trim().slice(0, 40)) + ' (' + el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ') ' + k.toFixed(2) + ':1');
    }
    return out;
  })()`) as Promise<string[]>;
}

/** Controls a screen reader cannot name: no text, aria-label, aria-labelledby or title. */
export async function unnamedControls(frame: Frame): Promise<string[]> {
  return frame.evaluate(`(() => [...document.querySelectorAll('button, select, textarea, input, a[href], [role=link], [role=button], summary, [tabindex]:not([tabindex="-1"])')]
    .filter((e) => !e.closest('[hidden]'))
    .filter((e) => !((e.getAttribute('aria-label') || '').trim() || e.getAttribute('aria-labelledby') || (e.getAttribute('title') || '').trim() || (e.tagName !== 'SELECT' && (e.textContent || '').trim())))
    .map((e) => e.outerHTML.slice(0, 120)))()`) as Promise<string[]>;
}

/**
 * Presses Tab up to `max` times from the document's start and lists what got the focus without a visible ring
 * (an outline or a box-shadow), and the focusable controls Tab never reached.
 */
export async function focusWalk(frame: Frame, start: string, max = 150): Promise<{ reached: string[]; noRing: string[]; unreached: string[] }> {
  // The keys go to the frame with the focus: a click on text that takes no focus (`start`) gives the webview the
  // focus as a user's click would, then the body is focused so the first Tab lands on the first control.
  await frame.locator(start).first().click({ position: { x: 3, y: 3 } });
  await frame.evaluate(`(() => { document.body.tabIndex = -1; document.body.focus(); })()`);
  const describe = `((e) => e ? (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40) : '')`;
  const reached: string[] = [];
  const noRing: string[] = [];
  for (let i = 0; i < max; i++) {
    await frame.page().keyboard.press('Tab');
    const info = await frame.evaluate(`(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      e.setAttribute('data-hy-reached', '');
      const st = getComputedStyle(e);
      const ring = (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || (st.boxShadow && st.boxShadow !== 'none');
      return { name: ${describe}(e), ring };
    })()`) as { name: string; ring: boolean } | null;
    if (!info) break;
    if (reached.includes(info.name) && reached[0] === info.name) break;
    reached.push(info.name);
    if (!info.ring) noRing.push(info.name);
  }
  const unreached = await frame.evaluate(`(() => [...document.querySelectorAll('button:not(:disabled), select, textarea, [role=link], summary, .table-wrap[tabindex]')]
    .filter((e) => !e.closest('[hidden]') && e.getBoundingClientRect().width > 0 && !e.hasAttribute('data-hy-reached'))
    .map(${describe}))()`) as string[];
  await frame.evaluate(`(() => { document.querySelectorAll('[data-hy-reached]').forEach((e) => e.removeAttribute('data-hy-reached')); document.body.removeAttribute('tabindex'); })()`);
  return { reached, noRing, unreached };
}
