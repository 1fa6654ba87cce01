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
  // One array of cells for every row, and numbers (most cells) written directly: a million rows pass here.
  const cells = new Array<string>(CANONICAL_HEADERS.length);
  for (const row of rows) {
    for (let k = 0; k < CANONICAL_HEADERS.length; k++) {
      const value = row[CANONICAL_HEADERS[k]!];
      cells[k] = typeof value === 'number' ? String(value) : csvCell(typeof value === 'boolean' ? String(value) : value);
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
