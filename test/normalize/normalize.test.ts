import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFailure, readInputs } from '../../src/read/index.js';
import { normalize } from '../../src/normalize/index.js';
import type { Article, RawDocument } from '../../src/model/article.js';
import { writeFixtures } from '../read/fixtures.js';

let dir: string;
const byOrigin = new Map<string, Article>();
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-norm-'));
  writeFixtures(dir);
  for await (const r of readInputs([dir])) if (!isFailure(r)) byOrigin.set(r.origin.slice(dir.length + 1), normalize(r));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function get(rel: string): Article {
  const a = byOrigin.get(rel);
  assert.ok(a, `no article for ${rel}`);
  return a;
}

test('plain-text wire story: every header field, dateline, boilerplate cut', () => {
  const a = get('text/wire.txt');
  assert.equal(a.title, 'Gipfeltreffen in Riad angekündigt');
  assert.equal(a.published, '2025-08-08');
  assert.equal(a.publishedRaw, 'Freitag, 8. August 2025, 14:32 Uhr');
  assert.equal(a.author, 'Anna Schmidt');
  assert.equal(a.agency, 'dpa');
  assert.equal(a.source, 'dpa');
  assert.equal(a.dateline, 'Berlin');
  assert.equal(a.language, 'de');
  assert.equal(a.url, null);
  assert.match(a.id, /^t[0-9a-f]{16}$/);
  assert.match(a.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(a.text.split('\n\n').length, 2);
  assert.doesNotMatch(a.text, /Mehr zum Thema|Kommentar|Facebook|Teilen/);
});

test('the gzipped copy of a file normalises to the same article', () => {
  const a = get('text/wire.txt');
  const b = get('gz/wire.txt.gz');
  assert.equal(b.id, a.id);
  assert.equal(b.contentHash, a.contentHash);
  assert.notEqual(b.rawHash, a.rawHash);
});

test('no title and a dateline with a region', () => {
  const a = get('text/nested/no-title.txt');
  assert.equal(a.title, null);
  assert.equal(a.published, null, 'a missing date is null, never the file time');
  assert.equal(a.dateline, 'Riad');
});

test('Latin-1 file: Gespräche, not GesprÃ¤che', () => {
  const a = get('encodings/latin1.txt');
  assert.equal(a.encoding, 'windows-1252');
  assert.equal(a.title, 'Gespräche über Gefangenenaustausch');
  assert.equal(a.published, '2025-08-08');
  assert.match(a.text, /Größe des Austauschs/);
});

test('UTF-16 files give the same article as UTF-8', () => {
  const ids = ['utf8-bom', 'utf16le-bom', 'utf16be-bom'].map((n) => get(`encodings/${n}.txt`));
  assert.equal(new Set(ids.map((a) => a.id)).size, 1);
  assert.equal(ids[0]!.title, 'Waffenruhe gefordert');
  assert.equal(ids[0]!.agency, 'AFP');
});

test('HTML: Readability main text without navigation or ads; JSON-LD, OpenGraph and canonical URL', () => {
  const a = get('html/page.html');
  assert.equal(a.title, 'Waffenruhe in Nordmark gefordert', 'JSON-LD headline wins over og:title');
  assert.equal(a.published, '2025-08-12');
  assert.equal(a.publishedRaw, '2025-08-12T09:30:00+02:00');
  assert.equal(a.author, 'Jonas Weber');
  assert.equal(a.source, 'Rheinblick Zeitung');
  assert.equal(a.agency, 'AFP');
  assert.equal(a.dateline, 'Genf');
  assert.equal(a.language, 'de');
  assert.equal(a.url, 'https://rheinblick.example/politik/waffenruhe-gefordert');
  assert.match(a.id, /^u[0-9a-f]{16}$/);
  assert.match(a.text, /^Genf \(AFP\) - Die Vereinten Nationen/);
  assert.match(a.text, /Gefechten gekommen war\.$/);
  for (const junk of ['Startseite', 'Sport', 'Anzeige', 'Urlaub', 'Mehr zum Thema', 'Impressum', 'Cookies']) {
    assert.ok(!a.text.includes(junk), `text contains ${junk}`);
  }
  assert.equal(a.text.split('\n\n').length, 3);
});

test('a page from a WARC archive is the same article as the saved page (same canonical URL)', () => {
  const fromWarc = get('warc/crawl.warc#3');
  const page = get('html/page.html');
  assert.equal(fromWarc.id, page.id);
  assert.equal(fromWarc.text, page.text);
  assert.equal(get('warc/crawl.warc#6').title, 'Gespräche über Gefangenenaustausch');
});

test('HTML metadata fallbacks: og, article:published_time, <time>, meta author, html lang', () => {
  const raw = (html: string): RawDocument => ({ origin: 'x.html', format: 'html', rawHash: 'h', encoding: 'utf-8', body: html, bodyIsHtml: true, meta: {} });
  const body = '<p>Die Delegationen aus beiden Ländern sind am Montag in Genf zu neuen Gesprächen zusammengekommen. Ein Ergebnis gab es zunächst nicht, doch beide Seiten sprachen von einer konstruktiven Atmosphäre.</p><p>Die Gespräche sollen am Dienstag fortgesetzt werden.</p>';
  const og = normalize(raw(`<html lang="de-AT"><head><meta property="og:title" content="Neue Gespräche in Genf"><meta property="article:published_time" content="2025-08-18"><meta name="author" content="Lukas Gruber"><meta property="og:site_name" content="Alpenpost"></head><body><article>${body}</article></body></html>`));
  assert.equal(og.title, 'Neue Gespräche in Genf');
  assert.equal(og.published, '2025-08-18');
  assert.equal(og.author, 'Lukas Gruber');
  assert.equal(og.source, 'Alpenpost');
  assert.equal(og.language, 'de');
  const time = normalize(raw(`<html><head><title>Genf: Neue Runde | Alpenpost</title></head><body><article><time datetime="2025-08-18T10:00">18. August</time>${body}</article></body></html>`));
  assert.equal(time.published, '2025-08-18');
  assert.equal(time.title, 'Genf: Neue Runde');
  const none = normalize(raw(`<html><body><article>${body}</article></body></html>`));
  assert.equal(none.published, null);
  assert.equal(none.author, null);
  assert.equal(none.url, null);
});

test('HTML: the canonical URL (resolved against the fetched address) wins over the fetch URL', () => {
  const body = '<p>Die Delegationen aus beiden Ländern sind am Montag in Genf zu neuen Gesprächen zusammengekommen. Ein Ergebnis gab es zunächst nicht, doch beide Seiten sprachen von einer konstruktiven Atmosphäre.</p>';
  const a = normalize({ origin: 'https://m.alpenpost.example/x?session=1', format: 'html', rawHash: 'h', encoding: 'utf-8', body: `<html><head><link rel="canonical" href="/politik/genf"></head><body><article>${body}</article></body></html>`, bodyIsHtml: true, meta: { url: 'https://m.alpenpost.example/x?session=1' } });
  assert.equal(a.url, 'https://m.alpenpost.example/politik/genf');
});

test('HTML: a short article without <article> loses sidebar and footer, keeps its text', () => {
  const html = (wrapperClass: string) => `<!doctype html><html lang="de"><head><title>Gespräche vertagt | Nordkurier</title></head><body class="${wrapperClass}">
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<div id="main" class="${wrapperClass}"><div class="content"><h1>Gespräche vertagt</h1><p class="meta">Von Anna Schmidt · 8. August 2025</p>
<p>Riad (dpa) - Die Gespräche über eine Waffenruhe sind auf kommende Woche vertagt worden.</p><p>Beide Seiten wollen dann erneut zusammenkommen.</p></div>
<div class="sidebar"><h3>Meistgelesen</h3><ul><li><a href="/1">Stadtfest in Rostock</a></li></ul></div></div>
<footer>© 2025 Nordkurier · Impressum · Datenschutz</footer></body></html>`;
  for (const wrapper of ['page', 'page has-sidebar']) {
    const a = normalize({ origin: 'x.html', format: 'html', rawHash: 'h', encoding: 'utf-8', body: html(wrapper), bodyIsHtml: true, meta: {} });
    assert.equal(a.text, 'Riad (dpa) - Die Gespräche über eine Waffenruhe sind auf kommende Woche vertagt worden.\n\nBeide Seiten wollen dann erneut zusammenkommen.', wrapper);
    assert.equal(a.title, 'Gespräche vertagt');
    assert.equal(a.author, 'Anna Schmidt');
    assert.equal(a.published, '2025-08-08');
  }
});

test('HTML: a site-logo <h1> outside the article is not the title', () => {
  const a = normalize({ origin: 'x.html', format: 'html', rawHash: 'h', encoding: 'utf-8', bodyIsHtml: true, meta: {},
    body: '<html><head><title>Neue Runde in Genf – Alpenpost</title></head><body><h1 class="logo">Alpenpost</h1><div><p>Die Delegationen aus beiden Ländern sind am Montag in Genf zu neuen Gesprächen zusammengekommen. Ein Ergebnis gab es zunächst nicht, doch beide Seiten sprachen von einer konstruktiven Atmosphäre.</p></div></body></html>' });
  assert.equal(a.title, 'Neue Runde in Genf');
});

test('HTML with no text at all is an error with a one-line reason', () => {
  assert.throws(
    () => normalize({ origin: 'x.html', format: 'html', rawHash: 'h', encoding: 'utf-8', body: '<html><body><nav><a href="/">Start</a></nav></body></html>', bodyIsHtml: true, meta: {} }),
    /^Error: no article text found in the HTML$/,
  );
});

test('RSS items: HTML content to paragraphs, RFC 822 date, author from "mail (Name)", tracking stripped from URL', () => {
  const a = get('feeds/rss.xml#1');
  assert.equal(a.title, 'Telefonat zwischen den Präsidenten');
  assert.equal(a.published, '2025-08-05');
  assert.equal(a.author, 'Marta Nowak');
  assert.equal(a.source, 'Ostsee-Kurier');
  assert.equal(a.agency, 'dpa');
  assert.equal(a.language, 'de');
  assert.equal(a.url, 'https://ostsee-kurier.example/politik/telefonat');
  assert.equal(a.text, 'Berlin (dpa) - Die beiden Präsidenten haben am Dienstag fast eine Stunde miteinander telefoniert.\n\nSie vereinbarten, die Gespräche ihrer Außenminister fortzusetzen.');
  assert.equal(get('feeds/rss.xml#2').author, 'Paul Berger');
  assert.equal(get('feeds/rss.xml#2').published, '2025-08-22');
});

test('Atom entries: published date, escaped HTML content, summary-only entry', () => {
  const a = get('feeds/atom.atom#1');
  assert.equal(a.published, '2025-08-19');
  assert.equal(a.author, 'Lukas Gruber');
  assert.equal(a.dateline, 'Genf');
  assert.equal(a.text.split('\n\n').length, 2);
  const b = get('feeds/atom.atom#2');
  assert.equal(b.published, '2025-08-20');
  assert.equal(b.title, 'Kommentar: Ein vorsichtiger Anfang');
});

test('JSON Lines: metadata fields used as given, language detected per article', () => {
  const de = get('jsonl/articles.jsonl#1');
  assert.equal(de.title, 'Außenminister treffen sich in Riad');
  assert.equal(de.published, '2025-08-14');
  assert.equal(de.source, 'Nordkurier');
  assert.equal(de.author, 'Anna Schmidt');
  assert.equal(de.agency, 'dpa');
  assert.equal(de.dateline, 'Riad');
  assert.equal(de.language, 'de');
  const en = get('jsonl/articles.jsonl#4');
  assert.equal(en.language, 'en');
  assert.equal(en.published, '2025-08-14');
  assert.equal(en.id.startsWith('t'), true);
});

test('metadata bylines are cleaned: prefix dropped, trailing agency split off', () => {
  const mk = (author: string) => normalize({ origin: 'j#1', format: 'jsonl', rawHash: 'h', encoding: 'utf-8', body: 'Die Minister trafen sich am Montag in Riad und sprachen über einen Waffenstillstand.', bodyIsHtml: false, meta: { author, title: 'Treffen' } });
  assert.equal(mk('Von Jonas Weber').author, 'Jonas Weber');
  const b = mk('Jonas Weber, dpa');
  assert.equal(b.author, 'Jonas Weber');
  assert.equal(b.agency, 'dpa');
  assert.equal(mk('Anna Schmidt, Jonas Weber').author, 'Anna Schmidt, Jonas Weber');
  assert.equal(mk('anna schmidt').author, 'anna schmidt', 'kept as written when it does not parse');
});

test('agency in the author field becomes the agency', () => {
  const a = normalize({ origin: 'f#1', format: 'feed', rawHash: 'h', encoding: 'utf-8', body: 'Die Minister trafen sich am Montag in Riad und sprachen über einen Waffenstillstand.', bodyIsHtml: false, meta: { author: 'dpa', title: 'Treffen' } });
  assert.equal(a.author, null);
  assert.equal(a.agency, 'dpa');
  assert.equal(a.source, 'dpa');
});

test('feeds: channel title without its tagline is the outlet; desk bylines are no author', () => {
  const a = normalize({ origin: 'f#1', format: 'feed', rawHash: 'h', encoding: 'utf-8', body: 'Die Minister trafen sich am Montag in Riad und sprachen über einen Waffenstillstand.', bodyIsHtml: false, meta: { author: 'Redaktion Weltlage24', source: 'Weltlage24 – Nachrichten rund um die Uhr', title: 'Treffen' } });
  assert.equal(a.author, null);
  assert.equal(a.source, 'Weltlage24');
});

test('an unparseable metadata date falls back to the header line, keeping null when there is none', () => {
  const a = normalize({ origin: 'j#1', format: 'jsonl', rawHash: 'h', encoding: 'utf-8', body: 'Die Minister trafen sich am Montag in Riad.', bodyIsHtml: false, meta: { published: 'gestern', title: 'Treffen' } });
  assert.equal(a.published, null);
  assert.equal(a.publishedRaw, 'gestern');
});

test('normalize is deterministic: same input, same article', () => {
  const raw: RawDocument = { origin: 'a.txt', format: 'text', rawHash: 'h', encoding: 'utf-8', body: 'Titel\n\n8. August 2025\n\nDie Gespräche gehen weiter. Beide Seiten zeigen sich zuversichtlich.', bodyIsHtml: false, meta: {} };
  assert.deepEqual(normalize(raw), normalize(raw));
});

test('empty text after cleaning throws with a one-line reason', () => {
  assert.throws(() => normalize({ origin: 'a.txt', format: 'text', rawHash: 'h', encoding: 'utf-8', body: 'Facebook Twitter WhatsApp\nAnzeige\n', bodyIsHtml: false, meta: {} }), /no article text left/);
});
