import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../model/index.js';
import { paths } from '../paths.js';
import { dateBounds, heldOn, type DateBounds } from './dates.js';

/**
 * The knowledge base (kb/*.json, facts written as data) loaded into lookup tables:
 * alias → entries, role words → role keys, country adjectives/demonyms → countries, and
 * date-bounded roles (`whoHeld('head_of_state', 'US', '2025-08-15')`). Importable by analyze and
 * resolve alike; it reads files once and is pure afterwards.
 */

export interface KbRole {
  role: string;
  /** ISO country code (`US`) or organisation id (`NATO`). */
  of: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; missing = unknown / open. */
  start?: string;
  end?: string;
}

export type KbKind = 'country' | 'capital' | 'organization' | 'place' | 'person';

export interface KbEntry {
  /** Stable KB id: ISO code for countries, `capital:RU`, org id (`NATO`), `place:…`, person slug. */
  id: string;
  kind: KbKind;
  type: EntityType;
  /** Canonical German name. */
  name: string;
  aliases: string[];
  wikidata?: string;
  roles: KbRole[];
  /** Country (or org) whose government this name stands for as a metonym (`Kreml` → RU). */
  standsFor?: string;
  country?: string;
  /** Persons: surname used for surname-only mentions; null = none (e.g. `Kim Jong Un`). */
  surname?: string | null;
  /** Places: what kind of place (`state` for a federal state such as Brandenburg, `city`, `region`). */
  placeKind?: string;
}

/** A plural demonym as written (`Amerikanern`) and what it can be (see `pluralDemonymForms`). */
export interface PluralDemonym {
  /** Country (or union) id the people are of. */
  of: string;
  /** Cases the plural form is written in: `nom` also covers the accusative (`die Amerikaner`), `dat` is `den Amerikanern`, `any` both (`die/den Russen`). */
  cases: 'nom' | 'dat' | 'any';
  /** The singular (`Russe`) when this form is also one person in an oblique case (`den Russen` = one Russian man). */
  singular?: string;
}

export interface RoleWord {
  word: string;
  role: string | null;
  of?: string;
}

export interface RoleDef {
  de: string;
  en: string;
  /** Several holders at once (envoys, advisers): no overlap check. */
  multi?: boolean;
}

export interface ParsedRole {
  /** The role word in its base form, as listed in kb/roles.json (`US-Präsident`). */
  text: string;
  role: string | null;
  of?: string;
}

export interface HeldRole {
  entry: KbEntry;
  role: KbRole;
}

interface RawCountry {
  id: string; name: string; en: string; wikidata?: string; aliases: string[]; adjective: string;
  demonym?: string; capital: { name: string; en: string; aliases: string[] };
}
interface RawOrg { id: string; type?: EntityType; name: string; en: string; wikidata?: string; aliases: string[]; standsFor?: string; country?: string; kind: string }
interface RawPlace { id: string; name: string; aliases: string[]; country?: string; kind: string }
interface RawActor { id: string; name: string; wikidata?: string; surname?: string | null; aliases: string[]; roles: KbRole[]; group?: string }
export interface RolePhraseExample {
  phrase: string;
  role: string | null;
  of: string | null;
}
interface RawRoles {
  roles: Record<string, RoleDef>;
  words: { word: string; role: string | null; of?: string; feminine?: string; examples?: string[] }[];
  prefixes: Record<string, string | null>;
  titles: string[];
  phrases: {
    complements: { head: string; complement: string; role: string; examples: RolePhraseExample[] }[];
    orgRoles: Record<string, string>;
    examples: RolePhraseExample[];
  };
}

