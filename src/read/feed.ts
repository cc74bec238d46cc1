/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom reader: one RawDocument per item, origin `file#N` (1-based).
 * Item content stays HTML where the feed gives HTML; normalize turns it into text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { RawDocument, SourceMetadata } from '../model/article.js';
import { failure, type DecodedInput, type ReadResult } from './types.js';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'category', 'dc:creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

export function* readFeed(input: DecodedInput): Generator<ReadResult> {
  let xml = input.text.replace(/^\uFEFF/, '').trimStart();
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // Bare `&` in links and titles is the most common fault of real feeds; forgive only that one.
    const repaired = xml.replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
    const again = repaired === xml ? valid : XMLValidator.validate(repaired);
    if (again !== true) {
      yield failure(input.origin, `malformed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
      return;
    }
    xml = repaired;
  }
  let root: Node;
  try {
    root = parser.parse(xhtmlAsText(xml)) as Node;
  } catch (e) {
    yield failure(input.origin, `malformed XML: ${(e as Error).message}`);
    return;
  }
  const rss = obj(root.rss);
  const rdf = obj(root['rdf:RDF']);
  const atom = obj(root.feed);
  let items: Node[];
  let channel: Node;
  let toDoc: (item: Node, channel: Node) => Omit<RawDocument, 'origin' | 'rawHash' | 'encoding' | 'format'>;
  if (rss) {
    channel = obj(rss.channel) ?? {};
    items = nodes(channel.item);
    toDoc = rssItem;
  } else if (rdf) {
    channel = obj(rdf.channel) ?? {};
    items = nodes(rdf.item);
    toDoc = rssItem;
  } else if (atom) {
    channel = atom;
    items = nodes(atom.entry);
    toDoc = atomEntry;
  } else {
    yield failure(input.origin, 'XML document is not an RSS or Atom feed');
    return;
  }
  if (items.length === 0) {
    yield failure(input.origin, 'feed has no items');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const origin = `${input.origin}#${i + 1}`;
    const d = toDoc(items[i]!, channel);
    if (!d.body.trim()) {
      yield failure(origin, `feed item ${i + 1} has no content${d.meta.title ? ` (title only: "${d.meta.title.slice(0, 60)}")` : ''}`);
      continue;
    }
    // Relative item links are resolved against the channel's own link (or the feed's URL).
    if (d.meta.url && !/^https?:\/\//i.test(d.meta.url)) {
      const base = firstLink(channel.link) ?? atomLink(channel.link) ?? input.url;
      const abs = base ? resolve(d.meta.url, base) : undefined;
      if (abs) d.meta.url = abs;
    }
    yield { origin, format: 'feed', rawHash: input.rawHash, encoding: input.encoding, ...d };
  }
}

/** Atom `type="xhtml"` content is markup inside the XML; keep it as one HTML string (CDATA) for normalize. */
function xhtmlAsText(xml: string): string {
  return xml.replace(
    /(<(content|summary)\b[^>]*\btype=["']xhtml["'][^>]*>)([\s\S]*?)(<\/\2>)/g,
    (_m, open: string, _tag: string, inner: string, close: string) => `${open}<![CDATA[${inner.replace(/]]>/g, ']]]]><![CDATA[>')}]]>${close}`,
  );
}

function rssItem(item: Node, channel: Node): Omit<RawDocument, 'origin' | 'rawHash' | 'encoding' | 'format'> {
  const guid = item.guid;
  const guidLink =
    typeof guid === 'object' && guid && obj(guid)?.['@_isPermaLink'] !== 'false' ? text(guid) : typeof guid === 'string' && /^https?:/.test(guid) ? guid : undefined;
  const encoded = text(item['content:encoded']);
  const description = text(item.description);
  const body = encoded ?? description ?? '';
  const meta = clean({
    title: text(item.title),
    url: firstLink(item.link) ?? guidLink,
    published: text(item.pubDate) ?? text(item['dc:date']),
    author: names(item['dc:creator']) ?? names(item.author),
    source: text(item.source) ?? text(channel.title),
    language: text(channel.language) ?? text(channel['dc:language']),
  });
  return { body, bodyIsHtml: looksHtml(body), meta };
}

function atomEntry(entry: Node, feed: Node): Omit<RawDocument, 'origin' | 'rawHash' | 'encoding' | 'format'> {
  const content = obj(entry.content) ?? (typeof entry.content === 'string' ? { '#text': entry.content } : undefined);
  const summary = obj(entry.summary) ?? (typeof entry.summary === 'string' ? { '#text': entry.summary } : undefined);
  const chosen = content && text(content) ? content : summary;
  const body = chosen ? (text(chosen) ?? '') : '';
  const type = String(chosen?.['@_type'] ?? 'text');
  const meta = clean({
    title: text(entry.title),
    url: atomLink(entry.link),
    published: text(entry.published) ?? text(entry.updated) ?? text(entry['dc:date']),
    author: names(entry.author) ?? names(feed.author),
    source: text(obj(entry.source)?.title) ?? text(feed.title),
    language: text(entry['@_xml:lang']) ?? text(feed['@_xml:lang']),
  });
  return { body, bodyIsHtml: type === 'html' || type === 'xhtml' || looksHtml(body), meta };
}

function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function atomLink(v: unknown): string | undefined {
  const links = nodes(v);
  const pick = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return pick ? text(pick['@_href']) : undefined;
}

function firstLink(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  for (const l of list) {
    const t = typeof l === 'string' ? l : text(obj(l)?.['@_href']) ?? text(l);
    if (t) return t;
  }
  return undefined;
}

/** Text of a node: a string, or an element's `#text` (attributes ignored). */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  const o = obj(v);
  if (o && '#text' in o) return text(o['#text']);
  return undefined;
}

/** `<author><name>…</name></author>`, `<dc:creator>`, `<author>mail (Name)</author>`, repeated. */
function names(v: unknown): string | undefined {
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((a) => {
    const o = obj(a);
    const t = o && 'name' in o ? text(o.name) : text(a);
    const rssMail = t ? /^\S+@\S+\s+\((.+)\)$/.exec(t) : null;
    return rssMail ? rssMail[1] : t;
  });
  const ok = list.filter((x): x is string => !!x);
  return ok.length ? ok.join(', ') : undefined;
}

function looksHtml(s: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^>]*)?\/?>/i.test(s) || /&(?:[a-z]+|#\d+);/i.test(s);
}

function obj(v: unknown): Node | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}

function nodes(v: unknown): Node[] {
  if (Array.isArray(v)) return v.map((x) => obj(x) ?? { '#text': x });
  const o = obj(v);
  return o ? [o] : [];
}

function clean(m: Record<string, string | undefined>): SourceMetadata {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (v) out[k] = k === 'url' ? v : decodeEntities(v);
  return out as SourceMetadata;
}

/** HTML entities the XML parser leaves alone (`&auml;` in a title); an HTML parser knows them all. */
function decodeEntities(s: string): string {
  if (!/&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);/.test(s)) return s;
  const { document } = parseHTML(`<!doctype html><html><body><p>${s.replace(/</g, '&lt;')}</p></body></html>`);
  return (document.querySelector('p')?.textContent ?? s).replace(/\s+/g, ' ').trim();
}
