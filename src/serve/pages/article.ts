import type { Queryable } from '../../store/db.js';
import { annotateText, type Annotation } from '../annotate.js';
import { articleLink, articleRow, enc, entityLink, eventRow, num, pager } from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { emptyState, notFound, page } from '../layout.js';
import { articleEvents, articleMentions, articleTimexes, articleTriggers, articleWarnings } from '../queries/annotations.js';
import { getArticle, listArticles } from '../queries/articles.js';
import { storyLabels } from '../queries/stories.js';
import type { EntityRef } from '../queries/types.js';

export async function articlePage(db: Queryable, id: string): Promise<{ status: 200 | 404; body: SafeHtml }> {
  const a = await getArticle(db, id);
  if (!a) return { status: 404, body: notFound('Artikel', id) };
  const [mentions, timexes, triggers, events, warnings] = await Promise.all([
    articleMentions(db, id),
    articleTimexes(db, id),
    articleTriggers(db, id),
    articleEvents(db, id),
    articleWarnings(db, id),
  ]);
  const story = a.storyId ? (await storyLabels(db, [a.storyId])).get(a.storyId) ?? a.storyId : null;
  const original = a.duplicateOf ? (await getArticle(db, a.duplicateOf)) : null;

  const anns: Annotation[] = [
    // Headline mentions have offsets into the title: they count in the side list, not here.
    ...mentions.filter((m) => m.field === 'body').map((m) => ({
      start: m.start,
      end: m.end,
      cls: `ent ty-${m.type}`,
      title: m.entity ? `${m.entity.name} (${m.type})` : m.type,
      href: m.entity ? `/entities/${enc(m.entity.id)}` : undefined,
    })),
    ...timexes.map((t) => ({ start: t.start, end: t.end, cls: 'timex', title: `${t.type} ${t.value}${t.mod ? ` (${t.mod})` : ''}` })),
    ...triggers.map((t) => ({
      start: t.start,
      end: t.end,
      cls: `trigger t-${t.type}`,
      title: `${t.type}${t.mode ? `/${t.mode}` : ''}`,
      href: t.eventId ? `/events/${enc(t.eventId)}` : undefined,
    })),
  ];
  for (const w of warnings) {
    if (w.start !== null && w.end !== null) anns.push({ start: w.start, end: w.end, cls: 'warnspan', title: w.message });
  }
  const entities = new Map<string, EntityRef & { n: number }>();
  for (const m of mentions) {
    if (!m.entity) continue;
    const e = entities.get(m.entity.id) ?? { ...m.entity, n: 0 };
    e.n++;
    entities.set(m.entity.id, e);
  }
  const legend = html`<p class="legend" aria-label="Legende">
    <mark class="ent ty-PER">Person</mark> <mark class="ent ty-ORG">Organisation</mark> <mark class="ent ty-LOC">Ort</mark>
    <mark class="ent ty-MISC">Sonstiges</mark> <mark class="timex">Zeitausdruck</mark> <mark class="trigger">Ereignis-Auslöser</mark></p>`;

  const body = html`<article class="article">
<h1>${a.title || '(ohne Titel)'}</h1>
<dl class="meta-grid">
  <div><dt>Quelle</dt><dd>${a.source ?? '—'}${a.agency && a.agency !== a.source ? html` (${a.agency})` : ''}</dd></div>
  <div><dt>Datum</dt><dd>${a.published ?? 'ohne Datum'}${a.publishedRaw && a.publishedRaw !== a.published ? html` <span class="meta">(${a.publishedRaw})</span>` : ''}</dd></div>
  <div><dt>Autor</dt><dd>${a.author ?? '—'}</dd></div>
  <div><dt>Ortsmarke</dt><dd>${a.dateline ?? '—'}</dd></div>
  <div><dt>Sprache</dt><dd>${a.language}</dd></div>
  <div><dt>Story</dt><dd>${a.storyId ? html`<a href="/stories/${enc(a.storyId)}">${story}</a>` : '—'}</dd></div>
  <div><dt>Herkunft</dt><dd>${a.url ? html`<a href="${safeUrl(a.url)}" rel="noreferrer noopener">${a.url}</a>` : a.origin}</dd></div>
  <div><dt>Format</dt><dd>${a.format} · ${a.encoding}</dd></div>
  <div><dt>Kennung</dt><dd><code>${a.id}</code></dd></div>
</dl>
${original ? html`<p class="note dup">Duplikat (${a.duplicateKind ?? 'exakt'}${a.duplicateScore != null ? `, Ähnlichkeit ${a.duplicateScore.toFixed(2)}` : ''}) von ${articleLink(original)}.</p>` : ''}
${warnings.length ? html`<section class="warnings" aria-labelledby="h-warn"><h2 id="h-warn">Konsistenzwarnungen</h2><ul>${warnings.map((w) => html`<li><strong>${w.kind}</strong>: ${w.message}</li>`)}</ul></section>` : ''}
${anns.length ? legend : ''}
<div class="text">${annotateText(a.text, anns)}</div>
</article>
<aside class="side">
${entities.size ? html`<section><h2>Entitäten</h2><ul class="chips">${[...entities.values()].sort((x, y) => y.n - x.n).map((e) => html`<li>${entityLink(e)} <span class="meta">${e.n}×</span></li>`)}</ul></section>` : ''}
${events.length ? html`<section><h2>Ereignisse</h2><ul class="events">${events.map(eventRow)}</ul></section>` : ''}
${a.duplicates.length ? html`<section><h2>Duplikate</h2><ul class="articles">${a.duplicates.map((d) => articleRow(d))}</ul></section>` : ''}
${a.origins.length > 1 ? html`<section><h2>Fundorte</h2><ul>${a.origins.map((o) => html`<li><code>${o}</code></li>`)}</ul></section>` : ''}
</aside>`;
  return { status: 200, body: page({ title: a.title || a.id, nav: 'articles', body: html`<div class="two-col">${body}</div>` }) };
}

/** Only http(s) links become clickable; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

export async function articlesPage(db: Queryable, q: { page?: number; source?: string; storyId?: string }): Promise<SafeHtml> {
  const pageNo = Math.max(1, q.page ?? 1);
  const size = 50;
  const list = await listArticles(db, { limit: size, offset: (pageNo - 1) * size, source: q.source, storyId: q.storyId });
  if (list.total === 0 && !q.source && !q.storyId) return page({ title: 'Artikel', nav: 'articles', body: html`<h1>Artikel</h1>${emptyState('Noch keine Artikel im Speicher')}` });
  return page({
    title: 'Artikel',
    nav: 'articles',
    body: html`<h1>Artikel${q.source ? html` von ${q.source}` : ''}${q.storyId ? html` der Story <a href="/stories/${enc(q.storyId)}">${(await storyLabels(db, [q.storyId])).get(q.storyId) ?? q.storyId}</a>` : ''}</h1><p class="meta">${num(list.total)} Artikel, neueste zuerst</p>
<ul class="articles">${list.items.map((a) => articleRow(a))}</ul>
${pager('/articles', { source: q.source, story: q.storyId }, pageNo, size, list.total)}`,
  });
}