/** Typographic variants folded for alias lookup (apostrophes, dashes, spaces). */
export function aliasKey(s: string): string {
  return s.normalize('NFC').replace(/[’ʻ`´]/g, "'").replace(/[‐‑–]/g, '-').replace(/\s+/g, ' ').trim();
}

const ADJ_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];

export class Kb {
  readonly entries = new Map<string, KbEntry>();
  readonly roleDefs: Record<string, RoleDef>;
  readonly roleWords = new Map<string, RoleWord>();
  readonly rolePrefixes = new Map<string, string | null>();
  readonly titles: Set<string>;
  readonly givenNames: Set<string>;
  /** Role words with their examples, for tests. */
  readonly roleExamples: { word: string; example: string }[] = [];
  /** Role phrases (`Sprecher des Kremls`) with the role and `of` they must parse to, for tests. */
  readonly rolePhraseExamples: RolePhraseExample[] = [];
  /** `head\tcomplement` (base forms) → role key: complements that change the head's role. */
  private readonly complementRoles = new Map<string, string>();
  private readonly complementHeads = new Set<string>();
  private readonly orgRoles = new Map<string, string>();
  /** Ids that some KB role has as its `of` (countries and the organisations with offices). */
  private readonly roleHolders = new Set<string>();
  /** Ambiguous aliases flagged in kb/ambiguous.json. */
  readonly flaggedAmbiguous: Set<string>;
  /** Surnames that are also common words or names (`May`, `Herzog`): linked only next to the full name. */
  readonly weakSurnames: Set<string>;
  private readonly aliasIndex = new Map<string, string[]>();
  private readonly foldIndex = new Map<string, string[]>();
  private readonly adjectives = new Map<string, string>();
  private readonly demonyms = new Map<string, string>();
  private readonly pluralDemonyms = new Map<string, PluralDemonym>();
  private readonly genitives = new Map<string, string>();
  /** First words of multi-word names, as written and folded, to skip hopeless multi-word lookups. */
  private readonly firstWords = new Set<string>();

  constructor(readonly dir: string = paths.kb) {
    const read = <T>(f: string): T => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T;
    for (const c of read<RawCountry[]>('countries.json')) {
      this.add({ id: c.id, kind: 'country', type: 'LOC', name: c.name, aliases: c.aliases, wikidata: c.wikidata, roles: [], country: c.id });
      if (c.capital.name !== c.name) {
        this.add({
          id: `capital:${c.id}`, kind: 'capital', type: 'LOC', name: c.capital.name,
          aliases: c.capital.aliases.filter((a) => a !== c.name), roles: [], standsFor: c.id, country: c.id,
        });
      }
      for (const e of ADJ_ENDINGS) this.adjectives.set(c.adjective + e, c.id);
      // `US-amerikanisch`, `britisch-französisch` compounds are rare enough to list.
      if (c.id === 'US') for (const e of ADJ_ENDINGS) this.adjectives.set(`us-amerikanisch${e}`, 'US');
      if (c.demonym) for (const f of demonymForms(c.demonym)) this.demonyms.set(f, c.id);
      // A form two countries share (`Kongolesen`) names neither.
      if (c.demonym) for (const [f, p] of pluralDemonymForms(c.demonym, c.id)) this.pluralDemonyms.set(f, this.pluralDemonyms.has(f) ? { ...p, of: '' } : p);
    }
    for (const o of read<RawOrg[]>('organizations.json')) {
      this.add({ id: o.id, kind: 'organization', type: o.type ?? 'ORG', name: o.name, aliases: o.aliases, wikidata: o.wikidata, roles: [], standsFor: o.standsFor, country: o.country });
    }
    for (const p of read<RawPlace[]>('places.json')) {
      this.add({ id: p.id, kind: 'place', type: 'LOC', name: p.name, aliases: p.aliases, roles: [], country: p.country, placeKind: p.kind });
    }
    for (const a of read<RawActor[]>('actors.json')) {
      const surname = a.surname === null ? null : a.surname ?? lastWord(a.name);
      this.add({ id: a.id, kind: 'person', type: 'PER', name: a.name, aliases: a.aliases, wikidata: a.wikidata, roles: a.roles, surname });
    }
    const roles = read<RawRoles>('roles.json');
    this.roleDefs = roles.roles;
    for (const w of roles.words) {
      const rw: RoleWord = { word: w.word, role: w.role, of: w.of };
      this.roleWords.set(w.word, rw);
      this.roleWords.set(w.feminine ?? feminine(w.word), { ...rw });
      for (const ex of w.examples ?? []) this.roleExamples.push({ word: w.word, example: ex });
    }
    for (const [p, of] of Object.entries(roles.prefixes)) this.rolePrefixes.set(p, of);
    this.titles = new Set(roles.titles);
    for (const c of roles.phrases.complements) {
      this.complementRoles.set(`${c.head}\t${c.complement}`, c.role);
      this.complementHeads.add(c.head);
      this.rolePhraseExamples.push(...c.examples);
    }
    this.rolePhraseExamples.push(...roles.phrases.examples);
    for (const [from, to] of Object.entries(roles.phrases.orgRoles)) this.orgRoles.set(from, to);
    for (const e of this.entries.values()) for (const r of e.roles) this.roleHolders.add(r.of);
    this.givenNames = new Set(read<string[]>('given-names.json'));
    for (const e of this.entries.values()) if (e.kind === 'person') for (const a of [e.name, ...e.aliases]) {
      const first = a.split(' ')[0];
      if (first && a.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(first)) this.givenNames.add(first);
    }
    this.flaggedAmbiguous = new Set(read<string[]>('ambiguous.json'));
    this.weakSurnames = new Set(read<{ surnames: string[] }>('weak-surnames.json').surnames);
  }

  private add(e: KbEntry): void {
    if (this.entries.has(e.id)) throw new Error(`kb: duplicate id ${e.id}`);
    this.entries.set(e.id, e);
    for (const s of surfaceForms(e)) {
      const first = aliasKey(s).split(' ');
      if (first.length > 1) {
        this.firstWords.add(first[0]!);
        this.firstWords.add(foldKey(`${first[0]!} x`).split(' ')[0]!);
      }
      this.index(this.aliasIndex, aliasKey(s), e.id);
      this.index(this.foldIndex, foldKey(s), e.id);
      // Genitive of names that take an article or end in a vowel/consonant: Russlands, Kremls, Irans.
      if (!/[sßxz]$/.test(s)) this.genitives.set(aliasKey(s) + 's', aliasKey(s));
    }
  }

  private index(m: Map<string, string[]>, key: string, id: string): void {
    const ids = m.get(key);
    if (!ids) m.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }

  /** Every surface form (canonical name, aliases, surnames) with the entries it names. */
  aliases(): Map<string, string[]> {
    return this.aliasIndex;
  }

  get(id: string): KbEntry | undefined {
    return this.entries.get(id);
  }

  /** Entries named exactly by `surface` (typography folded), no inflection handling. */
  lookupExact(surface: string): KbEntry[] {
    return (this.aliasIndex.get(aliasKey(surface)) ?? []).map((id) => this.entries.get(id)!);
  }

  /**
   * Entries named by `surface`, trying the exact form, then a genitive/possessive form
   * (`Putins`, `Russlands`, `des Kremls`), then inflected adjectives in multi-word names
   * (`der Europäischen Union`). Returns the matched base form too.
   */
  lookup(surface: string): { base: string; entries: KbEntry[] } {
    const key = aliasKey(surface);
    const exact = this.aliasIndex.get(key);
    if (exact) return { base: key, entries: exact.map((id) => this.entries.get(id)!) };
    const gen = this.genitives.get(key) ?? (/es$/.test(key) ? this.genitives.get(key.slice(0, -1)) : undefined);
    if (gen) return { base: gen, entries: (this.aliasIndex.get(gen) ?? []).map((id) => this.entries.get(id)!) };
    if (/'s?$/.test(key)) {
      const b = key.replace(/'s?$/, '');
      const hit = this.aliasIndex.get(b);
      if (hit) return { base: b, entries: hit.map((id) => this.entries.get(id)!) };
    }
    // Inflected adjectives only matter in multi-word names; folding single words over-matches.
    const folded = key.includes(' ') ? foldKeys(key).map((k) => this.foldIndex.get(k)).find((x) => x !== undefined) : undefined;
    if (folded) {
      const entries = folded.map((id) => this.entries.get(id)!);
      return { base: entries.length === 1 ? entries[0]!.name : key, entries };
    }
    return { base: key, entries: [] };
  }

  /** Whether some multi-word name starts with this word (inflected adjectives included). */
  mayStartName(word: string): boolean {
    return this.firstWords.has(word) || this.firstWords.has(foldKey(`${word} x`).split(' ')[0]!);
  }

  isAmbiguous(surface: string): boolean {
    return (this.aliasIndex.get(aliasKey(surface))?.length ?? 0) > 1;
  }

  /** Country id for an adjective form (`russische`, `US-amerikanischen`), else undefined. */
  countryOfAdjective(word: string): string | undefined {
    return this.adjectives.get(word.toLowerCase());
  }

  /** Country id for a demonym (`Russe`, `Russen`, `Amerikaner`), else undefined. */
  countryOfDemonym(word: string): string | undefined {
    return this.demonyms.get(word);
  }

  /** The country a plural demonym names (`Amerikaner`, `Amerikanern`, `Russen`), with its case, else undefined. */
  pluralDemonym(word: string): PluralDemonym | undefined {
    const p = this.pluralDemonyms.get(word);
    return p?.of ? p : undefined;
  }

  /**
   * Parses a role word as written, inflected or not: `US-Präsident`, `US-Präsidenten`,
   * `Kremlchefs`, `Kreml-Sprecher`, `Außenministerin`, `Nato-Generalsekretär`.
   */
  parseRole(word: string): ParsedRole | null {
    if (/\s/.test(word.trim())) return this.parseRolePhrase(word);
    return this.parseRoleWord(word);
  }

  private parseRoleWord(word: string): ParsedRole | null {
    for (const w of roleBaseCandidates(word)) {
      const direct = this.roleWords.get(w);
      if (direct) return { text: direct.word, role: direct.role, of: direct.of };
      const dash = w.indexOf('-');
      if (dash > 0) {
        const prefix = w.slice(0, dash);
        const rest = w.slice(dash + 1);
        if (this.rolePrefixes.has(prefix)) {
          const inner = this.roleWords.get(rest);
          if (inner) {
            const of = this.rolePrefixes.get(prefix) ?? inner.of;
            return { text: `${prefix}-${inner.word}`, role: inner.role, of: of ?? undefined };
          }
        }
      }
    }
    return null;
  }

  /**
   * A role written as a phrase: `der russische Außenminister`, `Russlands Präsident`,
   * `Sprecher des Kremls`, `Sondergesandter von US-Präsident Trump`, `Präsident der Ukraine`.
   * The head is the first role word; `of` comes from the head (`US-Präsident`), else a country
   * adjective or genitive before it, else the complement right after it (`des Kremls`, `der EU`,
   * `von US-Präsident Trump`, `Trumps`). Only genitive and `von` complements fix `of`: in
   * `Botschafter in Berlin` Berlin is where, not whose. Null when the phrase holds no role word.
   */
  private parseRolePhrase(phrase: string): ParsedRole | null {
    const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[,.;:()]+$/u, '')).filter((w) => w !== '');
    let h = -1;
    let head: ParsedRole | null = null;
    for (let i = 0; i < words.length && h < 0; i++) {
      const w = words[i]!;
      if (!/^\p{Lu}/u.test(w)) continue;
      head = this.parseRoleWord(w) ?? this.complementHead(w);
      if (head) h = i;
    }
    if (!head) return null;
    let { role, of } = head;
    // Before the head: `russische`/`US-amerikanische`, `Russlands`, `Putins`.
    for (const w of words.slice(0, h)) of ??= this.countryOfAdjective(w) ?? this.ownerOf(w) ?? (/s$/.test(w) ? this.personCountry(w) : undefined);
    // After it: a genitive or `von` complement (`des Kremls`, `der Ukraine`, `Trumps`).
    const rest = words.slice(h + 1);
    const lead = rest[0]?.toLowerCase();
    const genitive = lead !== undefined && (GENITIVE_LEAD.has(lead) || (/s$/.test(rest[0]!) && /^\p{Lu}/u.test(rest[0]!)));
    if (genitive) {
      const comp = GENITIVE_LEAD.has(lead) ? rest.slice(1) : rest;
      const nouns = comp.filter((w) => /^\p{Lu}/u.test(w));
      const changed = nouns.map((n) => this.complementRoles.get(`${head.text}\t${genitiveBase(n, (b) => this.complementRoles.has(`${head.text}\t${b}`))}`)).find((r) => r);
      if (changed) role = changed;
      for (let i = 0; i < comp.length && !of; i++) {
        const w = comp[i]!;
        of = this.countryOfAdjective(w);
        if (of) break;
        // Articles and adjectives go on; any other small word (`in`, `für`) ends the complement.
        if (!/^\p{Lu}/u.test(w)) {
          if (ARTICLE_WORDS.has(w) || /(e|en|er|es|em)$/u.test(w)) continue;
          break;
        }
        // Multi-word names first (`des Weißen Hauses`, `der Vereinigten Staaten`).
        for (let n = Math.min(3, comp.length - i); n >= 1 && !of; n--) of = this.ownerOf(comp.slice(i, i + n).join(' '));
        of ??= this.parseRoleWord(w)?.of ?? this.personCountry(w);
      }
    }
    if (role && of && this.get(of)?.kind === 'organization') role = this.orgRoles.get(role) ?? role;
    return { text: head.text, role, of };
  }

  /** A phrase head listed only with complements (`Chef`, `Leiter`, `Sekretär` in `Chef des Generalstabs`). */
  private complementHead(word: string): ParsedRole | null {
    const base = roleBaseCandidates(word).find((w) => this.complementHeads.has(w));
    return base ? { text: base, role: null } : null;
  }

  /** The country or office-holding organisation a name stands for (`Kremls` → RU, `der Nato` → NATO). */
  private ownerOf(surface: string): string | undefined {
    for (const e of this.lookup(surface).entries) {
      if (e.kind === 'country') return e.id;
      if (e.standsFor) return e.standsFor;
      if (e.kind === 'organization' && this.roleHolders.has(e.id)) return e.id;
    }
    return undefined;
  }

  /** The country a KB person leads (`Trumps` → US), for `Sondergesandter Trumps`. */
  private personCountry(surface: string): string | undefined {
    const p = this.lookup(surface).entries.find((e) => e.kind === 'person');
    const r = p?.roles.filter((x) => x.role === 'head_of_state' || x.role === 'head_of_government').at(-1);
    return r?.of;
  }

  /** Who held `role` of `of` on `date` (any TIMEX3 calendar value; its first day counts). */
  whoHeld(role: string, of: string, date: string): KbEntry[] {
    const d = dateBounds(date).lo;
    const out: KbEntry[] = [];
    for (const e of this.entries.values()) {
      if (e.roles.some((r) => r.role === role && r.of === of && heldOn(r, d))) out.push(e);
    }
    return out;
  }

  /** Every role held on `date`, optionally only those of one country/org. */
  rolesOn(date: string, of?: string): HeldRole[] {
    const d = dateBounds(date).lo;
    const out: HeldRole[] = [];
    for (const e of this.entries.values()) {
      for (const r of e.roles) if ((!of || r.of === of) && heldOn(r, d)) out.push({ entry: e, role: r });
    }
    return out;
  }

  /** Roles of one entry held on `date` (all roles when date is omitted). */
  rolesOf(id: string, date?: string): KbRole[] {
    const e = this.entries.get(id);
    if (!e) return [];
    if (!date) return e.roles;
    const d = dateBounds(date).lo;
    return e.roles.filter((r) => heldOn(r, d));
  }
}

/** All the names an entry answers to, including automatically derived surnames of persons. */
export function surfaceForms(e: KbEntry): string[] {
  const out = new Set<string>([e.name, ...e.aliases]);
  if (e.kind === 'person' && e.surname !== null) {
    if (e.surname) out.add(e.surname);
    for (const a of e.aliases) {
      const w = lastWord(a);
      if (a.includes(' ') && w.length > 2 && !w.endsWith('.') && /^\p{Lu}/u.test(w) && !/^(Jr|Sr|III|II)$/.test(w)) out.add(w);
    }
  }
  return [...out];
}

function lastWord(name: string): string {
  const parts = name.split(' ');
  return parts[parts.length - 1] ?? name;
}

/**
 * Inflection-insensitive key for multi-word names: adjective endings of all but the last word
 * removed (`Europäischen Union` ~ `Europäische Union`). The last word is kept; lookups try it
 * with and without a genitive ending (`Weißen Hauses` ~ `Weißes Haus`).
 */
export function foldKey(s: string): string {
  const words = aliasKey(s).split(' ');
  return words
    .map((w, i) => (i < words.length - 1 ? w.replace(/(en|er|es|em|e)$/u, '') : w))
    .join(' ')
    .toLowerCase();
}

/** foldKey variants of a surface whose last word may carry a genitive `-s`/`-es`. */
function foldKeys(s: string): string[] {
  const k = foldKey(s);
  const out = [k];
  if (/es$/.test(k)) out.push(k.slice(0, -2));
  if (/s$/.test(k)) out.push(k.slice(0, -1));
  return out;
}

function feminine(word: string): string {
  if (/(ter|ber|rer|ler|her|ent|chef|ant|at|or|ür|är|ier|ger)$/u.test(word) && !word.endsWith('in')) return `${word}in`;
  return word;
}

function demonymForms(d: string): string[] {
  if (d === 'Deutscher') return ['Deutscher', 'Deutsche', 'Deutschen'];
  if (d.endsWith('e')) return [d, `${d}n`, `${d.slice(0, -1)}in`, `${d.slice(0, -1)}innen`];
  if (d.endsWith('er')) return [d, `${d}n`, `${d}in`, `${d}innen`];
  if (d.endsWith('i')) return [d, `${d}s`];
  return [d, `${d}en`];
}

/**
 * Plural forms of a demonym (`Amerikaner` → nominative `Amerikaner`, dative `Amerikanern`; `Russe` →
 * `Russen`, also a singular's oblique case; `Israeli` → `Israelis`). Also for group names that stand
 * for a union (`Europäer` → EU, lexicon.json of the entity analyser).
 */
export function pluralDemonymForms(d: string, of: string): [string, PluralDemonym][] {
  if (d === 'Deutscher') return [['Deutschen', { of, cases: 'any', singular: 'Deutscher' }]];
  if (d.endsWith('er')) return [[d, { of, cases: 'nom' }], [`${d}n`, { of, cases: 'dat' }]];
  if (d.endsWith('e')) return [[`${d}n`, { of, cases: 'any', singular: d }]];
  if (d.endsWith('i')) return [[`${d}s`, { of, cases: 'any' }]];
  if (d.endsWith('ar')) return [[`${d}n`, { of, cases: 'any', singular: d }]];
  return [[`${d}en`, { of, cases: 'any', singular: d }]];
}

const ARTICLE_WORDS = new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines']);
/** Words that open a genitive or `von` complement after a role word. */
const GENITIVE_LEAD = new Set(['des', 'der', 'von', 'vom']);

/** The form of a genitive noun (`Sicherheitsrats`, `Generalstabes`) that `known` accepts, else the word. */
function genitiveBase(word: string, known: (base: string) => boolean): string {
  return [word, word.replace(/s$/, ''), word.replace(/es$/, '')].find(known) ?? word;
}

/** Base forms a role word may have: as written, without genitive/plural endings, masculine of -in. */
function roleBaseCandidates(word: string): string[] {
  const out = [word];
  const strip = (w: string): string[] => {
    const r: string[] = [];
    if (w.endsWith('innen')) r.push(w.slice(0, -5) + 'in', w.slice(0, -5));
    if (w.endsWith('in')) r.push(w.slice(0, -2));
    if (w.endsWith('en')) r.push(w.slice(0, -2), w.slice(0, -1));
    if (w.endsWith('es')) r.push(w.slice(0, -2));
    if (w.endsWith('s')) r.push(w.slice(0, -1));
    if (w.endsWith('n')) r.push(w.slice(0, -1));
    // Adjectival nouns: der Sondergesandte / des Sondergesandten / ein Sondergesandter.
    if (w.endsWith('te') || w.endsWith('ten')) r.push(w.replace(/n?$/, '').replace(/e$/, 'er'));
    return r;
  };
  for (const s of strip(word)) out.push(s);
  return out;
}

let cached: Kb | undefined;

/** The knowledge base shipped in kb/, loaded once per process. */
export function kb(): Kb {
  cached ??= new Kb();
  return cached;
}

export { dateBounds, heldOn, type DateBounds };
