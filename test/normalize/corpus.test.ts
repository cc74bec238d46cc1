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
    // the title is not repeated as the first paragraph
    if (a.title) assert.notEqual(a.text.split('\n\n')[0], a.title, where);
    // a file named after its date carries that date
    const named = /(?:^|[/-])(\d{4}-\d{2}-\d{2})-/.exec(where);
    if (named && a.format === 'text') assert.equal(a.published, named[1], `${where}: published`);
    if (a.published) assert.match(a.published, /^\d{4}(-\d{2}(-\d{2})?)?$/, where);
    assert.match(a.id, /^[ut][0-9a-f]{16}$/, where);
  }

  const titled = articles.filter((a) => a.title).length;
  assert.ok(titled >= articles.length - 3, `titles found for ${titled} of ${articles.length}`);
  assert.ok(articles.some((a) => a.encoding === 'windows-1252' && /[äöüß]/.test(a.text)), 'the Windows-1252 file decodes with umlauts');
  assert.ok(articles.some((a) => a.agency === 'dpa' && a.dateline), 'a dpa story with its dateline');
  assert.ok(articles.some((a) => a.language === 'en'), 'the English articles are English');
  const formats = new Set(articles.map((a) => a.format));
  for (const f of ['text', 'html', 'feed', 'jsonl']) assert.ok(formats.has(f as Article['format']), `format ${f} present`);
  // the wire story reprinted by two outlets keeps one body → the same content hash, or near it
  const ids = new Set(articles.map((a) => a.id));
  assert.ok(ids.size >= articles.length - 3, 'ids are distinct apart from exact duplicates');
});
