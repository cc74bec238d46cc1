import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotateText, renderSnippet } from '../../src/serve/annotate.js';
import { html, qs } from '../../src/serve/html.js';
import { fillMonths, sparkline } from '../../src/serve/svg.js';
import { timexSpan } from '../../src/serve/timex-range.js';

test('html escapes interpolated text and attributes but keeps nested templates', () => {
  const evil = `"><img src=x onerror=alert(1)> & '`;
  const out = html`<a title="${evil}">${evil}</a>${html`<b>${'<i>'}</b>`}${[1, '<2>']}${null}${false}`.toString();
  assert.equal(out, '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;</a><b>&lt;i&gt;</b>1&lt;2&gt;');
  assert.equal(qs({ q: 'a&b', page: undefined, x: '' }), '?q=a%26b');
});

test('annotateText highlights spans, escapes text, drops overlaps and keeps paragraphs', () => {
  const text = 'Putin traf <Trump> am 15. August.\n\nZweiter Absatz.';
  const out = annotateText(text, [
    { start: 0, end: 5, cls: 'ent ty-PER', href: '/entities/q1', title: 'Wladimir "Putin"' },
    { start: 2, end: 8, cls: 'ent ty-PER' }, // overlaps the first: dropped
    { start: 6, end: 10, cls: 'trigger t-CONSULT', title: 'CONSULT' },
    { start: 19, end: 32, cls: 'timex', title: 'DATE 2025-08-15' },
  ]).toString();
  assert.equal(
    out,
    '<p><a class="ent ty-PER" href="/entities/q1" title="Wladimir &quot;Putin&quot;">Putin</a> <mark class="trigger t-CONSULT" title="CONSULT">traf</mark> &lt;Trump&gt; <mark class="timex" title="DATE 2025-08-15">am 15. August</mark>.</p>\n<p>Zweiter Absatz.</p>',
  );
});

test('renderSnippet turns only paired marks into <mark> and escapes the rest', () => {
  assert.equal(renderSnippet('a <b> \u0001Gipfel\u0002 c \u0002 d \u0001e').toString(), 'a &lt;b&gt; <mark>Gipfel</mark> c  d <mark>e</mark>');
});

test('timexSpan draws month and year precision as ranges, days as points', () => {
  assert.deepEqual(timexSpan('2025-08-07'), { start: '2025-08-07', end: '2025-08-08', point: true });
  assert.deepEqual(timexSpan('2025-08'), { start: '2025-08-01', end: '2025-09-01', point: false });
  assert.deepEqual(timexSpan('2025-12'), { start: '2025-12-01', end: '2026-01-01', point: false });
  assert.deepEqual(timexSpan('2025'), { start: '2025-01-01', end: '2026-01-01', point: false });
  assert.deepEqual(timexSpan('2025-W33'), { start: '2025-08-11', end: '2025-08-18', point: false });
  assert.deepEqual(timexSpan('2025-Q3'), { start: '2025-07-01', end: '2025-10-01', point: false });
  assert.equal(timexSpan('P3D'), null);
  assert.equal(timexSpan(null), null);
});

test('sparkline fills quiet months with zero and draws one point per month', () => {
  const months = fillMonths([{ period: '2025-06', count: 2 }, { period: '2025-09-03', count: 1 }]);
  assert.deepEqual(months.map((m) => m.count), [2, 0, 0, 1]);
  const svg = sparkline(months, 'Aktivität <x>').toString();
  assert.equal((svg.match(/points="([^"]+)"/)?.[1] ?? '').split(' ').length, 4);
  assert.ok(svg.includes('Aktivität &lt;x&gt;'));
});
