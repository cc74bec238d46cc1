import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, Article, EntityMention } from '../../src/model/index.js';
import type { AnalyzeComponent } from '../../src/analyze/pipeline.js';
import { tokenizeComponent } from '../../src/analyze/tokenize.js';
import { entitiesComponent, lexiconExamples, parseMentionRole, quoteFragment, roleWordOf, titleCase, titleMentions, whoIs } from '../../src/analyze/entities/index.js';
import { nerComponent } from '../../src/analyze/ner/index.js';
import { kb } from '../../src/kb/index.js';
import { EntityIndex, linkArticle } from '../../src/resolve/entities/link.js';
import { roleWarnings } from '../../src/resolve/events/warnings.js';

function article(text: string): Article {
  return {
    id: 'test', origin: 'test', url: null, format: 'text', rawHash: '', encoding: 'utf-8', title: null,
    published: '2025-08-15', publishedRaw: null, author: null, source: null, agency: null, dateline: null,
    language: 'de', text, contentHash: '',
  };
}

/** Runs components on a fresh document (not via pipeline.ts, so other stages stay out of it). */
function analyze(a: Article, use: readonly AnalyzeComponent[]): AnalyzedArticle {
  const doc: AnalyzedArticle = { article: a, sentences: [], tokens: [], entities: [], timexes: [], events: [] };
  for (const c of use) c.run(doc);
  return doc;
}

/** Without the NER model: tokenizer + entity normalisation only (the fallback path). */
function run(text: string): EntityMention[] {
  return analyze(article(text), [tokenizeComponent, entitiesComponent]).entities;
}
const find = (ms: EntityMention[], text: string): EntityMention | undefined => ms.find((m) => m.text === text);

test('entities: inflection and possessives are removed', () => {
  const ms = run('Putins Sprecher äußerte sich. Die Haltung des Kremls und Russlands ist klar. Selenskyjs Forderung blieb.');
  assert.equal(find(ms, 'Putins')?.normalized, 'Putin');
  assert.equal(find(ms, 'Putins')?.kbId, 'wladimir-putin');
  assert.equal(find(ms, 'Kremls')?.normalized, 'Kreml');
  assert.equal(find(ms, 'Russlands')?.normalized, 'Russland');
  assert.equal(find(ms, 'Selenskyjs')?.kbId, 'wolodymyr-selenskyj');
  // A name that ends in s keeps it; an unknown name loses a genitive s only when seen without it.
  const ms2 = run('Der Grieche Nikos Papadakis sprach. Papadakis Haltung ist bekannt. Thomas Weiß sagte nichts, Weiß schwieg.');
  assert.equal(find(ms2, 'Nikos Papadakis')?.normalized, 'Nikos Papadakis');
  assert.equal(find(ms2, 'Weiß')?.normalized, 'Weiß');
  const ms3 = run("Trump's Plan: Anna Schulz blieb. Der Plan Karl Obermanns scheiterte, Karl Obermann schwieg.");
  assert.equal(find(ms3, "Trump's")?.normalized, 'Trump');
  assert.equal(find(ms3, 'Karl Obermanns')?.normalized, 'Karl Obermann');
});

test('entities: roles in front of names become EntityMention.role, not part of the name', () => {
  const ms = run('Kremlchef Putin telefonierte mit US-Präsident Donald Trump. Kreml-Sprecher Dmitri Peskow bestätigte das. Der russische Außenminister Sergej Lawrow schwieg, Russlands Präsident wartete.');
  assert.equal(find(ms, 'Putin')?.role, 'Kremlchef');
  assert.equal(find(ms, 'Donald Trump')?.role, 'US-Präsident');
  assert.equal(find(ms, 'Dmitri Peskow')?.role, 'Kreml-Sprecher');
  assert.equal(find(ms, 'Sergej Lawrow')?.role, 'russische Außenminister');
  assert.ok(!ms.some((m) => /Kremlchef|US-Präsident|Kreml-Sprecher/.test(m.text)));
  assert.deepEqual(parseMentionRole('russische Außenminister'), { role: 'foreign_minister', of: 'RU' });
  assert.deepEqual(parseMentionRole('US-Präsidenten'), { role: 'head_of_state', of: 'US' });
  assert.deepEqual(parseMentionRole('Russlands Präsident'), { role: 'head_of_state', of: 'RU' });
  assert.deepEqual(whoIs('US-Präsident', '2025-08-01').map((e) => e.name), ['Donald Trump']);
  assert.deepEqual(whoIs('der US-Präsident', '2022-01-01').map((e) => e.name), ['Joe Biden']);
});

