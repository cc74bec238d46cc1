import { kb, type KbEntry } from '../../kb/index.js';
import type { AnalyzedArticle, EntityMention } from '../../model/index.js';
import { precisionOf } from '../../model/index.js';

export interface ArticleWarning {
  kind: 'role-mismatch';
  message: string;
  start: number;
  end: number;
}

const FORMER = /^(ex-|ehemalige[nmrs]?\s|frühere[nmrs]?\s|einstige[nmrs]?\s|alt)/i;

/** Role written in front of a mention: the recogniser's `role`, else the words right before the name. */
function roleText(doc: AnalyzedArticle, m: EntityMention): string | null {
  if (m.role) return m.role;
  const before = doc.article.text.slice(Math.max(0, m.start - 60), m.start);
  const match = /((?:(?:ehemalige[nmrs]?|frühere[nmrs]?|einstige[nmrs]?)\s+)?[\p{L}-]+)\s+$/u.exec(before);
  return match ? match[1]! : null;
}

function person(m: EntityMention): KbEntry | undefined {
  if (m.type !== 'PER') return undefined;
  const k = kb();
  const e = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries.find((x) => x.kind === 'person');
  return e?.kind === 'person' ? e : undefined;
}

/**
 * Roles that contradict the knowledge base on the article's date: a sitting office-holder called
 * "Ex-Präsident", or someone called "Präsident" who did not hold the office then.
 */
export function roleWarnings(doc: AnalyzedArticle): ArticleWarning[] {
  const date = doc.article.published;
  if (!date || precisionOf(date) === null) return [];
  const k = kb();
  const out: ArticleWarning[] = [];
  const seen = new Set<string>();
  for (const m of doc.entities) {
    const p = person(m);
    if (!p) continue;
    const raw = roleText(doc, m);
    if (!raw) continue;
    const former = FORMER.test(raw);
    const word = raw.replace(/^(ehemalige[nmrs]?|frühere[nmrs]?|einstige[nmrs]?)\s+/i, '').replace(/^ex-/i, '');
    const parsed = k.parseRole(word.charAt(0).toUpperCase() + word.slice(1));
    if (!parsed?.role) continue;
    // `Präsident` without a country matches the role of any country.
    const same = (r: { role: string; of: string }): boolean => r.role === parsed.role && (!parsed.of || r.of === parsed.of);
    const holds = k.rolesOf(p.id, date).some(same);
    const everHeld = p.roles.some(same);
    let message: string | null = null;
    if (former && holds) message = `${p.name} is called "${raw.trim()}" but held that office on ${date}`;
    // A bare `Präsident`/`Ministerpräsident` names no country: too vague to call wrong.
    else if (!former && !holds && parsed.of && !/^(designierte|künftige|neue)/i.test(raw)) {
      const holders = parsed.of ? k.whoHeld(parsed.role, parsed.of, date).map((h) => h.name) : [];
      message = everHeld
        ? `${p.name} is called "${raw.trim()}" but no longer held that office on ${date}${holders.length ? ` (it was ${holders.join(', ')})` : ''}`
        : `${p.name} is called "${raw.trim()}" but did not hold that office on ${date}${holders.length ? ` (it was ${holders.join(', ')})` : ''}`;
    }
    const key = `${p.id}|${raw}`;
    if (message && !seen.has(key)) {
      seen.add(key);
      out.push({ kind: 'role-mismatch', message, start: m.start, end: m.end });
    }
  }
  return out;
}
