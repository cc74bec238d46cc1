import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultNerModel, nerComponent, recognize, spansOf, stoplistExamples } from '../../src/analyze/ner/index.js';
import { tokenize, tokenizeComponent } from '../../src/analyze/tokenize.js';
import { newDoc } from '../../src/analyze/pipeline.js';
import { conllScore } from '../../src/analyze/ner/score.js';
import { repairBio } from '../../src/analyze/ner/corpora.js';
import { quoteMarks } from '../../src/analyze/ner/features.js';
import { nounClass } from '../../src/analyze/ner/nouns.js';
import { tagConll } from '../../src/cli/commands/ner.js';
import type { Article } from '../../src/model/index.js';

const model = defaultNerModel();

function entities(text: string): { text: string; type: string }[] {
  assert.ok(model, 'models/ner/ner-de.json.gz must exist');
  const { tokens, sentences } = tokenize(text);
  return recognize(model, { tokens, sentences, text }).map((e) => ({ text: e.text, type: e.type }));
}

test('BIO helpers: spans, repair, strict scoring', () => {
  assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 5, type: 'LOC' }, { start: 5, end: 6, type: 'ORG' },
  ]);
  assert.deepEqual(repairBio(['O', 'I-PER', 'I-PER', 'I-LOC']), ['O', 'B-PER', 'I-PER', 'B-LOC']);
  const s = conllScore([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']]);
  assert.equal(s.overall.tp, 1);
  assert.equal(s.PER!.fn, 1);
  assert.equal(s.PER!.fp, 1);
  assert.equal(s.LOC!.f1, 1);
});

test('finds people, places and organisations in news sentences written for this test', () => {
  const found = entities('Bundeskanzlerin Angela Merkel reiste am Montag nach Paris, um mit Emmanuel Macron über die Europäische Union zu sprechen.');
  const texts = found.map((e) => `${e.text}/${e.type}`);
  assert.ok(texts.includes('Angela Merkel/PER'), texts.join(' '));
  assert.ok(texts.includes('Paris/LOC'), texts.join(' '));
  assert.ok(texts.some((t) => t.startsWith('Emmanuel Macron/')), texts.join(' '));
  const more = entities('Der Vorstand von Siemens traf sich in München mit Vertretern der Bundesregierung.').map((e) => e.text);
  assert.ok(more.includes('München'), more.join(' '));
});

test('section headings, boilerplate and sentence-initial common words are not entities', () => {
  for (const e of stoplistExamples) {
    const found = entities(e.example).filter((x) => x.text === e.word);
    assert.deepEqual(found, [], `${e.word} in: ${e.example}`);
  }
  const text = 'Fazit\n\nDie Verhandlungen in Genf brachten wenig. Warum das so ist, bleibt offen.\n\nEmpfehlungen\n\nDetails folgen später.';
  const found = entities(text).map((x) => x.text);
  for (const w of ['Fazit', 'Warum', 'Empfehlungen', 'Details', 'Die']) assert.ok(!found.includes(w), `${w} in ${found.join(',')}`);
});

test('the ner component fills doc.entities with offsets, sentence index and MISC for OTH', () => {
  const text = 'Heute sprach Olaf Scholz in Berlin. Später reiste er nach Warschau.';
  const doc = newDoc({ text } as Article);
  tokenizeComponent.run(doc);
  nerComponent.run(doc);
  assert.equal(nerComponent.name, 'ner');
  assert.ok(doc.entities.length >= 2);
  for (const e of doc.entities) {
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.equal(e.normalized, e.text);
    assert.ok(['PER', 'LOC', 'ORG', 'MISC'].includes(e.type));
    assert.ok(e.sentence === 0 || e.sentence === 1);
  }
  const warschau = doc.entities.find((e) => e.text === 'Warschau');
  assert.equal(warschau?.sentence, 1);
});

test('chronik ner --conll tags one token per line and keeps sentence breaks', () => {
  const out = tagConll('1\tGestern\tO\n2\tsprach\tO\n3\tEmmanuel\n4\tMacron\n\nIn\nBerlin\nregnete\nes\n.\n');
  const blocks = out.trim().split('\n\n');
  assert.equal(blocks.length, 2);
  const first = blocks[0]!.split('\n').map((l) => l.split('\t'));
  assert.deepEqual(first.map((c) => c[0]), ['1', '2', '3', '4']);
  // First column is the token: here the index column of a GermEval-like file, so tags are O.
  const second = blocks[1]!.split('\n').map((l) => l.split('\t'));
  assert.deepEqual(second.map((c) => c[0]), ['In', 'Berlin', 'regnete', 'es', '.']);
  assert.ok(second.every((c) => /^(O|[BI]-(PER|LOC|ORG|OTH))$/.test(c[1]!)));
  assert.equal(second[1]![1], 'B-LOC');
});

test('noun classes for the lexicon features: listed noun, compound with a listed head, other', () => {
  const nouns = new Set(['Regierung', 'Präsident', 'Bank']);
  assert.equal(nounClass('Regierung', nouns), 'N');
  assert.equal(nounClass('Bundesregierung', nouns), 'H');
  assert.equal(nounClass('US-Präsident', nouns), 'H');
  assert.equal(nounClass('Merkel', nouns), '-');
  assert.equal(nounClass('regierung', nouns), 'l');
  // A head shorter than four letters does not count (`Ban` inside `Urban` is no noun).
  assert.equal(nounClass('Urbank', new Set(['Ank'])), '-');
});

test('quote marks: tokens inside a closed quote pair of the sentence', () => {
  const words = ['Der', 'Film', '„', 'Das', 'Boot', '“', 'lief', 'im', '"', 'Kino', '"', 'und', '„', 'offen'];
  assert.deepEqual(Array.from(quoteMarks(words)), [0, 0, 0, 1, 3, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
});
