import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { kb } from '../../src/kb/index.js';
import { translitKey, surnameKey } from '../../src/resolve/entities/translit.js';
import { EntityIndex, linkArticle, type LinkMention } from '../../src/resolve/entities/link.js';
import { ingestDocuments } from '../../src/pipeline/documents.js';
import { listMentions } from '../../src/store/entities.js';
import { entitiesJson } from '../../src/cli/commands/entities.js';
import { articlePage } from '../../src/serve/pages/article.js';
import type { Db } from '../../src/store/db.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

test('translit keys merge transliteration variants and keep different names apart', () => {
  const same = (xs: string[]): void => assert.equal(new Set(xs.map(translitKey)).size, 1, xs.join(' / '));
  same(['Selenskyj', 'Selenski', 'Selensky', 'Zelensky', 'Zelenskyy', 'Zelenskyj']);
  same(['Uschakow', 'Ushakov']);
  same(['Peskow', 'Peskov']);
  same(['Rjabkow', 'Riabkow', 'Ryabkov']);
  same(['Sacharowa', 'Zakharova']);
  same(['Chamenei', 'Khamenei']);
  same(['Tschurkin', 'Churkin']);
  same(['Beloussow', 'Belousov']);
  same(['Kyslyzja', 'Kyslytsya']);
  same(['Kim Jong-un', 'Kim Jong Un']);
  same(['Erdoğan', 'Erdogan']);
  assert.notEqual(translitKey('Putin'), translitKey('Peskow'));
  assert.notEqual(translitKey('Lawrow'), translitKey('Lukaschenko'));
  assert.equal(surnameKey('Dmitri Peskow'), translitKey('Peskov'));
});

const m = (articleId: string, idx: number, normalized: string, type: 'PER' | 'LOC' | 'ORG' = 'PER', kbId?: string): LinkMention =>
  ({ articleId, idx, normalized, type, kbId });

test('linking: surname-only to full name in the article, then in the corpus; unknown names get entities without KB id', () => {
  const index = new EntityIndex(kb(), []);
  // Article 1: an unknown person in full, then by surname; a KB person by surname and genitive.
  const a1 = linkArticle(kb(), index, [m('a1', 0, 'Hanka Hollstädt'), m('a1', 1, 'Hollstädt'), m('a1', 2, 'Putin', 'PER', 'wladimir-putin')]);
  assert.equal(a1.get(0)?.entityId, a1.get(1)?.entityId);
  assert.equal(a1.get(2)?.entityId, 'kb:wladimir-putin');
  const mittel = index.byId.get(a1.get(0)!.entityId)!;
  assert.equal(mittel.kbId, null);
  assert.equal(mittel.name, 'Hanka Hollstädt');
  // Article 2: the surname alone links to the one person of that name in the corpus; a
  // transliteration variant of an unknown full name joins it too.
  const a2 = linkArticle(kb(), index, [m('a2', 0, 'Hollstaedt'), m('a2', 1, 'Hollstädt'), m('a2', 2, 'Hanka Hollstaedt')]);
  assert.equal(a2.get(1)?.entityId, mittel.id);
  // KB spelling not caught by the analyzer still reaches the KB entry by transliteration key.
  const a3 = linkArticle(kb(), index, [m('a3', 0, 'Wolodimir Selenskij'), m('a3', 1, 'Peskov')]);
  assert.equal(a3.get(0)?.entityId, 'kb:wolodymyr-selenskyj');
  // A double surname alone finds its full name.
  const a5 = linkArticle(kb(), index, [m('a5', 0, 'Johanna Mikl-Leitner'), m('a5', 1, 'Mikl-Leitner')]);
  assert.equal(a5.get(0)?.entityId, a5.get(1)?.entityId);
  // Two different unknown people stay apart.
  const a4 = linkArticle(kb(), index, [m('a4', 0, 'Karl Obermann'), m('a4', 1, 'Karla Obermeier')]);
  assert.notEqual(a4.get(0)?.entityId, a4.get(1)?.entityId);
});

test('linking: a surname seen before its full name is merged once the full name appears', () => {
  const index = new EntityIndex(kb(), []);
  const a1 = linkArticle(kb(), index, [m('a1', 0, 'Obermann')]);
  assert.ok(a1.get(0)?.entityId?.startsWith('u:PER:'));
  const a2 = linkArticle(kb(), index, [m('a2', 0, 'Karl Obermann')]);
  assert.deepEqual(index.surnameMerges(), [[a1.get(0)!.entityId, a2.get(0)!.entityId]]);
});

