import { html, type SafeHtml } from './html.js';
import type { Bucket } from './queries/types.js';

/**
 * Small charts drawn on the server as SVG (no script needed): numbers we compute go into
 * attributes, text goes through the escaping template.
 */

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Fills gaps between the first and last month so the line shows quiet periods as zero. */
export function fillMonths(buckets: readonly Bucket[]): Bucket[] {
  const months = buckets.filter((b) => /^\d{4}-\d{2}/.test(b.period));
  if (months.length === 0) return [];
  const counts = new Map<string, number>();
  for (const b of months) counts.set(b.period.slice(0, 7), (counts.get(b.period.slice(0, 7)) ?? 0) + b.count);
  const keys = [...counts.keys()].sort();
  const out: Bucket[] = [];
  let [y, m] = (keys[0] as string).split('-').map(Number) as [number, number];
  const last = keys[keys.length - 1] as string;
  for (let guard = 0; guard < 1200; guard++) {
    const k = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ period: k, count: counts.get(k) ?? 0 });
    if (k >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Fills gaps between the first and last day (for short stories a day axis tells more). */
export function fillDays(buckets: readonly Bucket[]): Bucket[] {
  const days = buckets.filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.period));
  if (days.length === 0) return [];
  const counts = new Map<string, number>();
  for (const b of days) counts.set(b.period, (counts.get(b.period) ?? 0) + b.count);
  const keys = [...counts.keys()].sort();
  const start = Date.parse(`${keys[0]}T00:00:00Z`);
  const end = Date.parse(`${keys[keys.length - 1]}T00:00:00Z`);
  if ((end - start) / 86400000 > 120) return fillMonths(days.map((d) => ({ period: d.period.slice(0, 7), count: d.count })));
  const out: Bucket[] = [];
  for (let t = start; t <= end; t += 86400000) {
    const k = new Date(t).toISOString().slice(0, 10);
    out.push({ period: k, count: counts.get(k) ?? 0 });
  }
  return out;
}

export function sparkline(buckets: readonly Bucket[], label: string, w = 120, h = 28): SafeHtml {
  const data = buckets.length ? buckets : [{ period: '', count: 0 }];
  const max = Math.max(1, ...data.map((b) => b.count));
  const step = data.length > 1 ? (w - 4) / (data.length - 1) : 0;
  const pts = data.map((b, i) => `${r1(2 + i * step)},${r1(h - 2 - (b.count / max) * (h - 4))}`);
  if (data.length === 1) pts.push(`${w - 2},${pts[0]?.split(',')[1]}`);
  const summary = data.map((b) => `${b.period}: ${b.count}`).join(', ');
  return html`<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}">
<title>${label}: ${summary}</title>
<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${pts.join(' ')}"/></svg>`;
}

export function barChart(buckets: readonly Bucket[], label: string, w = 560, h = 120): SafeHtml {
  if (buckets.length === 0) return html``;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bw = Math.max(2, Math.min(40, (w - 20) / buckets.length));
  const bars = buckets.map((b, i) => {
    const bh = (b.count / max) * (h - 30);
    return html`<g><rect x="${r1(10 + i * bw)}" y="${r1(h - 20 - bh)}" width="${r1(bw - 2)}" height="${r1(bh)}"><title>${b.period}: ${b.count}</title></rect></g>`;
  });
  const first = buckets[0]?.period ?? '';
  const last = buckets[buckets.length - 1]?.period ?? '';
  return html`<svg class="bars" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}">
<title>${label}</title>${bars}
<text x="10" y="${h - 5}">${first}</text>${buckets.length > 1 ? html`<text x="${r1(Math.max(10 + buckets.length * bw, 120))}" y="${h - 5}" text-anchor="end">${last}</text>` : ''}</svg>`;
}

export interface GraphNode {
  id: string;
  name: string;
  type: string;
  count: number;
}

/**
 * A small co-mention network: the entity in the middle, the others on a circle, edge width by
 * how often they appear together; each node links to its entity page (keyboard focusable).
 */
export function network(center: GraphNode, others: readonly GraphNode[], links: readonly [string, string, number][] = [], w = 560, h = 380): SafeHtml {
  const cx = w / 2;
  const cy = h / 2;
  const R = Math.min(w, h) / 2 - 50;
  const max = Math.max(1, ...others.map((o) => o.count));
  const pos = new Map<string, [number, number]>([[center.id, [cx, cy]]]);
  others.forEach((o, i) => {
    const a = (2 * Math.PI * i) / Math.max(others.length, 1) - Math.PI / 2;
    pos.set(o.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  });
  const maxLink = Math.max(1, ...links.map((l) => l[2]));
  const side = links
    .filter(([a, b]) => pos.has(a) && pos.has(b))
    .map(([a, b, n]) => {
      const [x1, y1] = pos.get(a) as [number, number];
      const [x2, y2] = pos.get(b) as [number, number];
      return html`<line class="edge2" x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke-width="${r1(0.5 + (2 * n) / maxLink)}"/>`;
    });
  const spokes = others.map((o) => {
    const [x, y] = pos.get(o.id) as [number, number];
    return html`<line class="edge" x1="${cx}" y1="${cy}" x2="${r1(x)}" y2="${r1(y)}" stroke-width="${r1(1 + (5 * o.count) / max)}"><title>${center.name} – ${o.name}: ${o.count}</title></line>`;
  });
  const nodes = others.map((o) => {
    const [x, y] = pos.get(o.id) as [number, number];
    const rad = 6 + (10 * o.count) / max;
    return html`<a href="/entities/${encodeURIComponent(o.id)}" class="node ty-${o.type}">
<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(rad)}"/><text x="${r1(x)}" y="${r1(y + rad + 12)}" text-anchor="middle">${o.name}</text>
<title>${o.name} (${o.type}): ${o.count}× gemeinsam erwähnt</title></a>`;
  });
  return html`<svg class="net" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="Gemeinsam erwähnte Entitäten">
${side}${spokes}${nodes}
<g class="node center ty-${center.type}"><circle cx="${cx}" cy="${cy}" r="16"/><text x="${cx}" y="${cy + 30}" text-anchor="middle">${center.name}</text></g></svg>`;
}
