// CSV for people to download: UTF-8 with BOM so Excel opens Japanese text correctly, and
// cells that a spreadsheet would run as a formula (= + - @, tab, CR) neutralised.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative number written as text (a value quoted from a report): a spreadsheet reads it as a number. */
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

// Most texts need neither: one test lets them through as they are.
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/** Quotes a cell when needed; text starting like a formula gets a leading apostrophe. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: a negative number stays a number, and none needs quotes.
  if (typeof value === 'number') return String(value);
  if (!NEEDS_CARE.test(value)) return value;
  let text = FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
