import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention } from '../../src/model/index.js';
import { analyze } from '../../src/analyze/pipeline.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents } from '../../src/store/events.js';
import { entitiesWriter } from '../../src/resolve/entities/resolver.js';
import { mergeEvents, rebuildEvents } from '../../src/resolve/events/resolver.js';
import { eventsWriter } from '../../src/resolve/events/writer.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

// Headline event mentions (src/analyze/events/headline.ts): a headline only joins an event its own
// article's body reports, with the body mention's date, and adds participants standing for the body's.

function article(id: string, title: string, text: string, published: string, language = 'de'): AnalyzedArticle {
  return analyze(makeArticle(id, text, { title, published, language }));
}
const names = (doc: AnalyzedArticle, m: EventMention, side: 'actors' | 'recipients'): string[] =>
  m[side].map((i) => (m.field === 'title' ? doc.titleEntities! : doc.entities)[i]!.normalized);
const headline = (doc: AnalyzedArticle): EventMention[] => doc.events.filter((e) => e.field === 'title');

test('a headline mention joins the body mention it summarises, with its date, and adds the state its actor speaks for', () => {
  const doc = article('h1', 'Frankreich sagt Kiew weitere Munition zu',
    'Paris - Präsident Emmanuel Macron hat der Ukraine am Montag weitere Artilleriemunition zugesagt. Die Lieferung soll im Herbst beginnen.', '2025-09-02');
  const [t] = headline(doc);
  assert.ok(t, 'a headline mention');
  const body = doc.events[t.joins!]!;
  assert.deepEqual([t.type, body.type, body.field ?? 'body'], ['AID', 'AID', 'body']);
  // Present tense in the headline, the body's Monday as the date.
  assert.deepEqual([t.date, t.status], [body.date, body.status]);
  assert.deepEqual([names(doc, t, 'actors'), names(doc, body, 'actors')], [['Frankreich'], ['Emmanuel Macron']]);
  assert.equal(t.place, null);
});

test('the owner of a rejected demand is its recipient, in a body sentence as in a headline, and the headline adds him', () => {
  const plain = article('h2', '', 'Die EU-Außenbeauftragte Kaja Kallas hat Lawrows Forderung am Dienstag zurückgewiesen.', '2025-09-03');
  assert.deepEqual(plain.events.map((e) => [e.type, names(plain, e, 'recipients')]), [['REJECT', ['Lawrow']]]);
  const doc = article('h3', 'Kallas weist Lawrows Forderung zurück',
    'Die EU-Außenbeauftragte Kaja Kallas hat die Forderung Russlands am Dienstag zurückgewiesen.', '2025-09-03');
  const [t] = headline(doc);
  assert.deepEqual([t?.type, names(doc, doc.events[t!.joins!]!, 'recipients'), names(doc, t!, 'recipients')], ['REJECT', ['Russland'], ['Lawrow']]);
});

test('a headline whose type the body does not report gives no mention at all', () => {
  const doc = article('h4', 'Polen droht Belarus mit Grenzschließung',
    'Der Sommer in Warschau war heiß. Die Regierung in Warschau hat Litauen am Montag Unterstützung zugesagt.', '2025-09-04');
  assert.deepEqual(headline(doc), []);
  assert.ok(doc.events.every((e) => e.type !== 'THREATEN'));
});

test('a headline that also names someone the body event does not know adds no one (trap)', () => {
  const doc = article('h5', 'Frankreich sagt Kiew und Budapest Munition zu',
    'Präsident Emmanuel Macron hat der Ukraine am Montag weitere Artilleriemunition zugesagt.', '2025-09-02');
  const [t, ...more] = headline(doc);
  assert.deepEqual([t?.type, more.length], ['AID', 0]);
  assert.deepEqual([...names(doc, t!, 'actors'), ...names(doc, t!, 'recipients')].filter((n) => n === 'Frankreich' || n === 'Budapest'), []);
});

test('one side of a meeting in a headline without a place adds no one: it may be the speaker (trap)', () => {
  const doc = article('h7', 'Paris spricht von gutem Treffen',
    'Präsident Emmanuel Macron hat Wolodymyr Selenskyj am Dienstag in Paris empfangen.', '2025-09-03');
  const [t] = headline(doc);
  assert.deepEqual([t?.type, t?.joins], ['CONSULT', 0]);
  assert.deepEqual([...names(doc, t!, 'actors'), ...names(doc, t!, 'recipients')], []);
});

