import type { Queryable } from '../../store/db.js';
import { articleRow, enc, entityLink, eventRow, num, pager } from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { dateRange, emptyState, notFound, page } from '../layout.js';
import { getStory, listStories, STORY_ARTICLES_LIMIT } from '../queries/stories.js';
import { barChart, fillDays, sparkline } from '../svg.js';

export async function storyPage(db: Queryable, id: string): Promise<{ status: 200 | 404; body: SafeHtml }> {
  const s = await getStory(db, id);
  if (!s) return { status: 404, body: notFound('Story', id) };
  return {
    status: 200,
    body: page({
      title: s.label,
      nav: 'overview',
      scripts: s.events.length ? ['/assets/vendor/vis-timeline.js', '/assets/timeline.js'] : [],
      styles: s.events.length ? ['/assets/vendor/vis-timeline.css'] : [],
      body: html`<h1>${s.label}</h1>
<p class="meta">${dateRange(s.from, s.to)} · ${num(s.articles)} Artikel · ${num(s.sources)} Quellen</p>
${barChart(fillDays(s.activity), 'Artikel pro Tag')}
<p><a href="/timeline?story=${enc(s.id)}">Zeitleiste dieser Story</a> · <a href="/articles?story=${enc(s.id)}">Artikelliste</a></p>
${s.events.length ? html`<div id="timeline" class="timeline small" data-src="/api/timeline?story=${enc(s.id)}" aria-label="Zeitachse der Ereignisse dieser Story"></div>` : ''}
<div class="two-col"><div>
<section aria-labelledby="h-ev"><h2 id="h-ev">Ereignisse</h2>
${s.events.length ? html`<ol class="events">${s.events.map(eventRow)}</ol>` : html`<p class="note">Keine Ereignisse erkannt.</p>`}</section>
<section aria-labelledby="h-art"><h2 id="h-art">Artikel (Original und Duplikate)</h2>
${s.articles > STORY_ARTICLES_LIMIT ? html`<p class="meta">Die ersten ${num(STORY_ARTICLES_LIMIT)} von ${num(s.articles)} Artikeln; <a href="/articles?story=${enc(s.id)}">alle Artikel dieser Story</a>.</p>` : ''}
<ul class="articles groups">${s.groups.map((g) => articleRow(g.original, g.duplicates.length ? html`<ul class="dups">${g.duplicates.map((d) => articleRow(d))}</ul>` : ''))}</ul></section>
</div><aside class="side">
${s.events.length ? html`<div id="evidence-panel" aria-live="polite"><p class="note">Ein Ereignis auf der Zeitachse anklicken, um seine Belege zu sehen.</p></div>` : ''}
<section><h2>Medien</h2><ul>${s.outlets.map((o) => html`<li><a href="/articles?source=${enc(o.source)}">${o.source}</a> <span class="meta">${o.count}</span></li>`)}</ul></section>
<section><h2>Hauptakteure</h2><ul class="chips">${s.entities.map((e) => html`<li>${entityLink(e)} <span class="meta">${e.count}</span></li>`)}</ul></section>
</aside></div>`,
    }),
  };
}

/** All stories, newest activity first, a page at a time (the overview shows the first ones). */
export async function storiesPage(db: Queryable, q: { page?: number }): Promise<SafeHtml> {
  const size = 50;
  const pageNo = Math.max(1, q.page ?? 1);
  const list = await listStories(db, { limit: size, offset: (pageNo - 1) * size });
  if (list.total === 0) {
    return page({ title: 'Stories', nav: 'overview', body: html`<h1>Stories</h1>${emptyState('Noch keine Stories')}` });
  }
  return page({
    title: 'Stories',
    nav: 'overview',
    body: html`<h1>Stories</h1><p class="meta">${num(list.total)} Stories, neueste Aktivität zuerst</p>
<ol class="stories" start="${(pageNo - 1) * size + 1}">${list.items.map(
      (s) => html`<li><a href="/stories/${enc(s.id)}">${s.label}</a>
  <span class="meta">${dateRange(s.from, s.to)} · ${s.articles} Artikel · ${s.sources} Quellen</span>
  ${sparkline(fillDays(s.activity), `Aktivität ${s.label}`)}</li>`,
    )}</ol>
${pager('/stories', {}, pageNo, size, list.total)}`,
  });
}
