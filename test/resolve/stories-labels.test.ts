import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { analyze } from '../../src/analyze/pipeline.js';
import { normalize } from '../../src/normalize/index.js';
import { rawFromDocument } from '../../src/pipeline/documents.js';
import { labelWords, storyTerms } from '../../src/resolve/stories/features.js';
import { absorb, addToDocFreq, labelOf, type DocFreq, type StoryState } from '../../src/resolve/stories/cluster.js';

test('label-words.json: every example title gives exactly its label words', () => {
  const data = JSON.parse(readFileSync(join(packageRoot, 'src', 'resolve', 'stories', 'label-words.json'), 'utf8')) as { examples: Record<string, string[]> };
  for (const [title, want] of Object.entries(data.examples)) assert.deepEqual(labelWords(title), want, title);
});

test('story labels: canonical entity names, then title words as written; no verbs, multi-word names whole', () => {
  const docs = [
    { title: 'Hafenstreik in Bad Homburg weitet sich aus', text: 'In Bad Homburg streiken seit Montag die Beschäftigten der Stadtwerke. Die Gewerkschaft Verdi fordert mehr Lohn.', published: '2025-09-01' },
    { title: 'Verdi droht mit neuem Streik in Bad Homburg', text: 'Die Gewerkschaft Verdi kündigt weitere Streiks in Bad Homburg an. Die Stadtwerke lehnen die Forderung ab.', published: '2025-09-02' },
  ];
  const d: DocFreq = { n: 0, df: new Map() };
  const s: StoryState = { id: 'st-x', centroid: {}, firstDay: null, lastDay: null, articles: 0, touched: 0 };
  for (const raw of docs) {
    const terms = storyTerms(analyze(normalize(rawFromDocument(raw))));
    addToDocFreq(d, terms);
    absorb(s, terms, raw.published, d.n);
  }
  const label = labelOf(s, d);
  const [ents, words] = label.split(' — ');
  assert.ok(words, label);
  // No lower-case stems or verbs, no half of a name.
  for (const w of words.split(', ')) assert.match(w, /^\p{Lu}/u, label);
  assert.doesNotMatch(label, /\b(weitet|droht|kündigt|homburg)\b/, label);
  assert.ok(!/(^|, )Bad(,|$)/.test(words) && !/(^|, )Homburg(,|$)/.test(words), `name split: ${label}`);
  assert.ok(ents!.length > 0, label);
});
