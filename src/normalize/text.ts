/**
 * Plain-text article structure: header lines (title, repeated title, date, agency, byline),
 * body paragraphs, trailing site furniture cut off, dateline in the first sentence.
 * Finds only what is written; whatever is missing stays null.
 */
import { normalizeDateText, type NormalizedDate } from './dates.js';
import rules from './boilerplate.json' with { type: 'json' };
import { AGENCY_PATTERN, agencyLine, agencyName, authorLine, cutMarker, dropLine } from './rules.js';

export interface ParsedText {
  title: string | null;
  published: NormalizedDate | null;
  publishedRaw: string | null;
  author: string | null;
  agency: string | null;
  dateline: string | null;
  /** Outlet named on a line of its own in the header (`Continental Ledger`). */
  source: string | null;
  paragraphs: string[];
}

export interface ParseOptions {
  /** Title known from metadata: not searched for, only removed when the text repeats it. */
  knownTitle?: string | null;
  /** Look for a title line (false for text extracted from HTML, whose title comes from metadata). */
  detectTitle?: boolean;
}

/** How far into the text header lines may appear (non-blank lines). */
const HEADER_LINES = 10;

export function parseText(input: string, opts: ParseOptions = {}): ParsedText {
  const out = emptyParse();
  const lines = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // Soft hyphens and zero-width characters from web pages split words for search and tokenizer.
    .map((l) => l.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\t ]+$/u, ''))
    // Share buttons, cookie banners, ads: out wherever they are (left blank so paragraphs stay apart).
    .map((l) => (l.trim() && (dropLine(l) || l.split(/\s+[|·•]\s+/u).every((part) => dropLine(part))) ? '' : l));

  const known = opts.knownTitle?.trim() || null;
  const detect = opts.detectTitle ?? !known;
  let i = 0;
  let seen = 0;
  // One non-header line after the title stays pending: if header lines follow, it was a subtitle
  // (or the real title after a kicker line); if text follows, the body started there.
  let pending = -1;
  const subtitles: string[] = [];
  for (; i < lines.length && seen < HEADER_LINES; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    seen++;
    if (known && sameTitle(line, known)) continue;
    if (out.title && sameTitle(line, out.title)) continue;
    if (headerLine(line, out)) {
      if (pending >= 0) {
        const p = lines[pending]!.trim();
        // `Ukraine-Krieg` / `Gipfel in Riad …`: a short kicker above the headline.
        if (detect && out.title && outletLike(out.title) && subtitles.length === 0 && p.length > out.title.length && titleLike(p, line)) out.title = p;
        else subtitles.push(p);
        pending = -1;
      }
      continue;
    }
    if (pending < 0 && detect && !out.title && titleLike(line, nextNonBlank(lines, i + 1))) {
      out.title = line.replace(/^#+\s*/, '');
      continue;
    }
    if (pending < 0 && (out.title || known) && !out.source && outletLike(line)) {
      out.source = line;
      continue;
    }
    if (pending < 0 && (out.title || known)) {
      pending = i;
      continue;
    }
    break;
  }
  if (pending >= 0) i = pending;

  let body = [...subtitles.flatMap((t) => [t, '']), ...lines.slice(i)];
  body = cutFurniture(body);
  // Wire copy signs off with the agency on a line of its own (`dpa/jk`).
  while (body.length) {
    const last = body[body.length - 1]!.trim();
    if (!last) {
      body.pop();
      continue;
    }
    const agencies = agencyLine(last);
    if (!agencies) break;
    out.agency ??= agencies.join('/');
    body.pop();
  }

  out.paragraphs = paragraphs(body);
  // The dateline opens the first paragraph, or the second after a short teaser.
  const [first, second] = out.paragraphs;
  const d = (first && dateline(first)) || (first && second && first.length <= 250 ? dateline(second) : undefined) || (first ? datelineAfterTeaser(first) : undefined);
  if (d) {
    out.dateline ??= d.place;
    if (d.agency) out.agency ??= d.agency;
  } else if (first) {
    // `(dpa) - Die Bundesregierung …`: an agency credit without a place.
    const credit = AGENCY_OPENING.exec(first);
    if (credit) out.agency ??= credit[1]!.split('/').map((a) => agencyName(a) ?? a.trim()).join('/');
  }
  return out;
}

