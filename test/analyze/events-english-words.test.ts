import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The English word lists become lower-cased sets (english/lexicon.ts), so a word listed twice in
// one list is only noise that hides what a list holds: every list names each word once.
const WORDS = join(import.meta.dirname, '../../src/analyze/events/english/words.json');

/** Every list of strings in the file, with where it is (`future`, `roles.x`). */
function lists(x: unknown, at: string, out: [string, string[]][] = []): [string, string[]][] {
  if (Array.isArray(x)) {
    const words = x.filter((w): w is string => typeof w === 'string');
    if (words.length) out.push([at, words]);
    x.forEach((y, i) => typeof y !== 'string' && lists(y, `${at}[${i}]`, out));
  } else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) lists(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

test('English words.json: no list names a word twice (case-insensitive)', () => {
  const all = lists(JSON.parse(readFileSync(WORDS, 'utf8')) as unknown, '');
  assert.ok(all.some(([at]) => at === 'future') && all.some(([at]) => at === 'lightVerbs'), 'the word lists are found');
  for (const [at, words] of all) {
    const seen = new Set<string>();
    const twice = words.filter((w) => seen.size === seen.add(w.toLowerCase()).size);
    assert.deepEqual(twice, [], `${at} lists these words again`);
  }
});
