/** HTML → paragraphs of text: block elements break paragraphs, inline whitespace collapses. */
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html', 'br',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'select', 'head', 'object', 'embed']);

/** Minimal DOM surface we walk; linkedom's nodes satisfy it. */
export interface WalkNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<WalkNode>;
}

/** Paragraphs of an element's text. */
export function nodeToParagraphs(root: WalkNode): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    cur = '';
  };
  const visit = (n: WalkNode) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    // Table cells become ` | `-separated rows, so fact tables are recognised as such later.
    if (tag === 'td' || tag === 'th') cur += ' | ';
    for (let i = 0; i < n.childNodes.length; i++) visit(n.childNodes[i]!);
    if (block) flush();
  };
  visit(root);
  flush();
  return out.map((p) => p.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, ' |').replace(/ \|$/, ' |'));
}

/** Paragraphs of an HTML fragment (feed item content, JSON `html` field). */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToParagraphs(document.body as unknown as WalkNode);
}
