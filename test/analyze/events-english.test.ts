import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDemonymMentions, addEnglishRoleMentions, findEnglishEvents } from '../../src/analyze/events/english/index.js';
import { englishLexicon } from '../../src/analyze/events/english/lexicon.js';
import { analyze } from '../../src/analyze/pipeline.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { listEvents } from '../../src/store/events.js';
import { PLOVER_TYPES } from '../../src/model/index.js';
import { makeArticle, makeDoc } from '../resolve/fixtures.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

// English event mentions (src/analyze/events/english/). Every sentence here is written by the team.
const lex = englishLexicon();
const en = (text: string, ents: string[], timexes: string[] = [], published = '2025-08-07'): ReturnType<typeof makeDoc> =>
  makeDoc(text, ents, timexes, { language: 'en', published });
const names = (doc: ReturnType<typeof makeDoc>, ids: number[]): string[] => ids.map((i) => doc.entities[i]!.normalized);
const one = (doc: ReturnType<typeof makeDoc>, type: string) => {
  const evs = findEnglishEvents(doc);
  const ev = evs.find((e) => e.type === type);
  assert.ok(ev, `no ${type} event; found ${evs.map((e) => `${e.type}(${e.entryId})`).join(', ') || 'none'}`);
  return ev;
};

test('English lexicon: every entry has a PLOVER type, forms, slots and an example', () => {
  for (const e of lex.entries) {
    assert.ok(PLOVER_TYPES.includes(e.type), e.id);
    assert.ok(e.forms.length > 0 && e.actor.length > 0 && e.examples.length > 0, e.id);
  }
  assert.ok(new Set(lex.entries.map((e) => e.type)).size >= 15);
});

for (const entry of lex.entries) {
  entry.examples.forEach((ex, n) => {
    test(`English trigger ${entry.id} example ${n + 1}: ${ex.text}`, () => {
      const doc = en(ex.text, ex.entities);
      const events = findEnglishEvents(doc, lex);
      const ev = events.find((e) => e.type === ex.expect.type);
      if (ex.expect.absent) {
        assert.equal(ev, undefined, `unexpected ${ex.expect.type} event from ${ev?.entryId}`);
        return;
      }
      assert.ok(ev, `no ${ex.expect.type} event; found ${events.map((e) => `${e.type}(${e.entryId})`).join(', ') || 'none'}`);
      if (ex.expect.actors) assert.deepEqual(names(doc, ev.actors), ex.expect.actors, 'actors');
      if (ex.expect.recipients) assert.deepEqual(names(doc, ev.recipients), ex.expect.recipients, 'recipients');
      if (ex.expect.place !== undefined) assert.equal(ev.place, ex.expect.place, 'place');
      if (ex.expect.mode !== undefined) assert.equal(ev.mode, ex.expect.mode, 'mode');
      if (ex.expect.status) assert.equal(ev.status, ex.expect.status, 'status');
    });
  });
}

test('status: asserted, planned, hypothetical, negated, reported with its speaker', () => {
  const ents = ['Rutte|PER', 'Sánchez|PER', 'Albares|PER'];
  const cases: [string, string][] = [
    ['Rutte met Sánchez in the morning.', 'asserted'],
    ['Rutte will meet Sánchez after the vote.', 'planned'],
    ['Rutte plans to meet Sánchez soon.', 'planned'],
    ['Rutte is expected to meet Sánchez.', 'planned'],
    ['Rutte could meet Sánchez before the summit.', 'hypothetical'],
    ['Rutte would meet Sánchez only after the vote.', 'hypothetical'],
    ['Rutte did not meet Sánchez.', 'negated'],
    ['Rutte refused to meet Sánchez.', 'negated'],
    ['Rutte met Sánchez, Albares said.', 'reported'],
    ['According to Albares, Rutte met Sánchez.', 'reported'],
  ];
  for (const [text, status] of cases) {
    const doc = en(text, ents);
    const ev = one(doc, 'CONSULT');
    assert.equal(ev.status, status, text);
    assert.deepEqual(names(doc, ev.actors), ['Rutte'], text);
    assert.deepEqual(names(doc, ev.recipients), ['Sánchez'], text);
    if (status === 'reported') assert.equal(ev.speaker, 'Albares', text);
  }
  // `would` in what a speaker said is the future of then, not a condition
  const reported = en('Albares said that Rutte would meet Sánchez in Madrid.', [...ents, 'Madrid|LOC']);
  assert.equal(one(reported, 'CONSULT').status, 'planned');
});

