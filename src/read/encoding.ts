/**
 * Bytes → text. BOMs first, then strict UTF-8, then a declared charset, then Windows-1252
 * (a superset of Latin-1's printable range, so `Gespräche` from an old Latin-1 file comes out right).
 */
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes; `declared` is a charset from an HTTP header, `<meta charset>` or `<?xml encoding?>`. */
export function decode(bytes: Uint8Array, declared?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const bomless16 = utf16WithoutBom(buf);
  if (bomless16) return { text: iconv.decode(buf, bomless16), encoding: bomless16 };
  try {
    const text = utf8.decode(buf);
    return repairDoubleEncoding(text) ?? { text, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: trust a declared single-byte charset if iconv knows it, else Windows-1252.
  }
  const cs = declared ? canonicalCharset(declared) : undefined;
  if (cs && cs !== 'utf-8' && iconv.encodingExists(cs)) return { text: iconv.decode(buf, cs), encoding: cs };
  return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
}

// UTF-8 bytes once mis-decoded as Windows-1252 and saved again as UTF-8: `GesprÃ¤che`, `â€ž`.
const MOJIBAKE = /[ÃÂ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€[\u0080-\u00ff\u0152-\u2122]/gu;

/** Undoes a double encoding when the whole text shows it and reverses cleanly; undefined otherwise. */
export function repairDoubleEncoding(text: string): Decoded | undefined {
  const hits = text.match(MOJIBAKE)?.length ?? 0;
  if (hits < 2) return undefined;
  const bytes = iconv.encode(text, 'windows-1252');
  // Characters outside Windows-1252 become `?`; then this was not (only) a double encoding.
  if (iconv.decode(bytes, 'windows-1252') !== text) return undefined;
  try {
    const fixed = utf8.decode(bytes);
    return (fixed.match(MOJIBAKE)?.length ?? 0) < hits ? { text: fixed, encoding: 'utf-8 (double-encoded, repaired)' } : undefined;
  } catch {
    return undefined;
  }
}

/** A charset label as written (`ISO-8859-1`, `latin1`, `UTF8`) → the name we report. */
export function canonicalCharset(label: string): string {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  // Browsers decode Latin-1 labels as Windows-1252 (WHATWG Encoding); so do we.
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252'].includes(l)) {
    return 'windows-1252';
  }
  return l;
}

/** Charset named in the first bytes of an XML or HTML document, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  const m =
    /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head);
  return m?.[1];
}

/**
 * UTF-16 without a BOM shows as a NUL in every other byte for Latin-script text.
 * Only says so when the pattern is clear, so real binary files are not mistaken for text.
 */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.7 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.7 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Why these bytes are not a text document, or undefined if they may be one.
 * Checked before decoding; UTF-16 is recognised first so its NUL bytes do not count.
 */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = MAGIC.find(([sig]) => buf.subarray(0, sig.length).equals(sig));
  if (magic) return `binary file (${magic[1]}), not a text document`;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff) || utf16WithoutBom(buf)) return undefined;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return 'binary file (contains NUL bytes), not a text document';
    // Tab, LF, FF, CR and ESC-free text; 0x7f (DEL) counts as control too.
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > 0.05) return `binary file (${Math.round((100 * control) / n)}% control bytes), not a text document`;
  return undefined;
}

const MAGIC: Array<[Buffer, string]> = [
  [Buffer.from('%PDF-'), 'PDF'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'PNG image'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'JPEG image'],
  [Buffer.from('GIF8'), 'GIF image'],
  [Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'ZIP archive or Office document'],
  [Buffer.from([0x7f, 0x45, 0x4c, 0x46]), 'ELF executable'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old Office document'],
  [Buffer.from('SQLite format 3'), 'SQLite database'],
];