test('entities: roles written after the name (appositions) become EntityMention.role (lexicon examples)', () => {
  for (const ex of lexiconExamples.appositions) {
    const ms = run(ex.text);
    const p = find(ms, ex.person);
    assert.ok(p, `${ex.text}: ${ex.person} missing (${ms.map((m) => m.text).join('|')})`);
    assert.equal(p.role ?? null, ex.role, ex.text);
    if (ex.role) {
      // The role word is neither part of the name nor an entity of its own.
      const role = ex.role;
      const head = role.split(' ').find((w) => roleWordOf(kb(), w) !== null);
      assert.ok(head, `${role}: no role word`);
      assert.ok(!ms.some((m) => m.text.includes(head)), `${ex.text}: ${ms.map((m) => m.text).join('|')}`);
    }
    if (ex.key) {
      const parsed = parseMentionRole(ex.role!);
      assert.equal(parsed?.role, ex.key, `${ex.role}: role key`);
      assert.equal(parsed?.of ?? null, ex.of ?? null, `${ex.role}: of`);
    }
  }
});

test('entities: roles from appositions feed the KB role check on the article date', () => {
  const warnings = (text: string, published: string): string[] => {
    const doc = analyze({ ...article(text), published }, [tokenizeComponent, entitiesComponent]);
    return roleWarnings(doc).map((w) => text.slice(w.start, w.end));
  };
  // Held on the date: no warning, after the name or in front of it.
  assert.deepEqual(warnings('Sergej Lawrow, der russische Außenminister, sagte am Montag nichts.', '2025-08-15'), []);
  assert.deepEqual(warnings('Dmitri Peskow, Sprecher des Kremls, sagte am Montag nichts.', '2025-08-15'), []);
  assert.deepEqual(warnings('Steve Witkoff, Sondergesandter von US-Präsident Trump, reiste ab.', '2025-08-15'), []);
  assert.deepEqual(warnings('Kaja Kallas (EU-Außenbeauftragte) reiste nach Kiew.', '2025-03-01'), []);
  // Not held on the date: a consistency warning on the name.
  assert.deepEqual(warnings('Olaf Scholz, der deutsche Bundeskanzler, sagte am Montag nichts.', '2025-08-15'), ['Olaf Scholz']);
  assert.deepEqual(warnings('Kaja Kallas (EU-Außenbeauftragte) reiste nach Kiew.', '2023-05-01'), ['Kaja Kallas']);
  assert.deepEqual(warnings('Sergej Schoigu, Verteidigungsminister Russlands, sagte am Montag nichts.', '2025-08-15'), ['Sergej Schoigu']);
  assert.deepEqual(warnings('Der Sprecher des Weißen Hauses, Dmitri Peskow, sagte nichts.', '2025-08-15'), ['Dmitri Peskow']);
  // A former office: right once it ended, a warning while it was still held.
  assert.deepEqual(warnings('Olaf Scholz, der frühere Bundeskanzler, sagte am Montag nichts.', '2025-08-15'), []);
  assert.deepEqual(warnings('Olaf Scholz, der frühere Bundeskanzler, sagte am Montag nichts.', '2024-05-02'), ['Olaf Scholz']);
});

