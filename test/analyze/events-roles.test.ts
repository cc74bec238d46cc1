import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRoleMentions, findEvents, type FoundEvent } from '../../src/analyze/events/finder.js';
import { makeDoc } from '../resolve/fixtures.js';

// Participant, place and status rules that reach beyond one trigger entry (the sentences are ours).

function events(text: string, ents: string[], timexes: string[] = [], published = '2025-03-14'): { doc: ReturnType<typeof makeDoc>; evs: FoundEvent[] } {
  const doc = makeDoc(text, ents, timexes, { published });
  // The fixture types every time expression DATE; a TIMEX3 period value (`P3W`) is a DURATION.
  for (const t of doc.timexes) if (t.value.startsWith('P')) t.type = 'DURATION';
  addRoleMentions(doc);
  return { doc, evs: findEvents(doc) };
}
const names = (doc: ReturnType<typeof makeDoc>, ids: number[]): string[] => ids.map((i) => doc.entities[i]!.normalized);

test('a country adjective on a state noun names the state (`die chinesische Forderung`, `der polnischen Truppen`)', () => {
  const a = events('Die Regierung in Taipeh hat die chinesische Forderung nach Gesprächen zurückgewiesen.', ['Taipeh|LOC']);
  const rej = a.evs.find((e) => e.type === 'REJECT')!;
  assert.deepEqual(names(a.doc, rej.recipients), ['China']);
  const b = events('Die Gespräche zwischen armenischen und aserbaidschanischen Unterhändlern in Genf dauerten bis zum Abend.', ['Genf|LOC']);
  const talks = b.evs.find((e) => e.type === 'CONSULT')!;
  assert.deepEqual([...names(b.doc, talks.actors), ...names(b.doc, talks.recipients)], ['Armenien', 'Aserbaidschan']);
  assert.equal(talks.place, 'Genf');
  // Banks are no state's side: no participant, so no event from the adjective alone.
  const c = events('Die EU hat 14 russische Banken sanktioniert.', ['EU|ORG']);
  assert.deepEqual(names(c.doc, c.evs.find((e) => e.type === 'SANCTION')!.recipients), []);
});

test('a statement is made where the speaker said the words quoted right after it', () => {
  const text = 'Die Außenministerin Annalena Baerbock hat die Vorwürfe aus Peking zurückgewiesen. „Das ist absurd“, sagte Baerbock am Montag in Brüssel.';
  const { evs } = events(text, ['Annalena Baerbock|PER', 'Peking|LOC', 'Baerbock|PER|Annalena Baerbock', 'Brüssel|LOC'], ['am Montag|2025-03-10']);
  const rej = evs.find((e) => e.type === 'REJECT')!;
  assert.equal(rej.place, 'Brüssel');
  assert.deepEqual(rej.date, { value: '2025-03-10', source: 'text' });
  // `sagte er` for the one person acting; a government seat gives its capital.
  const b = events('Macron forderte eine Waffenruhe. Europa müsse handeln, sagte er im Élysée-Palast.', ['Macron|PER', 'Europa|LOC', 'Élysée-Palast|ORG']);
  assert.equal(b.evs.find((e) => e.type === 'REQUEST')!.place, 'Paris');
  // Someone else's words say nothing about where the statement was made.
  const c = events('Macron forderte eine Waffenruhe. Das sei zu früh, sagte Scholz in Berlin.', ['Macron|PER', 'Scholz|PER', 'Berlin|LOC']);
  assert.equal(c.evs.find((e) => e.type === 'REQUEST')!.place, null);
});

test('a spokesperson of a country speaks for its government, which acts too', () => {
  const { doc, evs } = events('Kreml-Sprecher Dmitri Peskow wies die Vorwürfe aus London zurück.', ['Dmitri Peskow|PER', 'London|LOC']);
  assert.deepEqual(names(doc, evs.find((e) => e.type === 'REJECT')!.actors), ['Dmitri Peskow', 'Russland']);
});

test('what is done at an occasion (`beim Gipfel`) happens where it was; `dort` points back to the last place', () => {
  const text = 'Erdoğan hatte die Forderung beim Treffen mit Alijew am Montag in Baku erhoben. Eine Einigung hatten die beiden Präsidenten dort nicht vereinbart.';
  const { evs } = events(text, ['Erdoğan|PER', 'Alijew|PER', 'Baku|LOC'], ['am Montag|2025-03-10']);
  const req = evs.find((e) => e.type === 'REQUEST')!;
  assert.equal(req.place, 'Baku');
  assert.deepEqual(req.date, { value: '2025-03-10', source: 'text' });
  assert.ok(evs.some((e) => e.type === 'CONSULT' && e.place === 'Baku'), 'the meeting itself');
  const agree = evs.find((e) => e.type === 'AGREE')!;
  assert.equal(agree.place, 'Baku');
  assert.equal(agree.status, 'negated');
});

