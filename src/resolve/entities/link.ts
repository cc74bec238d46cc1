import type { EntityType } from '../../model/index.js';
import type { Kb, KbEntry } from '../../kb/index.js';
import { surfaceForms } from '../../kb/index.js';
import type { EntityRecord } from '../../store/entities.js';
import { surnameKey, translitKey } from './translit.js';

/**
 * Corpus linking, in memory: gives each mention an entity, in this order —
 * 1. the KB entry the analyzer linked (`kbId`);
 * 2. a KB entry whose name or alias has the same transliteration key (`Wolodimir Selenskyj`);
 * 3. for a lone surname: a full name with that surname in the same article, else exactly one
 *    such full name in the corpus (`Putin` ↔ `Wladimir Putin`, `Peskov` ↔ `Dmitri Peskow`);
 * 4. an existing corpus entity of the same type and transliteration key;
 * 5. else a new entity without KB id.
 */

export interface LinkMention {
  articleId: string;
  idx: number;
  normalized: string;
  type: EntityType;
  kbId?: string;
  metonym?: boolean;
}

export interface Link {
  entityId: string;
  /** Metonyms: the entity the mention stands for (its `kbId`), while `entityId` is the seat itself. */
  standsFor?: string;
}

const words = (s: string): number => s.trim().split(/\s+/).length;

export class EntityIndex {
  readonly byId = new Map<string, EntityRecord>();
  private readonly byKb = new Map<string, EntityRecord>();
  private readonly byKey = new Map<string, EntityRecord>();
  /** Surname key → persons with a full (multi-word) name or a KB surname. */
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly kbKeys = new Map<string, string[]>();
  readonly created: EntityRecord[] = [];

  constructor(private readonly kb: Kb, existing: readonly EntityRecord[]) {
    for (const e of existing) this.remember(e);
    for (const entry of kb.entries.values()) {
      for (const f of surfaceForms(entry)) {
        if (entry.kind === 'person' && words(f) === 1) continue; // lone surnames go through rule 3
        const k = `${entry.type}\t${translitKey(f)}`;
        const ids = this.kbKeys.get(k) ?? [];
        if (!ids.includes(entry.id)) ids.push(entry.id);
        this.kbKeys.set(k, ids);
      }
    }
  }

  private remember(e: EntityRecord): void {
    this.byId.set(e.id, e);
    if (e.kbId) this.byKb.set(e.kbId, e);
    this.byKey.set(`${e.type}\t${e.linkKey}`, e);
    if (e.type === 'PER') {
      const kbEntry = e.kbId ? this.kb.get(e.kbId) : undefined;
      const surnames = kbEntry
        ? kbEntry.surname ? [kbEntry.surname, ...kbEntry.aliases.filter((a) => words(a) === 1)] : []
        : words(e.name) > 1 ? [e.name] : [];
      for (const s of surnames) {
        const k = surnameKey(s);
        const set = this.bySurname.get(k) ?? new Set<string>();
        set.add(e.id);
        this.bySurname.set(k, set);
      }
    }
  }

  forget(id: string): void {
    const e = this.byId.get(id);
    if (!e) return;
    this.byId.delete(id);
    if (this.byKey.get(`${e.type}\t${e.linkKey}`)?.id === id) this.byKey.delete(`${e.type}\t${e.linkKey}`);
    for (const set of this.bySurname.values()) set.delete(id);
  }

  /** The corpus entity of a KB entry, created on first use. */
  forKb(entry: KbEntry): EntityRecord {
    const have = this.byKb.get(entry.id);
    if (have) return have;
    const e: EntityRecord = { id: `kb:${entry.id}`, name: entry.name, type: entry.type, kbId: entry.id, wikidata: entry.wikidata ?? null, linkKey: translitKey(entry.name) };
    this.remember(e);
    this.created.push(e);
    return e;
  }

  /** The one person with this surname key in the corpus, if exactly one. */
  uniqueBySurname(key: string): EntityRecord | undefined {
    const ids = this.bySurname.get(key);
    if (!ids || ids.size !== 1) return undefined;
    return this.byId.get([...ids][0]!);
  }

  /**
   * The KB entry with this transliteration key: of the mention's type, else (the model may get
   * the type wrong: `MOSCOW` as ORG) the one entry of any other type except persons.
   */
  kbByKey(type: EntityType, key: string): KbEntry | undefined {
    const ids = this.kbKeys.get(`${type}\t${key}`);
    if (ids) return ids.length === 1 ? this.kb.get(ids[0]!) : undefined;
    if (type === 'PER') return undefined;
    const other = (['LOC', 'ORG', 'MISC'] as const).filter((t) => t !== type).flatMap((t) => this.kbKeys.get(`${t}\t${key}`) ?? []);
    return other.length === 1 ? this.kb.get(other[0]!) : undefined;
  }