/** Records a date, agency or byline line (or a ` | `-joined mix of them); false if it is none. */
function headerLine(line: string, out: ParsedText): boolean {
  const whole = normalizeDateText(line);
  const parts = whole ? [line] : line.split(/\s+[|·•]\s+|\s+[–—]\s+/u);
  const found: Array<(o: ParsedText) => void> = [];
  for (const part of parts) {
    const p = part.trim();
    // `8. August 2025 · 14:32 Uhr`: a time of day beside the date adds nothing of its own.
    if (parts.length > 1 && /^\d{1,2}[:.]\d{2}(?:\s*uhr)?$/iu.test(p)) continue;
    // `… | Lesezeit: 3 Min.`: furniture beside the date is skipped, not a reason to reject the line.
    if (parts.length > 1 && dropLine(p)) continue;
    const date = normalizeDateText(p);
    if (date) {
      found.push((o) => {
        if (!o.published) {
          o.published = date;
          o.publishedRaw = p;
        }
      });
      continue;
    }
    const agencies = agencyLine(p);
    if (agencies) {
      found.push((o) => void (o.agency ??= agencies.join('/')));
      continue;
    }
    // `Berlin, 8. August 2025`: place and date of the dateline on a line of their own.
    const placed = PLACE_DATE.exec(p);
    const placedDate = placed ? normalizeDateText(placed[2]!) : null;
    if (placed && placedDate) {
      found.push((o) => {
        o.dateline ??= placed[1]!;
        if (!o.published) {
          o.published = placedDate;
          o.publishedRaw = placed[2]!;
        }
      });
      continue;
    }
    const by = authorLine(p);
    if (by) {
      found.push((o) => {
        o.author ??= by.author;
        if (by.agency) o.agency ??= by.agency;
      });
      continue;
    }
    return false;
  }
  for (const f of found) f(out);
  return found.length > 0;
}

function emptyParse(): ParsedText {
  return { title: null, published: null, publishedRaw: null, author: null, agency: null, dateline: null, source: null, paragraphs: [] };
}

/** A title: one short line, not a sentence of running text, not a dateline opening, not wrapped. */
function titleLike(line: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (line.length > 200 || line.length < 3) return false;
  if (/[.,;]$/u.test(line) && !/\.\.\.$|…$/u.test(line)) return false;
  if (dateline(line)) return false;
  // A next line in lowercase continues this one, unless it is itself a header line (` date …`, `epd`).
  if (/^\p{Ll}/u.test(next) && !headerLine(next, emptyParse())) return false;
  if (cutMarker(line)) return false;
  return true;
}

