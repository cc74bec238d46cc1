import { kb, type KbEntry } from '../../kb/index.js';
import type { EntityMention } from '../../model/index.js';

/** An event participant as stored: the canonical name, what the text said, and the KB entry. */
export interface Participant {
  name: string;
  text: string;
  kbId: string | null;
  type: string;
}

function entryFor(m: EntityMention): KbEntry | undefined {
  const k = kb();
  if (m.kbId) {
    const direct = k.get(m.kbId);
    if (direct) return direct;
    for (const e of k.entries.values()) if (e.wikidata === m.kbId) return e;
  }
  const hit = k.lookup(m.normalized);
  if (hit.entries.length === 0) return undefined;
  // Ambiguous names: prefer the kind the recogniser saw (a PER mention is a person).
  const sameType = hit.entries.filter((e) => e.type === m.type);
  return (sameType.length > 0 ? sameType : hit.entries)[0];
}

/**
 * The canonical participant a mention stands for. Metonyms act for their government
 * (`Moskau`, `der Kreml` → Russland; `Washington`, `Weißes Haus` → USA), as PLOVER codes them.
 */
export function participantOf(m: EntityMention): Participant {
  const e = entryFor(m);
  if (!e) return { name: m.normalized, text: m.text, kbId: null, type: m.type };
  const stands = e.standsFor ? kb().get(e.standsFor) : undefined;
  const target = stands ?? e;
  return { name: target.name, text: m.text, kbId: target.id, type: target.type };
}

/** Canonical place name (KB name where known: `Stambul` → Istanbul), never a metonym's country. */
export function placeName(surface: string | null): string | null {
  if (!surface) return null;
  const hit = kb().lookup(surface);
  const e = hit.entries.find((x) => x.type === 'LOC');
  return e ? e.name : surface;
}

/** Countries a name belongs to: a country itself, a capital's or place's country, a person's offices. */
export function countriesOf(name: string): string[] {
  const k = kb();
  const e = k.lookup(name).entries[0];
  if (!e) return [];
  if (e.kind === 'country') return [e.id];
  if (e.kind === 'person') return [...new Set(e.roles.map((r) => r.of).filter((c) => /^[A-Z]{2}$/.test(c)))];
  const c = e.country ?? e.standsFor;
  return c && /^[A-Z]{2}$/.test(c) ? [c] : [];
}

const countryCache = new Map<string, string | null>();
/** The country id a canonical place name names itself (`Türkei` → TR), or null for any other place. */
function countryNamed(name: string): string | null {
  let c = countryCache.get(name);
  if (c === undefined) {
    const e = kb().lookup(name).entries.find((x) => x.type === 'LOC');
    c = e?.kind === 'country' ? e.id : null;
    countryCache.set(name, c);
  }
  return c;
}

/**
 * Whether two canonical place names can both say where one event happened: the same place, or a
 * country and a place in it (`in der Türkei` and `in Istanbul`; `Saudi-Arabien` and `Riad`).
 */
export function placesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = countryNamed(a);
  const cb = countryNamed(b);
  if (ca && cb) return false;
  if (ca) return countriesOf(b).includes(ca);
  if (cb) return countriesOf(a).includes(cb);
  return false;
}

/** Whether `inner` is a place inside the country `outer` names (the more precise of two agreeing places). */
export function placeWithin(inner: string, outer: string): boolean {
  return inner !== outer && countryNamed(inner) === null && placesAgree(inner, outer);
}

/**
 * Offices whose holder acts as the government of the state the KB role is `of` (heads of state and
 * government and their deputies, ministers, government spokespeople). Advisers, envoys, diplomats,
 * mayors and party leaders are left out: what they do is not the state's own act.
 */
export const GOVERNMENT_ROLES: ReadonlySet<string> = new Set([
  'head_of_state', 'head_of_government', 'deputy_head_of_government', 'vice_president', 'supreme_leader',
  'foreign_minister', 'defence_minister', 'finance_minister', 'interior_minister', 'economy_minister',
  'justice_minister', 'health_minister', 'agriculture_minister', 'spokesperson', 'foreign_ministry_spokesperson',
]);

const officeCache = new Map<string, string[]>();

/**
 * Participant names that stand for the same actor as `name` on `day` through a government office the
 * KB dates: for a person, the states whose government they were in (`Hanka Mittelstädt` →
 * Brandenburg); for a state, the members of its government on that day.
 */
export function officeLinks(name: string, day: string): string[] {
  const key = `${name}|${day}`;
  let out = officeCache.get(key);
  if (out === undefined) {
    const k = kb();
    const names = new Set<string>();
    for (const e of k.lookup(name).entries) {
      if (e.kind === 'person') {
        for (const r of k.rolesOf(e.id, day)) if (GOVERNMENT_ROLES.has(r.role)) names.add(k.get(r.of)?.name ?? r.of);
      } else {
        for (const h of k.rolesOn(day, e.id)) if (GOVERNMENT_ROLES.has(h.role.role)) names.add(h.entry.name);
      }
    }
    out = [...names];
    if (officeCache.size > 100_000) officeCache.clear();
    officeCache.set(key, out);
  }
  return out;
}
