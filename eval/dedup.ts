/**
 * Near-duplicate benchmark (`npm run eval:dedup`). Real German news text from the 10kGNAD test
 * split (DER STANDARD; CC BY-NC-SA: used here for evaluation only, nothing of it is copied into
 * the project) is turned into reprints with controlled edits, mixed with distinct articles on the
 * same topics (same 10kGNAD category), and streamed through the detector the resolver uses.
 * Prints precision/recall per edit level and signing throughput; writes eval/results/dedup.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEDUP_DEFAULTS, MemoryIndex, checkAndAdd, type DedupOptions } from '../src/resolve/dedup/detect.js';
import { countWords, signature, similarity } from '../src/resolve/dedup/minhash.js';
import { rng } from '../src/util/seeded-random.js';
import { writeResults } from './results-file.js';

const DATA = process.env.CHRONIK_10KGNAD ?? join(import.meta.dirname, '..', '..', 'shared', 'data', '10kgnad', 'test.csv');
const LEVELS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
const REPRINTS_PER_LEVEL = 300;
const N_ORIGINALS = 600;

interface Doc { id: string; label: string; text: string }

function load(file: string): Doc[] {
  const docs: Doc[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    // `label;text`, the text optionally quoted with ' (doubled inside quotes).
    const m = /^([^;]+);(.*?)\s*$/.exec(line);
    if (!m) return;
    let text = m[2]!;
    if (text.startsWith("'") && text.endsWith("'")) text = text.slice(1, -1).replace(/''/g, "'");
    if (text) docs.push({ id: `g${i}`, label: m[1]!, text });
  });
  return docs;
}

// Our own boilerplate lines, the kind outlets wrap around agency copy.
const BOILERPLATE = [
  'Dieser Text stammt aus dem Nachrichtendienst unserer Partneragentur und wurde redaktionell nicht bearbeitet.',
  'Lesen Sie auch: Alle aktuellen Entwicklungen finden Sie in unserem Liveticker auf der Startseite.',
  'Sie wollen keine Nachricht mehr verpassen? Abonnieren Sie unseren kostenlosen Newsletter am Morgen.',
  'Mehr zum Thema lesen Sie in der morgigen Printausgabe sowie im E-Paper für unsere Abonnenten.',
  'Hinweis der Redaktion: Der Beitrag wurde nach Veröffentlichung um weitere Angaben ergänzt.',
  'Folgen Sie uns auch in den sozialen Netzwerken, um über Neuigkeiten informiert zu bleiben.',
];

const sentencesOf = (t: string): string[] => t.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
const wordsOf = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** A reprint of `doc` with about `level` of its words changed by a random mix of edit kinds. */
function reprint(doc: Doc, level: number, sameTopic: Doc[], rand: () => number): { text: string; kinds: string[] } {
  const total = countWords(doc.text);
  let budget = Math.round(level * total);
  const kinds: string[] = ['headline swap'];
  let sents = sentencesOf(doc.text);
  if (budget === 0) return { text: sents.join(' '), kinds };
  const w = [rand(), rand(), rand(), rand()];
  const sum = w.reduce((a, b) => a + b, 0);
  const share = w.map((x) => Math.round((x / sum) * budget));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Paragraph cut: a run of sentences from a random place.
  if (share[0]! > 0 && sents.length > 2) {
    let at = Math.floor(rand() * sents.length);
    let cut = 0;
    while (cut < share[0]! && sents.length > 2) {
      if (at >= sents.length) at = 1;
      cut += countWords(sents[at]!);
      sents.splice(at, 1);
    }
    budget -= cut;
    kinds.push('paragraph cut');
  }
  // Paragraph added: sentences of another article on the same topic.
  if (share[1]! > 0) {
    const other = sentencesOf(pick(sameTopic).text);
    const at = Math.floor(rand() * (sents.length + 1));
    const add: string[] = [];
    let n = 0;
    for (let j = Math.floor(rand() * other.length); n < share[1]! && add.length < other.length; j = (j + 1) % other.length) {
      add.push(other[j]!);
      n += countWords(other[j]!);
    }
    sents.splice(at, 0, ...add);
    budget -= n;
    kinds.push('paragraph added');
  }
  // Boilerplate before and after.
  if (share[2]! > 0) {
    let n = 0;
    const pre: string[] = [];
    const post: string[] = [];
    while (n < share[2]!) {
      const line = pick(BOILERPLATE);
      (rand() < 0.5 ? pre : post).push(line);
      n += countWords(line);
    }
    sents = [...pre, ...sents, ...post];
    budget -= n;
    kinds.push('boilerplate');
  }
  // Rewording: adjacent word swaps and word replacements for what is left of the budget.
  const words = wordsOf(sents.join(' '));
  const vocab = wordsOf(pick(sameTopic).text);
  let changed = 0;
  while (changed < budget && words.length > 2) {
    const i = Math.floor(rand() * (words.length - 1));
    if (rand() < 0.5) {
      [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
      changed += 2;
    } else {
      words[i] = pick(vocab);
      changed += 1;
    }
  }
  if (changed > 0) kinds.push('rewording');
  return { text: words.join(' '), kinds };
}

interface Query { id: string; text: string; level: number | null; originalOf: string | null }

async function run(opts: DedupOptions): Promise<void> {
  const docs = load(DATA);
  const rand = rng(42);
  const shuffled = [...docs].sort(() => rand() - 0.5);
  const originals = shuffled.slice(0, N_ORIGINALS);
  const distinct = shuffled.slice(N_ORIGINALS);
  const byLabel = new Map<string, Doc[]>();
  for (const d of docs) byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), d]);

  const queries: Query[] = distinct.map((d) => ({ id: d.id, text: d.text, level: null, originalOf: null }));
  const editKinds = new Map<string, number>();
  for (const level of LEVELS) {
    for (let i = 0; i < REPRINTS_PER_LEVEL; i++) {
      const orig = originals[Math.floor(rand() * originals.length)]!;
      const topic = byLabel.get(orig.label)!.filter((d) => d.id !== orig.id);
      const r = reprint(orig, level, topic, rand);
      for (const k of r.kinds) editKinds.set(k, (editKinds.get(k) ?? 0) + 1);
      queries.push({ id: `${orig.id}~${level}~${i}`, text: r.text, level, originalOf: orig.id });
    }
  }
  queries.sort(() => rand() - 0.5);

  const index = new MemoryIndex();
  const family = new Map<string, string>();
  let originalMatches = 0;
  for (const d of originals) {
    const m = await checkAndAdd(index, d.id, d.text, opts);
    family.set(d.id, m?.originalId ?? d.id);
    if (m) originalMatches++;
  }
  const perLevel = new Map<number, { n: number; tp: number; fp: number }>();
  let distinctFp = 0;
  for (const q of queries) {
    const m = await checkAndAdd(index, q.id, q.text, opts);
    if (q.level === null) {
      if (m) distinctFp++;
      continue;
    }
    const s = perLevel.get(q.level) ?? { n: 0, tp: 0, fp: 0 };
    s.n++;
    if (m && m.originalId === family.get(q.originalOf!)) s.tp++;
    else if (m) s.fp++;
    perLevel.set(q.level, s);
  }

  // Hardest negatives: the most similar same-topic pair each distinct article has among the originals.
  const sigOf = new Map(docs.map((d) => [d.id, signature(d.text, opts)!]));
  const nearestSameTopic = distinct.map((d) =>
    Math.max(...originals.filter((o) => o.label === d.label).map((o) => similarity(sigOf.get(d.id)!, sigOf.get(o.id)!))),
  ).sort((a, b) => a - b);

  // Throughput: signatures per second on one core (this process), over the real texts.
  const texts = docs.map((d) => d.text);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 3000) {
    for (const t of texts) signature(t, opts);
    n += texts.length;
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  const avgChars = texts.reduce((a, t) => a + t.length, 0) / texts.length;

  const levels = LEVELS.map((level) => {
    const s = perLevel.get(level)!;
    return {
      level,
      reprints: s.n,
      recall: s.tp / s.n,
      precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
      wrongOriginal: s.fp,
    };
  });
  const tp = levels.reduce((a, l) => a + l.recall * l.reprints, 0);
  const fp = levels.reduce((a, l) => a + l.wrongOriginal, 0) + distinctFp;
  const upTo20 = [...perLevel.entries()].filter(([l]) => l <= 0.2).map(([, s]) => s);
  const result = {
    data: '10kGNAD test split (DER STANDARD, CC BY-NC-SA 4.0; evaluation only)',
    articles: docs.length,
    setup: {
      indexedOriginals: originals.length,
      distinctSameTopicQueries: distinct.length,
      reprintsPerLevel: REPRINTS_PER_LEVEL,
      editKinds: Object.fromEntries(editKinds),
      note: 'level = share of the original word count removed, added or replaced; every reprint also gets a new headline (bodies only are signed)',
    },
    options: opts,
    levels,
    overall: {
      precision: tp / (tp + fp),
      recallUpTo20: upTo20.reduce((a, s) => a + s.tp, 0) / upTo20.reduce((a, s) => a + s.n, 0),
      distinctFalsePositives: distinctFp,
      originalsMatchingEarlierOriginals: originalMatches,
    },
    hardestNegatives: {
      maxSimilarityToSameTopicOriginal: { median: nearestSameTopic[Math.floor(nearestSameTopic.length / 2)], p99: nearestSameTopic[Math.floor(nearestSameTopic.length * 0.99)], max: nearestSameTopic.at(-1) },
    },
    throughput: { signaturesPerSecond: Math.round(perSec), avgChars: Math.round(avgChars), cores: 1 },
  };
  console.log(`near-duplicates on ${docs.length} 10kGNAD articles (${originals.length} originals, ${distinct.length} distinct same-topic articles, ${REPRINTS_PER_LEVEL} reprints per level)`);
  console.log('level  recall  precision');
  for (const l of levels) console.log(`${(l.level * 100).toFixed(0).padStart(4)}%  ${l.recall.toFixed(3)}   ${l.precision.toFixed(3)}`);
  console.log(`overall precision ${result.overall.precision.toFixed(4)}  recall ≤20 % ${result.overall.recallUpTo20.toFixed(4)}  distinct false positives ${distinctFp}`);
  console.log(`hardest same-topic negative similarity: median ${result.hardestNegatives.maxSimilarityToSameTopicOriginal.median}, max ${result.hardestNegatives.maxSimilarityToSameTopicOriginal.max}`);
  console.log(`signing: ${result.throughput.signaturesPerSecond} signatures/s on one core (avg ${result.throughput.avgChars} chars)`);
  writeResults('dedup', result);
}

const threshold = process.env.DEDUP_THRESHOLD ? Number(process.env.DEDUP_THRESHOLD) : DEDUP_DEFAULTS.threshold;
await run({ ...DEDUP_DEFAULTS, threshold });
