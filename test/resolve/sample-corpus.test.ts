import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ingest } from '../../src/pipeline/ingest.js';
import { listEvents, type TimelineEvent } from '../../src/store/events.js';
import { listStories } from '../../src/store/stories.js';
import { restory } from '../../src/resolve/stories/resolver.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

// The team's sample corpus (examples/corpus, fictional) and its gold story/duplicate groups.
const goldStories = JSON.parse(readFileSync('eval/gold/stories.json', 'utf8')) as {
  stories: { id: string; files: string[]; englishFiles?: string[] }[];
  nearDuplicates: { files: string[] }[];
  exactDuplicates: { files: string[] }[];
};

const has = (e: TimelineEvent, ...names: string[]): boolean => names.every((n) => [...e.actors, ...e.recipients].includes(n));

for (const driver of DRIVERS) {
  test(`${driver}: sample corpus — events once each, duplicates, stories`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      const summary = await ingest(db, ['examples/corpus']);
      assert.equal(summary.failed, 0);
      const articles = await db.query<{ id: string; origin: string; duplicate_of: string | null; duplicate_kind: string | null; story_id: string | null }>(
        'SELECT id, origin, duplicate_of, duplicate_kind, story_id FROM articles',
      );
      // Origins are absolute paths; the gold names files relative to the repository.
      const byOrigin = new Map(articles.map((a) => [relative(process.cwd(), a.origin), a]));
      const idOf = (file: string): string => byOrigin.get(file)!.id;

      // The reprinted wire story: one original, the other copies near-duplicates of it.
      const [wire, ...reprints] = goldStories.nearDuplicates[0]!.files;
      assert.equal(byOrigin.get(wire!)!.duplicate_of, null);
      for (const f of reprints) {
        assert.equal(byOrigin.get(f)!.duplicate_of, idOf(wire!), f);
        assert.equal(byOrigin.get(f)!.duplicate_kind, 'near', f);
      }
      const [first, copy] = goldStories.exactDuplicates[0]!.files;
      assert.equal(byOrigin.get(copy!)!.duplicate_of, idOf(first!));

      const events = await listEvents(db);
      const pick = (pred: (e: TimelineEvent) => boolean, what: string): TimelineEvent => {
        const hits = events.filter(pred);
        assert.equal(hits.length, 1, `${what}: ${hits.length} events`);
        return hits[0]!;
      };
      const call = pick((e) => e.type === 'CONSULT' && e.mode === 'phone' && has(e, 'Donald Trump', 'Wladimir Putin'), 'Trump–Putin call');
      assert.equal(call.dateValue, '2025-07-08');
      assert.ok(call.sources >= 2);
      const istanbul = pick((e) => e.type === 'AGREE' && e.dateValue === '2025-07-16' && has(e, 'Russland', 'Ukraine'), 'Istanbul agreement');
      assert.equal(istanbul.place, 'Istanbul');
      // Near-duplicates are evidence, not extra sources.
      const evidenceArticles = new Set(istanbul.evidence.map((x) => x.articleId));
      const originals = new Set([...evidenceArticles].map((id) => articles.find((a) => a.id === id)!.duplicate_of ?? id));
      assert.ok(evidenceArticles.size > originals.size);
      assert.equal(istanbul.sources, originals.size);
      const riad = pick((e) => e.type === 'CONSULT' && e.place === 'Riad', 'Riad talks');
      assert.equal(riad.dateValue, '2025-08-05');
      assert.equal(riad.mode, 'third-party');
      const sanctions = pick((e) => e.type === 'SANCTION' && has(e, 'Russland'), 'EU sanctions');
      assert.deepEqual([sanctions.dateValue, sanctions.place, sanctions.sources], ['2025-07-23', 'Brüssel', 1]);
      assert.ok(sanctions.actors.includes('Europäische Union'));
      const demand = pick((e) => e.type === 'REQUEST' && e.actors.includes('Wolodymyr Selenskyj'), 'Selenskyj demands a ceasefire');
      assert.deepEqual([demand.dateValue, demand.place, demand.recipients], ['2025-07-10', 'Kiew', ['Russland']]);
      const invasion = pick((e) => e.type === 'ASSAULT', 'invasion');
      assert.equal(invasion.dateValue, '2022-02');
      // Who led each delegation is said a sentence later; both sides get their heads.
      for (const n of ['Vereinigte Staaten', 'Marco Rubio', 'Steve Witkoff', 'Russland', 'Sergej Lawrow', 'Juri Uschakow']) assert.ok(has(riad, n), `Riad talks: ${n}`);
      // `den Europäern vorgeworfen`: a collective actor.
      const sabotage = pick((e) => e.type === 'ACCUSE' && e.actors.includes('Sergej Lawrow'), 'Lawrow accuses the Europeans');
      assert.deepEqual(sabotage.recipients, ['Europäische Union']);
      // `Bund und Land … aufgefordert`: the place from the association spokesman's statement, the day from the first report.
      const farmers = pick((e) => e.type === 'REQUEST' && e.actors.includes('Landesbauernverband Brandenburg'), 'farmers demand aid');
      // `der Bund` stands for the state as `der Kreml` does; `Land` is the one German state the article names.
      assert.deepEqual([...farmers.recipients].sort(), ['Brandenburg', 'Deutschland']);
      assert.deepEqual([farmers.dateValue, farmers.place, farmers.sources], ['2025-07-29', 'Teltow', 2]);
      // The government's aid and the minister who announced it: one event, two sources.
      const aid = pick((e) => e.type === 'AID' && has(e, 'Hanka Mittelstädt'), 'Brandenburg drought aid');
      assert.deepEqual([aid.actors.length, aid.place, aid.sources, aid.status], [2, 'Potsdam', 2, 'planned']);
      // Putin's demand is known from his aide: two outlets attribute it, one later retells it.
      const withdrawal = pick((e) => e.type === 'REQUEST' && e.actors.includes('Wladimir Putin'), 'Putin demands a withdrawal');
      assert.equal(withdrawal.status, 'reported');
      // The headline names whose demand Selenskyj rejects; the body says `die russische Forderung`.
      const rejection = pick((e) => e.type === 'REJECT' && e.actors.includes('Wolodymyr Selenskyj'), 'Selenskyj rejects the demand');
      assert.ok(has(rejection, 'Wladimir Putin', 'Russland'));
      assert.ok(rejection.evidence.some((x) => x.field === 'title'));
      // `Moskau sei offen für Gespräche mit Washington` is a stance, no meeting.
      assert.ok(!events.some((e) => e.type === 'CONSULT' && e.dateValue?.startsWith('2025-07-2') && has(e, 'Russland', 'Vereinigte Staaten')));

      // Stories: streaming, then the batch recompute; the drought story never mixes with the diplomacy.
      for (const phase of ['streaming', 'restory']) {
        if (phase === 'restory') await restory(db);
        const storyOf = new Map((await db.query<{ origin: string; story_id: string | null }>('SELECT origin, story_id FROM articles')).map((r) => [relative(process.cwd(), r.origin), r.story_id]));
        const [s1, s2] = goldStories.stories;
        const german1 = s1!.files.filter((f) => !(s1!.englishFiles ?? []).includes(f)).map((f) => storyOf.get(f));
        const drought = s2!.files.map((f) => storyOf.get(f));
        assert.ok(german1.every((s) => s && s === german1[0]), `${phase}: German diplomacy articles in one story`);
        assert.ok(drought.every((s) => s && !german1.includes(s)), `${phase}: drought articles apart`);
        // The farmers' demand, the aid six days later and the criticism of it: one development, one story.
        assert.equal(new Set(drought).size, 1, `${phase}: drought articles in one story`);
      }
      // The planted role error ("Ex-Präsident Donald Trump" in July 2025) is flagged on its article only.
      const warned = await db.query<{ origin: string; message: string }>(
        'SELECT a.origin, w.message FROM article_warnings w JOIN articles a ON a.id = w.article_id',
      );
      assert.ok(warned.some((w) => w.origin.endsWith('moskau-weist-waffenruhe-zurueck.txt') && /Donald Trump.*Ex-Präsident/.test(w.message)));
      assert.ok(!warned.some((w) => relative(process.cwd(), w.origin).startsWith('examples/corpus/dpa/')));

      const stories = await listStories(db);
      assert.ok(stories.every((s) => s.from && s.to && s.from <= s.to && s.label.length > 0));
    } finally {
      await drop();
    }
  });
}
