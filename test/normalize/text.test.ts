import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateline, parseText } from '../../src/normalize/text.js';

const BODY = 'Die Außenminister beider Staaten wollen sich in der kommenden Woche in Riad treffen. Das teilte das Auswärtige Amt am Freitag mit.';
const BODY2 = 'Die Gespräche sollen drei Tage dauern. Beobachter rechnen mit einer gemeinsamen Erklärung.';

test('full header: title, repeated title, weekday date with time, agency, byline', () => {
  const p = parseText(
    `Treffen in Riad geplant\nTreffen in Riad geplant\nFreitag, 8. August 2025, 14:32 Uhr\ndpa\nVon Anna Schmidt\n\nBerlin (dpa) - ${BODY}\n\n${BODY2}\n`,
  );
  assert.equal(p.title, 'Treffen in Riad geplant');
  assert.deepEqual(p.published, { value: '2025-08-08', time: '14:32' });
  assert.equal(p.publishedRaw, 'Freitag, 8. August 2025, 14:32 Uhr');
  assert.equal(p.agency, 'dpa');
  assert.equal(p.author, 'Anna Schmidt');
  assert.equal(p.dateline, 'Berlin');
  assert.deepEqual(p.paragraphs, [`Berlin (dpa) - ${BODY}`, BODY2]);
});

const DATE_SHAPES: Array<[string, string]> = [
  ['2025-08-08', '2025-08-08'],
  [' date 2025-08-07', '2025-08-07'],
  ['10. Januar, 2025', '2025-01-10'],
  ['8. August 2025', '2025-08-08'],
  ['08.08.2025', '2025-08-08'],
  ['Freitag, 8. August 2025, 14:32 Uhr', '2025-08-08'],
  ['Januar 2025', '2025-01'],
];
for (const [line, value] of DATE_SHAPES) {
  test(`date line ${JSON.stringify(line)} after the title`, () => {
    const p = parseText(`Gespräche in Riad\n${line}\n\n${BODY}\n`);
    assert.equal(p.title, 'Gespräche in Riad');
    assert.equal(p.published?.value, value);
    assert.deepEqual(p.paragraphs, [BODY]);
  });
  test(`date line ${JSON.stringify(line)} before the title`, () => {
    const p = parseText(`${line}\nGespräche in Riad\n\n${BODY}\n`);
    assert.equal(p.title, 'Gespräche in Riad');
    assert.equal(p.published?.value, value);
  });
}

test('place and date on one header line: `Berlin, 8. August 2025`', () => {
  const p = parseText(`Gespräche in Riad\nBerlin, 8. August 2025\n\n${BODY}\n`);
  assert.equal(p.published?.value, '2025-08-08');
  assert.equal(p.publishedRaw, '8. August 2025');
  assert.equal(p.dateline, 'Berlin');
  assert.deepEqual(p.paragraphs, [BODY]);
});

test('a subtitle between title and date line stays in the text; the date is still found', () => {
  const p = parseText(`Gespräche in Riad\nDie Delegationen wollen bis Freitag verhandeln\n8. August 2025\nVon Anna Schmidt\n\n${BODY}\n`);
  assert.equal(p.title, 'Gespräche in Riad');
  assert.equal(p.published?.value, '2025-08-08');
  assert.equal(p.author, 'Anna Schmidt');
  assert.deepEqual(p.paragraphs, ['Die Delegationen wollen bis Freitag verhandeln', BODY]);
});

test('a kicker above the headline gives way to the headline', () => {
  const p = parseText(`Ukraine-Krieg\nSelenskyj fordert eine Waffenruhe von 30 Tagen\n10.07.2025\n\n${BODY}\n`);
  assert.equal(p.title, 'Selenskyj fordert eine Waffenruhe von 30 Tagen');
  assert.equal(p.published?.value, '2025-07-10');
  assert.deepEqual(p.paragraphs, [BODY]);
});

test('date lines with a dash or dot before the time', () => {
  for (const line of ['08. August 2025 | 14:32 Uhr | Lesezeit: 3 Min.', 'Aktualisiert am 12. August 2025 – 18:03 Uhr', 'Mittwoch, 16. Juli 2025 · 18:45 Uhr', '16.07.2025 | 18:45 | dpa']) {
    const p = parseText(`Gespräche in Riad\n${line}\n\n${BODY}\n`);
    assert.ok(p.published, line);
    assert.deepEqual(p.paragraphs, [BODY], line);
  }
});

