// Checks the hand-written gold against the sample corpus: every mention sentence must occur verbatim
// in the decoded text of its file (or feed/JSONL item), types and modes must be PLOVER's, dates TIMEX3-shaped.
// Usage: node eval/gold/check-gold.mjs   (exit 1 on any problem)
/* global TextDecoder */
import { readFileSync, existsSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const MODES = ['phone', 'visit', 'third-party', 'multilateral'];
const STATUS = ['asserted', 'planned', 'hypothetical', 'negated', 'reported'];
const DATE = /^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/;

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const strip = (html) => html.replace(/<[^>]+>/g, ' ')
  .replace(/&(#\d+|[a-z]+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(Number(e.slice(1))) : entities[e] ?? m));
const squash = (s) => s.replace(/\s+/g, ' ');

function decode(path) {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node's TextDecoder maps 0x80-0x9F like Latin-1, so „ “ – would be lost: use iconv-lite.
    return iconv.decode(bytes, 'windows-1252');
  }
}

const cache = new Map();
function textOf(ref) {
  if (cache.has(ref)) return cache.get(ref);
  const [path, item] = ref.split('#');
  if (!existsSync(path)) throw new Error(`missing file ${path}`);
  const raw = decode(path);
  let text;
  if (item === undefined) {
    text = path.endsWith('.html') ? strip(raw) : raw;
  } else if (path.endsWith('.jsonl')) {
    const o = JSON.parse(raw.split('\n').filter((l) => l.trim())[Number(item) - 1]);
    text = `${o.title ?? ''}\n${o.text}`;
  } else {
    const x = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(raw);
    const items = x.rss ? [].concat(x.rss.channel.item) : [].concat(x.feed.entry);
    const it = items[Number(item) - 1];
    const body = it['content:encoded'] ?? it.content?.['#text'] ?? it.content ?? it.description;
    text = `${it.title}\n${strip(String(body))}`;
  }
  text = squash(text);
  cache.set(ref, text);
  return text;
}

const problems = [];
const events = JSON.parse(readFileSync('eval/gold/events.json', 'utf8'));
const ids = new Set();
let mentions = 0;
for (const e of events) {
  if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
  ids.add(e.id);
  if (!TYPES.includes(e.type)) problems.push(`${e.id}: type ${e.type}`);
  if (e.type === 'CONSULT' ? !MODES.includes(e.mode) : e.mode !== null) problems.push(`${e.id}: mode ${e.mode}`);
  if (!DATE.test(e.date)) problems.push(`${e.id}: date ${e.date}`);
  if (!STATUS.includes(e.status)) problems.push(`${e.id}: status ${e.status}`);
  for (const m of e.mentions) {
    mentions++;
    if (!STATUS.includes(m.status)) problems.push(`${e.id}: mention status ${m.status}`);
    try {
      if (!textOf(m.file).includes(squash(m.sentence))) problems.push(`${e.id}: not found in ${m.file}: ${m.sentence}`);
    } catch (err) {
      problems.push(`${e.id}: ${err.message}`);
    }
  }
}
const stories = JSON.parse(readFileSync('eval/gold/stories.json', 'utf8'));
for (const s of stories.stories) for (const f of s.files) try { textOf(f); } catch (err) { problems.push(`stories: ${err.message}`); }
for (const g of [...stories.nearDuplicates, ...stories.exactDuplicates]) for (const f of g.files) try { textOf(f); } catch (err) { problems.push(`stories: ${err.message}`); }

// Every surface form listed for an entity must occur somewhere in the corpus.
const corpus = [...new Set(stories.stories.flatMap((s) => s.files))].map(textOf).join('\n');
for (const ent of JSON.parse(readFileSync('eval/gold/entities.json', 'utf8'))) {
  for (const v of ent.variants) if (!corpus.includes(v)) problems.push(`entities: ${ent.name}: variant not in corpus: ${v}`);
}
for (const p of problems) console.log(p);
console.log(`${events.length} events, ${mentions} mentions, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
