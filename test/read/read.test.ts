import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { isFailure, readInputs, SIZE_LIMIT_DEFAULT, type ReadOptions } from '../../src/read/index.js';
import type { InputFailure, RawDocument } from '../../src/model/article.js';
import { writeFixtures } from './fixtures.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-read-'));
  writeFixtures(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(inputs: string[], opts?: ReadOptions) {
  const docs: RawDocument[] = [];
  const failures: InputFailure[] = [];
  for await (const r of readInputs(inputs, opts)) (isFailure(r) ? failures : docs).push(r as never);
  return { docs, failures };
}

async function one(rel: string, opts?: ReadOptions) {
  return collect([join(dir, rel)], opts);
}

test('SIZE_LIMIT_DEFAULT is 20 MB', () => {
  assert.equal(SIZE_LIMIT_DEFAULT, 20 * 1024 * 1024);
});

test('plain text: one document, sha256 of the raw bytes, utf-8', async () => {
  const { docs, failures } = await one('text/wire.txt');
  assert.equal(failures.length, 0);
  assert.equal(docs.length, 1);
  const d = docs[0]!;
  assert.equal(d.format, 'text');
  assert.equal(d.bodyIsHtml, false);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.rawHash, createHash('sha256').update(readFileSync(join(dir, 'text/wire.txt'))).digest('hex'));
  assert.match(d.body, /^Gipfeltreffen in Riad angekündigt\n/);
});

test('Latin-1 and Windows-1252 files decode to proper umlauts', async () => {
  const { docs } = await collect([join(dir, 'encodings/latin1.txt'), join(dir, 'encodings/windows1252.txt')]);
  assert.equal(docs.length, 2);
  assert.equal(docs[0]!.encoding, 'windows-1252');
  assert.match(docs[0]!.body, /^Gespräche über Gefangenenaustausch/);
  assert.doesNotMatch(docs[0]!.body, /Ã/);
  assert.match(docs[1]!.body, /„ohne Ergebnis“/);
  assert.match(docs[1]!.body, /Ergebnis – beide/);
});

test('double-encoded UTF-8 (GesprÃ¤che) is repaired; clean UTF-8 is left alone', async () => {
  const { docs } = await collect([join(dir, 'encodings/double-encoded.txt'), join(dir, 'text/wire.txt')]);
  assert.equal(docs[0]!.encoding, 'utf-8 (double-encoded, repaired)');
  assert.match(docs[0]!.body, /^Gespräche über Gefangenenaustausch/);
  assert.equal(docs[1]!.encoding, 'utf-8');
});

test('UTF-8 BOM and UTF-16 LE/BE with BOM decode to the same text', async () => {
  const { docs } = await collect(['utf8-bom', 'utf16le-bom', 'utf16be-bom'].map((n) => join(dir, `encodings/${n}.txt`)));
  assert.deepEqual(docs.map((d) => d.encoding), ['utf-8', 'utf-16le', 'utf-16be']);
  for (const d of docs) {
    assert.ok(d.body.startsWith('Waffenruhe gefordert\n'), JSON.stringify(d.body.slice(0, 30)));
    assert.match(d.body, /Kämpfe/);
  }
  assert.equal(new Set(docs.map((d) => d.body)).size, 1);
  assert.equal(new Set(docs.map((d) => d.rawHash)).size, 3);
});

test('UTF-16 without a BOM is recognised, not called binary', async () => {
  const p = join(dir, 'utf16-nobom.txt');
  writeFileSync(p, Buffer.from('Gespräche in Genf\n\nDie Gespräche wurden fortgesetzt.\n', 'utf16le'));
  const { docs, failures } = await collect([p]);
  assert.deepEqual(failures, []);
  assert.equal(docs[0]!.encoding, 'utf-16le');
  assert.match(docs[0]!.body, /^Gespräche in Genf/);
});

test('Markdown front matter becomes metadata; a text opening with a rule line is left alone', async () => {
  const p = join(dir, 'front.md');
  writeFileSync(p, '---\ntitle: "Gespräche in Riad"\ndate: 2025-08-05\nauthor: Lena Hofstätter\nsource: Mainfranken-Rundblick\ntags: [Diplomatie]\n---\nDie Delegationen haben sich in Riad getroffen.\n');
  const q = join(dir, 'rule.txt');
  writeFileSync(q, '---\nKeine Metadaten hier\n---\nText.\n');
  const { docs } = await collect([p, q]);
  assert.deepEqual(docs[0]!.meta, { title: 'Gespräche in Riad', published: '2025-08-05', author: 'Lena Hofstätter', source: 'Mainfranken-Rundblick' });
  assert.equal(docs[0]!.body, 'Die Delegationen haben sich in Riad getroffen.\n');
  assert.deepEqual(docs[1]!.meta, {});
  assert.match(docs[1]!.body, /^---\nKeine Metadaten/);
});