test('clause logic: passive, talks with X, X and Y met, X\'s call with Y, titles and datelines', () => {
  const passive = en('Sánchez was received by Rutte in The Hague.', ['Sánchez|PER', 'Rutte|PER', 'The Hague|LOC']);
  const p = one(passive, 'CONSULT');
  assert.deepEqual([names(passive, p.actors), names(passive, p.recipients), p.mode], [['Sánchez'], ['Rutte'], 'visit']);
  const talks = en('Greece opened talks with Turkey in Athens on maritime borders.', ['Greece|LOC', 'Turkey|LOC', 'Athens|LOC']);
  const t = one(talks, 'CONSULT');
  assert.deepEqual([names(talks, t.actors), names(talks, t.recipients), t.place], [['Greece'], ['Turkey'], 'Athens']);
  const pair = en('Polish President Andrzej Duda and German Chancellor Olaf Scholz met in Warsaw.', ['Andrzej Duda|PER', 'Olaf Scholz|PER', 'Warsaw|LOC']);
  const m = one(pair, 'CONSULT');
  assert.deepEqual([names(pair, m.actors), names(pair, m.recipients)], [['Andrzej Duda'], ['Olaf Scholz']]);
  const call = en("Duda's call with Scholz was brief.", ["Duda's|PER|Duda", 'Scholz|PER']);
  const c = one(call, 'CONSULT');
  assert.deepEqual([names(call, c.actors), names(call, c.recipients), c.mode], [['Duda'], ['Scholz'], 'phone']);
  // a country or office in a title is no participant; a dateline names no one either
  const titled = en('WARSAW — NATO Secretary General Mark Rutte met Polish Prime Minister Donald Tusk.', ['WARSAW|LOC|Warsaw', 'NATO|ORG', 'Mark Rutte|PER', 'Donald Tusk|PER']);
  const ti = one(titled, 'CONSULT');
  assert.deepEqual([names(titled, ti.actors), names(titled, ti.recipients)], [['Mark Rutte'], ['Donald Tusk']]);
});

test('the content of a trigger is no event of its own; a place belongs to the nearest noun', () => {
  const agreed = en('Chile and Peru agreed to meet again in Lima.', ['Chile|LOC', 'Peru|LOC', 'Lima|LOC']);
  assert.deepEqual(findEnglishEvents(agreed).map((e) => e.type), ['AGREE']);
  const demanded = en('Lithuania demanded that Belarus withdraw its troops from the border.', ['Lithuania|LOC', 'Belarus|LOC']);
  const d = findEnglishEvents(demanded);
  assert.deepEqual(d.map((e) => e.type), ['REQUEST']);
  assert.deepEqual(names(demanded, d[0]!.recipients), ['Belarus']);
  const truce = en('Sudan and Chad met for two hours in Doha but failed to agree on a truce in Darfur.', ['Sudan|LOC', 'Chad|LOC', 'Doha|LOC', 'Darfur|LOC']);
  const evs = findEnglishEvents(truce);
  assert.deepEqual(evs.map((e) => `${e.type}:${e.status}:${e.place}`), ['CONSULT:asserted:Doha', 'AGREE:negated:null']);
});

test('dates: the clause time expression, a statement may take the date of saying, a deadline is not the date', () => {
  const doc = en('Kallas said on Monday that Vučić and Kurti will meet in Brussels on Thursday.', ['Kallas|PER', 'Vučić|PER', 'Kurti|PER', 'Brussels|LOC'],
    ['on Monday|2025-08-04', 'on Thursday|2025-08-07']);
  const ev = one(doc, 'CONSULT');
  assert.deepEqual(ev.date, { value: '2025-08-07', source: 'text' });
  assert.equal(ev.status, 'planned');
  const meeting = en('Kallas said on Monday that Vučić and Kurti met.', ['Kallas|PER', 'Vučić|PER', 'Kurti|PER'], ['on Monday|2025-08-04']);
  assert.deepEqual(one(meeting, 'CONSULT').date, { value: '2025-08-07', source: 'publication' });
  const refusal = en('Sandu said on Monday that Moldova would not give up its claim to the region.', ['Sandu|PER', 'Moldova|LOC'], ['on Monday|2025-08-04']);
  const r = one(refusal, 'REJECT');
  assert.deepEqual(r.date, { value: '2025-08-04', source: 'text' });
  const ultimatum = en("Vučić's ultimatum to Kurti runs out on August 20.", ["Vučić's|PER|Vučić", 'Kurti|PER'], ['August 20|2025-08-20']);
  assert.equal(one(ultimatum, 'THREATEN').date.source, 'publication');
});

