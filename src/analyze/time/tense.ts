import type { Span } from '../../model/index.js';
import type { Tense } from './resolve.js';

/**
 * The tense of the clause around a time expression, from the nearest tense marker in its
 * sentence: finite past forms, weak preterites, `worden` and `ist/sind … ge-` perfects point
 * back, `wird/will/soll` and planning verbs point ahead. Nothing found: present, which news
 * use for what is about to happen as well as for what is.
 */
// one pass over the sentence: group 1 holds a past marker, group 2 a future one
const MARKERS = /(?<![\p{L}])(?:(war|waren|warst|wurde|wurden|hatte|hatten|hätte|hätten|hat|haben|habe|gab|kam|kamen|sagte|sagten|erklärte|erklärten|teilte|betonte|fand|fanden|ging|gingen|stand|standen|starb|begann|begannen|endete|berichtete|meldete|wies|zog|trat|fiel|bekam|setzte|stellte|ließ|verlor|gewann|lag|lagen|blieb|konnte|konnten|musste|mussten|wollte|wollten|sollte|sollten|unterzeichnete|besuchte|traf|trafen|sprach|sprachen|hielt|hielten|brachte|brachten|nahm|nahmen|sah|rief|schrieb|fuhr|flog|lief|hieß|bat|bot|galt|schlug|stieg|sank|wuchs|entschied|beschloss|erhielt|verließ|trug|forderte|kündigte|zeigte|machte|führte|legte|kritisierte|warnte|bestätigte|wählte|stimmte|lehnte|einigte|eröffnete|feierte|spielte|siegte|gestern|vorgestern|vergangene[nmrs]?|letzte[nmrs]?|zuvor|damals|bereits|eröffnet|gewählt|ernannt)|(wird|werden|wirst|will|wollen|soll|sollen|möchte|möchten|plant|planen|geplant|beabsichtigt|vorgesehen|morgen|übermorgen|kommende[nmrs]?|nächste[nmrs]?|künftig|anstehende[nmrs]?|bevorstehende[nmrs]?))(?![\p{L}])/gu;

// Candidate boundaries start with the punctuation itself, which lets the regex engine skip fast.
const BOUNDARY = /[.!?]["“”»«']?\s+(?=["„»«]?[\p{Lu}0-9])|\n\s*\n/gu;
// A full stop after a number (`7. Juli`) or a one/two-letter word (`Dr.`, `v.`) ends no sentence.
const NO_END = /(?:[0-9]|(?<![\p{L}])\p{L}{1,2})$/u;

// Past forms the word list above cannot name: weak preterites (`verkündete`, `mitteilten`,
// `verhandelten`; lower-case only, which keeps out nouns such as `Staaten`), `worden`, and
// `ist/sind` with a participle closing the clause (`ist … zu Ende gegangen`, `… gegangen
// sind`). A planning participle (`ist … geplant`) or a state (`ist … geschlossen`) is no perfect.
// found by their endings first (a fast literal scan), then checked as whole words
const PRETERITE_END = /[elrghkp]ten?(?![\p{L}])/gu;
const LOWER_WORD = /^\p{Ll}+$/u;
const PAST_WORDS = new Set(['worden', 'geschah', 'geschahen']);
// adjectives and adverbs with a preterite's ending
const NOT_PAST = /^(?:heute|k?alte[nmrs]?|\p{Ll}*(?:hart|zart|[ae]kt|bestimmt|recht|echt|leicht|schlecht|dicht|feucht|acht)e[nmrs]?)$/u;
const PARTICIPLE_END = /ge\p{Ll}{2,}?(?:en|t)(?![\p{L}])/gu;
const CLAUSE_END = /^\s*(?:[.,;:!?"“”»«)–]|und\s|oder\s|$)/u;
const AUX_AFTER = /^\s+(?:ist|sind)(?![\p{L}])/u;
const AUX = /(?<![\p{L}])(?:ist|sind)(?![\p{L}])/u;
const CLAUSE_START = /[.,;:!?]/;
const NOT_PERFECT = /^(?:geplant|vorgesehen|angesetzt|geöffnet|geschlossen|gelegen|gefragt|gesucht|gefordert|geeignet|gewohnt|gespannt|gewillt|\p{Ll}*gesamt|gerecht|angemessen|geboten)$/u;

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Start of the word that ends at `end` in `s`. */
function wordStart(s: string, end: number): number {
  let b = end;
  while (b > 0 && isLetter(s[b - 1])) b--;
  return b;
}

/** Offsets (in `s`) of the past forms the marker list cannot name. */
function extraPast(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(PRETERITE_END)) {
    const b = wordStart(s, m.index);
    const w = s.slice(b, m.index + m[0].length);
    // at least two letters before the stem's last letter (`verhandelte`, not `alte`)
    if (m.index - b >= 2 && LOWER_WORD.test(w) && !NOT_PAST.test(w)) out.push(b);
  }
  for (const w of ['worden', 'geschah']) {
    for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
      const e = s.indexOf(' ', i);
      const word = s.slice(i, e < 0 ? s.length : e).replace(/[^\p{L}]+$/u, '');
      if (!isLetter(s[i - 1]) && PAST_WORDS.has(word)) out.push(i);
    }
  }
  for (const m of s.matchAll(PARTICIPLE_END)) {
    const b = wordStart(s, m.index);
    const end = m.index + m[0].length;
    const w = s.slice(b, end);
    if (!LOWER_WORD.test(w) || NOT_PERFECT.test(w)) continue;
    const after = s.slice(end, end + 8);
    if (AUX_AFTER.test(after)) { out.push(b); continue; }
    if (!CLAUSE_END.test(after)) continue;
    // `ist/sind` earlier in the same clause, at most 160 characters back
    let c = b;
    while (c > 0 && b - c < 160 && !CLAUSE_START.test(s[c - 1]!)) c--;
    const aux = AUX.exec(s.slice(c, b));
    if (aux) out.push(c + aux.index);
  }
  return out;
}

