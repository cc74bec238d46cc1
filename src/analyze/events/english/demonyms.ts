import { precisionOf, type AnalyzedArticle } from '../../../model/index.js';
import { kb } from '../../../kb/index.js';
import { nearestYear } from '../finder.js';
import { englishLexicon, type EnglishLexicon } from './lexicon.js';

/**
 * `Russian troops`, `Israeli drones`, `Ukrainian officials`: a nationality adjective before a noun
 * of a state's forces or officials stands for that state (as PLOVER codes it). Such adjectives are no
 * names the recogniser finds, so they are added to doc.entities as mentions of the country (with its
 * KB id), the way the German finder adds role mentions. A title after the adjective (`Russian
 * President Vladimir Putin`) is left alone: the person is the mention there.
 */
export function addDemonymMentions(doc: AnalyzedArticle, lex: EnglishLexicon = englishLexicon()): void {
  const w = lex.words;
  const k = kb();
  doc.sentences.forEach((s, si) => {
    for (let i = s.tokenStart; i + 1 < s.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      const country = w.demonyms[t.text.toLowerCase()];
      if (!country || !/^\p{Lu}/u.test(t.text)) continue;
      if (doc.entities.some((e) => e.start < t.end && e.end > t.start)) continue;
      // the noun may follow an adjective (`Russian military officials`)
      const next = [doc.tokens[i + 1], i + 2 < s.tokenEnd ? doc.tokens[i + 2] : undefined];
      const group = next.findIndex((x) => x !== undefined && w.groupNouns.has(x.text.toLowerCase()));
      if (group < 0) continue;
      if (group === 1 && !/^\p{Ll}/u.test(next[0]!.text)) continue;
      const entry = k.lookup(country).entries.find((e) => e.kind === 'country');
      doc.entities.push({ start: t.start, end: t.end, text: t.text, type: 'LOC', sentence: si, normalized: country, ...(entry ? { kbId: entry.id } : {}) });
    }
  });
}

/**
 * `the US president`, `the Russian foreign minister`, `Ukraine's president` without a name: a mention
 * of whoever held the office on the sentence's date (its first calendar time expression, else the
 * article's), as the German finder's role mentions do; added only when exactly one person held it.
 */
export function addEnglishRoleMentions(doc: AnalyzedArticle, lex: EnglishLexicon = englishLexicon()): void {
  const w = lex.words;
  const k = kb();
  const roleForms = Object.keys(w.roles).map((r) => r.split(/\s+/)).sort((a, b) => b.length - a.length);
  doc.sentences.forEach((s, si) => {
    for (let i = s.tokenStart; i + 1 < s.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      const covering = doc.entities.find((e) => e.start < t.end && e.end > t.start);
      // the country: a nationality adjective after `the`, or a country name (`the US`, `Ukraine's`)
      let of: string | undefined;
      if (covering) {
        const id = covering.kbId && k.get(covering.kbId)?.kind === 'country' ? covering.kbId : undefined;
        const poss = /['’]s$/.test(covering.text);
        if (id && covering.end === t.end && (poss || doc.tokens[i - 1]?.text.toLowerCase() === 'the')) of = id;
      } else if (doc.tokens[i - 1]?.text.toLowerCase() === 'the' && /^\p{Lu}/u.test(t.text)) {
        const country = w.demonyms[t.text.toLowerCase()];
        of = country ? k.lookup(country).entries.find((e) => e.kind === 'country')?.id : undefined;
      }
      if (!of) continue;
      const form = roleForms.find((f) => f.every((x, n) => i + 1 + n < s.tokenEnd && doc.tokens[i + 1 + n]!.text.toLowerCase() === x));
      if (!form) continue;
      const first = doc.tokens[i + 1]!;
      const last = doc.tokens[i + form.length]!;
      // a name right behind the role (`the US president, Donald Trump`) is the mention already
      const after = doc.tokens[i + 1 + form.length];
      if (after && doc.entities.some((e) => e.start < after.end && e.end > after.start)) continue;
      if (doc.entities.some((e) => e.start < last.end && e.end > first.start)) continue;
      const tx = doc.timexes.find((x) => x.start >= s.start && x.end <= s.end && precisionOf(x.value) !== null);
      const date = tx ? nearestYear(tx, doc.article.published) : doc.article.published;
      if (!date) continue;
      const holders = k.whoHeld(w.roles[form.join(' ')]!, of, date);
      if (holders.length !== 1) continue;
      const h = holders[0]!;
      const text = doc.article.text.slice(first.start, last.end);
      doc.entities.push({ start: first.start, end: last.end, text, type: 'PER', sentence: si, normalized: h.name, role: text, kbId: h.id });
    }
  });
}