test('an announced measure is acted by the subject of the relative clause announcing it, and planned', () => {
  const text = 'Die Finanzhilfe für Fischer, die Ministerin Eva Kühne am Montag angekündigt hatte, reiche nicht.';
  const { doc, evs } = events(text, ['Eva Kühne|PER'], ['am Montag|2025-03-10']);
  const aid = evs.find((e) => e.type === 'AID')!;
  assert.deepEqual(names(doc, aid.actors), ['Eva Kühne']);
  assert.equal(aid.status, 'planned');
});

test('a regional adjective on a government noun names the region (`die sächsische Staatsregierung`)', () => {
  const { doc, evs } = events('Die sächsische Staatsregierung hat die Pläne des Bundes abgelehnt.', []);
  assert.deepEqual(names(doc, evs.find((e) => e.type === 'REJECT')!.actors), ['Sachsen']);
});

test('status of noun triggers: their own negation, time ahead, possibility', () => {
  const ents = ['Scholz|PER', 'Sunak|PER'];
  const status = (text: string, timexes: string[] = []): string => events(text, ents, timexes).evs.find((e) => e.type === 'CONSULT')!.status;
  // `keinen` belongs to Ergebnis, not to the meeting.
  assert.equal(status('Das Treffen zwischen Scholz und Sunak hat keinen Fortschritt gebracht.'), 'asserted');
  assert.equal(status('Ein Treffen zwischen Scholz und Sunak gab es nicht.'), 'negated');
  assert.equal(status('Es gab kein Treffen zwischen Scholz und Sunak.'), 'negated');
  assert.equal(status('Drei Tage vor seinem Treffen mit Sunak hat Scholz Paris besucht.', ['Drei Tage|P3D']), 'planned');
  assert.equal(status('Drei Tage vor seinem Treffen mit Sunak hatte Scholz Paris besucht.', ['Drei Tage|P3D']), 'asserted');
  assert.equal(status('Mit Blick auf das Treffen mit Sunak in drei Wochen mahnte Scholz zur Geduld.', ['drei Wochen|P3W']), 'planned');
  assert.equal(status('Dabei geht es um ein mögliches Treffen von Scholz und Sunak.'), 'hypothetical');
});

test('rejecting `die Vorwürfe`/`die Forderung` answers whoever made them in the article', () => {
  const a = events('Orbán hat der EU-Kommission Erpressung vorgeworfen. Die Kommissionschefin Ursula von der Leyen wies die Vorwürfe am Abend zurück.', ['Orbán|PER', 'EU-Kommission|ORG', 'Ursula von der Leyen|PER']);
  assert.deepEqual(names(a.doc, a.evs.find((e) => e.type === 'REJECT')!.recipients), ['Orbán']);
  // The lead names the reply first, the demand after it.
  const b = events('Peking weist die Forderung nach Inspektionen zurück. Die Philippinen hatten am Montag Inspektionen verlangt.', ['Peking|LOC', 'Philippinen|LOC']);
  assert.deepEqual(names(b.doc, b.evs.find((e) => e.type === 'REJECT')!.recipients), ['Philippinen']);
  // No such statement in the article: nothing added.
  const c = events('Peking weist die Vorschläge zurück.', ['Peking|LOC']);
  assert.deepEqual(c.evs.find((e) => e.type === 'REJECT')?.recipients ?? [], []);
});

test('a country adjective on `Hauptstadt` is the capital, a place', () => {
  const { evs } = events('Polen und Litauen haben in der ukrainischen Hauptstadt verhandelt.', ['Polen|LOC', 'Litauen|LOC']);
  assert.equal(evs.find((e) => e.type === 'CONSULT')!.place, 'Kiew');
});

test('retaliation is aimed at whoever last acted against its actor', () => {
  const { doc, evs } = events('Washington hat neue Strafzölle gegen Peking verhängt. Peking kündigte Gegenmaßnahmen an.', ['Washington|LOC', 'Peking|LOC']);
  assert.deepEqual(names(doc, evs.find((e) => e.type === 'THREATEN')!.recipients), ['Washington']);
});