export function sentenceSpans(text: string): Span[] {
  // A light splitter for standalone use: ends at .!? before an upper-case start, and at blank lines.
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const paragraph = m[0].includes('\n\n') || /\n\s*\n/.test(m[0]);
    if (!paragraph && NO_END.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Tense markers of one sentence (absolute offsets), kept for the sentence last asked about. */
let cache: { text: string; start: number; end: number; markers: { pos: number; t: Tense }[] } | null = null;

function markersOf(text: string, sentence: Span): { pos: number; t: Tense }[] {
  if (cache && cache.text === text && cache.start === sentence.start && cache.end === sentence.end) return cache.markers;
  const markers: { pos: number; t: Tense }[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(MARKERS)) {
    markers.push({ pos: sentence.start + m.index, t: m[1] !== undefined ? 'past' : 'future' });
  }
  for (const pos of extraPast(text.slice(sentence.start, sentence.end))) markers.push({ pos: sentence.start + pos, t: 'past' });
  cache = { text, start: sentence.start, end: sentence.end, markers };
  return markers;
}

const CLAUSE_MARK = /[,;:–]/;
// verbs of saying (preterite) at a marker's position
const REPORTING = /^(?:sagte|sagten|erklärte|erklärten|teilte|teilten|mitteilte|mitteilten|betonte|betonten|berichtete|berichteten|meldete|meldeten|hieß|bestätigte|bestätigten|kündigte|ankündigte|warnte|forderte)(?![\p{L}])/u;

/**
 * The nearest marker of the expression's own clause (no comma, colon or dash between), else
 * the nearest of the sentence: a verb of the expression's clause governs it before one of the
 * next clause that happens to stand closer.
 */
export function tenseAt(text: string, sentence: Span, at: Span): Tense {
  let best: { d: number; t: Tense } | null = null;
  let bestInClause: { d: number; t: Tense } | null = null;
  for (const { pos, t } of markersOf(text, sentence)) {
    if (pos >= at.start && pos < at.end) continue; // the expression's own words
    const d = pos < at.start ? at.start - pos : pos - at.end;
    // a verb of saying in another clause dates the saying, not what is said
    if (!best || d < best.d) best = { d, t: REPORTING.test(text.slice(pos, pos + 12)) ? 'present' : t };
    const between = pos < at.start ? text.slice(pos, at.start) : text.slice(at.end, pos);
    if (!CLAUSE_MARK.test(between) && (!bestInClause || d < bestInClause.d)) bestInClause = { d, t };
  }
  return (bestInClause ?? best)?.t ?? 'present';
}
