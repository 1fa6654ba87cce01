// The canonical report CSV: UTF-8, canonical headers, ISO dates, plain numbers.
// It is what `kouchin normalize` writes, what the site publishes (/data/reports/fyYYYY.csv) and what
// DuckDB loads as table `reports`. People open it in spreadsheets, so a text starting like a
// formula (= + - @) gets a ' before it (csvCell, as every CSV offered for download); the reader
// and the database load take it off again.

import { csvCell } from '../csv-export.ts';
import { REPORT_COLUMNS, type ReportRow } from '../schema.ts';

export const CANONICAL_HEADERS = REPORT_COLUMNS.map((c) => c.name);

// One array of cells for every row, and numbers (most cells) written directly: a million rows pass here.
const cells = new Array<string>(CANONICAL_HEADERS.length);
// Small whole numbers (capacities, days, counts, years) recur on every line: each is written once.
const SMALL = 1 << 16;
const smallNumbers: string[] = [];
const numberText = (n: number) => (Number.isInteger(n) && n >= 0 && n < SMALL ? (smallNumbers[n] ??= String(n)) : String(n));

/** A row as a line of the canonical CSV, without its line end. */
export function canonicalLine(row: ReportRow): string {
  for (let k = 0; k < CANONICAL_HEADERS.length; k++) {
    const value = row[CANONICAL_HEADERS[k]!];
    cells[k] = typeof value === 'number' ? numberText(value) : csvCell(typeof value === 'boolean' ? String(value) : value);
  }
  return cells.join(',');
}

export function reportsToCanonicalCsv(rows: ReportRow[]): string {
  // An empty `rows` still yields the header line, so DuckDB sees an empty table, not an error.
  const lines = [CANONICAL_HEADERS.join(',')];
  for (const row of rows) lines.push(canonicalLine(row));
  return `${lines.join('\n')}\n`;
}

/**
 * Canonical lines as UTF-8 bytes, written as rows are read: a part of a large file read on
 * another thread hands its lines over as one buffer, not as a 100 MB string to copy.
 */
export class CanonicalLines {
  private pending: string[] = [];
  private readonly chunks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();

  add(row: ReportRow): void {
    this.pending.push(canonicalLine(row));
    if (this.pending.length === 8192) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.encoder.encode(`${this.pending.join('\n')}\n`));
    this.pending = [];
  }

  /** Every line added, each ending in \n. */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.pending.length > 0) this.flush();
    return joinBytes(this.chunks);
  }
}

/** Byte chunks as one buffer, in order. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
