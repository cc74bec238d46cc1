/**
 * HTML page → main text (Mozilla Readability over a linkedom DOM) and metadata from JSON-LD
 * NewsArticle, OpenGraph / article:* meta tags, <time datetime>, <html lang>, <meta name=author>.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { nodeToParagraphs, type WalkNode } from './htmltext.js';

export interface HtmlExtract {
  paragraphs: string[];
  title?: string;
  published?: string;
  author?: string;
  publisher?: string;
  language?: string;
  url?: string;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background|Satirical|Report|Scholarly|Tech|Blog)?Article$|^BlogPosting$|^LiveBlogPosting$/;

export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  const out: HtmlExtract = { paragraphs: [] };

  const ld = jsonLdArticle(document);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  out.title = str(ld?.headline) ?? str(ld?.name) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]');
  out.published =
    str(ld?.datePublished) ??
    str(ld?.dateCreated) ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publish-date"]') ??
    meta('meta[name="dc.date"]') ??
    meta('meta[name="DC.date.issued"]') ??
    timeDatetime(document);
  out.author = person(ld?.author) ?? meta('meta[name="author"]') ?? nonUrl(meta('meta[property="article:author"]'));
  out.publisher = person(ld?.publisher) ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  out.language =
    str(ld?.inLanguage) ??
    (document.documentElement?.getAttribute('lang') || undefined) ??
    meta('meta[http-equiv="content-language"]') ??
    meta('meta[property="og:locale"]');
  out.url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    meta('meta[property="og:url"]') ||
    str(ld?.url) ||
    undefined;
  const docTitle = document.querySelector('title')?.textContent?.trim();
  const text = (el: { textContent: string | null } | null) => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  // A page-wide <h1> is often the site logo: trusted only when the <title> repeats it.
  const pageH1 = text(document.querySelector('h1'));
  const shortTitle = docTitle ? stripSiteName(docTitle, out.publisher) : undefined;
  out.title ??=
    text(document.querySelector('article h1') ?? document.querySelector('main h1')) ??
    (pageH1 && shortTitle && (shortTitle.includes(pageH1) || pageH1.includes(shortTitle)) ? pageH1 : undefined) ??
    shortTitle ??
    pageH1;

  // Readability rewrites the DOM it is given, so metadata is read first.
  removeAds(document);
  let paragraphs: string[] = [];
  try {
    // Hand back the content node itself: serialising and re-parsing it would cost a second parse.
    const article = new Readability<WalkNode>(document as unknown as Document, {
      charThreshold: 200,
      serializer: (node) => node as unknown as WalkNode,
    }).parse();
    if (article?.content) paragraphs = nodeToParagraphs(article.content);
    out.title ??= article?.title?.trim() || undefined;
    out.author ??= article?.byline?.trim() || undefined;
  } catch {
    // Readability gives up on odd DOMs; the fallback below still finds the text.
  }
  const fallback = () => {
    const { document: again } = parseHTML(html);
    removeAds(again);
    // A wrapper named `has-sidebar` holds the article too: only blocks with a minor share of the text go.
    const total = again.body?.textContent?.length ?? 0;
    for (const el of Array.from(again.querySelectorAll('[class], [id]'))) {
      if (/^(?:html|body|main|article)$/i.test(el.tagName)) continue;
      const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
      if (FURNITURE_CLASS.test(tokens) && (el.textContent?.length ?? 0) < total / 2) el.remove();
    }
    for (const el of Array.from(again.querySelectorAll('nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], .ad, .ads, .advert, .cookie, .share'))) el.remove();
    const root = again.querySelector('article') ?? again.querySelector('main') ?? again.body;
    return root ? nodeToParagraphs(root as unknown as WalkNode) : [];
  };
  const body = str(ld?.articleBody);
  // Readability finds nothing on short pages; then the page minus its furniture is the text.
  if (paragraphs.join(' ').length < 200) paragraphs = fallback();
  if (body && body.length > paragraphs.join(' ').length * 1.5) paragraphs = body.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  out.paragraphs = paragraphs;
  for (const k of Object.keys(out) as Array<keyof HtmlExtract>) if (out[k] === undefined) delete out[k];
  return out;
}

/** Class or id words of page furniture, for the fallback when Readability finds no article. */
const FURNITURE_CLASS = /(?:^|[\s_-])(?:sidebar|related|teaser|widget|meistgelesen|most-?read|recommend\w*|comments?|social|share|sharing|newsletter|breadcrumbs?|footer|header|nav|navigation|menu|promo|cookie\w*|consent|banner|skip-?link)(?:$|[\s_-])/;

/** Class tokens and labels that mark advertising blocks (Readability keeps ads placed inside the article). */
const AD_CLASS = /^(?:ad|ads|advert|advertisement|anzeige|werbung|sponsored|promo|ad-[\w-]+|ads-[\w-]+|adslot[\w-]*|teaser-ad)$/i;
const AD_LABEL = /^(?:anzeige|werbung|advertisement|sponsored|ad)$/i;

function removeAds(document: { querySelectorAll(sel: string): ArrayLike<Element> }): void {
  const all = Array.from(document.querySelectorAll('[class], [aria-label], [data-ad], [id]'));
  for (const el of all) {
    const classes = (el.getAttribute('class') ?? '').split(/\s+/);
    const label = el.getAttribute('aria-label') ?? '';
    const id = el.getAttribute('id') ?? '';
    if (classes.some((c) => AD_CLASS.test(c)) || AD_LABEL.test(label.trim()) || el.hasAttribute('data-ad') || AD_CLASS.test(id)) el.remove();
  }
}

function jsonLdArticle(document: { querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }> }): Json | undefined {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; other sources of metadata remain
    }
    const found = flatten(data).find((o) => types(o['@type']).some((t) => ARTICLE_TYPES.test(t)));
    if (found) return found;
  }
  return undefined;
}

function flatten(v: unknown): Json[] {
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (v && typeof v === 'object') {
    const o = v as Json;
    return [o, ...(o['@graph'] ? flatten(o['@graph']) : [])];
  }
  return [];
}

function types(t: unknown): string[] {
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

function timeDatetime(document: { querySelector(sel: string): { getAttribute(n: string): string | null } | null }): string | undefined {
  const el =
    document.querySelector('article time[datetime]') ??
    document.querySelector('[itemprop="datePublished"][datetime]') ??
    document.querySelector('time[pubdate]') ??
    document.querySelector('time[datetime]');
  return el?.getAttribute('datetime')?.trim() || undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function person(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(person).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return str((v as Json).name);
  return str(v);
}

function nonUrl(v: string | undefined): string | undefined {
  return v && !/^https?:\/\//.test(v) ? v : undefined;
}

/** `Gipfel in Riad | Nordkurier` → `Gipfel in Riad`. */
function stripSiteName(title: string, site: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const rest = parts.filter((p) => p.toLowerCase() !== site.toLowerCase());
    if (rest.length) return rest.join(' – ');
  }
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}
