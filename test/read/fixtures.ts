/**
 * Writes the read/normalize test inputs byte for byte (encodings, binary and broken files need
 * exact bytes). `npx tsx test/read/fixtures.ts` refreshes the committed copies in test/fixtures/inputs;
 * tests call writeFixtures(tmpdir) so they never depend on a stale checkout.
 * All article text below is invented for these tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const WIRE = `Gipfeltreffen in Riad angekündigt
Gipfeltreffen in Riad angekündigt
Freitag, 8. August 2025, 14:32 Uhr
dpa
Von Anna Schmidt

Berlin (dpa) - Die Außenminister Nordmarks und Südlands wollen sich in der kommenden Woche in Riad treffen. Das teilte das Auswärtige Amt am Freitag in Berlin mit.

Die Gespräche sollen drei Tage dauern. Beobachter rechnen mit einer gemeinsamen Erklärung zur Lage an der Grenze.

Teilen auf Facebook
Facebook Twitter WhatsApp E-Mail

Mehr zum Thema
Der lange Weg nach Riad
Schreibe einen Kommentar
`;

export const LATIN1_TEXT = `Gespräche über Gefangenenaustausch

08.08.2025

Die Delegationen setzten ihre Gespräche am Freitag fort. Über die Größe des Austauschs wurde zunächst nichts bekannt; beide Seiten äußerten sich zurückhaltend.
`;

const UTF16_TEXT = `Waffenruhe gefordert
2025-08-12

Genf (AFP) - Die Vereinten Nationen haben eine sofortige Waffenruhe gefordert. Die Kämpfe müssten enden, sagte ein Sprecher.
`;

const HTML = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Waffenruhe gefordert | Rheinblick Zeitung</title>
<meta property="og:title" content="Waffenruhe gefordert">
<meta property="og:site_name" content="Rheinblick Zeitung">
<meta property="article:published_time" content="2025-08-12T09:30:00+02:00">
<meta name="author" content="Jonas Weber">
<link rel="canonical" href="https://www.rheinblick.example/politik/waffenruhe-gefordert/?utm_source=feed#top">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Seite"},{"@type":"NewsArticle","headline":"Waffenruhe in Nordmark gefordert","datePublished":"2025-08-12T09:30:00+02:00","author":[{"@type":"Person","name":"Jonas Weber"}],"publisher":{"@type":"Organization","name":"Rheinblick Zeitung"}}]}</script>
</head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
<div class="ad">Anzeige: Jetzt Urlaub an der Ostsee buchen!</div>
<article>
<h1>Waffenruhe in Nordmark gefordert</h1>
<time datetime="2025-08-12">12. August 2025</time>
<p>Genf (AFP) - Die Vereinten Nationen haben am Dienstag eine sofortige Waffenruhe in der Region Nordmark gefordert. Der Generalsekretär rief beide Seiten auf, die Kämpfe einzustellen und die Verhandlungen in Riad fortzusetzen.</p>
<p>Nach Angaben von Diplomaten sollen die Delegationen bereits in der kommenden Woche wieder zusammenkommen. Ein Sprecher des Außenministeriums sagte, man sei vorsichtig optimistisch.</p>
<p>Die Gespräche waren in der vergangenen Woche unterbrochen worden, nachdem es an der Grenze erneut zu Gefechten gekommen war.</p>
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a">Gipfel in Riad</a></li><li><a href="/b">Telefonat der Präsidenten</a></li></ul></aside>
<footer><p>Impressum | Datenschutz</p><p>Wir verwenden Cookies. Alle akzeptieren</p></footer>
</body></html>
`;

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Ostsee-Kurier</title>
<link>https://ostsee-kurier.example/</link>
<language>de-DE</language>
<item>
<title>Telefonat zwischen den Präsidenten</title>
<link>https://ostsee-kurier.example/politik/telefonat?utm_medium=rss</link>
<pubDate>Tue, 05 Aug 2025 18:10:00 +0200</pubDate>
<dc:creator>Marta Nowak</dc:creator>
<description>Kurzfassung</description>
<content:encoded><![CDATA[<p>Berlin (dpa) - Die beiden Präsidenten haben am Dienstag fast eine Stunde miteinander telefoniert.</p><p>Sie vereinbarten, die Gespräche ihrer Außenminister fortzusetzen.</p>]]></content:encoded>
</item>
<item>
<title>Gefangenenaustausch vereinbart</title>
<link>https://ostsee-kurier.example/politik/austausch</link>
<pubDate>Fri, 22 Aug 2025 07:00:00 GMT</pubDate>
<author>redaktion@ostsee-kurier.example (Paul Berger)</author>
<description>Beide Seiten wollen je 120 Gefangene freilassen. Das Abkommen wurde in Riad unterzeichnet.</description>
</item>
<item>
<title>Nur eine Überschrift</title>
<link>https://ostsee-kurier.example/politik/leer</link>
</item>
</channel>
</rss>
`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Alpenpost Politik</title>
<id>urn:alpenpost:politik</id>
<updated>2025-08-20T10:00:00Z</updated>
<entry>
<title>Delegationen verhandeln in Genf</title>
<link rel="alternate" href="https://alpenpost.example/genf-verhandlungen"/>
<link rel="edit" href="https://alpenpost.example/edit/1"/>
<id>urn:alpenpost:1</id>
<published>2025-08-19T16:45:00+02:00</published>
<updated>2025-08-20T08:00:00+02:00</updated>
<author><name>Lukas Gruber</name></author>
<content type="html">&lt;p&gt;Genf - Die Delegationen beider Länder haben am Dienstag ihre Verhandlungen in Genf aufgenommen.&lt;/p&gt;&lt;p&gt;Ein Ergebnis wird frühestens Ende der Woche erwartet.&lt;/p&gt;</content>
</entry>
<entry>
<title>Kommentar: Ein vorsichtiger Anfang</title>
<link href="https://alpenpost.example/kommentar-anfang"/>
<id>urn:alpenpost:2</id>
<updated>2025-08-20T09:00:00Z</updated>
<summary>Dass beide Seiten wieder miteinander reden, ist ein Fortschritt. Mehr aber auch nicht.</summary>
</entry>
</feed>
`;

const JSONL = [
  JSON.stringify({ title: 'Außenminister treffen sich in Riad', url: 'https://nordkurier.example/riad-treffen', published: '2025-08-14', source: 'Nordkurier', author: 'Anna Schmidt', language: 'de', text: 'Riad (dpa) - Die Außenminister haben sich am Donnerstag in Riad getroffen. Sie sprachen mehr als vier Stunden miteinander.' }),
  '{"title": "kaputt", "text": "Diese Zeile ist kein gültiges JSON',
  '',
  JSON.stringify({ title: 'Talks in Riyadh', published: 'Thu, 14 Aug 2025 12:00:00 GMT', text: 'The foreign ministers of both countries met in Riyadh on Thursday. They talked for more than four hours and agreed to meet again next week.' }),
  JSON.stringify({ title: 'Ohne Text' }),
].join('\n') + '\n';

function warcRecord(type: string, uri: string | undefined, contentType: string, block: Buffer): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    'WARC-Date: 2025-08-12T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-${String(block.length).padStart(12, '0')}>`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n', 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

function httpResponse(status: string, headers: string[], body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([`HTTP/1.1 ${status}`, ...headers].join('\r\n') + '\r\n\r\n', 'latin1'), body]);
}

/** A small crawl: info, request, an HTML page (chunked + gzip), an image, a 404, a plain-text resource. */
function warc(): Buffer {
  const page = gzipSync(Buffer.from(HTML, 'utf8'));
  const half = Math.floor(page.length / 2);
  const chunked = Buffer.concat([
    Buffer.from(`${half.toString(16)}\r\n`), page.subarray(0, half), Buffer.from('\r\n'),
    Buffer.from(`${(page.length - half).toString(16)}\r\n`), page.subarray(half), Buffer.from('\r\n0\r\n\r\n'),
  ]);
  const http = (b: string) => Buffer.from(b, 'latin1');
  return Buffer.concat([
    warcRecord('warcinfo', undefined, 'application/warc-fields', http('software: chronik-tests\r\n')),
    warcRecord('request', 'https://www.rheinblick.example/politik/waffenruhe-gefordert', 'application/http; msgtype=request', http('GET /politik/waffenruhe-gefordert HTTP/1.1\r\nHost: www.rheinblick.example\r\n\r\n')),
    warcRecord('response', 'https://www.rheinblick.example/politik/waffenruhe-gefordert', 'application/http; msgtype=response',
      httpResponse('200 OK', ['Content-Type: text/html; charset=utf-8', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked'], chunked)),
    warcRecord('response', 'https://www.rheinblick.example/logo.png', 'application/http; msgtype=response',
      httpResponse('200 OK', ['Content-Type: image/png'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))),
    warcRecord('response', 'https://www.rheinblick.example/fehlt', 'application/http; msgtype=response',
      httpResponse('404 Not Found', ['Content-Type: text/html'], Buffer.from('<html><body>Nicht gefunden</body></html>'))),
    warcRecord('resource', 'https://alpenpost.example/meldung.txt', 'text/plain; charset=iso-8859-1', iconv.encode(LATIN1_TEXT, 'latin1')),
  ]);
}

/** Files relative to the fixture root → exact bytes. */
export function fixtureFiles(): Record<string, Buffer> {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const files: Record<string, Buffer> = {
    'text/wire.txt': utf8(WIRE),
    'text/nested/no-title.txt': utf8(
      'Riad, Saudi-Arabien - Die Delegationen beider Staaten sind am Mittwoch zu einer weiteren Verhandlungsrunde zusammengekommen. Ein Ergebnis gab es zunächst nicht.\n\nDie Gespräche sollen am Donnerstag fortgesetzt werden.\n',
    ),
    'encodings/latin1.txt': iconv.encode(LATIN1_TEXT, 'latin1'),
    'encodings/windows1252.txt': iconv.encode('Gespräche „ohne Ergebnis“\n\n2025-08-09\n\nDie Gespräche endeten ohne Ergebnis – beide Seiten wollen sich dennoch wieder treffen.\n', 'windows-1252'),
    // UTF-8 read as Windows-1252 and saved as UTF-8 again (GesprÃ¤che): repaired on read
    'encodings/double-encoded.txt': utf8(iconv.decode(utf8(LATIN1_TEXT), 'windows-1252')),
    'encodings/utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(UTF16_TEXT)]),
    'encodings/utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(UTF16_TEXT, 'utf-16le')]),
    'encodings/utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(UTF16_TEXT, 'utf-16be')]),
    'html/page.html': utf8(HTML),
    'html/latin1-page.htm': iconv.encode('<html><head><meta charset="iso-8859-1"><title>Gespräche in Genf</title></head><body><p>Die Gespräche in Genf wurden am Montag fortgesetzt. Beide Seiten äußerten sich zuversichtlich über die nächsten Schritte.</p></body></html>\n', 'latin1'),
    'feeds/rss.xml': utf8(RSS),
    'feeds/atom.atom': utf8(ATOM),
    'jsonl/articles.jsonl': utf8(JSONL),
    'gz/wire.txt.gz': gzipSync(utf8(WIRE)),
    'warc/crawl.warc': warc(),
    'warc/crawl.warc.gz': gzipSync(warc()),
    'bad/image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
    'bad/nul.txt': Buffer.concat([utf8('Gespräche\n'), Buffer.from([0, 1, 2, 0, 0, 3]), utf8('Ende\n')]),
    'bad/control.dat': Buffer.from(Array.from({ length: 400 }, (_, k) => (k % 3 === 0 ? 0x41 : (k % 31) + 1))),
    'bad/empty.txt': Buffer.alloc(0),
    'bad/whitespace.txt': utf8('  \n\n\t \n'),
    'bad/malformed.html': utf8('<html><body><p>Die Verhandlungen gehen weiter.</p><!-- Navigation beginnt\n<div>Menü</div>\n</body></html>\n'),
    'bad/malformed.xml': utf8('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Kaputt</title>\n<item><title>Erste Meldung</title></channel></rss>\n'),
    'bad/not-a-feed.xml': utf8('<?xml version="1.0"?>\n<config><name>keine Nachrichten</name></config>\n'),
    'bad/malformed.json': utf8('[{"text": "Die Gespräche gehen weiter."}, {"text": ]\n'),
    'bad/truncated.warc': warc().subarray(0, 900),
    'bad/corrupt.txt.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]),
  };
  return files;
}

export function writeFixtures(root: string): string[] {
  const written: string[] = [];
  for (const [rel, bytes] of Object.entries(fixtureFiles())) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    written.push(p);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'inputs');
  for (const p of writeFixtures(root)) console.log(p);
}
