import { loadKrauts } from './corpora.js';
import { defaultTagger } from '../../src/analyze/time/index.js';
const t = defaultTagger();
const docs = loadKrauts('DieZeit');
const cnt = new Map<string, number>(); let words = 0, tries = 0;
for (const d of docs) for (const m of d.text.matchAll(/[\p{L}\p{N}]+/gu)) {
  words++;
  const w = m[0].toLowerCase();
  const c = w.charCodeAt(0);
  let rs: readonly number[];
  if (c >= 48 && c <= 57) rs = t.digitRules; else { const set = new Set<number>(); for (let k = Math.min(w.length, 16); k >= 2; k--) for (const r of t.byWord.get(w.slice(0, k)) ?? []) set.add(r); rs = [...set]; }
  tries += rs.length; const key = c >= 48 && c <= 57 ? '<digit>' : w; cnt.set(key, (cnt.get(key) ?? 0) + rs.length);
}
console.log('words', words, 'tries', tries, 'digitRules', t.digitRules.length, 'rules', t.rules.length);
console.log([...cnt].sort((a, b) => b[1] - a[1]).slice(0, 30));