test('a nationality adjective before forces or officials acts for its country; before a title it does not', () => {
  const doc = en('Israeli jets struck Tyre on Sunday, Lebanese officials said.', ['Tyre|LOC']);
  addDemonymMentions(doc);
  const ev = one(doc, 'ASSAULT');
  assert.deepEqual([names(doc, ev.actors), names(doc, ev.recipients), ev.status, ev.speaker], [['Israel'], ['Tyre'], 'reported', 'Lebanon']);
  assert.equal(doc.entities[ev.actors[0]!]!.kbId, 'IL');
  const titled = en('Israeli Prime Minister Avi Cohen met Egyptian officials.', ['Avi Cohen|PER']);
  addDemonymMentions(titled);
  assert.deepEqual(titled.entities.map((e) => e.normalized), ['Avi Cohen', 'Egypt']);
});

test('a role without a name is the person who held it on the date', () => {
  const doc = en('The US president spoke by phone with the Russian president.', [], [], '2025-08-07');
  addEnglishRoleMentions(doc);
  const ev = one(doc, 'CONSULT');
  assert.deepEqual([names(doc, ev.actors), names(doc, ev.recipients)], [['Donald Trump'], ['Wladimir Putin']]);
  const earlier = en("Ukraine's president met the US president.", ["Ukraine's|LOC|Ukraine"], [], '2022-03-01');
  earlier.entities[0]!.kbId = 'UA';
  addEnglishRoleMentions(earlier);
  assert.deepEqual(names(earlier, one(earlier, 'CONSULT').actors).concat(names(earlier, one(earlier, 'CONSULT').recipients)), ['Wolodymyr Selenskyj', 'Joe Biden']);
});

test('a first-person subject in quoted speech is the speaker', () => {
  const doc = en('"We will meet Tokayev in Astana," Mirziyoyev said.', ['Tokayev|PER', 'Astana|LOC', 'Mirziyoyev|PER']);
  const ev = one(doc, 'CONSULT');
  assert.deepEqual([names(doc, ev.actors), names(doc, ev.recipients), ev.status, ev.place], [['Mirziyoyev'], ['Tokayev'], 'planned', 'Astana']);
});

test('"the two leaders" refers back to the two sides last named', () => {
  const doc = en('Lula and Petro spoke by phone on Sunday. The two leaders agreed to meet in Bogotá.', ['Lula|PER', 'Petro|PER', 'Bogotá|LOC']);
  const ag = one(doc, 'AGREE');
  assert.deepEqual([names(doc, ag.actors), names(doc, ag.recipients)], [['Lula'], ['Petro']]);
});

test('the pipeline analyses an English article with English dates and events', () => {
  const text = 'Finnish President Alexander Stubb met Emmanuel Macron in Paris on Tuesday. The two presidents agreed to hold further talks.';
  const doc = analyze(makeArticle('en-pipe', text, { language: 'en', published: '2025-08-07' }));
  const tuesday = doc.timexes.find((t) => t.text.includes('Tuesday'));
  assert.equal(tuesday?.value, '2025-08-05');
  const consult = doc.events.find((e) => e.type === 'CONSULT');
  assert.ok(consult, JSON.stringify(doc.events));
  assert.deepEqual(consult.date, { value: '2025-08-05', source: 'text' });
  assert.equal(consult.place !== null, true);
  assert.equal(doc.events.some((e) => e.type === 'AGREE'), true);
});

for (const driver of DRIVERS) {
  test(`an English and a German report of one meeting are one event with two sources (${driver})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronik-en-'));
    try {
      writeFileSync(join(dir, 'de.txt'), 'Stubb trifft Macron in Paris\n2025-08-06\nOstsee-Kurier\n\nDer finnische Präsident Alexander Stubb hat am Dienstag in Paris den französischen Präsidenten Emmanuel Macron getroffen. Die beiden sprachen über die Sicherheit im Ostseeraum.\n');
      writeFileSync(join(dir, 'en.txt'), 'Stubb and Macron meet in Paris\n2025-08-07\nHarbour Gazette\n\nFinnish President Alexander Stubb met French President Emmanuel Macron in Paris on Tuesday. The two presidents discussed security in the Baltic region.\n');
      const { db, drop } = await freshStore(driver);
      try {
        await ingest(db, [dir]);
        const events = (await listEvents(db)).filter((e) => e.type === 'CONSULT');
        assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.dateValue, e.actors, e.recipients, e.place])));
        assert.equal(events[0]!.sources, 2);
        assert.equal(events[0]!.dateValue, '2025-08-05');
      } finally {
        await drop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
