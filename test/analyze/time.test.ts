import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, tagTimex, timeComponent } from '../../src/analyze/time/index.js';
import { newDoc } from '../../src/analyze/pipeline.js';
import type { Article } from '../../src/model/index.js';

// Sentences written for these tests (no corpus text). DCT Friday 2025-08-08 unless said otherwise.
const DCT = '2025-08-08';

function one(text: string, dct: string | null = DCT): { text: string; type: string; value: string; mod?: string; anchor?: string } {
  const found = tagTimex(text, dct);
  assert.equal(found.length, 1, `expected one expression in "${text}", got ${JSON.stringify(found.map((t) => t.text))}`);
  return found[0]!;
}

function values(text: string, dct: string | null = DCT): string[] {
  return tagTimex(text, dct).map((t) => t.value);
}

test('absolute dates keep their precision', () => {
  assert.equal(one('Der Vertrag wurde am 7. August 2025 unterzeichnet.').value, '2025-08-07');
  assert.equal(one('Das Treffen fand im Juli 2018 statt.').value, '2018-07');
  assert.equal(one('Die Firma besteht seit 2017.').value, '2017');
  assert.equal(one('Zahlen für das dritte Quartal 2025 liegen vor.', null).value, '2025-Q3');
  assert.equal(one('Am 08.08.2025 kam die Meldung.').value, '2025-08-08');
});

test('expression offsets are UTF-16 offsets into the text', () => {
  const text = 'Émile 🙂 kam am 3. Oktober 1990.';
  const [t] = tagTimex(text, null);
  assert.ok(t);
  assert.equal(text.slice(t.start, t.end), '3. Oktober 1990');
  assert.equal(t.start, text.indexOf('3. Oktober'));
});

test('weekdays follow the tense of their sentence', () => {
  // Friday 2025-08-08: past tense → the Thursday before, future tense → the one after
  assert.equal(one('Am Donnerstag sagte der Minister, man sei sich einig.').value, '2025-08-07');
  assert.equal(one('Am Donnerstag will er nach Paris reisen.').value, '2025-08-14');
  assert.equal(one('Kommenden Montag beginnt die Konferenz.').value, '2025-08-11');
  assert.equal(one('Vergangenen Montag traten sie zurück.').value, '2025-08-04');
});

test('weekdays: present tense means the coming day, past tense the one before', () => {
  // Wednesday 2025-08-20: praesens pro futuro in news; Präteritum and Perfekt look back
  const wd = (text: string): string => one(text, '2025-08-20').value;
  assert.equal(wd('Die Außenminister treffen sich am Donnerstag in Genf.'), '2025-08-21');
  assert.equal(wd('Am Donnerstag beginnt die Konferenz in Bern.'), '2025-08-21');
  assert.equal(wd('Die Messe öffnet am Montag ihre Tore.'), '2025-08-25');
  assert.equal(wd('Der Rat soll am Donnerstag entscheiden.'), '2025-08-21');
  assert.equal(wd('Am Donnerstag will die Ministerin nach Rom reisen.'), '2025-08-21');
  assert.equal(wd('Die Abstimmung ist für Freitag geplant.'), '2025-08-22');
  assert.equal(wd('Am Mittwoch tagt der Ausschuss.'), '2025-08-20');
  assert.equal(wd('Am Donnerstag trafen sich die Minister.'), '2025-08-14');
  // weak preterites the verb list does not name, in main and subordinate clauses
  assert.equal(wd('Am Donnerstag verhandelten die Delegationen in Riad.'), '2025-08-14');
  assert.equal(wd('Wie die Polizei am Montag mitteilte, bleibt die Straße gesperrt.'), '2025-08-18');
  // Perfekt with haben and with sein, passive Perfekt
  assert.equal(wd('Die Minister haben sich am Donnerstag getroffen.'), '2025-08-14');
  assert.equal(wd('Am Donnerstag ist das Treffen ohne Ergebnis zu Ende gegangen.'), '2025-08-14');
  assert.equal(wd('Er sagt, dass das Treffen am Donnerstag zu Ende gegangen ist.'), '2025-08-14');
  assert.equal(wd('Der Vertrag ist am Montag unterzeichnet worden.'), '2025-08-18');
  // a verb of saying in another clause dates the saying, not what is said
  assert.deepEqual(values('Wie der Kreml am Montag mitteilte, findet der Gipfel am Donnerstag statt.', '2025-08-20'), ['2025-08-18', '2025-08-21']);
  assert.equal(wd('Der Sprecher sagte, man treffe sich am Donnerstag.'), '2025-08-21');
  assert.equal(wd('Der Sprecher sagte, man habe sich am Donnerstag getroffen.'), '2025-08-14');
  // adjectives with a preterite's ending are no past tense
  assert.equal(wd('Am Freitag gibt es regelrechte Staus.'), '2025-08-22');
  // a narrative without a DCT tells the past: the weekday before its last date
  assert.deepEqual(values('Am 2. März 1921 tagte der Rat. Am Montag folgt die Abstimmung.', null), ['1921-03-02', '1921-02-28']);
});