test('date, agency and byline on one line separated by bars', () => {
  const p = parseText(`Gespräche in Riad\n8. August 2025 | AFP | Von Jonas Weber\n\n${BODY}\n`);
  assert.equal(p.published?.value, '2025-08-08');
  assert.equal(p.agency, 'AFP');
  assert.equal(p.author, 'Jonas Weber');
});

test('agency shapes in the header: (AFP), Reuters, epd, KNA, AP, dpa/AFP', () => {
  for (const [line, agency] of [['(AFP)', 'AFP'], ['Reuters', 'Reuters'], ['epd', 'epd'], ['KNA', 'KNA'], ['AP', 'AP'], ['dpa/AFP', 'dpa/AFP']]) {
    assert.equal(parseText(`Gespräche in Riad\n${line}\n\n${BODY}\n`).agency, agency, line);
  }
});

test('no title, no date: nothing invented', () => {
  const p = parseText(`${BODY}\n\n${BODY2}\n`);
  assert.equal(p.title, null);
  assert.equal(p.published, null);
  assert.equal(p.author, null);
  assert.equal(p.agency, null);
  assert.equal(p.dateline, null);
  assert.deepEqual(p.paragraphs, [BODY, BODY2]);
});

test('a one-paragraph text has no title', () => {
  assert.equal(parseText('Kurze Meldung ohne Überschrift').title, null);
});

test('datelines inside the first sentence', () => {
  assert.deepEqual(dateline(`Riad, Saudi-Arabien - ${BODY}`), { place: 'Riad' });
  assert.deepEqual(dateline(`Berlin (dpa) - ${BODY}`), { place: 'Berlin', agency: 'dpa' });
  assert.deepEqual(dateline(`Washington/Berlin (dpa/AFP) – ${BODY}`), { place: 'Washington/Berlin', agency: 'dpa/AFP' });
  assert.deepEqual(dateline(`BERLIN (Reuters) — ${BODY}`), { place: 'Berlin', agency: 'Reuters' });
  assert.deepEqual(dateline(`Frankfurt am Main (epd) - ${BODY}`), { place: 'Frankfurt am Main', agency: 'epd' });
  assert.equal(dateline(BODY), undefined);
  assert.deepEqual(dateline('ABU DHABI, Vereinigte Arabische Emirate - Der Gipfel begann.'), { place: 'Abu Dhabi' });
  // headline-like openings are no datelines
  for (const opening of ['Neue Kämpfe im Donbass - Streit um Auflösung.', 'Gegen Slowaken Klizan – Mögliche zweite Runde.', 'Leichte Zuwächse bei Diesel, Heizöl – Benzinabsatz stabil.']) {
    assert.equal(dateline(opening), undefined, opening);
  }
  assert.equal(dateline('Die Einigung (vorläufig) - so heißt es - steht.'), undefined);
  // teaser and body in one paragraph (as some exports join them)
  const joined = parseText(`Die Gewerkschaft startet einen Online-Rechner. Wien – ${BODY}\n`, { detectTitle: false });
  assert.equal(joined.dateline, 'Wien');
  assert.equal(parseText(`Das Treffen fand am 3. Juli – einem Donnerstag – statt. ${BODY}\n`, { detectTitle: false }).dateline, null);
  assert.deepEqual(dateline(`St. Pölten - ${BODY}`), { place: 'St. Pölten' });
  const credit = parseText(`(dpa/AFP) - ${BODY}\n`, { detectTitle: false });
  assert.equal(credit.agency, 'dpa/AFP');
  assert.equal(credit.dateline, null);
  const p = parseText(`Riad, Saudi-Arabien - ${BODY}\n\n${BODY2}\n`);
  assert.equal(p.title, null);
  assert.equal(p.dateline, 'Riad');
});