test('entities: every role word example in kb/roles.json yields a person with that role', () => {
  for (const { word, example } of kb().roleExamples) {
    const ms = run(`Gestern sprach ${example} in Berlin.`);
    const per = ms.find((m) => m.type === 'PER');
    assert.ok(per, `${example}: no person`);
    assert.ok(per.role, `${example}: no role`);
    assert.ok(!per.text.includes(per.role), `${example}: role inside the name`);
    assert.ok(kb().parseRole(per.role.split(' ').pop()!) !== null, `${word}: role ${per.role} does not parse`);
  }
});

test('entities: names inside compounds are mentions of those entities', () => {
  const ms = run('Der Trump-Putin-Gipfel war lange geplant. Nach dem Witkoff-Besuch in Moskau sprach man vom Nato-Gipfel.');
  const trump = ms.find((m) => m.text === 'Trump');
  const putin = ms.find((m) => m.text === 'Putin');
  assert.equal(trump?.kbId, 'donald-trump');
  assert.equal(putin?.kbId, 'wladimir-putin');
  assert.equal(trump?.start, 4);
  assert.equal(putin?.start, 10);
  assert.equal(find(ms, 'Witkoff')?.kbId, 'steve-witkoff');
  assert.equal(find(ms, 'Nato')?.kbId, 'NATO');
  assert.ok(!ms.some((m) => m.text.includes('Gipfel')));
  // Unknown persons too, once their name is known in the article.
  const ms2 = run('Die Ministerin Hanka Mittelstädt reiste ab. Der Mittelstädt-Plan stieß auf Kritik.');
  assert.equal(ms2.filter((m) => m.normalized === 'Mittelstädt' || m.normalized === 'Hanka Mittelstädt').length, 2);
});

test('entities: metonyms that act are linked to their country; places are not', () => {
  for (const ex of lexiconExamples.metonyms) {
    const ms = run(ex.text);
    if (ex.metonym) {
      const m = ms.find((x) => x.text === ex.metonym);
      assert.ok(m?.metonym, `${ex.text}: ${ex.metonym} should be a metonym`);
      assert.ok(m.kbId && ['country', 'organization'].includes(kb().get(m.kbId)?.kind ?? ''), ex.text);
    }
    if (ex.notMetonym) {
      const m = ms.find((x) => x.text === ex.notMetonym);
      assert.ok(m, `${ex.text}: ${ex.notMetonym} missing`);
      assert.ok(!m.metonym, `${ex.text}: ${ex.notMetonym} is not a metonym`);
    }
  }
  const ms = run('Washington reagierte gelassen. Nach Angaben des Kremls gab es Gespräche.');
  assert.equal(find(ms, 'Washington')?.kbId, 'US');
  assert.equal(find(ms, 'Kremls')?.metonym, undefined);
  assert.equal(find(ms, 'Kremls')?.kbId, 'KREMLIN');
});