test('day and month without a year: the nearest occurrence unless the tense points far the other way', () => {
  // Wednesday 2025-08-06: 21 August is 15 days ahead, this year whatever the verb
  const dm = (text: string): string => one(text, '2025-08-06').value;
  assert.equal(dm('Der Gipfel soll am 21. August in Genf stattfinden.'), '2025-08-21');
  assert.equal(dm('Das Treffen sollte am 21. August stattfinden.'), '2025-08-21');
  assert.equal(dm('Die Präsidenten wollen sich am 21. August treffen.'), '2025-08-21');
  assert.equal(dm('Die Minister vereinbarten ein Treffen am 21. August.'), '2025-08-21');
  assert.equal(dm('Ein Treffen am 21. August wurde vereinbart.'), '2025-08-21');
  assert.equal(dm('Man hat sich auf den 21. August geeinigt.'), '2025-08-21');
  assert.equal(dm('Am 21. August findet der Gipfel statt.'), '2025-08-21');
  assert.equal(dm('Am 21. August treffen sich die Präsidenten.'), '2025-08-21');
  // far enough ahead that only last year fits a past-tense sentence
  assert.equal(dm('Am 21. Oktober trat der Minister zurück.'), '2024-10-21');
  assert.equal(dm('Am 21. Oktober tritt der Minister zurück.'), '2025-10-21');
  // a few days back stays this year even in a future-tense sentence
  assert.equal(dm('Die Frist vom 2. August soll verlängert werden.'), '2025-08-02');
});

test('months without a year: past tense this year, future tense next year', () => {
  assert.equal(one('Im März wurde das Gesetz beschlossen.').value, '2025-03');
  assert.equal(one('Im März wird das Gesetz in Kraft treten.').value, '2026-03');
  assert.equal(one('Der Gipfel soll am 10. Mai stattfinden.').value, '2026-05-10');
  assert.equal(one('Am 10. Mai hatten die Gespräche begonnen.').value, '2025-05-10');
  // no tense marker: the nearest occurrence, leaning to the past
  assert.equal(tagTimex('Seit seiner Amtseinführung am 20. Januar regiert er per Dekret.', DCT)[0]?.value, '2025-01-20');
  assert.equal(one('Das Fest im Dezember ist ausverkauft.').value, '2025-12');
});

test('relative expressions are resolved against the DCT and say so', () => {
  const t = one('Gestern gab es keine Einigung.');
  assert.equal(t.value, '2025-08-07');
  assert.equal(t.anchor, DCT);
  assert.equal(one('Kommende Woche wird weiter verhandelt.').value, '2025-W33');
  assert.equal(one('Im vergangenen Monat stiegen die Preise.').value, '2025-07');
  assert.equal(one('Im nächsten Jahr wird gewählt.').value, '2026');
  assert.equal(one('Das Vorjahr war schwierig.').value, '2024');
  assert.equal(one('Vor wenigen Tagen kam die Zusage.').value, 'PXD');
});

test('without a DCT the last absolute date of the text is the anchor', () => {
  const vs = values('Am 1. September 1939 begann der Angriff. Zwei Tage später erklärten die Alliierten den Krieg. Im Oktober war alles vorbei.', null);
  assert.deepEqual(vs, ['1939-09-01', '1939-09-03', '1939-10']);
  const [, second] = tagTimex('Am 1. September 1939 begann der Angriff. Am nächsten Tag folgte mehr.', null);
  assert.equal(second?.value, '1939-09-02');
  assert.equal(second?.anchor, '1939-09-01');
});

test('durations and their modifiers', () => {
  assert.deepEqual([one('Er wartete fast dreieinhalb Jahre.').value, one('Er wartete fast dreieinhalb Jahre.').mod], ['P3.5Y', 'LESS_THAN']);
  const more = one('Mehr als zehn Tage dauerte der Streik.');
  assert.equal(more.value, 'P10D');
  assert.equal(more.mod, 'MORE_THAN');
  const approx = one('Die Reise dauerte rund drei Stunden.');
  assert.equal(approx.value, 'PT3H');
  assert.equal(approx.mod, 'APPROX');
  assert.equal(one('Ein halbes Jahr lang blieb es ruhig.').value, 'P0.5Y');
  assert.equal(one('Zwei Jahrzehnte lang blieb es ruhig.').value, 'P2DE');
  assert.equal(one('Seit Jahren ist das bekannt.').value, 'PXY');
  assert.deepEqual(values('Die 22 Jahre alte Sportlerin gewann.'), []);
});