test('HTML page: markup kept for normalize, declared Latin-1 charset honoured', async () => {
  const { docs, failures } = await collect([join(dir, 'html/page.html'), join(dir, 'html/latin1-page.htm')]);
  assert.deepEqual(failures, []);
  assert.equal(docs[0]!.format, 'html');
  assert.equal(docs[0]!.bodyIsHtml, true);
  assert.match(docs[0]!.body, /<article>/);
  assert.equal(docs[1]!.encoding, 'windows-1252');
  assert.match(docs[1]!.body, /Gespräche in Genf/);
});

test('RSS 2.0: one document per item with link, title, pubDate, author, content:encoded', async () => {
  const { docs, failures } = await one('feeds/rss.xml');
  assert.equal(docs.length, 2);
  const [a, b] = docs;
  assert.equal(a!.origin, join(dir, 'feeds/rss.xml#1'));
  assert.equal(a!.format, 'feed');
  assert.deepEqual(a!.meta, {
    title: 'Telefonat zwischen den Präsidenten',
    url: 'https://ostsee-kurier.example/politik/telefonat?utm_medium=rss',
    published: 'Tue, 05 Aug 2025 18:10:00 +0200',
    author: 'Marta Nowak',
    source: 'Ostsee-Kurier',
    language: 'de-DE',
  });
  // content:encoded wins over the description
  assert.ok(a!.bodyIsHtml);
  assert.match(a!.body, /<p>Berlin \(dpa\) - Die beiden Präsidenten/);
  assert.equal(b!.meta.author, 'Paul Berger');
  assert.equal(b!.bodyIsHtml, false);
  assert.match(b!.body, /^Beide Seiten wollen je 120 Gefangene/);
  // the title-only item is a failure of its own
  assert.equal(failures.length, 1);
  assert.equal(failures[0]!.origin, join(dir, 'feeds/rss.xml#3'));
  assert.match(failures[0]!.reason, /no content/);
});

test('Atom: alternate link, published before updated, author name, html content and summary', async () => {
  const { docs, failures } = await one('feeds/atom.atom');
  assert.deepEqual(failures, []);
  assert.equal(docs.length, 2);
  assert.equal(docs[0]!.meta.url, 'https://alpenpost.example/genf-verhandlungen');
  assert.equal(docs[0]!.meta.published, '2025-08-19T16:45:00+02:00');
  assert.equal(docs[0]!.meta.author, 'Lukas Gruber');
  assert.equal(docs[0]!.meta.source, 'Alpenpost Politik');
  assert.equal(docs[0]!.meta.language, 'de');
  assert.ok(docs[0]!.bodyIsHtml);
  assert.match(docs[0]!.body, /^<p>Genf - Die Delegationen/);
  assert.equal(docs[1]!.meta.published, '2025-08-20T09:00:00Z');
  assert.match(docs[1]!.body, /^Dass beide Seiten/);
});

test('JSON Lines: good lines go in, a bad line and a line without text are failures with their line number', async () => {
  const { docs, failures } = await one('jsonl/articles.jsonl');
  assert.deepEqual(docs.map((d) => d.origin.split('#')[1]), ['1', '4']);
  assert.deepEqual(docs[0]!.meta, {
    title: 'Außenminister treffen sich in Riad',
    url: 'https://nordkurier.example/riad-treffen',
    published: '2025-08-14',
    author: 'Anna Schmidt',
    source: 'Nordkurier',
    language: 'de',
  });
  assert.equal(failures.length, 2);
  assert.match(failures[0]!.reason, /^line 2: malformed JSON/);
  assert.ok(failures[0]!.origin.endsWith('articles.jsonl#2'));
  assert.match(failures[1]!.reason, /^line 5: no "text" field/);
});

test('feeds with bare ampersands and HTML entities are read, not rejected', async () => {
  const p = join(dir, 'sloppy.rss');
  writeFileSync(p, '<?xml version="1.0"?><rss version="2.0"><channel><title>A &amp; B</title><item><title>Gespr&auml;che in Riad &ndash; Auftakt</title><link>https://x.example/a?x=1&y=2</link><description>Die Gespräche beginnen am Montag &amp; dauern drei Tage.</description></item></channel></rss>');
  const { docs, failures } = await collect([p]);
  assert.deepEqual(failures, []);
  assert.equal(docs[0]!.meta.title, 'Gespräche in Riad – Auftakt');
  assert.equal(docs[0]!.meta.url, 'https://x.example/a?x=1&y=2');
  assert.equal(docs[0]!.meta.source, 'A & B');
});

