import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kb } from '../../src/kb/index.js';
import { certainlyOverlap, isKbDate } from '../../src/kb/dates.js';

const k = kb();

test('kb: sizes — all UN members plus four, 300+ actors with roles', () => {
  const countries = [...k.entries.values()].filter((e) => e.kind === 'country');
  assert.equal(countries.length, 197);
  for (const id of ['XK', 'PS', 'TW', 'VA', 'RU', 'UA', 'US', 'DE']) assert.ok(k.get(id), id);
  const persons = [...k.entries.values()].filter((e) => e.kind === 'person');
  assert.ok(persons.length >= 300, `${persons.length} persons`);
  assert.ok(persons.filter((p) => p.roles.length > 0).length >= 300);
});

test('kb: dates valid, start before end, roles and their `of` known', () => {
  for (const e of k.entries.values()) {
    for (const r of e.roles) {
      assert.ok(k.roleDefs[r.role], `${e.id}: unknown role ${r.role}`);
      assert.ok(k.get(r.of), `${e.id}: unknown of ${r.of}`);
      for (const d of [r.start, r.end]) if (d) assert.ok(isKbDate(d), `${e.id}: bad date ${d}`);
      if (r.start && r.end) assert.ok(r.start <= r.end, `${e.id}: ${r.role} ends before it starts`);
    }
    if (e.wikidata) assert.match(e.wikidata, /^Q\d+$/, e.id);
  }
});

test('kb: single-holder role intervals do not overlap', () => {
  const byRole = new Map<string, { id: string; start?: string; end?: string }[]>();
  for (const e of k.entries.values()) {
    for (const r of e.roles) {
      if (k.roleDefs[r.role]?.multi) continue;
      const key = `${r.role}@${r.of}`;
      byRole.set(key, [...(byRole.get(key) ?? []), { id: e.id, start: r.start, end: r.end }]);
    }
  }
  const clashes: string[] = [];
  for (const [key, list] of byRole) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (certainlyOverlap(list[i]!, list[j]!)) clashes.push(`${key}: ${list[i]!.id} / ${list[j]!.id}`);
      }
    }
  }
  assert.deepEqual(clashes, []);
  // The check itself can fail: a deliberate overlap is caught, a handover day is not.
  assert.equal(certainlyOverlap({ start: '2017-01-20', end: '2021-01-20' }, { start: '2020-06-01' }), true);
  assert.equal(certainlyOverlap({ start: '2017-01-20', end: '2021-01-20' }, { start: '2021-01-20' }), false);
  assert.equal(certainlyOverlap({ start: '2024-12', end: '2025-09' }, { start: '2025-09' }), false);
});

test('kb: every alias names one entry unless flagged ambiguous', () => {
  const ambiguous = [...k.aliases()].filter(([, ids]) => ids.length > 1).map(([a]) => a).sort();
  assert.deepEqual(ambiguous, [...k.flaggedAmbiguous].sort());
});

test('kb: role lookup by date (Trump is US president 2019 and 2025, not 2022)', () => {
  const names = (d: string): string[] => k.whoHeld('head_of_state', 'US', d).map((e) => e.name);
  assert.deepEqual(names('2019-05-01'), ['Donald Trump']);
  assert.deepEqual(names('2025-08-01'), ['Donald Trump']);
  assert.deepEqual(names('2022-01-01'), ['Joe Biden']);
  assert.deepEqual(names('2021-01-20'), ['Joe Biden'], 'handover day belongs to the successor');
  assert.deepEqual(k.whoHeld('head_of_government', 'DE', '2025-08-15').map((e) => e.name), ['Friedrich Merz']);
  assert.deepEqual(k.whoHeld('head_of_government', 'DE', '2023-03').map((e) => e.name), ['Olaf Scholz']);
  assert.deepEqual(k.whoHeld('spokesperson', 'RU', '2025-08-07').map((e) => e.name), ['Dmitri Peskow']);
  assert.deepEqual(k.whoHeld('secretary_general', 'NATO', '2025').map((e) => e.name), ['Mark Rutte']);
  const ru = k.rolesOn('2025-08-15', 'RU').map((h) => `${h.role.role}:${h.entry.name}`);
  assert.ok(ru.includes('head_of_state:Wladimir Putin'));
  assert.ok(ru.includes('foreign_minister:Sergej Lawrow'));
  assert.ok(!ru.some((x) => x.startsWith('defence_minister:Sergej Schoigu')));
  assert.deepEqual(k.rolesOf('donald-trump', '2022-01-01'), []);
});