/** An outlet name on its own line: a few capitalised words, no sentence punctuation (`Continental Ledger`, `Weltlage24`). */
function outletLike(line: string): boolean {
  if (line.length > 40 || /[.,;:!?"“”„«»]$/u.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^(?:[\p{Lu}\d][\p{L}\d'’.&-]*|&|-|–)$/u.test(w));
}

function sameTitle(a: string, b: string): boolean {
  const k = (s: string) => s.replace(/^#+\s*/, '').replace(/[\s.:!?]+$/u, '').replace(/\s+/g, ' ').toLowerCase();
  return k(a) === k(b);
}

function nextNonBlank(lines: string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!.trim();
  return undefined;
}

/** Cuts everything from the first furniture marker that follows at least one paragraph of text. */
function cutFurniture(body: string[]): string[] {
  let textLines = 0;
  for (let j = 0; j < body.length; j++) {
    const line = body[j]!.trim();
    if (!line) continue;
    const marker = textLines > 0 ? cutMarker(line) : undefined;
    // A table in the middle of an article (long paragraphs after it) is content, not a fact box.
    if (marker && !(TABLE_MARKERS.has(marker) && body.slice(j + 1).some((l) => l.length > 300 && !l.includes('|')))) {
      return body.slice(0, j);
    }
    textLines++;
  }
  return body;
}

const TABLE_MARKERS = new Set(['fact-table', 'table-rule']);

/** Blank-line separated blocks; inside a block, hard-wrapped lines are joined again. */
function paragraphs(body: string[]): string[] {
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of body) {
    if (l.trim()) cur.push(l.trim());
    else if (cur.length) {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  // With no blank lines at all, a file is one paragraph per line unless its lines are wrapped.
  const oneBlock = blocks.length === 1;
  const out: string[] = [];
  for (const block of blocks) {
    let para = block[0]!;
    for (let j = 1; j < block.length; j++) {
      const line = block[j]!;
      const prev = block[j - 1]!;
      const ends = /[.!?:;"“”»«)\]…]$/u.test(prev);
      const listItem = /^(?:[-*•–]\s|\d+[.)]\s)/u.test(line);
      // Wrapped: the next line continues in lowercase, or a long line stops mid-sentence.
      // A short unterminated line before a capitalised one is a heading.
      const wrapped = /^\p{Ll}/u.test(line) || (!ends && prev.length >= 45);
      if (!listItem && (wrapped || !oneBlock)) para += ' ' + line;
      else {
        out.push(para);
        para = line;
      }
    }
    out.push(para);
  }
  return out.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// Bounded word length, hyphen only between words: keeps backtracking linear on long lines.
const PLACE_WORD = String.raw`(?:[A-ZÄÖÜ]\p{L}{0,2}\.|[A-ZÄÖÜ][\p{L}'’]{0,30})`;
const PLACE = String.raw`${PLACE_WORD}(?:(?:\s|/|-)(?:am|an der|im|bei|upon|on|${PLACE_WORD})){0,3}`;
const DATELINE = new RegExp(
  String.raw`^(${PLACE})(?:,\s*(${PLACE}))?(?:,\s*([^()\-–—]{3,30}?))?\s*(?:\(([^)]{1,40})\))?\s+[-–—]\s+(?=\S)`,
  'u',
);
const PLACE_DATE = new RegExp(String.raw`^(${PLACE}),\s+(.{6,60})$`, 'u');
const AGENCY_OPENING = new RegExp(`^\\(((?:${AGENCY_PATTERN})(?:\\s*/\\s*(?:${AGENCY_PATTERN}))*)\\)\\s*[-–—]\\s+`, 'iu');
const NON_PLACES = new Set(rules.datelineNonPlaces.words);
const AGENCIES_IN_PARENS = new RegExp(`^(?:${AGENCY_PATTERN})(?:\\s*/\\s*(?:${AGENCY_PATTERN}))*$`, 'iu');

/** `Berlin (dpa) - …` → Berlin + dpa; `Riad, Saudi-Arabien - …` → Riad. */
export function dateline(paragraph: string): { place: string; agency?: string } | undefined {
  const m = DATELINE.exec(paragraph);
  if (!m) return undefined;
  const [, place, , when, paren] = m;
  if (when && !normalizeDateText(when)) return undefined;
  let agency: string | undefined;
  if (paren) {
    if (!AGENCIES_IN_PARENS.test(paren.trim())) return undefined;
    agency = paren
      .split('/')
      .map((a) => agencyName(a) ?? a.trim())
      .join('/');
  }
  // Capitalised noun phrases look like places; without an agency credit only short names pass.
  const words = place!.split(/\s+/).filter((w) => !/^(?:am|an|der|im|bei|upon|on)$/.test(w));
  if (words.length > (agency ? 4 : 2)) return undefined;
  if (NON_PLACES.has(words[0]!.toLowerCase())) return undefined;
  const clean = place === place!.toUpperCase() && place!.length > 3 ? titleCase(place!) : place!;
  return agency ? { place: clean, agency } : { place: clean };
}

/** `Teaser sentence. Wien – Die Gewerkschaft …`: teaser and body run together in one paragraph. */
function datelineAfterTeaser(paragraph: string): ReturnType<typeof dateline> {
  const boundary = /[.!?:]\s+(?=[A-ZÄÖÜ])/gu;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(paragraph)) && m.index < 400) {
    if (m.index < 20) continue;
    const d = dateline(paragraph.slice(m.index + m[0].length));
    if (d) return d;
  }
  return undefined;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
