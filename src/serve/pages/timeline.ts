import type { Queryable } from '../../store/db.js';
import { dateParam } from '../date-params.js';
import { enc, eventRow, typeBadge } from '../components.js';
import { html, qs, type SafeHtml } from '../html.js';
import { emptyState, notFound, page } from '../layout.js';
import { listEntities } from '../queries/entities.js';
import { eventCount, eventsReady, eventTypes, getEvent, timeline, TIMELINE_LIMIT } from '../queries/events.js';
import { storyOptions } from '../queries/stories.js';
import type { EventDetail, TimelineFilter } from '../queries/types.js';

export function timelineFilterFrom(get: (k: string) => string | undefined): TimelineFilter {
  return {
    entity: get('entity') || undefined,
    story: get('story') || undefined,
    type: get('type') || undefined,
    from: dateParam(get('from'), 'from'),
    to: dateParam(get('to'), 'to'),
  };
}

/** The evidence of one event: its sentences linked to their articles, and the outlets reporting it. */
export function evidenceBlock(e: EventDetail, headingLevel: 'h1' | 'h2' = 'h2'): SafeHtml {
  const heading = html`${typeBadge(e.type, e.mode)} ${e.actors.join(', ') || '—'}${e.recipients.length ? html` → ${e.recipients.join(', ')}` : ''}`;
  return html`<section class="evidence" id="evidence" aria-labelledby="ev-h">
${headingLevel === 'h1' ? html`<h1 id="ev-h">${heading}</h1>` : html`<h2 id="ev-h">${heading}</h2>`}
<dl class="meta-grid">
  <div><dt>Datum</dt><dd>${e.date ?? 'ohne Datum'}${e.dateSource === 'publication' ? ' (Erscheinungsdatum)' : ''}</dd></div>
  <div><dt>Ort</dt><dd>${e.place ?? '—'}</dd></div>
  <div><dt>Status</dt><dd>${e.status ?? '—'}</dd></div>
  <div><dt>Akteure</dt><dd>${e.actorRefs.length ? e.actorRefs.map((a, i) => html`${i ? ', ' : ''}<a href="/entities/${enc(a.id)}">${a.name}</a>`) : e.actors.join(', ') || '—'}</dd></div>
  <div><dt>Adressaten</dt><dd>${e.recipientRefs.length ? e.recipientRefs.map((a, i) => html`${i ? ', ' : ''}<a href="/entities/${enc(a.id)}">${a.name}</a>`) : e.recipients.join(', ') || '—'}</dd></div>
  <div><dt>Quellen</dt><dd>${e.sources}</dd></div>
</dl>
<h3>Belege</h3>
<ol class="sentences">${e.evidence.map(
    // A headline is marked as one: it repeats its article's body, the same source.
    (v) => html`<li${v.field === 'title' ? html` class="headline"` : ''}><blockquote>${v.sentence}</blockquote>
<a href="/articles/${enc(v.articleId)}">${v.title || v.articleId}</a> <span class="meta">${v.field === 'title' ? 'Schlagzeile · ' : ''}${v.source ?? 'unbekannte Quelle'} · ${v.published ?? 'ohne Datum'}${v.duplicateOf ? ' · Duplikat' : ''}</span></li>`,
  )}</ol>
<h3>Berichtende Medien</h3>
<ul class="chips">${e.outlets.map((o) => html`<li>${o}</li>`)}</ul>
</section>`;
}

