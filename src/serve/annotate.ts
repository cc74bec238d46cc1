import { escapeHtml, html, unsafeRaw, type SafeHtml } from './html.js';
import { MARK_END, MARK_START } from './queries/search.js';

/** A highlighted span of an article's text (offsets in UTF-16 code units, as JS counts). */
export interface Annotation {
  start: number;
  end: number;
  /** CSS class: `ent ty-PER`, `timex`, `trigger t-CONSULT` … */
  cls: string;
  /** Hover text (e.g. the normalised date value). */
  title?: string;
  /** Link target (e.g. the entity page). */
  href?: string;
}

/**
 * Renders text as paragraphs with annotations as <mark>/<a> elements. Every piece of text is
 * escaped; overlapping annotations are resolved by keeping the earlier (then longer) one.
 */
export function annotateText(text: string, annotations: readonly Annotation[]): SafeHtml {
  const sorted = annotations
    .filter((a) => a.start >= 0 && a.end <= text.length && a.end > a.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Annotation[] = [];
  let reach = -1;
  for (const a of sorted) {
    if (a.start < reach) continue;
    kept.push(a);
    reach = a.end;
  }
  // Paragraph boundaries: blank lines. Annotations never cross them in practice; clip if they do.
  const paras: [number, number][] = [];
  const re = /\n\s*\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paras.push([last, m.index]);
    last = m.index + m[0].length;
  }
  paras.push([last, text.length]);
  let k = 0;
  const out: string[] = [];
  for (const [ps, pe] of paras) {
    let pos = ps;
    let buf = '';
    while (k < kept.length && (kept[k] as Annotation).start < pe) {
      const a = kept[k] as Annotation;
      const s = Math.max(a.start, ps);
      const e = Math.min(a.end, pe);
      buf += escapeHtml(text.slice(pos, s));
      const inner = escapeHtml(text.slice(s, e));
      const title = a.title ? ` title="${escapeHtml(a.title)}"` : '';
      buf += a.href
        ? `<a class="${escapeHtml(a.cls)}" href="${escapeHtml(a.href)}"${title}>${inner}</a>`
        : `<mark class="${escapeHtml(a.cls)}"${title}>${inner}</mark>`;
      pos = e;
      if (a.end <= pe) k++;
      else break;
    }
    buf += escapeHtml(text.slice(pos, pe));
    if (buf.trim()) out.push(`<p>${buf.replace(/\n/g, '<br>')}</p>`);
  }
  return unsafeRaw(out.join('\n'));
}

/**
 * Makes a ts_headline snippet safe: escape everything, then turn only well-paired highlight
 * control characters back into <mark> elements.
 */
export function renderSnippet(snippet: string): SafeHtml {
  let out = '';
  let open = false;
  for (const part of snippet.split(/([\u0001\u0002])/)) {
    if (part === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else out += escapeHtml(part);
  }
  if (open) out += '</mark>';
  return html`${unsafeRaw(out)}`;
}