test('Atom xhtml content is kept as markup', async () => {
  const p = join(dir, 'xhtml.atom');
  writeFileSync(p, '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Alpenpost</title><entry><title>Genf</title><link href="https://alpenpost.example/genf"/><updated>2025-08-19T10:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Delegationen verhandeln in <b>Genf</b>.</p><p>Ein Ergebnis gibt es noch nicht.</p></div></content></entry></feed>');
  const { docs, failures } = await collect([p]);
  assert.deepEqual(failures, []);
  assert.ok(docs[0]!.bodyIsHtml);
  assert.match(docs[0]!.body, /<p>Die Delegationen verhandeln in <b>Genf<\/b>\.<\/p><p>Ein Ergebnis/);
});

test('relative feed links are resolved against the channel link', async () => {
  const p = join(dir, 'relative.rss');
  writeFileSync(p, '<?xml version="1.0"?><rss version="2.0"><channel><title>Kurier</title><link>https://kurier.example/politik/</link><item><title>Gipfel</title><link>/artikel/gipfel-riad</link><description>Die Delegationen haben sich in Riad getroffen.</description></item></channel></rss>');
  const { docs } = await collect([p]);
  assert.equal(docs[0]!.meta.url, 'https://kurier.example/artikel/gipfel-riad');
});

test('JSON Lines: Unix timestamps and nested source/author objects', async () => {
  const p = join(dir, 'epoch.jsonl');
  writeFileSync(p, JSON.stringify({ text: 'Die Delegationen haben sich in Riad getroffen.', published: 1754611200, source: { name: 'Nordkurier' }, author: [{ name: 'Anna Schmidt' }, 'Jonas Weber'] }) + '\n');
  const { docs } = await collect([p]);
  assert.equal(docs[0]!.meta.published, '2025-08-08T00:00:00.000Z');
  assert.equal(docs[0]!.meta.source, 'Nordkurier');
  assert.equal(docs[0]!.meta.author, 'Anna Schmidt, Jonas Weber');
});

test('text that merely starts with a bracket is text, not JSON', async () => {
  const stdin = Readable.from([Buffer.from('[Eilmeldung] Gipfel in Riad vereinbart\n\nDie Delegationen haben sich geeinigt.\n')]);
  const { docs, failures } = await collect(['-'], { stdin });
  assert.deepEqual(failures, []);
  assert.equal(docs[0]!.format, 'text');
});

test('a .json array of articles is read item by item', async () => {
  const p = join(dir, 'array.json');
  writeFileSync(p, JSON.stringify([{ text: 'Erster Text über die Gespräche.' }, { text: 'Zweiter Text über die Gespräche.', title: 'Zwei' }], null, 2));
  const { docs, failures } = await collect([p]);
  assert.deepEqual(failures, []);
  assert.equal(docs.length, 2);
  assert.equal(docs[1]!.meta.title, 'Zwei');
});

test('.gz files are decompressed; rawHash is of the file as stored', async () => {
  const { docs } = await one('gz/wire.txt.gz');
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.format, 'text');
  assert.match(docs[0]!.body, /^Gipfeltreffen in Riad/);
  assert.equal(docs[0]!.rawHash, createHash('sha256').update(readFileSync(join(dir, 'gz/wire.txt.gz'))).digest('hex'));
});

test('a gzipped feed is sniffed by content after decompression', async () => {
  const p = join(dir, 'feed.gz');
  writeFileSync(p, gzipSync(readFileSync(join(dir, 'feeds/atom.atom'))));
  const { docs } = await collect([p]);
  assert.equal(docs.length, 2);
  assert.equal(docs[0]!.format, 'feed');
});

test('WARC: HTML responses (chunked, gzip) and text resources are read; requests, images and 404s skipped', async () => {
  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    const { docs, failures } = await one(`warc/${name}`);
    assert.deepEqual(failures, []);
    assert.deepEqual(docs.map((d) => d.origin.split('#')[1]), ['3', '6']);
    assert.equal(docs[0]!.format, 'html');
    assert.equal(docs[0]!.meta.url, 'https://www.rheinblick.example/politik/waffenruhe-gefordert');
    assert.match(docs[0]!.body, /<article>/);
    assert.equal(docs[1]!.format, 'text');
    assert.equal(docs[1]!.encoding, 'windows-1252');
    assert.match(docs[1]!.body, /^Gespräche über/);
    assert.notEqual(docs[0]!.rawHash, docs[1]!.rawHash);
  }
});

