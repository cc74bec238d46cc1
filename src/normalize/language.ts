/** Language of an article: function words, else franc's trigram guess restricted to languages news comes in (for a short text, function words decide among the plausible ones); metadata wins when plausible. */
import { francAll } from 'franc';
import stopwords from './stopwords.json' with { type: 'json' };

/** ISO 639-3 (as franc reports) → ISO 639-1. */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  deu: 'de', eng: 'en', fra: 'fr', spa: 'es', ita: 'it', rus: 'ru', ukr: 'uk', pol: 'pl',
  nld: 'nl', por: 'pt', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ces: 'cs', slk: 'sk',
  hun: 'hu', ron: 'ro', tur: 'tr', ell: 'el', bul: 'bg', hrv: 'hr', srp: 'sr', slv: 'sl',
  arb: 'ar', heb: 'he', pes: 'fa', cmn: 'zh', jpn: 'ja', kor: 'ko', bel: 'be', lit: 'lt', lav: 'lv', est: 'et',
};
const ONLY = Object.keys(ISO3_TO_1);
const KNOWN_1 = new Set(Object.values(ISO3_TO_1));

/** Below this many letters the guess is noise. */
const MIN_LETTERS = 30;
/**
 * Fewer words than this (a headline and a sentence or two) is short: too few function words for the
 * fast path, and trigram scores of related languages close together (`Trump und Putin telefonieren am
 * Dienstag.` scores Dutch first, German a close second).
 */
const SHORT_WORDS = 40;
/** A language whose trigram score is at least this share of the best one's is plausible for a short text. */
const PLAUSIBLE = 0.75;
/** The languages Chronik reads most, first first: they take a short text whose function words decide nothing. */
const PREFERRED = ['de', 'en'];

/** ISO 639-1 code of `text`, or `und`. `declared` (`de-DE`, `de_DE`, `deu`, `German`) is used when the text does not contradict it. */
export function detectLanguage(text: string, declared?: string | null): string {
  const meta = declared ? languageCode(declared) : undefined;
  const sample = text.slice(0, 3000);
  const letters = sample.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return meta ?? 'und';
  // Fast path (the trigram model costs milliseconds per article): a clear lead in function words.
  const quick = byStopwords(sample) ?? byCyrillicLetters(sample);
  if (quick && (!meta || meta === quick)) return quick;
  const scores = francAll(sample.slice(0, 1500), { only: ONLY, minLength: 10 });
  const top = scores[0];
  if (!top || top[0] === 'und') return meta ?? 'und';
  const words = wordsOf(sample);
  const guess = (words.length < SHORT_WORDS ? shortGuess(words, scores) : undefined) ?? ISO3_TO_1[top[0]] ?? 'und';
  if (!meta || meta === guess) return guess;
  // francAll scales scores to 1 for the best; metadata stands if its language is a close second.
  const metaScore = scores.find(([code]) => ISO3_TO_1[code] === meta)?.[1] ?? 0;
  return metaScore >= 0.9 ? meta : guess;
}

const STOP: Array<[string, Set<string>]> = Object.entries(stopwords)
  .filter(([k]) => !k.startsWith('_'))
  .map(([k, v]) => [k, new Set(v as string[])]);

const wordsOf = (sample: string): string[] => sample.toLowerCase().match(/\p{L}+/gu)?.slice(0, 300) ?? [];

/** Function words of each language among `words`, most first. */
function stopwordCounts(words: readonly string[]): (readonly [string, number])[] {
  return STOP.map(([lang, set]) => [lang, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0)] as const).sort((a, b) => b[1] - a[1]);
}

/**
 * A short text's language: of the languages the trigram model finds plausible (`PLAUSIBLE`), the one
 * with the most function words, ties to the better trigram score; with no function word of any of
 * them, German or English when plausible (`PREFERRED`). Undefined: keep the trigram model's best.
 */
function shortGuess(words: readonly string[], scores: readonly (readonly [string, number])[]): string | undefined {
  const trigram = new Map<string, number>();
  for (const [code, score] of scores) {
    const l = ISO3_TO_1[code];
    if (l && !trigram.has(l)) trigram.set(l, score);
  }
  const plausible = (l: string): boolean => (trigram.get(l) ?? 0) >= PLAUSIBLE;
  const counted = stopwordCounts(words).filter(([l, n]) => n > 0 && plausible(l));
  const most = counted[0]?.[1] ?? 0;
  const tied = counted.filter(([, n]) => n === most).map(([l]) => l);
  if (tied.length > 0) return tied.sort((a, b) => trigram.get(b)! - trigram.get(a)!)[0];
  return PREFERRED.filter(plausible).sort((a, b) => trigram.get(b)! - trigram.get(a)!)[0];
}

/** The language whose function words clearly dominate the first 300 words, if one does. */
function byStopwords(sample: string): string | undefined {
  const words = wordsOf(sample);
  if (words.length < 20) return undefined;
  const [best, second] = stopwordCounts(words);
  if (!best || best[1] < Math.max(6, words.length * 0.15)) return undefined;
  return best[1] >= 2.5 * (second?.[1] ?? 0) ? best[0] : undefined;
}

/** Russian and Ukrainian by their own letters, when the text is Cyrillic. */
function byCyrillicLetters(sample: string): string | undefined {
  const cyr = (sample.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (sample.match(/[a-z]/gi) ?? []).length;
  if (cyr < 50 || cyr < 4 * latin) return undefined;
  const uk = (sample.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const ru = (sample.match(/[ыэъёЫЭЪЁ]/g) ?? []).length;
  if (uk >= 3 && ru === 0) return 'uk';
  if (ru >= 3 && uk === 0) return 'ru';
  return undefined;
}

/** Normalises a language label to ISO 639-1, or undefined. */
export function languageCode(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  const two = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/.exec(l)?.[1];
  if (two && KNOWN_1.has(two)) return two;
  if (ISO3_TO_1[l]) return ISO3_TO_1[l];
  const names: Record<string, string> = {
    german: 'de', deutsch: 'de', english: 'en', englisch: 'en', french: 'fr', französisch: 'fr', spanish: 'es',
    italian: 'it', russian: 'ru', ukrainian: 'uk', polish: 'pl',
  };
  return names[l];
}
