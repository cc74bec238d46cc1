import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One annotated (or system-tagged) time expression with offsets into the document text. */
export interface SpanTimex {
  start: number;
  end: number;
  text: string;
  type?: string;
  value?: string;
}

export interface EvalDoc {
  id: string;
  text: string;
  /** Document creation time as written in the file (a TIMEX value), or null. */
  dct: string | null;
  timexes: SpanTimex[];
}

export const DATA_DIR = process.env.CHRONIK_DATA_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const KRAUTS_SUBSETS = ['DieZeit', 'Dolomiten-42', 'Dolomiten-100'] as const;
export type KrautsSubset = (typeof KRAUTS_SUBSETS)[number];

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return e[1] === 'x' || e[1] === 'X' ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m;
    }
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:]+)="([^"]*)"/g)) out[m[1]!] = decodeXml(m[2]!);
  return out;
}

/**
 * Strips inline TIMEX tags from marked-up text, returning the plain text and the text-consuming
 * annotations with offsets into it (UTF-16). Self-closing (non-consuming) tags are dropped.
 */
export function parseInline(marked: string, tagName: string): { text: string; timexes: SpanTimex[] } {
  const re = new RegExp(`<(/?)${tagName}\\b([^>]*?)(/?)>`, 'g');
  let text = '';
  let last = 0;
  const stack: { start: number; a: Record<string, string> }[] = [];
  const timexes: SpanTimex[] = [];
  for (const m of marked.matchAll(re)) {
    text += decodeXml(marked.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[3] === '/') continue; // non-consuming
    if (m[1] === '/') {
      const open = stack.pop();
      if (!open) continue;
      const t: SpanTimex = { start: open.start, end: text.length, text: text.slice(open.start, text.length) };
      if (open.a.type) t.type = open.a.type;
      const v = open.a.value ?? open.a.val;
      if (v !== undefined) t.value = v;
      timexes.push(t);
    } else {
      stack.push({ start: text.length, a: attrs(m[2]!) });
    }
  }
  text += decodeXml(marked.slice(last));
  timexes.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, timexes };
}

function parseTimeml(file: string, id: string): EvalDoc {
  const xml = readFileSync(file, 'utf8');
  const dctM = /<DCT>\s*<TIMEX3\b([^>]*)>/.exec(xml);
  const dct = dctM ? (attrs(dctM[1]!).value ?? null) : null;
  const tm = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!tm) throw new Error(`${file}: no <TEXT>`);
  const { text, timexes } = parseInline(tm[1]!, 'TIMEX3');
  return { id, text, dct, timexes };
}

function listTml(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
}

/** Gold KRAUTS documents of one subset (evaluation only: the corpus is CC BY-NC). */
export function loadKrauts(subset: KrautsSubset, dataDir = DATA_DIR): EvalDoc[] {
  const dir = join(dataDir, 'krauts', `KRAUTS_${subset}`);
  return listTml(dir).map((f) => parseTimeml(join(dir, f), f));
}

/** HeidelTime's output for the same documents, shipped with KRAUTS. */
export function loadKrautsHeidelTime(subset: KrautsSubset, dataDir = DATA_DIR): EvalDoc[] {
  const dir = join(dataDir, 'krauts', `KRAUTS_${subset}_Heideltime`);
  return listTml(dir).map((f) => parseTimeml(join(dir, f), f));
}

export function krautsAvailable(dataDir = DATA_DIR): boolean {
  return existsSync(join(dataDir, 'krauts', 'KRAUTS_DieZeit'));
}

export function wikiwarsAvailable(dataDir = DATA_DIR): boolean {
  return existsSync(join(dataDir, 'wikiwarsde', 'WikiWarsDE_20110412', 'keyinline'));
}

/**
 * WikiWarsDE gold (TIMEX2, inline). The DCT there is a download time, so the documents are
 * narratives without a creation time: callers should tag them without a DCT.
 */
export function loadWikiWarsDE(dataDir = DATA_DIR): EvalDoc[] {
  const dir = join(dataDir, 'wikiwarsde', 'WikiWarsDE_20110412', 'keyinline');
  return readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => {
    const xml = readFileSync(join(dir, f), 'utf8');
    const tm = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
    if (!tm) throw new Error(`${f}: no <TEXT>`);
    const { text, timexes } = parseInline(tm[1]!, 'TIMEX2');
    return { id: f.replace(/\.key\.xml$/, ''), text, dct: null, timexes };
  });
}