test('entities: plural demonyms and levels of government as collective actors (lexicon examples)', () => {
  const k = kb();
  const { collectiveActors, governmentLevels } = lexiconExamples;
  for (const ex of [...collectiveActors, ...governmentLevels]) {
    const mentionsOf = (ms: EntityMention[], word: string): EntityMention[] => ms.filter((m) => m.text === word);
    const runs: [string, EntityMention[]][] = ex.headline
      ? [['rules', titleMentions(analyze({ ...article('Der Text.'), title: ex.text }, [tokenizeComponent]), null)]]
      : [['rules', run(ex.text)], ['model', analyze(article(ex.text), [tokenizeComponent, nerComponent, entitiesComponent]).entities]];
    for (const [how, ms] of runs) {
      if (ex.mention) {
        const m = mentionsOf(ms, ex.mention)[0];
        // A government that acts stands for its country (`Der Bund will …` → Deutschland), like `der Kreml`.
        assert.ok(m && (m.kbId === ex.kbId || (m.metonym && m.kbId === k.get(ex.kbId!)?.standsFor)), `${how}: ${ex.text}: ${ex.mention} → ${m?.kbId ?? 'none'}, not ${ex.kbId}`);
        // The word names the actor by a common noun: it is the mention's role, so no alias comes of it.
        assert.equal(m.role, ex.mention, ex.text);
      }
      if (ex.notMention) {
        const bad = mentionsOf(ms, ex.notMention).filter((m) => m.metonym || m.kbId);
        assert.deepEqual(bad.map((m) => m.kbId), [], `${how}: ${ex.text}: ${ex.notMention} must not become an actor`);
      }
    }
  }
  // Linked, they name the union, the government and the state, and no entity `Europäern` or `Land` arises.
  const ms = run('Die Ministerin hat den Europäern vorgeworfen, zu zögern. In Sachsen warten Bund und Land ab.');
  const index = new EntityIndex(k, []);
  const links = linkArticle(k, index, ms.map((m, idx) => ({ articleId: 'a', idx, normalized: m.normalized, type: m.type, kbId: m.kbId, metonym: m.metonym })));
  const linked = (text: string): string[] => {
    const l = links.get(ms.findIndex((m) => m.text === text));
    return [l?.entityId ?? '', l?.standsFor ?? ''].map((id) => index.byId.get(id)?.name ?? '');
  };
  assert.deepEqual(linked('Europäern'), ['Europäische Union', 'Europäische Union']);
  assert.equal(linked('Bund')[0], 'Bundesregierung');
  assert.deepEqual(linked('Land'), ['Sachsen', 'Sachsen']);
  assert.ok(![...index.byId.values()].some((e) => /^(Europäern|Bund|Land)$/.test(e.name)));
  // A demonym two countries share names neither; singular and plural forms are told apart.
  assert.equal(k.pluralDemonym('Kongolesen'), undefined);
  assert.deepEqual(k.pluralDemonym('Amerikanern'), { of: 'US', cases: 'dat' });
  assert.deepEqual(k.pluralDemonym('Russen'), { of: 'RU', cases: 'any', singular: 'Russe' });
  assert.equal(k.pluralDemonym('Russe'), undefined);
});

test('entities: after a demonym only a word that is no common noun starts a name (lexicon examples)', () => {
  for (const ex of lexiconExamples.demonymNames) {
    for (const [how, ms] of [['rules', run(ex.text)], ['model', analyze(article(ex.text), [tokenizeComponent, nerComponent, entitiesComponent]).entities]] as const) {
      const show = ms.map((m) => `${m.text}/${m.type}`).join('|');
      if (ex.person) assert.equal(find(ms, ex.person)?.type, 'PER', `${how}: ${ex.text}: ${show}`);
      if (ex.notPerson) assert.ok(!ms.some((m) => m.text.includes(ex.notPerson!)), `${how}: ${ex.text}: ${show}`);
    }
  }
});

test('entities: quote fragments starting with a lower-case-in-running-text word are not MISC names', () => {
  for (const { text, span } of lexiconExamples.quoteStart) {
    const ms = run(text);
    assert.ok(!ms.some((m) => m.text.startsWith(span.split(' ')[0]!)), `${text}: ${ms.map((m) => m.text).join(', ')}`);
    // Were the model to tag the fragment as MISC, it is dropped.
    assert.ok(quoteFragment('MISC', span.split(' '), true), span);
  }
  // Names stay: a one-word MISC, a name not starting with such a word, one inside a sentence.
  assert.ok(!quoteFragment('MISC', ['Jede'], true));
  assert.ok(!quoteFragment('MISC', ['Truth', 'Social'], true));
  assert.ok(!quoteFragment('MISC', ['Keine', 'Woche', 'Aufschub'], false));
  assert.ok(!quoteFragment('ORG', ['Unsere', 'Zukunft', 'Partei'], true));
});

test('entities: headings, boilerplate and sentence-initial words are not entities', () => {
  for (const { word, example } of lexiconExamples.notEntities) {
    const ms = run(example);
    assert.ok(!ms.some((m) => m.text === word || m.text.startsWith(`${word} `)), `${example}: ${word} became an entity`);
  }
  const ms = run('FAZIT\n\nDetails zum Treffen: Warum Moskau schweigt.\n\nEmpfehlungen der Redaktion');
  assert.deepEqual(ms.map((m) => m.text), ['Moskau']);
});

