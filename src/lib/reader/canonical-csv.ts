// The canonical report CSV: UTF-8, canonical headers, ISO dates, plain numbers.
// It is what `kouchin normalize` writes, what the site publishes (/data/reports.csv) and what
// DuckDB loads as table `reports`. People open it in spreadsheets, so a text starting like a
// formula (= + - @) gets a ' before it; the reader and the database load take it off again.

import Papa from 'papaparse';
import { REPORT_COLUMNS, type ReportRow } from '../schema.ts';

/** What a spreadsheet would run as a formula (a number is never escaped: it is not a string here). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const CANONICAL_HEADERS = REPORT_COLUMNS.map((c) => c.name);

export function reportsToCanonicalCsv(rows: ReportRow[]): string {
  const data = rows.map((row) => CANONICAL_HEADERS.map((name) => row[name] ?? ''));
  // An empty `rows` still yields the header line, so DuckDB sees an empty table, not an error.
  return Papa.unparse({ fields: CANONICAL_HEADERS, data }, { newline: '\n', quotes: false, escapeFormulae: FORMULA_START }) + '\n';
}
