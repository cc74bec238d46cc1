/**
 * Plain-text reader: one article per file; all structure is found later by normalize.
 * Markdown-style front matter (`---` / `title: …` / `date: …` / `---`) becomes metadata.
 */
import type { RawDocument, SourceMetadata } from '../model/article.js';
import type { DecodedInput } from './types.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*\n/;
const KEYS: Record<string, keyof SourceMetadata> = {
  title: 'title', headline: 'title',
  date: 'published', published: 'published', pubdate: 'published', datepublished: 'published',
  author: 'author', authors: 'author', byline: 'author',
  source: 'source', outlet: 'source', publisher: 'source',
  url: 'url', link: 'url', canonical: 'url',
  lang: 'language', language: 'language',
};

export function readText(input: DecodedInput): RawDocument {
  let body = input.text.replace(/\r\n?/g, '\n');
  const meta: SourceMetadata = input.url ? { url: input.url } : {};
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    const found = frontMatter(fm[1]!);
    // Only a block that names known fields is front matter; a text may start with a rule line.
    if (Object.keys(found).length) {
      Object.assign(meta, found);
      body = body.slice(fm[0].length);
    }
  }
  return { origin: input.origin, format: 'text', rawHash: input.rawHash, encoding: input.encoding, body, bodyIsHtml: false, meta };
}

function frontMatter(block: string): SourceMetadata {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_]+)\s*:\s*(.+?)\s*$/.exec(line);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key || out[key]) continue;
    const value = m[2]!.replace(/^["']|["']$/g, '').replace(/^\[(.*)\]$/, '$1').trim();
    if (value) out[key] = value;
  }
  return out as SourceMetadata;
}