test('entities: unknown persons from given names and role words; KB spelling variants linked', () => {
  for (const ex of lexiconExamples.roleSuffixes) {
    const ms = run(ex.text);
    const p = find(ms, ex.person);
    assert.ok(p, `${ex.text}: ${ex.person} missing`);
    assert.equal(p.type, 'PER');
    assert.equal(p.role, ex.role);
  }
  const ms = run('Selenski, Zelenskyy und Wolodymyr Selensky trafen Juri Ushakov, Rjabkow und Sergei Ryabkov.');
  assert.deepEqual(new Set(ms.filter((m) => m.text.startsWith('Sel') || m.text.startsWith('Zel') || m.text.startsWith('Wolo')).map((m) => m.kbId)), new Set(['wolodymyr-selenskyj']));
  assert.equal(find(ms, 'Juri Ushakov')?.kbId, 'juri-uschakow');
  assert.equal(find(ms, 'Rjabkow')?.kbId, find(ms, 'Sergei Ryabkov')?.kbId);
});

test('entities: mentions carry sentence indices and exact offsets', () => {
  const text = 'Erster Satz ohne Namen. Dann sprach Emmanuel Macron in Paris.';
  const doc: AnalyzedArticle = analyze(article(text), [tokenizeComponent, entitiesComponent]);
  for (const m of doc.entities) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(find(doc.entities, 'Emmanuel Macron')?.sentence, 1);
  // Works without a tokenizer before it, too.
  assert.ok(analyze(article(text), [entitiesComponent]).entities.some((m) => m.text === 'Emmanuel Macron'));
});

test('entities: NER spans are trimmed to the name (role words, time nouns, common nouns after a KB name)', () => {
  const text = 'Kremlchef Putin sprach über Moskau Ölexporte. Jede Woche Krieg kostet Geld.';
  const doc = analyze(article(text), [tokenizeComponent]);
  // Spans as a statistical model might give them, errors included.
  const span = (s: string, type: EntityMention['type']): EntityMention => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s, type, sentence: 0, normalized: s };
  };
  doc.entities = [span('Kremlchef Putin', 'PER'), span('Moskau Ölexporte', 'LOC'), span('Jede Woche Krieg', 'LOC')];
  entitiesComponent.run(doc);
  const texts = doc.entities.map((m) => m.text);
  assert.ok(texts.includes('Putin') && texts.includes('Moskau'), texts.join('|'));
  assert.ok(!texts.some((t) => /Kremlchef|Ölexporte|Woche|Krieg/.test(t)), texts.join('|'));
  assert.equal(find(doc.entities, 'Putin')?.role, 'Kremlchef');
});

test('entities: quantities the model takes for names are dropped (lexicon examples)', () => {
  for (const { text, span } of lexiconExamples.quantities) {
    const doc = analyze(article(text), [tokenizeComponent]);
    const start = text.indexOf(span);
    // As the model might tag it, next to a real name it must keep.
    doc.entities = [{ start, end: start + span.length, text: span, type: 'MISC', sentence: 0, normalized: span }];
    entitiesComponent.run(doc);
    assert.ok(!doc.entities.some((m) => m.text.includes(span.split(' ')[0]!)), `${text}: ${doc.entities.map((m) => m.text).join('|')}`);
  }
  const text = 'Die Gruppe G7 tagte, Elf Aquitaine fehlte.';
  const doc = analyze(article(text), [tokenizeComponent]);
  doc.entities = [{ start: 10, end: 12, text: 'G7', type: 'ORG', sentence: 0, normalized: 'G7' }];
  entitiesComponent.run(doc);
  assert.ok(doc.entities.some((m) => m.text === 'G7'));
});