const BAD: Array<[string, RegExp]> = [
  ['bad/truncated.warc', /^malformed WARC: record \d+ is truncated$/],
  ['bad/image.png', /^binary file \(PNG image\)/],
  ['bad/nul.txt', /^binary file \(contains NUL bytes\)/],
  ['bad/control.dat', /^binary file \(\d+% control bytes\)/],
  ['bad/empty.txt', /^empty file$/],
  ['bad/whitespace.txt', /^empty file \(only whitespace\)$/],
  ['bad/malformed.html', /^malformed HTML: comment opened at line 1 is never closed$/],
  ['bad/malformed.xml', /^malformed XML: .*closing tag.*\(line 3/],
  ['bad/not-a-feed.xml', /^XML document is not an RSS or Atom feed$/],
  ['bad/malformed.json', /^malformed JSON: /],
  ['bad/corrupt.txt.gz', /^corrupt gzip data/],
  ['does/not/exist.txt', /^no such file or directory$/],
];
for (const [rel, reason] of BAD) {
  test(`bad input ${rel}: one failure with a one-line reason`, async () => {
    const { docs, failures } = await one(rel);
    assert.equal(docs.length, 0);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.origin, join(dir, rel));
    assert.match(failures[0]!.reason, reason);
    assert.doesNotMatch(failures[0]!.reason, /\n/);
  });
}

test('malformed HTML variants: unclosed script, tag cut off at the end', async () => {
  const a = join(dir, 'script.html');
  const b = join(dir, 'cut.html');
  writeFileSync(a, '<html><body><p>Text über Riad.</p><script>var x = 1;\n</body></html>');
  writeFileSync(b, '<html><body><p>Text über Riad.</p><div class="foo');
  const { failures } = await collect([a, b]);
  assert.match(failures[0]!.reason, /<script> opened at line 1 is never closed/);
  assert.match(failures[1]!.reason, /cut off at the end/);
});

test('files over the size limit fail before they are read (and after decompression)', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, 'Gespräche '.repeat(200));
  const gz = join(dir, 'bomb.txt.gz');
  writeFileSync(gz, gzipSync(Buffer.alloc(5000, 0x41)));
  const { failures } = await collect([big, gz], { maxBytes: 1000 });
  assert.equal(failures.length, 2);
  assert.match(failures[0]!.reason, /^over the size limit \(\d+ bytes > 1000 bytes\)$/);
  assert.match(failures[1]!.reason, /over the size limit after decompression/);
});

test('a bad file never stops the batch: directory walk yields every file, sorted, recursively', async () => {
  const all: Array<RawDocument | InputFailure> = [];
  for await (const r of readInputs([dir])) all.push(r);
  const docs = all.filter((r) => !isFailure(r));
  const failures = all.filter(isFailure);
  const origins = all.map((x) => x.origin.slice(dir.length + 1));
  assert.ok(origins.includes('text/nested/no-title.txt'));
  assert.ok(origins.includes('bad/empty.txt'));
  assert.ok(docs.length >= 15, `docs ${docs.length}`);
  assert.ok(failures.length >= 10, `failures ${failures.length}`);
  const files = origins.map((o) => o.split('#')[0]!);
  assert.deepEqual(files, [...files].sort());
});

test('globs expand (sorted); a glob without matches is a failure', async () => {
  const { docs, failures } = await collect([join(dir, 'encodings/*.txt'), join(dir, 'nothing/*.md')]);
  assert.equal(docs.length, 6);
  assert.deepEqual(docs.map((d) => d.origin), [...docs.map((d) => d.origin)].sort());
  assert.equal(failures.length, 1);
  assert.equal(failures[0]!.reason, 'glob matched no files');
});

test('`-` reads stdin from the given stream (sniffing the format from content)', async () => {
  const stdin = Readable.from([Buffer.from('{"text": "Die Gespräche gehen weiter.", "title": "Aus stdin"}\n')]);
  const { docs } = await collect(['-'], { stdin });
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.origin, '-#1');
  assert.equal(docs[0]!.format, 'jsonl');
  assert.equal(docs[0]!.meta.title, 'Aus stdin');
});

