import type { Queryable } from '../../store/db.js';
import { articleRow, enc, eventRow, num, pager } from '../components.js';
import { html, qs, type SafeHtml } from '../html.js';
import { emptyState, notFound, page } from '../layout.js';
import { CO_MENTION_WINDOW, ENTITY_EVENTS, countEntities, entitiesReady, getEntity, listEntities } from '../queries/entities.js';
import { barChart, fillMonths, network } from '../svg.js';

const TYPES: [string, string][] = [
  ['PER', 'Personen'],
  ['ORG', 'Organisationen'],
  ['LOC', 'Orte'],
  ['MISC', 'Sonstiges'],
];

export async function entityPage(db: Queryable, id: string): Promise<{ status: 200 | 404; body: SafeHtml }> {
  const e = await getEntity(db, id);
  if (!e) return { status: 404, body: notFound('Entität', id) };
  const months = fillMonths(e.mentionsOverTime);
  return {
    status: 200,
    body: page({
      title: e.name,
      nav: 'entities',
      body: html`<h1><span class="ent ty-${e.type}">${e.name}</span></h1>
<dl class="meta-grid">
  <div><dt>Typ</dt><dd>${e.type}</dd></div>
  <div><dt>Wissensbasis</dt><dd>${e.kbId ? html`<code>${e.kbId}</code>` : '—'}</dd></div>
  <div><dt>Erwähnungen</dt><dd>${num(e.mentions)} in ${num(e.articles)} Artikeln</dd></div>
  ${e.description ? html`<div><dt>Beschreibung</dt><dd>${e.description}</dd></div>` : ''}
</dl>
<p><a href="/timeline?entity=${enc(e.id)}">Ereignisse auf der Zeitleiste</a> · <a href="/search${qs({ q: e.name, entity: e.id })}">Artikel mit ${e.name} durchsuchen</a></p>
<div class="two-col"><div>
${e.roles.length ? html`<section><h2>Rollen</h2><ul>${e.roles.map((r) => html`<li>${r.role} <span class="meta">${r.from ?? '?'} – ${r.to ?? 'heute'}</span></li>`)}</ul></section>` : ''}
<section><h2>Erwähnungen im Zeitverlauf</h2>${months.length ? barChart(months, 'Erwähnungen pro Monat') : html`<p class="note">Keine datierten Erwähnungen.</p>`}</section>
<section><h2>Gemeinsam erwähnt</h2>${e.articles > CO_MENTION_WINDOW ? html`<p class="meta">In den ${num(CO_MENTION_WINDOW)} neuesten Artikeln mit ${e.name}.</p>` : ''}${e.coMentioned.length
        ? html`${network({ id: e.id, name: e.name, type: e.type, count: e.mentions }, e.coMentioned, e.coMentionLinks)}
<ul class="chips">${e.coMentioned.map((o) => html`<li><a class="ent ty-${o.type}" href="/entities/${enc(o.id)}">${o.name}</a> <span class="meta">${o.count}</span></li>`)}</ul>`
        : html`<p class="note">Keine gemeinsamen Erwähnungen.</p>`}</section>
<section><h2>Ereignisse</h2>${e.events.length >= ENTITY_EVENTS ? html`<p class="meta">Die letzten ${ENTITY_EVENTS}; alle auf der <a href="/timeline?entity=${enc(e.id)}">Zeitleiste</a>.</p>` : ''}
${e.events.length ? html`<ol class="events">${e.events.map(eventRow)}</ol>` : html`<p class="note">Keine Ereignisse mit dieser Entität.</p>`}</section>
</div><aside class="side">
<section><h2>Schreibweisen</h2><ul>${e.aliases.map((a) => html`<li>${a.alias} <span class="meta">${a.count}×</span></li>`)}</ul></section>
<section><h2>Neueste Artikel</h2><ul class="articles">${e.recentArticles.map((a) => articleRow(a))}</ul></section>
</aside></div>`,
    }),
  };
}

export async function entitiesPage(db: Queryable, q: { type?: string; q?: string; page?: number }): Promise<SafeHtml> {
  if (!(await entitiesReady(db)) || (!q.type && !q.q && (await countEntities(db)) === 0)) {
    return page({ title: 'Entitäten', nav: 'entities', body: html`<h1>Entitäten</h1>${emptyState('Noch keine Entitäten', html`<p>Personen, Organisationen und Orte erscheinen hier, sobald Artikel eingelesen sind: <code>chronik ingest PFAD</code> oder die Beispieldaten mit <code>chronik demo</code>.</p>`)}` });
  }
  const size = 100;
  const pageNo = Math.max(1, q.page ?? 1);
  const list = await listEntities(db, { type: q.type, q: q.q, limit: size, offset: (pageNo - 1) * size, articleCounts: false });
  return page({
    title: 'Entitäten',
    nav: 'entities',
    body: html`<h1>Entitäten</h1>
<form class="filters" action="/entities" method="get"><label>Typ <select name="type"><option value="">alle</option>
${TYPES.map(([t, l]) => html`<option value="${t}"${q.type === t ? html` selected` : ''}>${l}</option>`)}</select></label>
<label>Name <input name="q" value="${q.q ?? ''}"></label><button type="submit">Filtern</button></form>
${list.items.length
      ? html`<table class="list"><thead><tr><th scope="col">Name</th><th scope="col">Typ</th><th scope="col">Wissensbasis</th><th scope="col">Erwähnungen</th></tr></thead><tbody>
${list.items.map((e) => html`<tr><td><a class="ent ty-${e.type}" href="/entities/${enc(e.id)}">${e.name}</a></td><td>${e.type}</td><td>${e.kbId ?? ''}</td><td>${num(e.mentions)}</td></tr>`)}
</tbody></table>${pager('/entities', { type: q.type, q: q.q }, pageNo, size, list.total)}`
      : emptyState('Keine Entitäten gefunden', html`<p>Andere Filter wählen oder Artikel einlesen mit <code>chronik ingest PFAD</code>.</p>`)}`,
  });
}
