import { html, type HtmlValue, type SafeHtml } from './html.js';

export interface PageOptions {
  title: string;
  /** Which nav entry is current. */
  nav?: 'overview' | 'timeline' | 'entities' | 'articles' | 'search';
  /** Value to keep in the header search box. */
  query?: string;
  /** Extra scripts (paths under /assets/), loaded as external files only (CSP). */
  scripts?: string[];
  styles?: string[];
  body: HtmlValue;
}

const NAV: [NonNullable<PageOptions['nav']>, string, string][] = [
  ['overview', '/', 'Übersicht'],
  ['timeline', '/timeline', 'Zeitleiste'],
  ['entities', '/entities', 'Entitäten'],
  ['articles', '/articles', 'Artikel'],
];

/** The shell every page shares: header with navigation and search, main content, footer. */
export function page(o: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Chronik</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
${(o.styles ?? []).map((s) => html`<link rel="stylesheet" href="${s}">`)}
${(o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Zum Inhalt springen</a>
<header class="top">
  <a class="brand" href="/">Chronik</a>
  <nav aria-label="Hauptnavigation">
    ${NAV.map(([key, href, label]) => html`<a href="${href}"${key === o.nav ? html` aria-current="page"` : ''}>${label}</a>`)}
  </nav>
  <form class="search" role="search" action="/search" method="get">
    <label for="q" class="sr">Suche</label>
    <input id="q" name="q" type="search" placeholder="Artikel durchsuchen …" value="${o.query ?? ''}">
    <button type="submit">Suchen</button>
  </form>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="foot">Chronik · Daten aus dem lokalen Speicher · <a href="/api/openapi.json">JSON-API</a></footer>
</body>
</html>`;
}

/** What a page shows when there is nothing to show yet, with what to do about it. */
export function emptyState(what: string, hint?: HtmlValue): SafeHtml {
  return html`<section class="empty" role="status">
  <h2>${what}</h2>
  ${hint ?? html`<p>Noch keine Daten. Artikel einlesen mit <code>chronik ingest PFAD</code>
  (Dateien, Verzeichnisse, Feeds, JSON Lines) oder die Beispieldaten laden mit <code>chronik demo</code>.</p>`}
</section>`;
}

/** A page for a missing id. */
export function notFound(kind: string, id: string): SafeHtml {
  return page({
    title: `${kind} nicht gefunden`,
    body: html`<h1>${kind} nicht gefunden</h1><p>Kein Eintrag mit der Kennung <code>${id}</code>.
      <a href="/">Zur Übersicht</a></p>`,
  });
}

/** The page for a path no route serves. */
export function unknownPathPage(path: string): SafeHtml {
  return page({
    title: 'Seite nicht gefunden',
    body: html`<h1>Seite nicht gefunden</h1><p>Unter <code>${path}</code> gibt es keine Seite.
      <a href="/">Zur Übersicht</a></p>`,
  });
}

/** The page for a request whose parameters are wrong (the message says which and why). */
export function badRequestPage(message: string): SafeHtml {
  return page({
    title: 'Ungültige Anfrage',
    body: html`<h1>Ungültige Anfrage</h1><p class="error" role="alert">${message}</p><p><a href="/">Zur Übersicht</a></p>`,
  });
}

/** A date value as shown (TIMEX3 value kept at its precision). */
export function dateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return 'ohne Datum';
  if (!to || from === to) return from ?? to ?? '';
  if (!from) return `bis ${to}`;
  return `${from} – ${to}`;
}
