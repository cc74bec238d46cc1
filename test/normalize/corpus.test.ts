// Every file of the sample corpus (examples/corpus, written by engineer C) reads and normalises well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isFailure, readInputs } from '../../src/read/index.js';
import { normalize } from '../../src/normalize/index.js';
import { CUT_MARKERS, DROP_LINES } from '../../src/normalize/rules.js';
import type { Article, InputFailure } from '../../src/model/article.js';
import { paths } from '../../src/paths.js';

const corpus = join(paths.examples, 'corpus');

/** What examples/README.md says each file holds (written by the corpus author, not by this reader). */
const EXPECTED: Record<string, Partial<Pick<Article, 'title' | 'published' | 'author' | 'agency' | 'dateline' | 'language' | 'source' | 'encoding'>>> = {
  'elbflorenz-bote/2025-07-08-trump-putin-telefonat.txt': { published: '2025-07-08', author: 'Katrin Vollmer', title: 'Trump und Putin telefonieren – und wollen sich treffen' },
  'mainfranken-rundblick/selenskyj-fordert-waffenruhe.txt': { published: '2025-07-10', agency: 'AFP', dateline: 'Kiew' },
  'weltlage24/moskau-weist-waffenruhe-zurueck.txt': { title: null, published: '2025-07-11' },
  'dpa/2025-07-16-istanbul-gefangenenaustausch.txt': { published: '2025-07-16', agency: 'dpa', dateline: 'Istanbul' },
  'nordsee-depesche/2025-07-22-trump-droht-cp1252.txt': { published: '2025-07-22', author: 'Björn Aßmann', encoding: 'windows-1252' },
  'politik-telegramm/2025-07-23-eu-sanktionspaket.txt': { published: '2025-07-23', dateline: 'Brüssel' },
  'mainfranken-rundblick/gefangenenaustausch-vollzogen.txt': { published: '2025-07-26', agency: 'Reuters', author: 'Lena Hofstätter' },
  'mainfranken-rundblick/riad-gespraeche-gipfel-vereinbart.txt': { published: '2025-08-05', dateline: 'Riad' },
  'elbflorenz-bote/2025-08-13-selenskyj-in-berlin.txt': { published: '2025-08-13', agency: 'dpa', dateline: 'Berlin' },
  'weltlage24/gipfel-endet-ohne-waffenruhe.txt': { published: null, title: 'Gipfel in Abu Dhabi endet ohne Waffenruhe' },
  'nordsee-depesche/2025-08-22-gipfel-ohne-ergebnis.txt': { published: '2025-08-22', dateline: 'Abu Dhabi' },
  'english/northbridge-courier-2025-07-09-trump-putin-call.txt': { published: '2025-07-09', language: 'en', dateline: 'Washington' },
  'english/continental-ledger-2025-07-31-witkoff-moscow.txt': { published: '2025-07-31', language: 'en', source: 'Continental Ledger' },
  'english/northbridge-courier-2025-08-22-summit.txt': { published: '2025-08-22', agency: 'Reuters', language: 'en' },
  'html/elbflorenz-bote-2025-07-30-witkoff-moskau.html': { published: '2025-07-30', source: 'Elbflorenz-Bote', language: 'de' },
  'feeds/nordsee-depesche-rss.xml#1': { published: '2025-08-12', source: 'Nordsee-Depesche' },
  'feeds/nordsee-depesche-rss.xml#4': { published: '2025-07-29' },
  'feeds/weltlage24-atom.xml#2': { published: '2025-08-06', source: 'Weltlage24', author: null },
  'jsonl/presseschau-2025-08.jsonl#3': { published: '2025-08-21', source: 'Elbflorenz-Bote' },
};

