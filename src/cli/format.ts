/**
 * Output helpers shared by all commands: `--json` prints exactly one JSON document on stdout;
 * otherwise listings are plain aligned tables.
 */

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Longest cell shown; longer values are cut with `…`. */
  max?: number;
  align?: 'left' | 'right';
}

/** Prints one JSON document (pretty, newline-terminated) on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One-line cell text: collapses whitespace, shows null as `-`, cuts to `max` characters. */
export function cell(value: unknown, max = 60): string {
  if (value === null || value === undefined || value === '') return '-';
  const s = String(value).replace(/\s+/g, ' ').trim();
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : s;
}

function width(s: string): number {
  return [...s].length;
}

/** Formats rows as an aligned text table with a header line. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => cell(c.value(r), c.max ?? 60)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i] ?? ''))));
  const pad = (s: string, i: number): string => {
    const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(s)));
    return columns[i]?.align === 'right' ? fill + s : s + fill;
  };
  const line = (vals: string[]): string => vals.map(pad).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}

/** Prints a table, or `empty` (a hint on what to do) when there are no rows. */
export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[], empty = '(none)'): void {
  process.stdout.write(rows.length === 0 ? `${empty}\n` : `${formatTable(rows, columns)}\n`);
}
