import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/model/index.js';
import { normalize } from '../src/normalize/index.js';
import { paths } from '../src/paths.js';
import { isFailure, readInputs } from '../src/read/index.js';
import { rng } from '../src/util/seeded-random.js';

const OUTLETS = [
  'Elbtal-Kurier', 'Nordsee-Depesche', 'Mainfranken-Rundblick', 'Weltlage24', 'Politik-Telegramm',
  'Alpenland-Zeitung', 'Havelbote', 'Rheinischer Anzeiger', 'Ostsee-Rundschau', 'Schwarzwald-Post',
  'Neckar-Echo', 'Lausitzer Tageblatt',
];
/** Word-level rewrites as a copy desk makes them. */
const SWAPS: [RegExp, string][] = [
  [/\bsagte\b/g, 'erklärte'], [/\berklärte\b/g, 'sagte'], [/\bam Montag\b/g, 'am Dienstag'],
  [/\bam Donnerstag\b/g, 'am Freitag'], [/\bRegierung\b/g, 'Führung'], [/\bGespräche\b/g, 'Verhandlungen'],
  [/\bTreffen\b/g, 'Zusammenkommen'], [/\bweiter\b/g, 'zudem'], [/\bsaid\b/g, 'stated'],
];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Swaps a few neighbouring words inside one paragraph. */
function swapWords(p: string, r: () => number, n: number): string {
  const words = p.split(' ');
  for (let k = 0; k < n && words.length > 3; k++) {
    const i = 1 + Math.floor(r() * (words.length - 2));
    [words[i], words[i + 1]] = [words[i + 1] as string, words[i] as string];
  }
  return words.join(' ');
}

export interface Variant {
  title: string;
  text: string;
  /** `YYYY-MM-DD` */
  date: string;
  outlet: string;
  language: string;
}

/** Sentences of all base articles, per language: the material new articles are recombined from. */
export type SentencePool = Map<string, string[]>;

export function sentencePool(bases: readonly Article[]): SentencePool {
  const pool: SentencePool = new Map();
  for (const b of bases) {
    const list = pool.get(b.language) ?? [];
    for (const p of b.text.split(/\n{2,}/)) {
      for (const sentence of p.split(/(?<=[.!?“"])\s+(?=[A-ZÄÖÜ„"])/)) if (sentence.length > 40) list.push(sentence.trim());
    }
    pool.set(b.language, list);
  }
  return pool;
}

/**
 * The i-th generated article: the base article's lead sentence, then 6–14 sentences drawn from
 * the whole corpus in its language, in 3–5 paragraphs, with neighbouring words swapped and words
 * rewritten, a new date and outlet. Recombining sentences keeps the text real German (or
 * English) for the analysis while making the articles distinct, not near-duplicates of 31 texts.
 */
export function variant(base: Article, i: number, pool: SentencePool): Variant {
  const r = rng(i * 7919 + 17);
  const sentences = pool.get(base.language) ?? [base.text];
  const lead = base.text.split(/(?<=[.!?])\s+/)[0] ?? '';
  const picked = [lead];
  const count = 6 + Math.floor(r() * 9);
  for (let k = 0; k < count; k++) picked.push(sentences[Math.floor(r() * sentences.length)] as string);
  let paras: string[] = [];
  const per = Math.max(2, Math.ceil(picked.length / (3 + Math.floor(r() * 3))));
  for (let k = 0; k < picked.length; k += per) paras.push(picked.slice(k, k + per).join(' '));
  paras = paras.map((p) => swapWords(p, r, 1 + Math.floor(r() * 4)));
  for (const [re, to] of SWAPS) if (r() < 0.3) paras = paras.map((p) => p.replace(re, to));
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 365) * 86_400_000).toISOString().slice(0, 10);
  return {
    title: swapWords(base.title ?? 'Meldung', r, r() < 0.5 ? 1 : 0),
    text: paras.join('\n\n'),
    date: day,
    outlet: OUTLETS[Math.floor(r() * OUTLETS.length)] as string,
    language: base.language,
  };
}

function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/**
 * Writes `n` variants under `dir`: half as plain-text files (title, German date line, body; 500
 * per folder), half as JSON Lines files of 500 articles with URL, outlet and ISO date.
 */
export function writeCorpus(dir: string, bases: readonly Article[], n: number): { files: number; articles: number } {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let lines: string[] = [];
  const flushJsonl = (k: number): void => {
    if (lines.length === 0) return;
    writeFileSync(join(dir, `feed-${String(k).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`);
    files++;
    lines = [];
  };
  const pool = sentencePool(bases);
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length] as Article;
    const v = variant(base, i, pool);
    if (i % 2 === 0) {
      const sub = join(dir, `text-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
      if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `a${i}.txt`), `${v.title}\n${germanDate(v.date)}\n\n${v.text}\n`);
      files++;
    } else {
      lines.push(JSON.stringify({
        title: v.title, text: v.text, published: v.date, source: v.outlet, language: v.language,
        url: `https://${v.outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/artikel/${i}`,
      }));
      if (lines.length === 500) flushJsonl(i);
    }
  }
  flushJsonl(n);
  return { files, articles: n };
}

/** Base articles: the sample corpus, normalised (those with some body to vary). */
export async function loadBases(): Promise<Article[]> {
  const bases: Article[] = [];
  for await (const item of readInputs([join(paths.examples, 'corpus')])) {
    if (isFailure(item)) continue;
    try {
      const a = normalize(item);
      if (a.text.length > 300) bases.push(a);
    } catch {
      // Unusable sample documents are simply not varied.
    }
  }
  return bases;
}
