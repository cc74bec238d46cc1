/**
 * Identity: article ids from the normalised URL (prefix `u`) or, without a URL, from the
 * normalised text (prefix `t`), so the two kinds cannot collide; content hashes for exact duplicates.
 */
import { createHash } from 'node:crypto';

/** Query parameters that only track the reader, never select content. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|ref_url|referrer|cmpid|ocid|xtor|wt_mc|wt\.mc_id|at_medium|at_campaign|at_custom\d*|ns_source|ns_mchannel|ns_campaign|ito|itm_\w+|smid|spm|s_cid)$/i;

/** Canonical form of an article URL: lowercase host without `www.`, https, no fragment, no tracking, no trailing slash. */
export function normalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  // http and https, www and bare host serve the same article on news sites.
  u.protocol = 'https:';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (u.port === '80' || u.port === '443') u.port = '';
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = kept.length ? '?' + new URLSearchParams(kept).toString() : '';
  let s = u.href;
  // Trailing slash of the path (also `/?q=` forms) and of the bare host.
  s = s.replace(/\/+(\?|$)/, '$1');
  return s;
}

/** Text as compared for identity: NFC, whitespace collapsed, lowercased. */
export function normalizeTextForId(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function hex16(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);
}

/** Stable article id: `u` + 16 hex of the normalised URL's sha256, else `t` + 16 hex of the normalised text's. */
export function articleIdFor(url: string | null, text: string): string {
  const nu = url ? normalizeUrl(url) : null;
  return nu ? `u${hex16(nu)}` : `t${hex16(normalizeTextForId(text))}`;
}

/** sha256 (hex) of the normalised body: equal for bodies that differ only in whitespace or case. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeTextForId(text), 'utf8').digest('hex');
}