test('entities: surnames that are common words link only next to the full name', () => {
  const alone = run('Der Herzog von Edinburgh kam. Im May-Fair wurde gefeiert. Frei nach Schiller.');
  assert.ok(!alone.some((m) => m.kbId === 'isaac-herzog' || m.kbId === 'thorsten-frei'), alone.map((m) => m.text).join('|'));
  const full = run('Israels Präsident Isaac Herzog reiste nach Berlin. Herzog traf dort Merz.');
  assert.equal(full.filter((m) => m.kbId === 'isaac-herzog').length, 2);
  assert.equal(find(full, 'Merz')?.kbId, 'friedrich-merz');
});

test('entities: unknown organisations from name endings and acronyms', () => {
  for (const ex of lexiconExamples.orgSuffixes) {
    const ms = run(ex.text);
    if (ex.org) assert.equal(find(ms, ex.org)?.type, 'ORG', `${ex.text}: ${ms.map((m) => m.text).join('|')}`);
    else assert.ok(!ms.some((m) => m.type === 'ORG'), `${ex.text}: ${ms.map((m) => m.text).join('|')}`);
  }
  assert.deepEqual(run('GIPFEL OHNE ERGEBNIS\n\nDer Gipfel endete.').map((m) => m.text), []);
});

test('entities: `<organisation noun> <place>` is one ORG mention, also when the model tags only the place (lexicon examples)', () => {
  const show = (ms: EntityMention[]): string => ms.map((m) => `${m.text}/${m.type}`).join('|');
  const check = (label: string, text: string, ms: EntityMention[], org: string | null, place: string, normalized?: string): void => {
    if (org) {
      const m = find(ms, org);
      assert.equal(m?.type, 'ORG', `${label} ${text}: ${show(ms)}`);
      assert.equal(m.normalized, normalized ?? org, `${label} ${text}`);
      assert.ok(!ms.some((x) => x !== m && x.start < m.end && m.start < x.end), `${label} ${text}: ${show(ms)}`);
    } else {
      assert.ok(find(ms, place), `${label} ${text}: ${place} missing (${show(ms)})`);
      assert.ok(!ms.some((x) => x.type === 'ORG' && x.text.includes(place)), `${label} ${text}: ${show(ms)}`);
    }
  };
  for (const { text, org, place, normalized } of lexiconExamples.orgPlaceNames) {
    // As the model mostly tags it: the place alone, as LOC.
    const doc = analyze(article(text), [tokenizeComponent]);
    const start = text.indexOf(place);
    doc.entities = [{ start, end: start + place.length, text: place, type: 'LOC', sentence: 0, normalized: place }];
    entitiesComponent.run(doc);
    check('model LOC:', text, doc.entities, org, place, normalized);
    // Without the model: places the KB knows.
    if (kb().lookup(place).entries.length > 0) check('no model:', text, run(text), org, place, normalized);
    // With the model that ships (whatever it tags), the names are found.
    if (org) check('model:', text, analyze(article(text), [tokenizeComponent, nerComponent, entitiesComponent]).entities, org, place, normalized);
  }
});

