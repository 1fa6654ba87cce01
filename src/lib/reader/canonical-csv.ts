// The canonical report CSV: UTF-8, canonical headers, ISO dates, plain numbers.
// It is what `kouchin normalize` writes and what DuckDB loads as table `reports`.

import Papa from 'papaparse';
import { REPORT_COLUMNS, type ReportRow } from '../schema.ts';

export const CANONICAL_HEADERS = REPORT_COLUMNS.map((c) => c.name);

export function reportsToCanonicalCsv(rows: ReportRow[]): string {
  const data = rows.map((row) => CANONICAL_HEADERS.map((name) => row[name] ?? ''));
  // An empty `rows` still yields the header line, so DuckDB sees an empty table, not an error.
  return Papa.unparse({ fields: CANONICAL_HEADERS, data }, { newline: '\n', quotes: false }) + '\n';
}
