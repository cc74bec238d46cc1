import type { AnalyzedArticle } from '../../../model/index.js';
import { kb } from '../../../kb/index.js';
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