  byTypeKey(type: EntityType, key: string): EntityRecord | undefined {
    return this.byKey.get(`${type}\t${key}`);
  }

  create(type: EntityType, name: string): EntityRecord {
    const key = translitKey(name);
    const e: EntityRecord = { id: `u:${type}:${key}`, name, type, kbId: null, wikidata: null, linkKey: key };
    this.remember(e);
    this.created.push(e);
    return e;
  }

  /** Unknown one-word persons that name exactly one full-named person: `[from, into]` pairs. */
  surnameMerges(): [string, string][] {
    const out: [string, string][] = [];
    for (const e of this.byId.values()) {
      if (e.kbId || words(e.name) > 1) continue;
      let target: EntityRecord | undefined;
      if (e.type === 'PER') target = this.uniqueBySurname(e.linkKey) ?? (e.linkKey.endsWith('s') ? this.uniqueBySurname(e.linkKey.slice(0, -1)) : undefined);
      if (target && target.id !== e.id) out.push([e.id, target.id]);
    }
    return out;
  }
}

/** Assigns entities to one article's mentions (KB-linked first, full names before surnames). */
export function linkArticle(kb: Kb, index: EntityIndex, mentions: readonly LinkMention[]): Map<number, Link> {
  const out = new Map<number, Link>();
  const inArticle = new Map<string, string>(); // surname key → entity id (persons in this article)
  const rank = (m: LinkMention): number => (m.kbId ? 0 : words(m.normalized) > 1 ? 1 : 2);
  const order = [...mentions].sort((a, b) => rank(a) - rank(b) || a.idx - b.idx);
  const places = [...new Set(mentions.filter((m) => m.type === 'LOC').map((m) => m.normalized))];
  for (const m of order) {
    if (m.metonym && m.kbId) {
      // `Moskau erklärte …`: a mention of Moskau standing for Russland.
      const stands = kb.get(m.kbId);
      const own = kb.lookup(m.normalized).entries.filter((x) => x.id !== m.kbId);
      const self = own.length === 1 ? index.forKb(own[0]!) : linkOne(kb, index, { ...m, kbId: undefined }, inArticle);
      out.set(m.idx, { entityId: self.id, standsFor: stands ? index.forKb(stands).id : undefined });
      continue;
    }
    const e = linkOne(kb, index, m, inArticle, places);
    out.set(m.idx, { entityId: e.id });
    if (e.type === 'ORG' && words(e.name) > 1) {
      const head = `ORG\t${e.linkKey.split(' ')[0]!}`;
      if (!inArticle.has(head)) inArticle.set(head, e.id);
    }
    if (e.type === 'PER') {
      const kbEntry = e.kbId ? kb.get(e.kbId) : undefined;
      const names = kbEntry ? (kbEntry.surname ? [kbEntry.surname] : []) : words(e.name) > 1 ? [e.name] : [];
      for (const n of names) if (!inArticle.has(surnameKey(n))) inArticle.set(surnameKey(n), e.id);
    }
  }
  return out;
}

function linkOne(kb: Kb, index: EntityIndex, m: LinkMention, inArticle: Map<string, string>, places: readonly string[] = []): EntityRecord {
  const entry = m.kbId ? kb.get(m.kbId) : undefined;
  if (entry) return index.forKb(entry);
  const key = translitKey(m.normalized);
  const viaKb = index.kbByKey(m.type, key);
  if (viaKb) return index.forKb(viaKb);
  if (m.type === 'PER' && words(m.normalized) === 1) {
    const local = inArticle.get(key) ?? (key.endsWith('s') ? inArticle.get(key.slice(0, -1)) : undefined);
    if (local) return index.byId.get(local)!;
    const corpus = index.uniqueBySurname(key);
    if (corpus) return corpus;
  }
  // `der Landesbauernverband` after `Landesbauernverband Brandenburg` in the same article (not
  // across the corpus: `ÖVP` is not `ÖVP Burgenland`, and acronyms never shorten a name).
  if (m.type === 'ORG' && words(m.normalized) === 1 && m.normalized.length >= 8 && !/^[\p{Lu}\d]+$/u.test(m.normalized)) {
    const local = inArticle.get(`ORG\t${key}`);
    if (local) return index.byId.get(local)!;
    // In another article, only with its place named here too (`der Landesbauernverband` in an
    // article about Brandenburg is `Landesbauernverband Brandenburg`), and only one such name.
    const named = new Set(places.map((p) => index.byTypeKey('ORG', translitKey(`${m.normalized} ${p}`))?.id).filter((id) => id !== undefined));
    if (named.size === 1) return index.byId.get([...named][0]!)!;
  }
  return index.byTypeKey(m.type, key) ?? index.create(m.type, m.normalized);
}
