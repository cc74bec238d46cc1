import { loadKrauts, loadWikiWarsDE } from './corpora.js';
import { tagTimex } from '../../src/analyze/time/index.js';
import * as chrono from 'chrono-node';
const docs = [...loadKrauts('DieZeit'), ...loadKrauts('Dolomiten-100'), ...loadKrauts('Dolomiten-42'), ...loadWikiWarsDE()];
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const ref = new Date();
for (let r = 0; r < 6; r++) {
  if (r === 3) { for (let k = 0; k < 3; k++) { const t = performance.now(); for (const d of docs) tagTimex(d.text, d.dct); console.log("ours-only", Math.round(chars / (performance.now() - t) * 1000)); } }
  let t0 = performance.now(); for (const d of docs) tagTimex(d.text, d.dct); const a = Math.round(chars / (performance.now() - t0) * 1000);
  t0 = performance.now(); for (const d of docs) chrono.de.parse(d.text, { instant: ref, timezone: 0 }); const b = Math.round(chars / (performance.now() - t0) * 1000);
  console.log('ours', a, 'chrono', b);
}
