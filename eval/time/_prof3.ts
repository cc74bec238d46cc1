import { loadKrauts, loadWikiWarsDE } from './corpora.js';
import * as chrono from 'chrono-node';
const docs = [...loadKrauts('DieZeit'), ...loadKrauts('Dolomiten-100'), ...loadWikiWarsDE()];
const chars = docs.reduce((n, d) => n + d.text.length, 0);
for (let r = 0; r < 5; r++) { const t0 = performance.now(); for (const d of docs) chrono.de.parse(d.text, new Date()); console.log('chrono', Math.round(chars / (performance.now() - t0) * 1000)); }
