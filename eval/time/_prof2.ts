import { loadKrauts, loadWikiWarsDE } from './corpora.js';
import { tagTimex } from '../../src/analyze/time/index.js';
const docs = [...loadKrauts('DieZeit'), ...loadKrauts('Dolomiten-100'), ...loadWikiWarsDE()];
const chars = docs.reduce((n, d) => n + d.text.length, 0);
for (let r = 0; r < 12; r++) { const t0 = performance.now(); for (const d of docs) tagTimex(d.text, d.dct); console.log('ours', Math.round(chars / (performance.now() - t0) * 1000)); }
