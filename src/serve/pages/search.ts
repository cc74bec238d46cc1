import type { Queryable } from '../../store/db.js';
import { renderSnippet } from '../annotate.js';
import { dateParam } from '../date-params.js';
import { enc, num, pager } from '../components.js';
import { html, qs, type SafeHtml } from '../html.js';
import { emptyState, page } from '../layout.js';
import { totals } from '../queries/articles.js';
import { FACET_WINDOW, search, type FacetValue, type SearchParams } from '../queries/search.js';

const FACETS: [keyof SearchParams & ('language' | 'source' | 'storyId' | 'entityId'), 'language' | 'source' | 'story' | 'entity', string, string][] = [
  ['language', 'language', 'lang', 'Sprache'],
  ['source', 'source', 'source', 'Quelle'],
  ['storyId', 'story', 'story', 'Story'],
  ['entityId', 'entity', 'entity', 'Entität'],
];

/** Reads the search page's URL parameters (also used by the API). */
export function searchParamsFrom(get: (k: string) => string | undefined): SearchParams {
  const n = Number(get('page'));
  const size = Number(get('size'));
  return {
    q: get('q') ?? '',
    language: get('lang') || undefined,
    source: get('source') || undefined,
    storyId: get('story') || undefined,
    entityId: get('entity') || undefined,
    from: dateParam(get('from'), 'from'),
    to: dateParam(get('to'), 'to'),
    page: Number.isInteger(n) && n > 0 ? n : 1,
    pageSize: Number.isInteger(size) && size > 0 ? size : undefined,
  };
}

function urlParams(p: SearchParams): Record<string, string | undefined> {
  return {
    q: p.q,
    lang: p.language,
    source: p.source,
    story: p.storyId,
    entity: p.entityId,
    from: p.from,
    to: p.to,
    size: p.pageSize ? String(p.pageSize) : undefined,
  };
}

export async function searchPage(db: Queryable, p: SearchParams): Promise<SafeHtml> {
  const t = await totals(db);
  if (t.articles === 0) return page({ title: 'Suche', nav: 'search', query: p.q, body: html`<h1>Suche</h1>${emptyState('Noch keine Artikel zum Durchsuchen')}` });
  const res = await search(db, p);
  const params = urlParams(p);
  const facetBlock = (key: (typeof FACETS)[number], values: FacetValue[]) => {
    const [field, , param, label] = key;
    const current = p[field] as string | undefined;
    if (values.length === 0 && !current) return html``;
    const windowNote = key[1] === 'entity' && res.total > FACET_WINDOW ? html`<p class="meta">unter den ${FACET_WINDOW} besten Treffern</p>` : '';
    return html`<section class="facet"><h3>${label}</h3>${windowNote}<ul>
${current ? html`<li><a class="clear" href="/search${qs({ ...params, [param]: undefined })}">× ${label}-Filter entfernen</a></li>` : ''}
${values.map((v) => html`<li><a href="/search${qs({ ...params, [param]: v.value, page: undefined })}"${v.value === current ? html` aria-current="true"` : ''}>${v.label}</a> <span class="meta">${v.count}</span></li>`)}
</ul></section>`;
  };
  const dateForm = html`<form class="facet dates" action="/search" method="get">
<h3>Zeitraum</h3>
${Object.entries(params).filter(([k, v]) => v && k !== 'from' && k !== 'to').map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<label>von <input name="from" value="${p.from ?? ''}" placeholder="2025-08" size="10" pattern="\\d{4}(-(\\d{2}(-\\d{2})?|W\\d{2}|Q\\d))?"></label>
<label>bis <input name="to" value="${p.to ?? ''}" placeholder="2025-09-30" size="10" pattern="\\d{4}(-(\\d{2}(-\\d{2})?|W\\d{2}|Q\\d))?"></label>
<button type="submit">Anwenden</button></form>`;
  const hits = res.hits.length
    ? html`<ol class="hits" start="${(res.page - 1) * res.pageSize + 1}">${res.hits.map(
        (h) => html`<li><a href="/articles/${enc(h.id)}">${h.title && h.titleMarked ? renderSnippet(h.titleMarked) : h.title || h.id}</a>
<span class="meta">${h.source ?? 'unbekannte Quelle'} · ${h.published ?? 'ohne Datum'} · ${h.language}${h.duplicateOf ? ' · Duplikat' : ''}</span>
<p class="snippet">${renderSnippet(h.snippet)}</p></li>`,
      )}</ol>`
    : p.q.trim()
      ? html`<p class="note" role="status">Keine Treffer für „${p.q}“. Andere Wörter versuchen oder Filter entfernen.</p>`
      : html`<p class="note">Suchbegriff eingeben, z. B. <code>Waffenruhe</code> oder <code>"Gipfel in Istanbul"</code> (Anführungszeichen für Phrasen, <code>-wort</code> schließt aus).</p>`;
  return page({
    title: p.q ? `Suche: ${p.q}` : 'Suche',
    nav: 'search',
    query: p.q,
    body: html`<h1>Suche</h1>
<form class="bigsearch" role="search" action="/search" method="get">
<label for="q3">Suchbegriff</label><input id="q3" name="q" type="search" value="${p.q}">
${Object.entries(params).filter(([k, v]) => v && k !== 'q').map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<button type="submit">Suchen</button></form>
${p.q.trim() ? html`<p class="meta" role="status">${num(res.total)} Treffer</p>` : ''}
<div class="two-col"><div>${hits}${pager('/search', params, res.page, res.pageSize, res.total)}</div>
<aside class="side facets" aria-label="Filter">${FACETS.map((f) => facetBlock(f, res.facets[f[1]]))}${dateForm}</aside></div>`,
  });
}
