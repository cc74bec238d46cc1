/**
 * Month and weekday names (German first, then English, since feeds use RFC 822 English names).
 * One small table module so the publication-date parser and the time-expression tagger share it.
 */

/** Month names and abbreviations (lowercase, without trailing dot) → month number 1-12. */
export const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, jaenner: 1, jan: 1, january: 1,
  februar: 2, feber: 2, feb: 2, febr: 2, february: 2,
  märz: 3, maerz: 3, mär: 3, mrz: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, dez: 12, december: 12, dec: 12,
};

/** Weekday names and abbreviations (lowercase, without trailing dot) → ISO weekday 1 (Monday) … 7. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  montag: 1, mo: 1, monday: 1, mon: 1,
  dienstag: 2, di: 2, tuesday: 2, tue: 2, tues: 2,
  mittwoch: 3, mi: 3, wednesday: 3, wed: 3,
  donnerstag: 4, do: 4, thursday: 4, thu: 4, thur: 4, thurs: 4,
  freitag: 5, fr: 5, friday: 5, fri: 5,
  samstag: 6, sonnabend: 6, sa: 6, saturday: 6, sat: 6,
  sonntag: 7, so: 7, sunday: 7, sun: 7,
};

/** Regex alternation of all month names, longest first (so `Januar` wins over `Jan`). */
export const MONTH_PATTERN = alternation(Object.keys(MONTHS));
/** Regex alternation of all weekday names, longest first. */
export const WEEKDAY_PATTERN = alternation(Object.keys(WEEKDAYS));

/** Month number for a name such as `August`, `Aug.`, `März`; undefined if not a month name. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** ISO weekday number for a name such as `Freitag`, `Fr.`, `Fri`; undefined if not a weekday. */
export function weekdayNumber(name: string): number | undefined {
  return WEEKDAYS[name.toLowerCase().replace(/\.$/, '')];
}

/** Number of days in a month (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function alternation(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