test('sample corpus: every input reads and normalises, fields look right', { skip: !existsSync(corpus) && 'no corpus yet' }, async () => {
  const articles: Article[] = [];
  const failures: InputFailure[] = [];
  for await (const r of readInputs([corpus])) {
    if (isFailure(r)) failures.push(r);
    else articles.push(normalize(r));
  }
  // Deliberately broken samples carry `bad` or `broken` in their name; nothing else may fail.
  const unexpected = failures.filter((f) => !/bad|broken|kaputt/i.test(basename(f.origin)));
  assert.deepEqual(unexpected, []);
  assert.ok(articles.length >= 15, `only ${articles.length} articles`);

  for (const a of articles) {
    const where = a.origin.slice(corpus.length + 1);
    assert.ok(a.text.length >= 100, `${where}: text too short`);
    assert.notEqual(a.language, 'und', where);
    assert.doesNotMatch(a.text, /Ã[¤¶¼„–]|â€/u, `${where}: mojibake`);
    // no furniture left in the text
    for (const para of a.text.split('\n\n')) {
      for (const r of [...CUT_MARKERS, ...DROP_LINES]) assert.doesNotMatch(para, r.re, `${where}: "${para.slice(0, 60)}" matches ${r.id}`);
    }
    // the text ends in running text, not in a left-over heading (`Related coverage`)
    const last = a.text.split('\n\n').at(-1)!;
    assert.ok(/[.!?:"“”»«)…]$/u.test(last) || last.length > 80, `${where}: ends with "${last}"`);
    // the title is not repeated as the first paragraph
    if (a.title) assert.notEqual(a.text.split('\n\n')[0], a.title, where);
    // a file named after its date carries that date
    const named = /(?:^|[/-])(\d{4}-\d{2}-\d{2})-/.exec(where);
    if (named && a.format === 'text') assert.equal(a.published, named[1], `${where}: published`);
    if (a.published) assert.match(a.published, /^\d{4}(-\d{2}(-\d{2})?)?$/, where);
    assert.match(a.id, /^[ut][0-9a-f]{16}$/, where);
  }

  const byWhere = new Map(articles.map((a) => [a.origin.slice(corpus.length + 1), a]));
  for (const [where, fields] of Object.entries(EXPECTED)) {
    const a = byWhere.get(where);
    if (!a) continue; // the corpus author may rename files; the generic checks above still hold
    for (const [k, v] of Object.entries(fields)) assert.equal(a[k as keyof Article], v, `${where}: ${k}`);
  }
  assert.ok([...byWhere.keys()].filter((k) => k in EXPECTED).length >= 12, 'most documented files found');

  const titled = articles.filter((a) => a.title).length;
  assert.ok(titled >= articles.length - 3, `titles found for ${titled} of ${articles.length}`);
  assert.ok(articles.some((a) => a.encoding === 'windows-1252' && /[äöüß]/.test(a.text)), 'the Windows-1252 file decodes with umlauts');
  assert.ok(articles.some((a) => a.agency === 'dpa' && a.dateline), 'a dpa story with its dateline');
  assert.ok(articles.some((a) => a.language === 'en'), 'the English articles are English');
  const formats = new Set(articles.map((a) => a.format));
  for (const f of ['text', 'html', 'feed', 'jsonl']) assert.ok(formats.has(f as Article['format']), `format ${f} present`);
  // the exact duplicate documented in examples/README.md: same cleaned body under another title
  const a1 = byWhere.get('politik-telegramm/2025-07-23-eu-sanktionspaket.txt');
  const a2 = byWhere.get('weltlage24/eu-erhoeht-druck-auf-moskau.txt');
  if (a1 && a2) {
    assert.equal(a1.contentHash, a2.contentHash, 'exact duplicate bodies hash alike');
    assert.notEqual(a1.id, a2.id, 'but they are two articles (other title, other outlet)');
  }
  // the edited wire reprints are near duplicates, not exact ones
  const wire = byWhere.get('dpa/2025-07-16-istanbul-gefangenenaustausch.txt');
  const reprint = byWhere.get('elbflorenz-bote/2025-07-16-istanbul-gefangenentausch.txt');
  if (wire && reprint) assert.notEqual(wire.contentHash, reprint.contentHash);
  const ids = new Set(articles.map((a) => a.id));
  assert.ok(ids.size >= articles.length - 3, 'ids are distinct apart from exact duplicates');
});
