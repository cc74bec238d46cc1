import type { Span } from '../../model/index.js';
import type { Tense } from './resolve.js';

/**
 * The tense of the clause around a time expression, from the nearest tense marker in its
 * sentence: finite past forms and `hat/haben … ge-` perfects point back, `wird/will/soll` and
 * planning verbs point ahead. Nothing found: present.
 */
// one pass over the sentence: group 1 holds a past marker, group 2 a future one
const MARKERS = /(?<![\p{L}])(?:(war|waren|warst|wurde|wurden|hatte|hatten|hätte|hätten|hat|haben|habe|gab|kam|kamen|sagte|sagten|erklärte|erklärten|teilte|betonte|fand|fanden|ging|gingen|stand|standen|starb|begann|begannen|endete|berichtete|meldete|wies|zog|trat|fiel|bekam|setzte|stellte|ließ|verlor|gewann|lag|lagen|blieb|konnte|konnten|musste|mussten|wollte|wollten|sollte|sollten|unterzeichnete|besuchte|traf|trafen|sprach|sprachen|hielt|hielten|brachte|brachten|nahm|nahmen|sah|rief|schrieb|fuhr|flog|lief|hieß|bat|bot|galt|schlug|stieg|sank|wuchs|entschied|beschloss|erhielt|verließ|trug|forderte|kündigte|zeigte|machte|führte|legte|kritisierte|warnte|bestätigte|wählte|stimmte|lehnte|einigte|eröffnete|feierte|spielte|siegte|gestern|vorgestern|vergangene[nmrs]?|letzte[nmrs]?|zuvor|damals|bereits|eröffnet|gewählt|ernannt)|(wird|werden|wirst|will|wollen|soll|sollen|möchte|möchten|plant|planen|geplant|beabsichtigt|vorgesehen|morgen|übermorgen|kommende[nmrs]?|nächste[nmrs]?|künftig|anstehende[nmrs]?|bevorstehende[nmrs]?))(?![\p{L}])/gu;

// Candidate boundaries start with the punctuation itself, which lets the regex engine skip fast.
const BOUNDARY = /[.!?]["“”»«']?\s+(?=["„»«]?[\p{Lu}0-9])|\n\s*\n/gu;
// A full stop after a number (`7. Juli`) or a one/two-letter word (`Dr.`, `v.`) ends no sentence.
const NO_END = /(?:[0-9]|(?<![\p{L}])\p{L}{1,2})$/u;

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
  cache = { text, start: sentence.start, end: sentence.end, markers };
  return markers;
}

export function tenseAt(text: string, sentence: Span, at: Span): Tense {
  let best: { d: number; t: Tense } | null = null;
  for (const { pos, t } of markersOf(text, sentence)) {
    if (pos >= at.start && pos < at.end) continue; // the expression's own words
    const d = pos < at.start ? at.start - pos : pos - at.end;
    if (!best || d < best.d) best = { d, t };
  }
  return best?.t ?? 'present';
}
