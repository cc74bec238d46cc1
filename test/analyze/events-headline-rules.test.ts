import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/pipeline.js';
import { headlineRules } from '../../src/analyze/events/headline.js';
import { makeArticle } from '../resolve/fixtures.js';

// The headline examples of discourse.json: each title with its body through the whole analysis; the
// headline mentions found, as the type and mode of the body mention each joins.
headlineRules().examples.forEach((ex, n) => {
  test(`headline example ${n + 1}: ${ex.title}`, () => {
    const doc = analyze(makeArticle(`hl${n}`, ex.text, { title: ex.title, published: ex.published, language: ex.language ?? 'de' }));
    const titles = doc.events.filter((e) => e.field === 'title');
    const got = titles.map((t) => {
      const b = doc.events[t.joins!]!;
      assert.equal(t.type, b.type, 'a headline mention has the type of the body mention it joins');
      return `${b.type}/${b.mode ?? '-'}`;
    });
    assert.deepEqual(got.sort(), [...ex.expect].sort());
    if (ex.participants) {
      const names = titles.flatMap((t) => [...t.actors, ...t.recipients].map((i) => doc.titleEntities![i]!.normalized));
      assert.deepEqual([...new Set(names)].sort(), [...ex.participants].sort(), 'participants');
    }
  });
});
