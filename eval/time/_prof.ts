import { loadKrauts, loadWikiWarsDE } from './corpora.js';
import { tagTimex } from '../../src/analyze/time/index.js';
import * as chrono from 'chrono-node';
const docs = [...loadKrauts('DieZeit'), ...loadKrauts('Dolomiten-100'), ...loadWikiWarsDE()];
const chars = docs.reduce((n, d) => n + d.text.length, 0);
for (const d of docs.slice(0, 5)) tagTimex(d.text, d.dct);
for (let r = 0; r < 2; r++) {
let t0 = performance.now(); for (const d of docs) tagTimex(d.text, d.dct); let ms = performance.now() - t0;
console.log('ours', Math.round(chars / ms * 1000));
t0 = performance.now(); for (const d of docs) chrono.de.parse(d.text, new Date()); ms = performance.now() - t0;
console.log('chrono', Math.round(chars / ms * 1000));
}
