import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abbreviationExamples, tokenize, tokenizeComponent } from '../../src/analyze/tokenize.js';
import { newDoc } from '../../src/analyze/pipeline.js';
import type { Article } from '../../src/model/index.js';

/** Sentences as arrays of token texts. */
function split(text: string): string[][] {
  const { tokens, sentences } = tokenize(text);
  return sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
}
function words(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.text);
}

test('offsets point into the text (UTF-16), sentences cover their tokens', () => {
  const text = 'Der Gipfel 🙂 in Genf – „Wir reden“, sagte Dr. Weiß.\n\nNeuer Absatz hier.';
  const { tokens, sentences } = tokenize(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(tokens.some((t) => t.text === '🙂' && t.end - t.start === 2));
  for (const s of sentences) {
    assert.equal(s.start, tokens[s.tokenStart]!.start);
    assert.equal(s.end, tokens[s.tokenEnd - 1]!.end);
  }
  assert.equal(sentences.length, 2);
});

test('every abbreviation example in the data list keeps its abbreviation as one token', () => {
  for (const e of [...abbreviationExamples.single, ...abbreviationExamples.parts]) {
    const sents = split(e.example);
    assert.equal(sents.length, 1, `${e.abbr}: ${JSON.stringify(sents)}`);
    const parts = e.abbr.split(' ');
    const toks = sents.flat();
    const at = toks.findIndex((t) => t === parts[0] || t.endsWith(`-${parts[0]}`));
    assert.ok(at >= 0, `${e.abbr} not a token in ${JSON.stringify(toks)}`);
    assert.deepEqual(toks.slice(at + 1, at + parts.length), parts.slice(1), e.abbr);
  }
  for (const e of abbreviationExamples.single.filter((x) => x.maybeFinal)) {
    assert.equal(split(e.finalExample!).length, 2, e.finalExample);
  }
  for (const e of abbreviationExamples.final) {
    assert.equal(split(e.example).length, e.sentences ?? 1, e.example);
    assert.ok(words(e.example).includes(e.abbr), e.abbr);
  }
});

test('ordinals and dates do not end a sentence', () => {
  assert.deepEqual(split('Die Delegation traf am 28. Januar 2017 in Helsinki ein.'), [
    ['Die', 'Delegation', 'traf', 'am', '28.', 'Januar', '2017', 'in', 'Helsinki', 'ein', '.'],
  ]);
  assert.equal(split('Das Treffen ist für den 10. Mai geplant.').length, 1);
  assert.equal(split('Der 2. Weltkrieg endete in Europa im Mai 1945.').length, 1);
  assert.equal(split('Sie belegte den 3. Platz im Finale.').length, 1);
  assert.equal(split('Gewählt wird am 10. und 11. Juni.').length, 1);
  assert.ok(words('Die Frist endet am 10.5.2025 um Mitternacht.').includes('10.5.2025'));
  // A year at the end of a sentence is not an ordinal.
  assert.deepEqual(split('Er wurde 1990 geboren. 2017 zog er nach Graz.').map((s) => s.length), [5, 6]);
  assert.deepEqual(split('Der Vertrag lief bis 2019. Danach kam nichts.').map((s) => s[s.length - 1]), ['.', '.']);
});

test('German quotes: quote-final punctuation closes the sentence with the quote', () => {
  assert.deepEqual(split('Er sagte: „Wir kommen morgen.“ Dann ging er.'), [
    ['Er', 'sagte', ':', '„', 'Wir', 'kommen', 'morgen', '.', '“'],
    ['Dann', 'ging', 'er', '.'],
  ]);
  assert.equal(split('„Kommt er heute?“, fragte die Reporterin.').length, 1);
  assert.deepEqual(split('»Nie wieder!« Das war ihre Antwort.').map((s) => s[s.length - 1]), ['«', '.']);
  assert.equal(split('Sie rief: »Halt!«, und alle blieben stehen.').length, 1);
  assert.equal(split('Der Satz endet hier. „Ein neuer Satz beginnt mit Zitat“, hieß es.').length, 2);
});

test('hyphenated compounds, truncated compounds and initials stay together', () => {
  assert.ok(words('Der Trump-Putin-Gipfel beginnt.').includes('Trump-Putin-Gipfel'));
  assert.ok(words('Der US-Präsident reist ab.').includes('US-Präsident'));
  assert.ok(words('Die Ein- und Ausfuhr sank.').includes('Ein-'));
  assert.deepEqual(split('Das Buch von J. R. R. Tolkien erschien 1954. Es wurde ein Erfolg.'), [
    ['Das', 'Buch', 'von', 'J.', 'R.', 'R.', 'Tolkien', 'erschien', '1954', '.'],
    ['Es', 'wurde', 'ein', 'Erfolg', '.'],
  ]);
  assert.ok(words('Die U.S. Army zog ab.').includes('U.S.'));
});

test('URLs, e-mail addresses and numbers with . and ,', () => {
  assert.deepEqual(words('Mehr unter https://example.org/a/b?x=1. Danach'), ['Mehr', 'unter', 'https://example.org/a/b?x=1', '.', 'Danach']);
  assert.ok(words('Siehe www.beispiel.de für Details.').includes('www.beispiel.de'));
  assert.ok(words('Schreiben Sie an presse@beispiel-amt.de bitte.').includes('presse@beispiel-amt.de'));
  assert.ok(words('Das kostet 1.000,50 Euro.').includes('1.000,50'));
  assert.ok(words('Die Quote lag bei 3,5 Prozent.').includes('3,5'));
  assert.equal(split('Mehr steht auf www.beispiel.de. Dort gibt es alles.').length, 2);
});

test('paragraph breaks always end a sentence, headings stand alone', () => {
  assert.deepEqual(split('Fazit\n\nDer Gipfel brachte wenig'), [['Fazit'], ['Der', 'Gipfel', 'brachte', 'wenig']]);
  assert.equal(split('Warum\r\n\r\nDie Lage ist unklar.\n\nEmpfehlungen').length, 3);
  // A single line break inside a paragraph does not split.
  assert.equal(split('Der Minister sprach\nlange über den Plan.').length, 1);
});

test('question and exclamation marks, lowercase continuation', () => {
  assert.equal(split('Was nun? Niemand weiß es!').length, 2);
  assert.equal(split('Wie geht es weiter?! Das fragen alle.').length, 2);
  assert.ok(words('Wie geht es weiter?! Das').includes('?!'));
  assert.equal(split('Er fragte „warum?“ und schwieg.').length, 1);
});

test('the tokenize component fills doc.tokens and doc.sentences', () => {
  const article = { text: 'Dr. Weiß kam. Sie ging.' } as Article;
  const doc = newDoc(article);
  tokenizeComponent.run(doc);
  assert.equal(tokenizeComponent.name, 'tokenize');
  assert.equal(doc.sentences.length, 2);
  assert.equal(doc.tokens[0]!.text, 'Dr.');
});
