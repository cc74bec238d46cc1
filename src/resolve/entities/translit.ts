/**
 * A transliteration key: German, English and other Latin spellings of the same (mostly Slavic,
 * Arabic, Persian) name map to one string, so `Selenskyj`, `Selenski`, `Zelensky`, `Zelenskyy`
 * → `selenski`; `Uschakow`/`Ushakov` → `ushakov`; `Rjabkow`/`Riabkow`/`Ryabkov` → `riabkov`.
 * Conservative on purpose: it only folds letters that differ between transliteration systems.
 */
const RULES: [RegExp, string][] = [
  [/ß/g, 'ss'],
  [/tsch/g, 'ch'], // Tschurkin / Churkin
  [/sch/g, 'sh'], // Uschakow / Ushakov
  [/zh/g, 'sh'], // Zhukov / Schukow
  [/kh/g, 'ch'], // Zakharova / Sacharowa, Khamenei / Chamenei
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/tz/g, 's'],
  [/ts/g, 's'],
  [/z/g, 's'], // Zelensky / Selenskyj; Kyslyzja / Kyslytsya
  [/w/g, 'v'], // Lawrow / Lavrov
  [/[jy]/g, 'i'], // Rjabkow / Ryabkov / Riabkow, Selenskyj
  [/ou/g, 'u'], // Beloussow / Belousov (French-style ou)
  [/x/g, 'ks'],
  [/c(?!h)/g, 'k'],
  [/(.)\1+/g, '$1'], // double letters: Beloussow, Zelenskyy
];

export function translitKey(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‐‑–-]/g, ' ')
    .replace(/['’`.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, to] of RULES) s = s.replace(re, to);
  return s;
}

/** Key of the last word of a name (the surname, for linking `Peskov` to `Dmitri Peskow`). */
export function surnameKey(name: string): string {
  // The last word as written, so a double name stays whole (`Johanna Mikl-Leitner` → `mikl leitner`).
  const w = name.trim().split(/\s+/);
  return translitKey(w[w.length - 1] ?? '');
}
