import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PloverType } from '../../model/index.js';
import { paths } from '../../paths.js';
import { isAdjectiveLike, type SentenceView } from './clauses.js';
import type { FoundEvent } from './finder.js';

/**
 * Events read across sentences (rules in src/analyze/rules/events/discourse.json): readiness that is no event.
 */

/** One example of a discourse rule (run by test/analyze/events-discourse.test.ts). */
export interface DiscourseExample {
  text: string;
  /** `surface|TYPE[|normalized]`, as in the trigger examples. */
  entities: string[];
  /** `surface|VALUE` time expressions. */
  timexes?: string[];
  expect: {
    sentence: number;
    type: PloverType;
    actors?: string[];
    recipients?: string[];
    place?: string | null;
    date?: string;
    status?: string;
    absent?: boolean;
  };
}

interface RawRules {
  lists: Record<string, string[]>;
  rules: Record<string, { rule: Record<string, unknown>; examples: DiscourseExample[] }>;
}

interface Rules {
  disposition: { frames: { word: string; prep: string }[] };
  examples: Record<string, DiscourseExample[]>;
}

let cached: Rules | null = null;

/** The rules of discourse.json, each built from the named word lists it refers to. */
export function discourseRules(): Rules {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(paths.rules, 'events', 'discourse.json'), 'utf8')) as RawRules;
  const list = (rule: string, key: string): string[] => {
    const name = raw.rules[rule]?.rule[key];
    const xs = typeof name === 'string' ? raw.lists[name] : undefined;
    if (!xs) throw new Error(`discourse.json: ${rule}.${key} names no word list`);
    return xs.map((w) => w.toLowerCase());
  };
  const pairs = (rule: string, key: string): [string, string][] => list(rule, key).map((x) => x.split('|') as [string, string]);
  cached = {
    disposition: { frames: pairs('disposition', 'frames').map(([word, prep]) => ({ word, prep })) },
    examples: Object.fromEntries(Object.entries(raw.rules).map(([k, r]) => [k, r.examples])),
  };
  return cached;
}

const upper = (s: string): boolean => /^\p{Lu}/u.test(s);

// ── readiness ───────────────────────────────────────────────────────────────────────────────────

/**
 * `offen für Gespräche`, `zu Verhandlungen bereit`, `bereit, … zu verhandeln`: readiness (frames:
 * a word and the preposition of what one is ready for) is no event; its mentions are dropped.
 */
export function dropDispositions(v: SentenceView, found: FoundEvent[]): void {
  const { frames } = discourseRules().disposition;
  const has = (ci: number, word: string): boolean => {
    const c = v.clauses[ci];
    if (!c) return false;
    for (let k = c.start; k < c.end; k++) if (v.lower(k) === word) return true;
    return false;
  };
  const framed = (e: FoundEvent): boolean => {
    const ci = v.clauseOf(e.token);
    let j = e.token - 1;
    while (j >= v.sentence.tokenStart && (v.lex.words.determiners.has(v.lower(j)) || /^\d/.test(v.tokens[j]!.text) || (/^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)))) j--;
    const prep = v.lex.words.prepositionAlias[v.lower(j)] ?? v.lower(j);
    // A noun after the frame's preposition, the frame word in its clause (`offen für Gespräche`, `zu Gesprächen bereit`).
    if (upper(v.tokens[e.token]!.text) && frames.some((f) => f.prep === prep && has(ci, f.word))) return true;
    // An infinitive (`zu verhandeln`) in a clause after the frame word's (`bereit, mit X zu verhandeln`).
    if (v.lower(e.token - 1) === 'zu') return frames.some((f) => f.prep === 'zu' && (has(ci, f.word) || has(ci - 1, f.word)));
    return false;
  };
  for (let k = found.length - 1; k >= 0; k--) if (framed(found[k]!)) found.splice(k, 1);
}