const DOC_1 = {
  title: 'Kreml bestätigt Gipfel',
  published: '2025-08-07',
  text: 'Kreml-Sprecher Dmitri Peskow bestätigte am Donnerstag das Treffen. Kremlchef Wladimir Putin und US-Präsident Donald Trump wollen sich in Alaska treffen. Peskow sagte, die Vorbereitungen liefen. Die Landrätin Hanka Hollstädt begrüßte den Trump-Putin-Gipfel.',
};
// Role-only mentions (`der Bundeskanzler`, `Der US-Präsident`) may link to the office holder but
// must never show up as that person's alias.
const DOC_3 = {
  title: 'Kanzler reist nach Paris',
  published: '2025-08-09',
  text: 'Bundeskanzler Friedrich Merz fliegt am Montag nach Paris. Der Bundeskanzler will dort über Zölle sprechen. Der US-Präsident äußerte sich am Abend skeptisch. Merz hält an dem Plan fest.',
};
const DOC_2 = {
  title: 'Moskau reagiert',
  published: '2025-08-08',
  text: 'Moskau wies die Forderung zurück. Peskov sagte, Putins Position sei klar. Auch Ministerin Hollstädt äußerte sich. Selenski forderte eine Waffenruhe.',
};

for (const driver of DRIVERS) {
  describe(`${driver}: entity mentions stored and linked across articles and batches`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await freshStore(driver));
      await ingestDocuments(db, [DOC_1]);
      await ingestDocuments(db, [DOC_2]); // a second batch: links against the first
      await ingestDocuments(db, [DOC_3]);
    });
    after(async () => drop());

    test('role words never become aliases, only name forms seen', async () => {
      const ents = await entitiesJson(db);
      const roleWord = (a: string): boolean => kb().parseRole(a) !== null || /kanzler|präsident/i.test(a);
      for (const e of ents) assert.ok(!e.aliases.some(roleWord), `${e.name}: ${e.aliases.join(' / ')}`);
      const merz = ents.find((e) => e.kbId === 'friedrich-merz')!;
      assert.deepEqual(new Set(merz.aliases), new Set(['Friedrich Merz', 'Merz']));
    });

    test('each person once, variants as aliases, KB roles attached', async () => {
      const ents = await entitiesJson(db);
      const peskow = ents.filter((e) => e.aliases.some((a) => a.startsWith('Pesk')));
      assert.equal(peskow.length, 1);
      assert.equal(peskow[0]!.name, 'Dmitri Peskow');
      assert.deepEqual(new Set(peskow[0]!.aliases), new Set(['Dmitri Peskow', 'Peskow', 'Peskov']));
      assert.equal(peskow[0]!.articles, 2);
      assert.ok(peskow[0]!.roles.some((r) => r.role === 'spokesperson' && r.of === 'RU'));
      const putin = ents.find((e) => e.kbId === 'wladimir-putin')!;
      // Aliases are names with inflection removed: `Putins` is counted as `Putin`.
      assert.ok(putin.aliases.includes('Putin') && !putin.aliases.includes('Putins'));
      const mittel = ents.filter((e) => e.aliases.some((a) => a.includes('Hollstädt')));
      assert.equal(mittel.length, 1);
      assert.equal(mittel[0]!.kbId, null);
      assert.equal(mittel[0]!.mentions, 2);
      assert.equal(ents.filter((e) => e.kbId === 'wolodymyr-selenskyj').length, 1);
      const per = await entitiesJson(db, 'PER');
      assert.ok(per.every((e) => e.type === 'PER'));
      assert.ok(!ents.some((e) => /Kreml-Sprecher|Kremlchef|US-Präsident|Gipfel/.test(e.name)));
    });

    test('article mentions have offsets, entity ids, roles and metonyms', async () => {
      const rows = await db.query<{ id: string; title: string }>('SELECT id, title FROM articles ORDER BY published_sort');
      const ms1 = await listMentions(db, rows[0]!.id);
      const text1 = (await db.query<{ text: string }>('SELECT text FROM articles WHERE id = $1', [rows[0]!.id]))[0]!.text;
      // Body mentions point into the text, title mentions (after them) into the title.
      for (const x of ms1) assert.equal((x.field === 'title' ? rows[0]!.title : text1).slice(x.start, x.end), x.text);
      assert.deepEqual(ms1.filter((x) => x.field === 'title').map((x) => x.text), ['Kreml']);
      assert.ok(ms1.findIndex((x) => x.field === 'title') > ms1.findLastIndex((x) => x.field === 'body'));
      assert.ok(ms1.every((x) => x.entityId !== null));
      assert.equal(ms1.find((x) => x.text === 'Donald Trump')?.role, 'US-Präsident');
      assert.equal(ms1.filter((x) => x.entityId === 'kb:donald-trump').length, 2, 'full name and inside Trump-Putin-Gipfel');
      const ms2 = await listMentions(db, rows[1]!.id);
      const moskau = ms2.find((x) => x.text === 'Moskau');
      assert.equal(moskau?.metonym, true);
      assert.equal(moskau?.entityId, 'kb:capital:RU');
      assert.equal(moskau?.standsFor, 'kb:RU');
    });

    test('re-running the resolver changes nothing', async () => {
      const before1 = await entitiesJson(db);
      await ingestDocuments(db, [DOC_1, DOC_2]);
      assert.deepEqual(await entitiesJson(db), before1);
    });

    test('titles are analysed for entities: a person named only in the headline counts', async () => {
      await ingestDocuments(db, [{ title: 'Hollmann trifft Kallas', published: '2025-08-11', text: 'Die Agrarministerin Petra Hollmann reiste am Montag nach Brüssel.' }]);
      const ents = await entitiesJson(db);
      const kallas = ents.find((e) => e.kbId === 'kaja-kallas');
      assert.ok(kallas, 'named only in the title');
      assert.equal(kallas.mentions, 1);
      assert.equal(kallas.articles, 1);
      const hollmann = ents.filter((e) => e.aliases.some((a) => a.includes('Hollmann')));
      assert.equal(hollmann.length, 1, 'the surname in the title joins the full name in the body');
      assert.equal(hollmann[0]!.name, 'Petra Hollmann');
      assert.equal(hollmann[0]!.mentions, 2);
      const [row] = await db.query<{ id: string }>("SELECT id FROM articles WHERE title = 'Hollmann trifft Kallas'");
      const ms = await listMentions(db, row!.id);
      const inTitle = ms.filter((x) => x.field === 'title');
      assert.deepEqual(inTitle.map((x) => [x.text, x.start, x.end, x.entityId]), [['Hollmann', 0, 8, hollmann[0]!.id], ['Kallas', 16, 22, 'kb:kaja-kallas']]);
      // The web page marks body mentions in the body only; the headline's persons are listed beside it.
      const page = String((await articlePage(db, row!.id)).body);
      const body = page.slice(page.indexOf('<div class="text">'), page.indexOf('</article>'));
      const marked = [...body.matchAll(/<a class="ent [^"]*" href="[^"]*"[^>]*>([^<]*)<\/a>/g)].map((x) => x[1]);
      assert.deepEqual(marked, ms.filter((x) => x.field === 'body').map((x) => x.text));
      assert.ok(page.includes('href="/entities/kb%3Akaja-kallas"'), 'title-only person in the side list');
    });

    test('a surname stored before its full name is merged into it in a later batch', async () => {
      await ingestDocuments(db, [{ title: 'Kreisnachrichten', published: '2025-08-09', text: 'Auch Ministerin Obermeier äußerte sich am Samstag.' }]);
      const lone = (await entitiesJson(db)).filter((e) => e.aliases.includes('Obermeier'));
      assert.equal(lone.length, 1);
      assert.equal(lone[0]!.name, 'Obermeier');
      await ingestDocuments(db, [{ title: 'Landespolitik', published: '2025-08-10', text: 'Die Ministerin Karla Obermeier trat zurück.' }]);
      const merged = (await entitiesJson(db)).filter((e) => e.aliases.some((a) => a.includes('Obermeier')));
      assert.equal(merged.length, 1);
      assert.equal(merged[0]!.name, 'Karla Obermeier');
      assert.deepEqual(new Set(merged[0]!.aliases), new Set(['Obermeier', 'Karla Obermeier']));
      assert.equal(merged[0]!.articles, 2);
    });
  });
}