test('kb: role words parse with inflection, feminine forms and prefixes', () => {
  const cases: [string, string | null, string | undefined][] = [
    ['US-Präsident', 'head_of_state', 'US'],
    ['US-Präsidenten', 'head_of_state', 'US'],
    ['Kremlchef', 'head_of_state', 'RU'],
    ['Kremlchefs', 'head_of_state', 'RU'],
    ['Kreml-Sprecher', 'spokesperson', 'RU'],
    ['Außenministerin', 'foreign_minister', undefined],
    ['Bundeskanzler', 'head_of_government', 'DE'],
    ['Nato-Generalsekretär', 'secretary_general', 'NATO'],
    ['US-Sondergesandten', 'special_envoy', 'US'],
    ['Sondergesandte', 'special_envoy', undefined],
    ['Unterhändler', null, undefined],
  ];
  for (const [w, role, of] of cases) {
    const p = k.parseRole(w);
    assert.ok(p, w);
    assert.equal(p.role, role, w);
    assert.equal(p.of, of, w);
  }
  assert.equal(k.parseRole('Gipfel'), null);
  assert.equal(k.parseRole('Präsidentschaft'), null);
});

test('kb: role phrases parse to a role key and its country or organisation (kb/roles.json examples)', () => {
  assert.ok(k.rolePhraseExamples.length >= 15);
  for (const ex of k.rolePhraseExamples) {
    const p = k.parseRole(ex.phrase);
    assert.equal(p?.role ?? null, ex.role, ex.phrase);
    assert.equal(p?.of ?? null, ex.of, ex.phrase);
  }
  // Single words parse as before; a phrase without a role word is no role.
  assert.deepEqual(k.parseRole('US-Präsidenten'), { text: 'US-Präsident', role: 'head_of_state', of: 'US' });
  assert.equal(k.parseRole('Haltung des Kremls'), null);
});

test('kb: alias lookup handles genitive and inflected adjectives; adjectives and demonyms', () => {
  assert.equal(k.lookup('Putins').entries[0]?.id, 'wladimir-putin');
  assert.equal(k.lookup('Russlands').entries[0]?.id, 'RU');
  assert.equal(k.lookup('Kremls').entries[0]?.id, 'KREMLIN');
  assert.equal(k.lookup('Europäischen Union').entries[0]?.id, 'EU');
  assert.equal(k.lookup('Zelenskyy').entries[0]?.id, 'wolodymyr-selenskyj');
  assert.equal(k.lookup('Uschakow').entries[0]?.id, 'juri-uschakow');
  assert.equal(k.lookup('Moskau').entries[0]?.standsFor, 'RU');
  assert.equal(k.lookup('Tsipras').entries.length, 0);
  assert.equal(k.countryOfAdjective('russischen'), 'RU');
  assert.equal(k.countryOfAdjective('ukrainische'), 'UA');
  assert.equal(k.countryOfDemonym('Russen'), 'RU');
  assert.equal(k.countryOfDemonym('Amerikaner'), 'US');
});

test('kb: multi-word names match in the genitive and with inflected adjectives', () => {
  assert.equal(k.lookup('Weißen Hauses').entries[0]?.id, 'WHITE_HOUSE');
  assert.equal(k.lookup('Weiße Haus').entries[0]?.id, 'WHITE_HOUSE');
  assert.equal(k.lookup('Vereinigten Arabischen Emirate').entries[0]?.id, 'AE');
  assert.equal(k.lookup('Haus').entries.length, 0);
});
