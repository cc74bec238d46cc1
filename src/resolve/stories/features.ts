import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../../model/index.js';
import { packageRoot, paths } from '../../paths.js';
import { participantOf } from '../events/actors.js';

/**
 * Term vectors of one article for story clustering, in the manner of Miranda et al. 2018:
 * title tokens (`t:`), body tokens (`b:`), body stems (`s:`) and canonical entities (`e:`),
 * each a separate space compared by its own cosine.
 */
export type Terms = Record<string, number>;

let stop: Set<string> | null = null;
function stopwords(): Set<string> {
  stop ??= new Set((JSON.parse(readFileSync(join(paths.rules, 'events', 'stopwords.json'), 'utf8')) as { words: string[] }).words);
  return stop;
}

/** A light German stemmer: folds umlauts and strips the common inflection endings. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
  for (const suf of ['ungen', 'innen', 'ung', 'ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (w.length - suf.length >= 4 && w.endsWith(suf)) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  return w;
}

const WORD = /[\p{L}][\p{L}\p{N}-]*/gu;

function words(text: string): string[] {
  const sw = stopwords();
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !sw.has(w));
}

function top(counts: Map<string, number>, n: number, prefix: string, into: Terms): void {
  [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).forEach(([k, v]) => {
    into[prefix + k] = v;
  });
}

function count(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

let labelStop: Set<string> | null = null;
function labelStopwords(): Set<string> {
  labelStop ??= new Set((JSON.parse(readFileSync(join(packageRoot, 'src', 'resolve', 'stories', 'label-words.json'), 'utf8')) as { words: string[] }).words);
  return labelStop;
}

/**
 * Title words fit to show in a label, as written: capitalised (German nouns and names; verbs and
 * adjectives are lower case) and not a function word, verb or vague noun (label-words.json).
 */
export function labelWords(title: string, names: readonly string[] = []): string[] {
  const sw = stopwords();
  const ls = labelStopwords();
  // Multi-word names seen in the title (`Abu Dhabi`) stay one label word.
  const whole: string[] = [];
  let rest = title;
  for (const name of [...new Set(names)].filter((x) => x.includes(' ')).sort((a, b) => b.length - a.length)) {
    if (rest.includes(name)) {
      whole.push(name);
      rest = rest.split(name).join(' ');
    }
  }
  return [...whole, ...(rest.match(WORD) ?? []).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && !sw.has(w.toLowerCase()) && !ls.has(w))];
}

/** The article's story features: at most 100 terms per space, entity names canonical (KB, metonyms). */
export function storyTerms(doc: AnalyzedArticle): Terms {
  const out: Terms = {};
  const title = doc.article.title ?? '';
  top(count(words(title)), 30, 't:', out);
  // Label words in the surface form seen (`w:`): only for labels, not compared.
  top(count(labelWords(title, doc.entities.flatMap((m) => [m.text, m.normalized]))), 30, 'w:', out);
  const body = words(doc.article.text);
  top(count(body), 100, 'b:', out);
  top(count(body.map(stem)), 100, 's:', out);
  top(count(doc.entities.map((m) => participantOf(m).name)), 50, 'e:', out);
  return out;
}