test('linking: a one-word organisation joins the longer name it heads in the same article only', () => {
  const index = new EntityIndex(kb(), []);
  const a1 = linkArticle(kb(), index, [m('a1', 0, 'Landesbauernverband Brandenburg', 'ORG'), m('a1', 1, 'Landesbauernverband', 'ORG')]);
  assert.equal(a1.get(0)?.entityId, a1.get(1)?.entityId);
  const a2 = linkArticle(kb(), index, [m('a2', 0, 'Landesbauernverband', 'ORG')]);
  assert.notEqual(a2.get(0)?.entityId, a1.get(0)?.entityId, 'another article: a generic head noun stays apart');
  const a3 = linkArticle(kb(), index, [m('a3', 0, 'ÖVP Burgenland', 'ORG'), m('a3', 1, 'ÖVP', 'ORG')]);
  assert.notEqual(a3.get(0)?.entityId, a3.get(1)?.entityId, 'acronyms never shorten a name');
  assert.deepEqual(index.surnameMerges(), []);
});

test('linking: a KB name the model typed wrongly still reaches its entry (not across persons)', () => {
  const index = new EntityIndex(kb(), []);
  const a = linkArticle(kb(), index, [m('a', 0, 'Moscow', 'ORG'), m('a', 1, 'Moskau Ölexporte', 'PER')]);
  assert.equal(a.get(0)?.entityId, 'kb:capital:RU');
  assert.ok(a.get(1)?.entityId.startsWith('u:PER:'));
});
