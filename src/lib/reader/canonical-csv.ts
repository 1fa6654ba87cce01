// The canonical report CSV: UTF-8, canonical headers, ISO dates, plain numbers.
// It is what `kouchin normalize` writes, what the site publishes (/data/reports/fyYYYY.csv) and what
// DuckDB loads as table `reports`. People open it in spreadsheets, so a text starting like a
// formula (= + - @) gets a ' before it (csvCell, as every CSV offered for download); the reader
// and the database load take it off again.

import { csvCell } from '../csv-export.ts';
import { REPORT_COLUMNS, type ReportRow } from '../schema.ts';

export const CANONICAL_HEADERS = REPORT_COLUMNS.map((c) => c.name);

export function reportsToCanonicalCsv(rows: ReportRow[]): string {
  // An empty `rows` still yields the header line, so DuckDB sees an empty table, not an error.
  const lines = [CANONICAL_HEADERS.join(',')];
  for (const row of rows) {
    lines.push(CANONICAL_HEADERS.map((name) => {
      const value = row[name];
      return csvCell(typeof value === 'boolean' ? String(value) : value);
    }).join(','));
  }
  return `${lines.join('\n')}\n`;
}