test('English headlines go through the English finder and join the same way', () => {
  const doc = article('h6', 'Macron meets Zelensky in Paris',
    'PARIS — French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky on Monday. They talked for two hours.', '2025-09-02', 'en');
  const [t] = headline(doc);
  assert.deepEqual([t?.type, t?.joins, t?.date], ['CONSULT', 0, doc.events[0]!.date]);
});

for (const driver of DRIVERS) {
  test(`${driver}: headline evidence is stored as such, joins its body's event, adds its participant, creates nothing alone, counts no extra source`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      const docs = [
        article('s1', 'Frankreich sagt Kiew weitere Munition zu', 'Paris - Präsident Emmanuel Macron hat der Ukraine am Montag weitere Artilleriemunition zugesagt.', '2025-09-02'),
        article('s2', 'Munition für die Ukraine', 'Emmanuel Macron sagte der Ukraine am 1. September weitere Artilleriemunition zu.', '2025-09-02'),
        article('s3', 'Polen droht Belarus mit Grenzschließung', 'Der Sommer in Warschau war heiß. Viele Menschen fuhren an die Ostsee.', '2025-09-04'),
      ];
      for (const doc of docs) {
        await db.transaction(async (t) => {
          await insertArticle(t, doc.article);
          await entitiesWriter.write(t, doc);
          await eventsWriter.write(t, doc);
        });
      }
      await db.transaction((t) => mergeEvents(t));
      const stored = await db.query<{ article_id: string; field: string; joins_idx: number | null; sentence: string; event_id: string | null }>(
        'SELECT article_id, field, joins_idx, sentence, event_id FROM event_mentions ORDER BY article_id, idx');
      const titleRows = stored.filter((r) => r.field === 'title');
      assert.deepEqual(titleRows.map((r) => [r.article_id, r.sentence]), [['s1', 'Frankreich sagt Kiew weitere Munition zu']]);
      const bodyOfTitle = stored.find((r) => r.article_id === 's1' && r.field === 'body');
      assert.equal(titleRows[0]!.event_id, bodyOfTitle?.event_id);
      for (const rebuild of [false, true]) {
        if (rebuild) await rebuildEvents(db);
        const events = await listEvents(db);
        assert.deepEqual(events.map((e) => e.type), ['AID'], 'one event; the Polish headline starts none');
        const [aid] = events;
        assert.deepEqual([aid!.dateValue, aid!.sources, aid!.evidence.length], ['2025-09-01', 2, 3]);
        assert.deepEqual([...aid!.actors].sort(), ['Emmanuel Macron', 'Frankreich']);
        assert.deepEqual(aid!.evidence.filter((x) => x.field === 'title').map((x) => x.articleId), ['s1']);
      }
    } finally {
      await drop();
    }
  });
}

for (const driver of DRIVERS) {
  test(`${driver}: a headline whose body mention joins no event waits, and follows it when a later batch takes it in`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      const write = async (doc: AnalyzedArticle): Promise<void> => {
        await db.transaction(async (t) => {
          await insertArticle(t, doc.article);
          await entitiesWriter.write(t, doc);
          await eventsWriter.write(t, doc);
        });
        await db.transaction((t) => mergeEvents(t));
      };
      // Nobody named: the body mention is a fragment, so neither it nor its headline makes an event.
      const first = article('w1', 'Verhandlungen in Genf', 'Die Delegationen verhandelten am Mittwoch in Genf bis in die Nacht.', '2025-09-04');
      assert.equal(headline(first).length, 1);
      await write(first);
      assert.deepEqual(await listEvents(db), []);
      await write(article('w2', 'Ein Anfang', 'Armenien und Aserbaidschan haben am Mittwoch in Genf verhandelt.', '2025-09-04'));
      const [consult, ...rest] = await listEvents(db, { type: 'CONSULT' });
      assert.equal(rest.length, 0);
      assert.deepEqual(consult!.evidence.map((x) => [x.articleId, x.field]), [['w1', 'body'], ['w1', 'title'], ['w2', 'body']]);
      assert.equal(consult!.sources, 2);
    } finally {
      await drop();
    }
  });
}
