/**
 * The normalize stage: RawDocument → Article. Pure: no I/O, no clock (a missing date stays null).
 */
import type { Article, RawDocument } from '../model/article.js';
import { normalizeDateText } from './dates.js';
import { extractHtml, type HtmlExtract } from './html.js';
import { htmlToParagraphs } from './htmltext.js';
import { articleIdFor, contentHash, normalizeUrl } from './ids.js';
import { detectLanguage } from './language.js';
import { agencyName, nonPersonAuthor } from './rules.js';
import { parseText } from './text.js';

export { articleIdFor, contentHash, normalizeUrl } from './ids.js';
export { normalizeDateText } from './dates.js';
export { detectLanguage } from './language.js';

/** Cleans one raw document; throws an Error with a one-line reason when no text is left. */
export function normalize(raw: RawDocument): Article {
  try {
    return normalizeDocument(raw);
  } catch (e) {
    // Whatever went wrong deep inside (a parser on odd markup), the caller gets one line.
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'cannot normalise this document', { cause: e });
  }
}

function normalizeDocument(raw: RawDocument): Article {
  const meta = raw.meta;
  let extracted: HtmlExtract = { paragraphs: [] };
  let bodyText: string;
  if (raw.bodyIsHtml && raw.format === 'html') {
    extracted = extractHtml(raw.body);
    bodyText = extracted.paragraphs.join('\n\n');
  } else if (raw.bodyIsHtml) {
    bodyText = htmlToParagraphs(raw.body).join('\n\n');
  } else {
    bodyText = raw.body;
  }

  const knownTitle = clean(meta.title) ?? extracted.title ?? null;
  const parsed = parseText(bodyText, { knownTitle, detectTitle: !knownTitle });
  const text = parsed.paragraphs.join('\n\n');
  if (!text.trim()) throw new Error(raw.bodyIsHtml ? 'no article text found in the HTML' : 'no article text left after removing boilerplate');

  // First date that parses wins: structured metadata, then the page's meta tags, then header lines.
  const dates = [clean(meta.published), extracted.published, parsed.publishedRaw ?? undefined].filter((d): d is string => !!d);
  const dated = dates.map((d) => ({ raw: d, value: normalizeDateText(d)?.value })).find((d) => d.value);
  const published = dated?.value ?? null;
  const publishedRaw = dated?.raw ?? dates[0] ?? null;
  // A page's canonical URL names the article better than the address it was fetched from.
  const rawUrl = absoluteUrl(extracted.url, meta.url) ?? clean(meta.url) ?? null;
  const url = rawUrl && /^https?:\/\//i.test(rawUrl) ? rawUrl : null;
  const rawByline = clean(meta.author) ?? extracted.author ?? null;
  const metaByline = rawByline ? cleanByline(rawByline) : undefined;
  const byline = metaByline?.author ?? parsed.author ?? null;
  const agency = parsed.agency ?? metaByline?.agency ?? agencyFromAuthor(byline);
  // A desk or "with agencies" is not an author; an agency name in the byline is the agency.
  const author = byline && !nonPersonAuthor(byline) && !agencyName(byline) ? byline : null;
  const metaSource = clean(meta.source);
  const source = (metaSource && raw.format === 'feed' ? outletName(metaSource) : metaSource) ?? extracted.publisher ?? parsed.source ?? agency ?? null;
  const rawTitle = knownTitle ?? parsed.title;
  const title = rawTitle ? rawTitle.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim() || null : null;

  return {
    // Without a URL, identity is the text as published: headline, outlet and body. The same body
    // under another outlet's header is then a second article, marked an exact duplicate by contentHash.
    id: articleIdFor(url, [title ?? '', source ?? '', text].join('\n')),
    origin: raw.origin,
    url: url ? (normalizeUrl(url) ?? url) : null,
    format: raw.format,
    rawHash: raw.rawHash,
    encoding: raw.encoding,
    title,
    published,
    publishedRaw,
    author,
    source,
    agency,
    dateline: parsed.dateline,
    language: detectLanguage(`${title ?? ''}\n${text}`, clean(meta.language) ?? extracted.language),
    text,
    contentHash: contentHash(text),
  };
}

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function clean(s: string | undefined | null): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** A feed's channel title without its section or tagline: `Nordsee-Depesche – Politik` → `Nordsee-Depesche`. */
function outletName(channelTitle: string): string {
  return channelTitle.split(/\s+[–—|-]\s+|:\s+/u)[0]!.trim() || channelTitle;
}

/** A byline from metadata, as pages write it: `Von Jonas Weber, dpa` → Jonas Weber + dpa. */
function cleanByline(raw: string): { author: string; agency?: string } {
  let author = raw.replace(/^(?:von|by|autor(?:in)?:?|text:)\s+/iu, '').trim();
  let agency: string | undefined;
  const tail = /\s*(?:,|\/|\||\(|–|—|-)\s*([^,/|()–—-]+?)\)?$/u.exec(author);
  if (tail && agencyName(tail[1]!)) {
    agency = agencyName(tail[1]!);
    author = author.slice(0, tail.index).trim();
  }
  return agency ? { author: author || raw, agency } : { author: author || raw };
}

/** Feeds often put the agency in the author field (`dpa`). */
function agencyFromAuthor(author: string | null): string | null {
  return author ? (agencyName(author) ?? null) : null;
}