test('entities: the bare organisation noun links to the `<noun> <place>` name of its article, elsewhere only where that place is named', () => {
  const text = 'Der Landesbauernverband Brandenburg forderte Hilfen. Der Landesbauernverband hatte schon im Juni gewarnt, der Verband sieht die Ernte in Gefahr.';
  const doc = analyze(article(text), [tokenizeComponent]);
  const at = text.indexOf('Brandenburg');
  doc.entities = [{ start: at, end: at + 'Brandenburg'.length, text: 'Brandenburg', type: 'LOC', sentence: 0, normalized: 'Brandenburg' }];
  entitiesComponent.run(doc);
  const ms = doc.entities;
  // `der Verband` is no name: only the exact compound is a mention.
  assert.deepEqual(ms.map((m) => `${m.text}/${m.type}`), ['Landesbauernverband Brandenburg/ORG', 'Landesbauernverband/ORG']);
  const index = new EntityIndex(kb(), []);
  const toLink = (articleId: string, list: EntityMention[]) => list.map((m, idx) => ({ articleId, idx, normalized: m.normalized, type: m.type, kbId: m.kbId, metonym: m.metonym }));
  const links = linkArticle(kb(), index, toLink('a1', ms));
  assert.equal(links.get(1)?.entityId, links.get(0)?.entityId);
  assert.equal(index.byId.get(links.get(0)!.entityId)?.name, 'Landesbauernverband Brandenburg');
  // In another article the bare noun is an entity of its own (which Land's association is open),
  // unless that article names the place too (src/resolve/entities/link.ts).
  const other = run('Der Landesbauernverband warnte vor Ausfällen.');
  const otherLinks = linkArticle(kb(), index, toLink('a2', other));
  assert.notEqual(otherLinks.get(0)?.entityId, links.get(0)?.entityId);
  const bavarian = run('In Bayern fiel die Ernte gut aus. Der Landesbauernverband zeigte sich zufrieden.');
  const bavarianLinks = linkArticle(kb(), index, toLink('a3', bavarian));
  assert.notEqual(bavarianLinks.get(bavarian.findIndex((m) => m.text === 'Landesbauernverband'))?.entityId, links.get(0)?.entityId);
  const brandenburg = run('Brandenburg kündigt Hilfen an. Der Landesbauernverband hatte sie gefordert.');
  const brandenburgLinks = linkArticle(kb(), index, toLink('a4', brandenburg));
  assert.equal(brandenburgLinks.get(brandenburg.findIndex((m) => m.text === 'Landesbauernverband'))?.entityId, links.get(0)?.entityId);
});

test('entities: in English text, model spans with lower-case words are dropped', () => {
  const text = 'The two leaders met in Anchorage. Vladimir Putin arrived late.';
  const doc = analyze({ ...article(text), language: 'en' }, [tokenizeComponent]);
  const span = (s: string, type: EntityMention['type']): EntityMention => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s, type, sentence: 0, normalized: s };
  };
  doc.entities = [span('The two', 'MISC'), span('Vladimir Putin', 'PER')];
  entitiesComponent.run(doc);
  assert.deepEqual(doc.entities.map((m) => m.text), ['Anchorage', 'Vladimir Putin']);
});

test('entities: the title is analysed on its own, mentions marked `field: title` with offsets into it', () => {
  const title = 'Kremlchef Putin empfängt Witkoff – Mittelstädt skeptisch';
  const text = 'Der US-Sondergesandte traf am Mittwoch in Moskau ein. Die Ministerin Hanka Mittelstädt äußerte Zweifel.';
  const doc = analyze({ ...article(text), title }, [tokenizeComponent]);
  doc.entities = [];
  entitiesComponent.run(doc);
  // The body's mentions are untouched: offsets into the text, no title mention among them.
  for (const m of doc.entities) assert.equal(text.slice(m.start, m.end), m.text);
  assert.ok(!doc.entities.some((m) => m.field === 'title' || m.text === 'Putin'));
  // Without the model (rules and KB only), so the figures do not depend on it.
  const ms = titleMentions(doc, null);
  for (const m of ms) {
    assert.equal(m.field, 'title');
    assert.equal(title.slice(m.start, m.end), m.text);
    assert.equal(m.sentence, 0);
  }
  assert.equal(find(ms, 'Putin')?.kbId, 'wladimir-putin');
  assert.equal(find(ms, 'Putin')?.role, 'Kremlchef');
  assert.equal(find(ms, 'Witkoff')?.kbId, 'steve-witkoff');
  // A surname the body names in full is a mention in the title too.
  assert.equal(find(ms, 'Mittelstädt')?.type, 'PER');
  // The component fills titleEntities (with the model where there is one).
  assert.ok(doc.titleEntities?.some((m) => m.kbId === 'wladimir-putin' && m.field === 'title'));
});

test('entities: headings and boilerplate in titles are not entities', () => {
  const title = (t: string): string[] => titleMentions(analyze({ ...article('Der Text.'), title: t }, [tokenizeComponent]), null).map((m) => m.text);
  assert.deepEqual(title('Analyse: Warum Moskau schweigt'), ['Moskau']);
  assert.deepEqual(title('Fazit – Details zum Gipfel'), []);
  assert.deepEqual(title('Empfehlungen der Redaktion'), []);
  assert.deepEqual(title('   '), []);
  assert.deepEqual(titleMentions(analyze(article('Putin sprach.'), [tokenizeComponent]), null), []);
});

