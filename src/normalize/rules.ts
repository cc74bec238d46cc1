/** Compiles the data in boilerplate.json into matchers for the plain-text header and footer. */
import rules from './boilerplate.json' with { type: 'json' };

export interface LineRule {
  id: string;
  re: RegExp;
}

function compile(list: Array<{ id: string; pattern: string }>): LineRule[] {
  return list.map((r) => ({ id: r.id, re: new RegExp(r.pattern, 'iu') }));
}

/** Lines from which the rest of the article is site furniture (comments, recommendations, fact tables). */
export const CUT_MARKERS: readonly LineRule[] = compile(rules.cutMarkers);
/** Single lines to drop wherever they are (share buttons, cookie banners, ads, photo credits). */
export const DROP_LINES: readonly LineRule[] = compile(rules.dropLines);

export function cutMarker(line: string): string | undefined {
  const t = line.trim();
  return CUT_MARKERS.find((r) => r.re.test(t))?.id;
}

export function dropLine(line: string): string | undefined {
  const t = line.trim();
  return DROP_LINES.find((r) => r.re.test(t))?.id;
}

const AGENCY_BY_ALIAS = new Map<string, string>();
for (const a of rules.agencies) for (const alias of a.aliases) AGENCY_BY_ALIAS.set(alias.toLowerCase(), a.name);
const ALIASES = [...AGENCY_BY_ALIAS.keys()].sort((a, b) => b.length - a.length).map(escape);
/** Alternation of every agency alias, for patterns such as `Berlin (dpa) -`. */
export const AGENCY_PATTERN = ALIASES.join('|');

/** Canonical agency name for an alias (`Deutsche Presse-Agentur` → `dpa`), case-insensitive. */
export function agencyName(alias: string): string | undefined {
  return AGENCY_BY_ALIAS.get(alias.trim().toLowerCase());
}

const AGENCY_LINE = new RegExp(
  `^\\(?(?:(?:${rules.agencyLine.prefixes.map(escape).join('|')})\\s*:?\\s+)?` +
    `((?:${AGENCY_PATTERN})(?:\\s*(?:/|,|und|and|&)\\s*(?:${AGENCY_PATTERN}))*)` +
    // Editor initials after a slash (`dpa/jk`), as wire copy signs off.
    `(?:\\s*/\\s*[a-zäöü]{1,4})*\\)?\\.?$`,
  'iu',
);

/** Agencies credited by a line that credits nothing else (`dpa/AFP`, `(Reuters)`, `Quelle: dpa`), else undefined. */
export function agencyLine(line: string): string[] | undefined {
  const m = AGENCY_LINE.exec(line.trim());
  if (!m) return undefined;
  const names = m[1]!.split(/\s*(?:\/|,|\bund\b|\band\b|&)\s*/iu).map((a) => agencyName(a)).filter((x): x is string => !!x);
  return names.length ? [...new Set(names)] : undefined;
}

const NAME_WORD = String.raw`(?:Dr\.|Prof\.|[A-ZÄÖÜ][\p{L}'’.-]*|von|van|de|der|den|zu|la|le|di|da|el|al-?\p{L}*)`;
const NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){1,4}`;
const AUTHOR_LINE = new RegExp(
  `^(?:${rules.authorLine.prefixes.map(escape).join('|')})\\s*:?\\s+(${NAME}(?:\\s*(?:,|und|and|&)\\s*${NAME})*?)` +
    String.raw`(?:\s*[,|/·–-]\s*([\p{L} .()-]{1,40}))?$`,
  'u',
);

/** Author named by a byline (`Von Anna Schmidt, Riad` → `Anna Schmidt`), and any agency after it. */
export function authorLine(line: string): { author: string; agency?: string } | undefined {
  const t = line.trim();
  // Prefix is matched case-insensitively, the names themselves must be capitalised.
  const prefix = /^(\p{L}[\p{L} ]*?)\s*:?\s+/u.exec(t);
  if (!prefix || !rules.authorLine.prefixes.includes(prefix[1]!.toLowerCase())) return undefined;
  const normalized = rules.authorLine.prefixes.find((p) => p === prefix[1]!.toLowerCase())!;
  const m = AUTHOR_LINE.exec(normalized + t.slice(prefix[1]!.length));
  if (!m) return undefined;
  const author = m[1]!.trim();
  // A name must have at least one capitalised word that is not a particle.
  if (!/[A-ZÄÖÜ]\p{Ll}/u.test(author)) return undefined;
  const tail = m[2]?.trim();
  const agency = tail ? agencyName(tail.replace(/[()]/g, '')) : undefined;
  return agency ? { author, agency } : { author };
}

const NON_PERSON = new RegExp(rules.nonPersonAuthors.pattern, 'iu');

/** True for bylines that name a desk or agencies, not a person (`Redaktion Weltlage24`, `X mit Agenturen`). */
export function nonPersonAuthor(author: string): boolean {
  return NON_PERSON.test(author.trim());
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