test('defaults fill metadata an input lacks, never override what it says', async () => {
  const { docs } = await collect([join(dir, 'text/wire.txt'), join(dir, 'jsonl/articles.jsonl')], { defaults: { source: 'Elbflorenz-Bote', language: 'de' } });
  assert.equal(docs[0]!.meta.source, 'Elbflorenz-Bote');
  assert.equal(docs[1]!.meta.source, 'Nordkurier', 'the JSON line names its own outlet');
  assert.equal(docs[2]!.meta.source, 'Elbflorenz-Bote');
});

test('a folder .chronik.json names what its files lack (inherited by subfolders); the command line wins', async () => {
  const root = join(dir, 'outlet');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, '.chronik.json'), JSON.stringify({ source: 'Elbflorenz-Bote', language: 'de' }));
  writeFileSync(join(root, 'a.txt'), 'Gespräche in Riad\n\nDie Delegationen haben sich getroffen.\n');
  writeFileSync(join(root, 'sub', 'b.txt'), 'Gespräche in Genf\n\nDie Delegationen haben sich wieder getroffen.\n');
  const { docs, failures } = await collect([root]);
  assert.deepEqual(failures, [], 'the .chronik.json itself is not an input');
  assert.deepEqual(docs.map((d) => d.meta.source), ['Elbflorenz-Bote', 'Elbflorenz-Bote']);
  const flagged = await collect([root], { defaults: { source: 'Nordkurier' } });
  assert.deepEqual(flagged.docs.map((d) => d.meta.source), ['Nordkurier', 'Nordkurier']);
  writeFileSync(join(root, 'sub', '.chronik.json'), '{kaputt');
  const broken = await collect([root]);
  assert.equal(broken.failures.length, 1);
  assert.match(broken.failures[0]!.reason, /^malformed JSON/);
  assert.equal(broken.docs[1]!.meta.source, 'Elbflorenz-Bote', 'a broken folder file falls back to the parent');
  rmSync(root, { recursive: true });
});

test('unsupported URL schemes are failures', async () => {
  const { failures } = await collect(['ftp://example.org/feed.xml']);
  assert.match(failures[0]!.reason, /unsupported URL scheme ftp/);
});

test('paths that cannot be read as files are failures (also when running as root)', async () => {
  const { execFileSync } = await import('node:child_process');
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const { failures } = await collect([join(dir, 'text/wire.txt/child'), fifo]);
  assert.deepEqual(failures.map((f) => f.reason), ['a path component is not a directory', 'not a regular file or directory']);
  rmSync(fifo);
});

test('unreadable paths are failures', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
  const { chmodSync } = await import('node:fs');
  const p = join(dir, 'secret.txt');
  writeFileSync(p, 'Geheime Gespräche.');
  chmodSync(p, 0o000);
  const { failures } = await collect([p]);
  assert.equal(failures[0]!.reason, 'permission denied');
});

test('http(s) inputs: feed by content type, HTTP errors, size limit, timeout', async () => {
  const rss = readFileSync(join(dir, 'feeds/rss.xml'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss);
    } else if (req.url === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
      res.end(Buffer.from('Gespräche in Genf\n\nDie Gespräche gehen weiter.\n', 'latin1'));
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(Buffer.alloc(2000, 0x41));
      res.end(Buffer.alloc(2000, 0x41));
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/latin1' });
      res.end();
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('zu spät'), 20_000).unref();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('nicht gefunden');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { docs, failures } = await collect(
      [`${base}/feed`, `${base}/latin1`, `${base}/missing`, `${base}/big`, `${base}/slow`, `${base}/moved`],
      // The timeout is generous so that the good URLs never hit it on a loaded machine.
      { maxBytes: 1000 + rss.length, timeoutMs: 2000 },
    );
    assert.equal(docs.filter((d) => d.format === 'feed').length, 2);
    assert.equal(docs[0]!.origin, `${base}/feed#1`);
    const latin = docs.find((d) => d.origin === `${base}/latin1`)!;
    assert.equal(latin.encoding, 'windows-1252');
    assert.match(latin.body, /^Gespräche in Genf/);
    assert.equal(latin.meta.url, `${base}/latin1`);
    const moved = docs.find((d) => d.origin === `${base}/moved`)!;
    assert.equal(moved.meta.url, `${base}/latin1`, 'redirects are followed; the final address is the URL');
    const reasons = Object.fromEntries(failures.map((f) => [f.origin.replace(base, ''), f.reason]));
    assert.equal(reasons['/missing'], 'HTTP 404 Not Found');
    assert.match(reasons['/big']!, /over the size limit/);
    assert.match(reasons['/slow']!, /timed out after 2 s/);
    assert.match(reasons['/feed#3']!, /no content/);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
