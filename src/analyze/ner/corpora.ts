import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../tokenize.js';

/**
 * Readers for the labelled German NER corpora in ../shared/data, each mapped to BIO tags over
 * PER/LOC/ORG/OTH (GermEval's outer column; `…deriv`/`…part` dropped to O everywhere).
 * Used by the training and evaluation scripts only; the analysis component never reads corpora.
 */
export interface NerSentence {
  tokens: string[];
  tags: string[];
  /** Corpus name, for domain-augmented features (GermEval sentences leave it unset). */
  domain?: string;
}

export const NER_TYPES = ['PER', 'LOC', 'ORG', 'OTH'] as const;

/** Repairs BIO after mapping: an I- that does not continue an entity of its type starts one. */
export function repairBio(tags: string[]): string[] {
  const out = tags.slice();
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.startsWith('I-')) {
      const prev = i > 0 ? out[i - 1]! : 'O';
      if (prev === 'O' || prev.slice(2) !== t.slice(2)) out[i] = `B-${t.slice(2)}`;
    }
  }
  return out;
}

/** Maps a raw BIO tag with `map` (label → type or null for O). */
function mapTag(tag: string, map: (label: string) => string | null): string {
  if (tag === 'O' || tag === '' || tag === '_') return 'O';
  const m = /^([BIES])[-_.]?(.*)$/.exec(tag);
  if (!m) return 'O';
  const type = map(m[2]!);
  if (type === null) return 'O';
  return `${m[1] === 'B' || m[1] === 'S' ? 'B' : 'I'}-${type}`;
}

/** GermEval 2014 TSV: `#` comment, then `idx token outer inner`; blank line ends a sentence. */
export function readGermEval(path: string): NerSentence[] {
  const out: NerSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags: repairBio(tags) });
    tokens = []; tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') { flush(); continue; }
    const cols = line.split('\t');
    tokens.push(cols[1] ?? '');
    tags.push(mapTag(cols[2] ?? 'O', (l) => ((NER_TYPES as readonly string[]).includes(l) ? l : null)));
  }
  flush();
  return out;
}

/** Space/tab separated CoNLL: token first, NER tag in column `col` (-1 = last). */
export function readConll(path: string, map: (label: string) => string | null, col = -1): NerSentence[] {
  const out: NerSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags: repairBio(tags) });
    tokens = []; tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) { flush(); continue; }
    if (line.trim() === '') { flush(); continue; }
    const cols = line.trim().split(/[\t ]+/);
    if (cols.length < 2) continue;
    tokens.push(cols[0]!);
    tags.push(mapTag(col < 0 ? cols[cols.length + col]! : (cols[col] ?? 'O'), map));
  }
  flush();
  return out;
}

export const LER_MAP = (l: string): string | null =>
  ({ PER: 'PER', RR: 'PER', AN: 'PER', LD: 'LOC', ST: 'LOC', STR: 'LOC', LDS: 'LOC',
    ORG: 'ORG', UN: 'ORG', INN: 'ORG', GRT: 'ORG', MRK: 'ORG' } as Record<string, string>)[l] ?? null;

export const MOBIE_MAP = (l: string): string | null => {
  if (l === 'person') return 'PER';
  if (l === 'location' || l === 'location-city' || l === 'location-street') return 'LOC';
  if (l === 'organization' || l === 'organization-company') return 'ORG';
  return null; // stops, routes, dates, numbers …
};

/** HIPE-2022 TSV (newseye): column 2 is NE-COARSE-LIT; `EndOfSentence` in MISC ends a sentence. */
export function readHipe(path: string): NerSentence[] {
  const out: NerSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags: repairBio(tags) });
    tokens = []; tags = [];
  };
  const map = (l: string): string | null => {
    const u = l.toUpperCase();
    if (u.startsWith('PER')) return 'PER';
    if (u.startsWith('LOC')) return 'LOC';
    if (u.startsWith('ORG')) return 'ORG';
    return null;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.startsWith('TOKEN\t')) { if (line.includes('document_id')) flush(); continue; }
    if (line.trim() === '') continue;
    const cols = line.split('\t');
    const tok = cols[0]!;
    if (tok === '') continue;
    tokens.push(tok);
    tags.push(mapTag(cols[1] ?? 'O', map));
    if ((cols[9] ?? '').includes('EndOfSentence')) flush();
  }
  flush();
  return out;
}

/** Europeana newspapers BIO stream: no sentence boundaries, so split after `.`/`!`/`?`. */
export function readEuropeana(path: string): NerSentence[] {
  const out: NerSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, tags: repairBio(tags) });
    tokens = []; tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const cols = line.trim().split(/\s+/);
    if (cols.length !== 2) continue;
    tokens.push(cols[0]!);
    tags.push(mapTag(cols[1]!.replace(/[_.]/, '-').toUpperCase(), (l) => (['PER', 'LOC', 'ORG'].includes(l) ? l : null)));
    if (/^[.!?]$/.test(cols[0]!) && tokens.length > 3) flush();
    if (tokens.length > 80) flush();
  }
  flush();
  return out;
}

interface SmartDataDoc {
  text?: { string?: string };
  conceptMentions?: { array?: { type: string; span: { start: number; end: number } }[] };
}

/** Splits concatenated pretty-printed JSON objects. */
function* jsonObjects(s: string): Generator<unknown> {
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '{') { if (depth === 0) start = i; depth++; }
    else if (c === '}') { depth--; if (depth === 0 && start >= 0) { yield JSON.parse(s.slice(start, i + 1)); start = -1; } }
  }
}

/** SmartData v1: character-offset mentions on raw text, tokenised with our own tokenizer. */
export function readSmartData(path: string): NerSentence[] {
  const out: NerSentence[] = [];
  const map = (t: string): string | null => {
    if (t === 'person') return 'PER';
    if (t === 'location' || t === 'location-city' || t === 'location-street') return 'LOC';
    if (t === 'organization' || t === 'organization-company') return 'ORG';
    return null;
  };
  for (const obj of jsonObjects(gunzipSync(readFileSync(path)).toString('utf8'))) {
    const doc = obj as SmartDataDoc;
    const text = doc.text?.string;
    if (!text) continue;
    const { tokens, sentences } = tokenize(text);
    const tags = tokens.map(() => 'O');
    for (const m of doc.conceptMentions?.array ?? []) {
      const type = map(m.type);
      if (!type) continue;
      // SmartData marks adjectives (`italienische`) as locations; GermEval calls them LOCderiv,
      // which we drop, so skip mentions that start lowercase.
      if (/^\p{Ll}/u.test(text.slice(m.span.start, m.span.start + 1))) continue;
      let first = true;
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k]!;
        if (t.end <= m.span.start || t.start >= m.span.end) continue;
        tags[k] = `${first ? 'B' : 'I'}-${type}`;
        first = false;
      }
    }
    for (const s of sentences) {
      out.push({
        tokens: tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text),
        tags: repairBio(tags.slice(s.tokenStart, s.tokenEnd)),
      });
    }
  }
  return out;
}

/** Plain text of 10kGNAD-style `label;'text'` CSV lines (for unlabelled cluster induction). */
export function readCsvTexts(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.includes(';'))
    .map((l) => l.slice(l.indexOf(';') + 1).replace(/^'|'$/g, '').replace(/''/g, '\''));
}
