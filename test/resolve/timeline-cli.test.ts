import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestedStore } from '../helpers/cli.js';

// The CLI contract of timeline/stories/export/restory, run as a user would, on part of the sample corpus.
const { run } = ingestedStore('chronik-timeline-', ['examples/corpus/dpa', 'examples/corpus/elbflorenz-bote', 'examples/corpus/nordsee-depesche']);

test('timeline --json: events sorted by date with the agreed fields, filters narrow it', () => {
  const r = run('timeline', '--json');
  assert.equal(r.code, 0, r.err);
  const events = JSON.parse(r.out) as Record<string, unknown>[];
  assert.ok(events.length > 3);
  for (const e of events) {
    assert.deepEqual(Object.keys(e).sort(), ['actors', 'date', 'dateSource', 'evidence', 'id', 'mode', 'place', 'recipients', 'sources', 'status', 'type'].sort());
    // Evidence is {articleId, sentence}; a headline's carries field: 'title' as well.
    for (const { field, ...x } of e.evidence as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(x).sort(), ['articleId', 'sentence']);
      assert.ok(field === undefined || field === 'title');
    }
  }
  const dated = events.map((e) => e.date as string | null).filter((d): d is string => d !== null);
  assert.deepEqual(dated.map((d) => d.slice(0, 7)), [...dated].map((d) => d.slice(0, 7)).sort());
  const consult = JSON.parse(run('timeline', '--json', '--type', 'consult').out) as { type: string }[];
  assert.ok(consult.length > 0 && consult.every((e) => e.type === 'CONSULT'));
  const putin = JSON.parse(run('timeline', '--json', '--entity', 'Wladimir Putin').out) as { actors: string[]; recipients: string[] }[];
  assert.ok(putin.length > 0 && putin.length < events.length);
  assert.ok(putin.every((e) => [...e.actors, ...e.recipients].includes('Wladimir Putin')));
  const late = JSON.parse(run('timeline', '--json', '--from', '2025-07-15').out) as { date: string }[];
  assert.ok(late.length < events.length && late.every((e) => !e.date || e.date >= '2025-07'));
  const bad = run('timeline', '--json', '--type', 'PARTY');
  assert.notEqual(bad.code, 0);
  assert.equal(bad.out, '');
  assert.equal(bad.err.trim().split('\n').length, 1);
  assert.match(run('timeline').out, /CONSULT\/phone/);
});

test('stories --json, restory, export and article events', () => {
  const stories = JSON.parse(run('stories', '--json').out) as { id: string; label: string; articles: string[]; from: string; to: string }[];
  assert.ok(stories.length >= 1);
  for (const s of stories) assert.deepEqual(Object.keys(s).sort(), ['articles', 'from', 'id', 'label', 'to']);
  const re = JSON.parse(run('restory', '--json').out) as { stories: number; articles: number };
  assert.equal(re.articles, stories.reduce((n, s) => n + s.articles.length, 0));
  const csv = run('export', '--format', 'csv').out.trim().split('\n');
  assert.match(csv[0]!, /^id,date,date_source,type,mode,status,actors,recipients,place,sources/);
  const plover = JSON.parse(run('export', '--format', 'plover').out) as { event_type: string; actor: { entity_text: string; identifier_id: string | null }[] }[];
  assert.equal(plover.length, csv.length - 1);
  assert.ok(plover.some((p) => p.actor.some((a) => a.entity_text === 'Donald Trump' && a.identifier_id === 'Q22686')));
  const jsonl = run('export', '--format', 'jsonl').out.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
  assert.equal(jsonl.length, plover.length);
  assert.notEqual(run('export', '--format', 'xml').code, 0);
  const articleId = (JSON.parse(run('timeline', '--json').out) as { evidence: { articleId: string }[] }[])[0]!.evidence[0]!.articleId;
  const article = JSON.parse(run('article', articleId, '--json').out) as Record<string, unknown>;
  assert.ok(Array.isArray(article.events) && (article.events as unknown[]).length > 0);
  assert.ok(Array.isArray(article.warnings));
  assert.ok(Array.isArray(article.duplicates));
});
