import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeWords } from '../tokenize.js';
import type { NerSentence } from './corpora.js';
import { spansOf } from './model.js';

/**
 * Gazetteer lists for the tagger, built at training time and stored inside the model artifact
 * (so the features the model saw in training are the ones it sees at run time). Each list is
 * a type label (`KB-PER`, `CITY`, `FIRST` …) with names as space-separated tokens.
 */
export type Gazetteer = Record<string, string[]>;

/** Tokenises a name the way running text is tokenised, so matches line up. */
export function nameTokens(name: string): string {
  return tokenizeWords(name).map((t) => t.text).join(' ');
}

export function addNames(g: Gazetteer, type: string, names: Iterable<string>): void {
  const set = new Set(g[type] ?? []);
  for (const n of names) {
    const t = nameTokens(n.trim());
    if (t.length >= 2 && /\p{Lu}/u.test(t)) set.add(t);
  }
  g[type] = [...set].sort();
}

/** Entity strings of labelled corpora we do not train on, by type (`CORPUS-PER` …). */
export function namesFromCorpus(sents: readonly NerSentence[]): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const s of sents) {
    for (const sp of spansOf(s.tags)) {
      const name = s.tokens.slice(sp.start, sp.end).join(' ');
      (out[sp.type] ??= new Set()).add(name);
    }
  }
  return out;
}

const KB_TYPE: Record<string, string> = {
  person: 'PER', per: 'PER', actor: 'PER', politician: 'PER',
  organisation: 'ORG', organization: 'ORG', org: 'ORG', party: 'ORG', institution: 'ORG',
  country: 'LOC', loc: 'LOC', location: 'LOC', place: 'LOC', city: 'LOC', capital: 'LOC', region: 'LOC',
};

interface KbRecord { [k: string]: unknown }

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  return [];
}

/** Collects names from one KB record: `name`, `aliases`, German/English names, capitals. */
function recordNames(r: KbRecord): string[] {
  const names: string[] = [];
  for (const k of ['name', 'canonical', 'label', 'nameDe', 'nameEn', 'de', 'en', 'aliases', 'names', 'shortName', 'abbreviation', 'acronym']) {
    names.push(...strings(r[k]));
  }
  const nm = r.names;
  if (nm && typeof nm === 'object' && !Array.isArray(nm)) names.push(...strings(Object.values(nm)));
  return names;
}

function recordType(r: KbRecord, fileHint: string): string | null {
  const t = typeof r.type === 'string' ? r.type.toLowerCase() : typeof r.kind === 'string' ? r.kind.toLowerCase() : '';
  if (KB_TYPE[t]) return KB_TYPE[t]!;
  if (/person|actor|people|politician/.test(fileHint)) return 'PER';
  if (/org/.test(fileHint)) return 'ORG';
  if (/countr|place|cit|loc|geo/.test(fileHint)) return 'LOC';
  return null;
}

/**
 * Reads names from the knowledge base in kb/ (engineer E's data: JSON, JSON Lines or arrays of
 * records with `name`/`aliases` and a `type`, or files named after their type). Missing or
 * unreadable files are skipped: the gazetteer is a feature, not a requirement.
 */
export function kbNames(kbDir: string): Gazetteer {
  const g: Gazetteer = {};
  if (!existsSync(kbDir)) return g;
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  for (const file of walk(kbDir).sort()) {
    let records: KbRecord[] = [];
    try {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.jsonl')) records = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as KbRecord);
      else if (file.endsWith('.json')) {
        const j = JSON.parse(text) as unknown;
        // A flat list of strings is a name list typed by its file name (given-names.json).
        if (Array.isArray(j) && j.every((x) => typeof x === 'string')) {
          if (/given|first|vorname/.test(file.toLowerCase())) addNames(g, 'KB-FIRST', j as string[]);
          continue;
        }
        if (Array.isArray(j)) records = j as KbRecord[];
        else if (j && typeof j === 'object') {
          const vals = Object.values(j as Record<string, unknown>);
          const arr = vals.find((v) => Array.isArray(v) && v.length && typeof v[0] === 'object');
          records = (arr as KbRecord[] | undefined) ?? [];
        }
      }
    } catch {
      continue;
    }
    const hint = file.toLowerCase();
    for (const r of records) {
      if (!r || typeof r !== 'object') continue;
      const type = recordType(r, hint);
      if (!type) continue;
      addNames(g, `KB-${type}`, recordNames(r));
      const capital = r.capital;
      if (capital && typeof capital === 'object') addNames(g, 'KB-LOC', recordNames(capital as KbRecord));
      if (type === 'PER') {
        const surname = typeof r.surname === 'string' ? r.surname
          : r.surname === null ? null : (typeof r.name === 'string' ? r.name.split(' ').pop() : null);
        if (surname && surname.length > 2) addNames(g, 'KB-SURNAME', [surname]);
      }
    }
  }
  return g;
}
