import type { Queryable } from '../../store/db.js';
import { articleRow, enc, num } from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { dateRange, emptyState, page } from '../layout.js';
import { listArticles, totals } from '../queries/articles.js';
import { countEntities } from '../queries/entities.js';
import { eventCount } from '../queries/events.js';
import { listStories, storiesReady } from '../queries/stories.js';
import { fillDays, sparkline } from '../svg.js';

export async function overviewPage(db: Queryable): Promise<SafeHtml> {
  const t = await totals(db);
  if (t.articles === 0) {
    return page({ title: 'Übersicht', nav: 'overview', body: html`<h1>Dossier</h1>${emptyState('Noch keine Artikel im Speicher')}` });
  }
  const stories = await listStories(db, { limit: 50 });
  const entities = await countEntities(db);
  const events = await eventCount(db);
  const storyList = stories.items.length
    ? html`<ol class="stories">${stories.items.map(
        (s) => html`<li><a href="/stories/${enc(s.id)}">${s.label}</a>
          <span class="meta">${dateRange(s.from, s.to)} · ${s.articles} Artikel · ${s.sources} Quellen</span>
          ${sparkline(fillDays(s.activity), `Aktivität ${s.label}`)}</li>`,
      )}</ol>`
    : html`<p class="note">${(await storiesReady(db))
        ? 'Noch keine Stories gebildet. Stories entstehen beim Einlesen (oder neu mit `chronik restory`).'
        : 'Stories erscheinen hier, sobald die Story-Bildung im Speicher verfügbar ist.'}</p>`;
  const recent = await listArticles(db, { limit: 10 });
  return page({
    title: 'Übersicht',
    nav: 'overview',
    body: html`<h1>Dossier</h1>
<dl class="totals">
  <div><dt>Artikel</dt><dd>${num(t.articles)}</dd></div>
  <div><dt>Originale</dt><dd>${num(t.originals)}</dd></div>
  <div><dt>Quellen</dt><dd>${num(t.sources)}</dd></div>
  <div><dt>Stories</dt><dd>${num(stories.total)}</dd></div>
  <div><dt>Entitäten</dt><dd>${num(entities)}</dd></div>
  <div><dt>Ereignisse</dt><dd>${num(events)}</dd></div>
  <div><dt>Zeitraum</dt><dd>${dateRange(t.from, t.to)}</dd></div>
</dl>
<form class="bigsearch" role="search" action="/search" method="get">
  <label for="q2">Artikel durchsuchen</label>
  <input id="q2" name="q" type="search" placeholder="z. B. Waffenruhe, Gipfel, Istanbul">
  <button type="submit">Suchen</button>
</form>
<section aria-labelledby="h-stories"><h2 id="h-stories">Stories, neueste Aktivität zuerst</h2>${storyList}
${stories.total > stories.items.length ? html`<p><a href="/stories?page=2">Ältere Stories (alle ${num(stories.total)})</a></p>` : ''}</section>
<section aria-labelledby="h-recent"><h2 id="h-recent">Neueste Artikel</h2>
<ul class="articles">${recent.items.map((a) => articleRow(a))}</ul>
<p><a href="/articles">Alle ${num(recent.total)} Artikel</a></p></section>`,
  });
}