test('sets', () => {
  assert.equal(one('Jeden Montag trifft sich der Ausschuss.').value, 'XXXX-WXX-1');
  assert.equal(one('Die Zeitung erscheint täglich.').value, 'P1D');
  assert.equal(one('Sie treffen sich einmal im Monat.').value, 'P1M');
  assert.equal(one('Das Museum ist sonntags geschlossen.').value, 'XXXX-WXX-7');
  assert.equal(one('Jeden Montag trifft sich der Ausschuss.').type, 'SET');
});

test('clock times and parts of day', () => {
  assert.equal(one('Freitag, 8. August 2025, 14:32 Uhr').value, '2025-08-08T14:32');
  const [day, time] = tagTimex('Am Donnerstag, 14. August, um 20.30 Uhr beginnt das Konzert.', DCT);
  assert.equal(day?.value, '2025-08-14');
  assert.equal(time?.value, '2025-08-14T20:30');
  assert.equal(time?.type, 'TIME');
  assert.equal(one('Gestern Abend kam es zu Protesten.').value, '2025-08-07TEV');
  assert.equal(one('Am Mittwochabend wurde abgestimmt.').value, '2025-08-06TEV');
});

test('seasons, quarters, halves, start/middle/end', () => {
  assert.equal(one('Im Herbst 1940 änderte sich die Lage.').value, '1940-FA');
  assert.equal(one('Im Sommer wurde gebaut.').value, '2025-SU');
  const end = one('Ende Mai war er zurück.');
  assert.deepEqual([end.value, end.mod], ['2025-05', 'END']);
  const start = one('Anfang des Monats begann die Lese.');
  assert.deepEqual([start.value, start.mod], ['2025-08', 'START']);
  const mid = one('Mitte der 80er Jahre war das anders.');
  assert.deepEqual([mid.value, mid.mod], ['198', 'MID']);
  assert.equal(one('In der zweiten Jahreshälfte soll es besser werden.').value, '2025-H2');
});

test('holidays: Easter-based ones computed per year, fixed ones from the calendar', () => {
  assert.equal(easterSunday(2025).toISOString().slice(0, 10), '2025-04-20');
  assert.equal(easterSunday(2024).toISOString().slice(0, 10), '2024-03-31');
  assert.equal(one('Ostern 2024 fiel früh.').value, '2024-03-31');
  assert.equal(one('Pfingsten 2025 regnete es.').value, '2025-06-08');
  assert.equal(one('Zu Weihnachten kommt die Familie.').value, '2025-12-25');
  assert.equal(one('Am Tag der Deutschen Einheit wird gefeiert.').value, '2025-10-03');
  assert.equal(one('Silvester 1999 war laut.').value, '1999-12-31');
  assert.equal(one('Neujahr 2000 begann ruhig.').value, '2000-01-01');
});

test('decades, centuries, years BC and references', () => {
  assert.equal(one('In den 1990er-Jahren wuchs die Stadt.').value, '199');
  assert.equal(one('Das Bauwerk stammt aus dem 18. Jahrhundert.').value, '17');
  assert.equal(one('Die Schlacht wurde 490 v. Chr. geschlagen.').value, 'BC0490');
  assert.equal(one('Derzeit wird verhandelt.').value, 'PRESENT_REF');
  assert.equal(one('Damals war alles anders.').value, 'PAST_REF');
  assert.equal(one('In Zukunft soll alles besser werden.').value, 'FUTURE_REF');
});

test('numbers that are quantities are not years', () => {
  assert.deepEqual(values('Die Armee griff mit 1500 Panzern an.'), []);
  assert.deepEqual(values('Es kamen rund 2000 Menschen.'), []);
});

test('the analysis component fills doc.timexes against the publication date', () => {
  const article = {
    id: 'x', origin: 't', url: null, format: 'text', rawHash: '', encoding: 'utf-8', title: null,
    published: '2025-08-08', publishedRaw: null, author: null, source: null, agency: null, dateline: null,
    language: 'de', text: 'Am Donnerstag sagte sie ab.', contentHash: '',
  } satisfies Article;
  const doc = newDoc(article);
  timeComponent.run(doc);
  assert.equal(doc.timexes.length, 1);
  assert.equal(doc.timexes[0]!.value, '2025-08-07');
  assert.equal(doc.timexes[0]!.sentence, 0);
  assert.equal('rule' in doc.timexes[0]!, false);
});
