import type { Span } from '../../model/index.js';
import type { Tense } from './resolve.js';

/**
 * The tense of the clause around a time expression, from the nearest tense marker in its
 * sentence: finite past forms and `hat/haben … ge-` perfects point back, `wird/will/soll` and
 * planning verbs point ahead. Nothing found: present.
 */
// one pass over the sentence: group 1 holds a past marker, group 2 a future one
const MARKERS = /(?<![\p{L}])(?:(war|waren|warst|wurde|wurden|hatte|hatten|hätte|hätten|hat|haben|habe|gab|kam|kamen|sagte|sagten|erklärte|erklärten|teilte|betonte|fand|fanden|ging|gingen|stand|standen|starb|begann|begannen|endete|berichtete|meldete|wies|zog|trat|fiel|bekam|setzte|stellte|ließ|verlor|gewann|lag|lagen|blieb|konnte|konnten|musste|mussten|wollte|wollten|sollte|sollten|unterzeichnete|besuchte|traf|trafen|sprach|sprachen|hielt|hielten|brachte|brachten|nahm|nahmen|sah|rief|schrieb|fuhr|flog|lief|hieß|bat|bot|galt|schlug|stieg|sank|wuchs|entschied|beschloss|erhielt|verließ|trug|forderte|kündigte|zeigte|machte|führte|legte|kritisierte|warnte|bestätigte|wählte|stimmte|lehnte|einigte|eröffnete|feierte|spielte|siegte|gestern|vorgestern|vergangene[nmrs]?|letzte[nmrs]?|zuvor|damals|bereits|eröffnet|gewählt|ernannt)|(wird|werden|wirst|will|wollen|soll|sollen|möchte|möchten|plant|planen|geplant|beabsichtigt|vorgesehen|morgen|übermorgen|kommende[nmrs]?|nächste[nmrs]?|künftig|anstehende[nmrs]?|bevorstehende[nmrs]?))(?![\p{L}])/gu;

export function sentenceSpans(text: string): Span[] {
  // A light splitter for standalone use: ends at .!? (not after a number or a one/two-letter
  // abbreviation) before an upper-case start, and at blank lines.
  const spans: Span[] = [];
  let start = 0;
  const re = /(?:(?<![0-9]|(?<![\p{L}])\p{L}{1,2})[.!?]["“”»«']?\s+(?=["„»«]?[\p{Lu}0-9])|\n\s*\n)/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

export function tenseAt(text: string, sentence: Span, at: Span): Tense {
  const s = text.slice(sentence.start, sentence.end);
  let best: { d: number; t: Tense } | null = null;
  for (const m of s.matchAll(MARKERS)) {
    const pos = sentence.start + m.index;
    if (pos >= at.start && pos < at.end) continue; // the expression's own words
    const d = pos < at.start ? at.start - pos : pos - at.end;
    if (!best || d < best.d) best = { d, t: m[1] !== undefined ? 'past' : 'future' };
  }
  return (best as { d: number; t: Tense } | null)?.t ?? 'present';
}
