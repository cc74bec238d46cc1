import { html, qs, type HtmlValue, type SafeHtml } from './html.js';
import type { ArticleSummary } from './queries/articles.js';
import type { EntityRef, TimelineEvent } from './queries/types.js';

/** Pieces several pages share. */

export const enc = encodeURIComponent;

export function articleLink(a: Pick<ArticleSummary, 'id' | 'title'>): SafeHtml {
  return html`<a href="/articles/${enc(a.id)}">${a.title || a.id}</a>`;
}

export function entityLink(e: EntityRef): SafeHtml {
  return html`<a class="ent ty-${e.type}" href="/entities/${enc(e.id)}">${e.name}</a>`;
}

export function typeBadge(type: string, mode?: string | null): SafeHtml {
  return html`<span class="badge t-${type}">${type}${mode ? html`/${mode}` : ''}</span>`;
}

export function articleRow(a: ArticleSummary, extra?: HtmlValue): SafeHtml {
  return html`<li>${articleLink(a)} <span class="meta">${a.source ?? 'unbekannte Quelle'} · ${a.published ?? 'ohne Datum'}
    · ${a.language}${a.duplicateOf ? html` · <span class="dup">Duplikat (${a.duplicateKind ?? 'exakt'})</span>` : ''}</span>${extra ?? ''}</li>`;
}

export function eventRow(e: TimelineEvent): SafeHtml {
  const who = e.actors.length ? e.actors.join(', ') : '—';
  const whom = e.recipients.length ? html` → ${e.recipients.join(', ')}` : '';
  return html`<li class="event"><a href="/events/${enc(e.id)}">${typeBadge(e.type, e.mode)}
    <span class="date">${e.date ?? 'ohne Datum'}</span> ${who}${whom}${e.place ? html` · ${e.place}` : ''}</a>
    <span class="meta">${e.sources} ${e.sources === 1 ? 'Quelle' : 'Quellen'}${e.status && e.status !== 'asserted' ? html` · ${e.status}` : ''}</span></li>`;
}

/** Previous/next links that keep the other query parameters. */
export function pager(base: string, params: Record<string, string | undefined>, page: number, pageSize: number, total: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  const link = (p: number, label: string, rel: string) => html`<a rel="${rel}" href="${base}${qs({ ...params, page: p > 1 ? p : undefined })}">${label}</a>`;
  return html`<nav class="pager" aria-label="Seiten">
    ${page > 1 ? link(page - 1, '← Zurück', 'prev') : ''}
    <span>Seite ${page} von ${pages}</span>
    ${page < pages ? link(page + 1, 'Weiter →', 'next') : ''}</nav>`;
}

export function num(n: number): string {
  return n.toLocaleString('de-DE');
}
