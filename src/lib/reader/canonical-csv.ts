// The canonical report CSV: UTF-8, canonical headers, ISO dates, plain numbers.
// It is what `kouchin normalize` writes, what the site publishes (/data/reports/fyYYYY.csv) and what
// DuckDB loads as table `reports`. People open it in spreadsheets, so a text starting like a
// formula (= + - @) gets a ' before it (csvCell, as every CSV offered for download); the reader
// and the database load take it off again.

import { csvCell } from '../csv-export.ts';
import { REPORT_COLUMNS, type ReportRow } from '../schema.ts';

export const CANONICAL_HEADERS = REPORT_COLUMNS.map((c) => c.name);

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const ZERO = 48;
const INT32_MAX = 2 ** 31 - 1;
const TRUE = new TextEncoder().encode('true');
const FALSE = new TextEncoder().encode('false');
// What csvCell neutralises at a text's start (= + - @ tab CR); CR, LF, quote and comma anywhere make it quote.
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);
/** Room made before each row: a row's numbers and separators; texts make their own. */
const ROW_ROOM = 1024;

/**
 * Rows as canonical CSV lines, written straight into UTF-8 bytes: every canonical CSV (the
 * build's, `kouchin normalize`'s, the import page's) is made here. A text's cell is csvCell's;
 * numbers are written digit by digit.
 */
export class CanonicalLines {
  private bytes: Uint8Array<ArrayBuffer>;
  private at = 0;

  /** `expected`: the bytes the lines are thought to take, made room for at once (more as needed). */
  constructor(expected = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(Number.isFinite(expected) ? expected : 0, 2 * ROW_ROOM));
  }

  add(row: ReportRow): void {
    this.room(ROW_ROOM);
    for (let k = 0; k < CANONICAL_HEADERS.length; k++) {
      if (k > 0) this.bytes[this.at++] = COMMA;
      const value = row[CANONICAL_HEADERS[k]!];
      if (typeof value === 'number') this.number(value);
      else if (typeof value === 'string') this.text(value);
      else if (typeof value === 'boolean') this.copy(value ? TRUE : FALSE);
      // null: an empty cell
    }
    this.bytes[this.at++] = LF;
  }

  /** Every line added, each ending in \n: a view where little room is left over, else a copy. */
  finish(): Uint8Array<ArrayBuffer> {
    return this.at * 4 >= this.bytes.length * 3 ? this.bytes.subarray(0, this.at) : this.bytes.slice(0, this.at);
  }

  /** A number as String gives it. */
  private number(n: number): void {
    if (!(Number.isSafeInteger(n) && n >= 0)) {
      this.utf8(String(n), false); // as csvCell writes a number: a negative one is data, not a formula
      return;
    }
    // Digits are worked out on 32-bit integers (a double's % and division are far slower): a
    // larger number in two, its last nine digits and the rest.
    if (n <= INT32_MAX) {
      this.digits(n | 0, 1);
      return;
    }
    const high = Math.floor(n / 1e9);
    this.digits(high, 1);
    this.digits((n - high * 1e9) | 0, 9);
  }

  /** A 32-bit whole number's digits, with leading zeros up to `width`. */
  private digits(n: number, width: number): void {
    let count = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) count++;
    for (; count < width; width--) this.bytes[this.at++] = ZERO;
    let end = this.at + count;
    this.at = end;
    do {
      const next = (n / 10) | 0;
      this.bytes[--end] = ZERO + n - next * 10;
      n = next;
    } while (n > 0);
  }

  private text(value: string): void {
    const start = this.at;
    // Most texts are their own cell (csvCell leaves them as they are): written as they are met.
    if (!FORMULA_START.has(value.charCodeAt(0)) && this.utf8(value, true)) return;
    this.at = start;
    this.utf8(csvCell(value), false);
  }

  /**
   * Writes `text` as UTF-8; with `plain`, stops (false) at a character that makes csvCell
   * change a cell. TextEncoder costs more per call than these short cells take to write.
   */
  private utf8(text: string, plain: boolean): boolean {
    this.room(text.length * 3);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (plain && (c === QUOTE || c === COMMA || c === LF || c === CR)) return false;
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = text.charCodeAt(i + 1);
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            bytes[at++] = 0xf0 | (c >> 18);
            bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
            bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
            bytes[at++] = 0x80 | (c & 0x3f);
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder writes it
        }
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
    return true;
  }

  private copy(cell: Uint8Array): void {
    this.room(cell.length);
    // Cells are short: a loop beats set() on a subarray.
    for (let i = 0; i < cell.length; i++) this.bytes[this.at++] = cell[i]!;
  }

  /** At least `bytes` more bytes, beyond the next row's. */
  private room(bytes: number): void {
    if (this.at + bytes + ROW_ROOM <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + bytes + ROW_ROOM));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}

/** The canonical CSV's header line. */
const HEADER_LINE = `${CANONICAL_HEADERS.join(',')}\n`;

/** Rows as canonical CSV, header line first. */
export function reportsToCanonicalCsv(rows: readonly ReportRow[]): string {
  // An empty `rows` still yields the header line, so DuckDB sees an empty table, not an error.
  return `${HEADER_LINE}${new TextDecoder().decode(canonicalLines(rows))}`;
}

/** A canonical CSV as UTF-8 bytes, in one buffer: the header line, then chunks of lines (canonicalLines), in order. */
export function canonicalCsvBytes(lines: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const chunks = [new TextEncoder().encode(HEADER_LINE), ...lines];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Rows as canonical CSV lines (no header), UTF-8. */
export function canonicalLines(rows: readonly ReportRow[]): Uint8Array<ArrayBuffer> {
  const lines = new CanonicalLines();
  for (const row of rows) lines.add(row);
  return lines.finish();
}