export async function timelinePage(db: Queryable, f: TimelineFilter, selected?: string): Promise<SafeHtml> {
  if (!(await eventsReady(db)) || (await eventCount(db)) === 0) {
    return page({ title: 'Zeitleiste', nav: 'timeline', body: html`<h1>Zeitleiste</h1>${emptyState('Noch keine Ereignisse', html`<p>Ereignisse erscheinen hier, sobald Artikel eingelesen sind: <code>chronik ingest PFAD</code> oder die Beispieldaten mit <code>chronik demo</code>.</p>`)}` });
  }
  const [found, types, stories, entities] = await Promise.all([
    timeline(db, { ...f, limit: TIMELINE_LIMIT + 1 }),
    eventTypes(db),
    storyOptions(db, 200),
    listEntities(db, { limit: 200, articleCounts: false }),
  ]);
  const events = found.slice(0, TIMELINE_LIMIT);
  const truncated = found.length > TIMELINE_LIMIT;
  const ev = selected ? await getEvent(db, selected) : null;
  const apiQuery = qs({ entity: f.entity, story: f.story, type: f.type, from: f.from, to: f.to });
  const opt = (value: string, label: string, current?: string) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
  const filters = html`<form class="filters" action="/timeline" method="get" aria-label="Filter">
<label>Entität <select name="entity"><option value="">alle</option>${entities.items.map((e) => opt(e.id, `${e.name} (${e.type})`, f.entity))}</select></label>
<label>Story <select name="story"><option value="">alle</option>${stories.map((s) => opt(s.id, s.label, f.story))}</select></label>
<label>Typ <select name="type"><option value="">alle</option>${types.map((t) => opt(t.type, `${t.type} (${t.count})`, f.type))}</select></label>
<label>von <input name="from" value="${f.from ?? ''}" placeholder="2025-08" size="10"></label>
<label>bis <input name="to" value="${f.to ?? ''}" placeholder="2025-09" size="10"></label>
<button type="submit">Filtern</button> <a href="/timeline">zurücksetzen</a></form>`;
  const body = events.length
    ? html`<p class="meta">${truncated ? html`<strong>Die ersten ${TIMELINE_LIMIT} Ereignisse</strong> (nach Datum); Filter grenzen weiter ein.` : html`${events.length} Ereignisse.`} Ziehen oder <kbd>[</kbd>/<kbd>]</kbd> zum Verschieben, Mausrad oder <kbd>+</kbd>/<kbd>−</kbd> zum Zoomen; ein Ereignis anklicken zeigt seine Belege.</p>
<div class="tl-tools"><button type="button" id="tl-back">← Früher ([)</button> <button type="button" id="tl-fwd">Später (]) →</button> <button type="button" id="tl-in">Vergrößern (+)</button> <button type="button" id="tl-out">Verkleinern (−)</button> <button type="button" id="tl-fit">Alles zeigen</button></div>
<div id="timeline" class="timeline" data-src="/api/timeline${apiQuery}" aria-label="Zeitachse der Ereignisse"></div>
<div class="two-col"><section aria-labelledby="h-list"><h2 id="h-list">Ereignisse chronologisch</h2>
<ol class="events">${events.map(eventRow)}</ol></section>
<aside class="side" id="evidence-panel" aria-live="polite">${ev ? evidenceBlock(ev) : html`<p class="note">Ein Ereignis auswählen, um seine Belege zu sehen.</p>`}</aside></div>`
    : html`<p class="note" role="status">Keine Ereignisse${apiQuery ? ' für diese Filter' : ''}.${apiQuery ? html` <a href="/timeline">Filter zurücksetzen</a>` : ''}</p>`;
  return page({
    title: 'Zeitleiste',
    nav: 'timeline',
    scripts: ['/assets/vendor/vis-timeline.js', '/assets/timeline.js'],
    styles: ['/assets/vendor/vis-timeline.css'],
    body: html`<h1>Zeitleiste</h1>${filters}${body}`,
  });
}

export async function eventPage(db: Queryable, id: string): Promise<{ status: 200 | 404; body: SafeHtml }> {
  const e = await getEvent(db, id);
  if (!e) return { status: 404, body: notFound('Ereignis', id) };
  return {
    status: 200,
    body: page({
      title: `${e.type} ${e.date ?? ''}`,
      nav: 'timeline',
      body: html`${evidenceBlock(e, 'h1')}<p><a href="/timeline?event=${enc(e.id)}">Auf der Zeitleiste zeigen</a></p>`,
    }),
  };
}