const FURNITURE: Array<[string, string]> = [
  ['Empfehlungen', 'Empfehlungen\nGipfel in Riad: Was bekannt ist\nTelefonat der Präsidenten'],
  ['Schreibe einen Kommentar', 'Schreibe einen Kommentar\nDeine E-Mail-Adresse wird nicht veröffentlicht.'],
  ['Weitere Informationen', 'Weitere Informationen – Gipfel in Riad\nAlle Hintergründe im Dossier.'],
  ['Mehr zum Thema', 'Mehr zum Thema\n- Der lange Weg nach Riad\n- Wer verhandelt?'],
  ['fact table', 'Details | |\n|---|---|\nOrt | Riad, Saudi-Arabien\nDatum | 8. August 2025\nQuellen | Auswärtiges Amt'],
  ['fact table without header', 'Ort | Riad\nQuellen |'],
  ['copyright', '© 2025 Nordkurier Rundschau'],
];
for (const [name, tail] of FURNITURE) {
  test(`trailing furniture is cut: ${name}`, () => {
    const p = parseText(`Gespräche in Riad\n\n${BODY}\n\n${BODY2}\n\n${tail}\n`);
    assert.deepEqual(p.paragraphs, [BODY, BODY2]);
  });
}

test('a table in the middle of an article is kept; the article goes on after it', () => {
  const long = `${BODY} ${BODY2} ${BODY} ${BODY2}`;
  const p = parseText(`Gespräche in Riad\n\n${BODY}\n\nDatum | Ereignis\n8. August | Telefonat\n\n${long}\n`);
  assert.equal(p.paragraphs.at(-1), long);
});

test('an image credit between paragraphs is dropped, the article goes on', () => {
  const p = parseText(`Gespräche in Riad\n\n${BODY}\n\n© picture alliance / dpa\n\n${BODY2}\n`);
  assert.deepEqual(p.paragraphs, [BODY, BODY2]);
});

test('soft hyphens and zero-width characters are removed, no-break spaces become spaces', () => {
  const p = parseText('Gespräche in Riad\n\nDie Außen\u00administer\u200b beider Staaten\u00a0trafen sich am Montag in Riad.\n');
  assert.deepEqual(p.paragraphs, ['Die Außenminister beider Staaten trafen sich am Montag in Riad.']);
});

test('share, cookie and ad lines are dropped wherever they are', () => {
  const p = parseText(
    `Wir verwenden Cookies, um unser Angebot zu verbessern. Akzeptieren\nLesezeit: 3 Min. | Drucken\nGespräche in Riad\nAnzeige\n\n${BODY}\n\nFacebook Twitter WhatsApp E-Mail\n\n${BODY2}\n\nTeilen auf Facebook\n`,
  );
  assert.equal(p.title, 'Gespräche in Riad');
  assert.deepEqual(p.paragraphs, [BODY, BODY2]);
});

test('furniture before any body text is not a cut point', () => {
  const p = parseText(`Mehr zum Thema\n\n${BODY}\n`, { detectTitle: false });
  assert.ok(p.paragraphs.includes(BODY));
});

test('closing agency signature is removed and recorded', () => {
  const p = parseText(`Gespräche in Riad\n\n${BODY}\n\ndpa/jk\n`);
  assert.equal(p.agency, 'dpa');
  assert.deepEqual(p.paragraphs, [BODY]);
});

test('hard-wrapped lines are joined; one-line-per-paragraph files keep their paragraphs', () => {
  const wrapped = parseText('Gespräche in Riad\n\nDie Außenminister beider Staaten wollen sich\nin der kommenden Woche in Riad treffen.\n');
  assert.deepEqual(wrapped.paragraphs, ['Die Außenminister beider Staaten wollen sich in der kommenden Woche in Riad treffen.']);
  const perLine = parseText(`Gespräche in Riad\n${BODY}\n${BODY2}\n`);
  assert.equal(perLine.title, 'Gespräche in Riad');
  assert.deepEqual(perLine.paragraphs, [BODY, BODY2]);
});

test('a first line continued in lowercase on the next line is not a title', () => {
  const p = parseText('Die Außenminister beider Staaten wollen sich\nin der kommenden Woche in Riad treffen.\n\nMehr folgt.\n');
  assert.equal(p.title, null);
});

test('a known title (from metadata) is removed when the text repeats it, never searched for', () => {
  const p = parseText(`Gespräche in Riad\n\n${BODY}\n`, { knownTitle: 'Gespräche in Riad' });
  assert.equal(p.title, null);
  assert.deepEqual(p.paragraphs, [BODY]);
  const q = parseText(`Kurz notiert\n${BODY}\n`, { knownTitle: 'Gespräche in Riad' });
  assert.deepEqual(q.paragraphs, ['Kurz notiert', BODY]);
});