test('entities: a title-case headline gives only names the KB or the body knows', () => {
  const en = (title: string, text = 'The talks went on.'): string[] =>
    titleMentions(analyze({ ...article(text), title, language: 'en' }, [tokenizeComponent, entitiesComponent]), null).map((m) => m.text);
  assert.deepEqual(en('Putin Says Talks With Donald Were Useful, Kremlin Claims'), ['Putin', 'Kremlin']);
  assert.deepEqual(en('Mayor Backs Hollmann Plan As Drought Bites', 'Farm minister Petra Hollmann spoke.'), ['Hollmann']);
  // Sentence case (and any German headline) goes through the model and the rules as usual.
  assert.equal(titleCase('Witkoff meets Putin in Moscow as US and Russia eye Riyadh talks'.split(' '), 'en'), false);
  assert.equal(titleCase('Putin Says Talks With Trump Were Useful'.split(' '), 'en'), true);
  assert.equal(titleCase('Trump Putin Gipfel Alaska'.split(' '), 'de'), false);
});

test('entities: an English title in front of a name is the role, a dateline is no part of the name', () => {
  const en = (text: string, spans: [string, EntityMention['type']][]): EntityMention[] => {
    const doc = analyze({ ...article(text), language: 'en' }, [tokenizeComponent]);
    // The model's spans as given (it often runs the title, or the dateline, into the name).
    doc.entities = spans.map(([s, type]) => {
      const start = text.indexOf(s);
      return { start, end: start + s.length, text: s, type, sentence: 0, normalized: s };
    });
    entitiesComponent.run(doc);
    return doc.entities;
  };
  for (const ex of lexiconExamples.englishTitles) {
    const ms = en(ex.text, [[ex.span, 'PER']]);
    const p = find(ms, ex.person);
    assert.ok(p, `${ex.text}: ${ex.person} missing (${ms.map((m) => m.text).join(', ')})`);
    assert.equal(p.type, 'PER');
    assert.equal(p.role, ex.role ?? undefined, ex.text);
    assert.ok(!ms.some((m) => m !== p && m.type === 'PER' && m.start < p.end && p.start < m.end), ex.text);
  }
  // The dateline run into the span; the title's start cut off as a name of its own.
  const paris = en('PARIS — French Prime Minister Gabriel Martin said little.', [['PARIS — French', 'PER'], ['Gabriel Martin', 'PER']]);
  assert.deepEqual(paris.map((m) => [m.text, m.type, m.role]), [['PARIS', 'LOC', undefined], ['Gabriel Martin', 'PER', 'French Prime Minister']]);
  const rome = en('ROME — Italian Defence Minister Paolo Bruni and Polish President Andrzej Nowak spoke.', [['ROME — Italian Defence', 'PER'], ['Paolo Bruni', 'PER'], ['Polish President Andrzej Nowak', 'PER']]);
  assert.deepEqual(rome.filter((m) => m.type === 'PER').map((m) => [m.text, m.role]), [['Paolo Bruni', 'Italian Defence Minister'], ['Andrzej Nowak', 'Polish President']]);
  // Traps: organisation spans keep their words, a name without a title stays whole.
  const org = en('BRUSSELS — The European Commission and Kaja Kallas proposed new sanctions.', [['European Commission', 'ORG'], ['Kaja Kallas', 'PER']]);
  assert.ok(!org.some((m) => m.type === 'PER' && m.text.includes('Commission')));
  assert.equal(find(org, 'Kaja Kallas')?.role, undefined);
  // German text is untouched: `Präsident` is a German role word, `Chief` no German title.
  assert.equal(find(run('Präsident Emmanuel Macron sprach in Paris.'), 'Emmanuel Macron')?.role, 'Präsident');
});
