// Report rows as a Parquet file, for DuckDB to read where it lies rather than parse a CSV and
// copy it into a table: a million rows took 1.3 s to load from canonical CSV, while a view
// over these files answers the same queries as fast as the table. The rows come packed by
// column (row-columns.ts), so a column of numbers is written from its typed array.
//
// Only what one flat table needs is written: every column optional, RLE definition levels,
// PLAIN values (a text column of few values as a dictionary and RLE indexes), version 1 data
// pages, no compression, no statistics. Half a million rows take about 0.25 s; hyparquet-writer,
// the maintained writer in JavaScript, took 5.5 s with PLAIN values.
// Format: https://parquet.apache.org/docs/file-format/ and its parquet.thrift.

import { REPORT_COLUMNS, type ColumnSpec } from '../schema.ts';
import { FLAG_NULL, kindOf, NOT_REPORTED, OFFICE_DIGITS, type PackedRows, type PackedTexts } from '../reader/row-columns.ts';

/** Rows per row group: DuckDB reads row groups in parallel, and a group's pages are held whole. */
export const ROW_GROUP_ROWS = 122_880;

// parquet.thrift's enums.
const TYPE = { BOOLEAN: 0, INT32: 1, INT64: 2, BYTE_ARRAY: 6 } as const;
const OPTIONAL = 1;
const CONVERTED = { UTF8: 0, DATE: 6 } as const;
const PLAIN = 0;
const RLE = 3;
const RLE_DICTIONARY = 8;
const UNCOMPRESSED = 0;
const DATA_PAGE = 0;
const DICTIONARY_PAGE = 2;
// Thrift compact protocol's field types.
const T_I32 = 5;
const T_I64 = 6;
const T_BINARY = 8;
const T_LIST = 9;
const T_STRUCT = 12;

const MAGIC = new TextEncoder().encode('PAR1');

/** Bytes written one after another, the buffer growing as needed. */
class Bytes {
  bytes: Uint8Array<ArrayBuffer>;
  at = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.at++] = b;
  }

  /** An unsigned varint (ULEB128) of a whole number up to 2^53. */
  varint(n: number): void {
    this.room(8);
    while (n >= 0x80) {
      this.bytes[this.at++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.at++] = n;
  }

  /** Little-endian 32 bits; a negative number as its two's complement. */
  int32(n: number): void {
    this.room(4);
    const b = this.bytes;
    b[this.at++] = n & 0xff;
    b[this.at++] = (n >>> 8) & 0xff;
    b[this.at++] = (n >>> 16) & 0xff;
    b[this.at++] = (n >>> 24) & 0xff;
  }

  append(from: Uint8Array, start = 0, end = from.length): void {
    this.room(end - start);
    // Most values are short: a loop beats set() on a subarray.
    if (end - start > 64) {
      this.bytes.set(from.subarray(start, end), this.at);
      this.at += end - start;
    } else for (let i = start; i < end; i++) this.bytes[this.at++] = from[i]!;
  }

  /** A text's UTF-8 bytes after their count, as Thrift writes a string. */
  text(s: string): void {
    const bytes = new TextEncoder().encode(s);
    this.varint(bytes.length);
    this.append(bytes);
  }

  view(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.at);
  }
}

/** A Thrift struct in the compact protocol: fields in increasing id order, then stop(). */
class Thrift {
  /** The last field id written, of each struct open. */
  private last: number[] = [0];
  readonly out: Bytes;

  constructor(out: Bytes) {
    this.out = out;
  }

  private field(id: number, type: number): void {
    const delta = id - this.last.at(-1)!;
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.out.varint(zigzag(id));
    }
    this.last[this.last.length - 1] = id;
  }

  i32(id: number, n: number): this {
    this.field(id, T_I32);
    this.out.varint(zigzag(n));
    return this;
  }

  i64(id: number, n: number): this {
    this.field(id, T_I64);
    this.out.varint(zigzag(n));
    return this;
  }

  string(id: number, s: string): this {
    this.field(id, T_BINARY);
    this.out.text(s);
    return this;
  }

  /** A list of `items`, each written by `each` (a struct's fields, or one value). */
  list<T>(id: number, type: number, items: readonly T[], each: (item: T) => void): this {
    this.field(id, T_LIST);
    if (items.length < 15) this.out.byte((items.length << 4) | type);
    else {
      this.out.byte(0xf0 | type);
      this.out.varint(items.length);
    }
    for (const item of items) {
      if (type === T_STRUCT) this.last.push(0);
      each(item);
      if (type === T_STRUCT) this.stop();
    }
    return this;
  }

  /** A nested struct's fields. */
  struct(id: number, fields: () => void): this {
    this.field(id, T_STRUCT);
    this.last.push(0);
    fields();
    this.stop();
    return this;
  }

  /** The end of a struct's fields. */
  stop(): void {
    this.out.byte(0);
    if (this.last.length > 1) this.last.pop();
  }
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);

interface ColumnChunk {
  spec: ColumnSpec;
  type: number;
  /** Where its dictionary page starts, if it has one; its data page. */
  dictionaryOffset: number | null;
  offset: number;
  size: number;
  values: number;
}

/**
 * How a packed column is written: its Parquet type, and the values of rows [start, end),
 * with each row's definition level (1 reported, 0 not) set in `levels` from 0.
 */
interface ColumnWriter {
  type: number;
  converted: number | null;
  /** A column of few texts: their PLAIN values, and write() gives indexes into them (RLE_DICTIONARY). */
  dictionary?: { values: Uint8Array; count: number };
  write(out: Bytes, levels: Uint8Array, start: number, end: number): void;
}

/** Packed rows as one Parquet file, with the report columns in their order and SQL types. */
export function reportsParquet(packed: PackedRows, rowGroupRows = ROW_GROUP_ROWS): Uint8Array<ArrayBuffer> {
  // Room for what a row usually takes (about 75 bytes in a file of 12 columns), made at once rather than doubled up to it.
  const out = new Bytes((1 << 16) + packed.length * 96);
  out.append(MAGIC);
  const writers = REPORT_COLUMNS.map((spec) => columnWriter(spec, packed));
  const groups: { rows: number; chunks: ColumnChunk[] }[] = [];
  const page = { values: new Bytes(), levels: new Bytes(), rowLevels: new Uint8Array(Math.min(packed.length, rowGroupRows)) };
  // No rows, no row group.
  for (let start = 0; start < packed.length; start += rowGroupRows) {
    const end = Math.min(packed.length, start + rowGroupRows);
    groups.push({ rows: end - start, chunks: REPORT_COLUMNS.map((spec, k) => writePage(out, page, spec, writers[k]!, start, end)) });
  }
  const footerStart = out.at;
  const meta = new Thrift(out);
  meta.i32(1, 1) // version
    .list(2, T_STRUCT, [null, ...REPORT_COLUMNS], (spec) => {
      if (spec === null) {
        meta.string(4, 'schema').i32(5, REPORT_COLUMNS.length); // the root: name, num_children
        return;
      }
      const writer = writers[REPORT_COLUMNS.indexOf(spec)]!;
      meta.i32(1, writer.type).i32(3, OPTIONAL).string(4, spec.name);
      if (writer.converted !== null) meta.i32(6, writer.converted);
    })
    .i64(3, packed.length)
    .list(4, T_STRUCT, groups, (group) => {
      meta.list(1, T_STRUCT, group.chunks, (chunk) => {
        const start = chunk.dictionaryOffset ?? chunk.offset;
        meta.i64(2, start).struct(3, () => {
          meta.i32(1, chunk.type)
            .list(2, T_I32, chunk.dictionaryOffset === null ? [PLAIN, RLE] : [PLAIN, RLE, RLE_DICTIONARY], (e) => out.varint(zigzag(e)))
            .list(3, T_BINARY, [chunk.spec.name], (name) => out.text(name))
            .i32(4, UNCOMPRESSED)
            .i64(5, chunk.values)
            .i64(6, chunk.size)
            .i64(7, chunk.size)
            .i64(9, chunk.offset);
          if (chunk.dictionaryOffset !== null) meta.i64(11, chunk.dictionaryOffset);
        });
      });
      const size = group.chunks.reduce((n, c) => n + c.size, 0);
      meta.i64(2, size).i64(3, group.rows);
    });
  meta.stop();
  out.int32(out.at - footerStart);
  out.append(MAGIC);
  // Grown by doubling: a view where little room is left over, else a copy (the file is handed to another thread whole).
  return out.at * 4 >= out.bytes.length * 3 ? out.view() : out.bytes.slice(0, out.at);
}

/**
 * One column chunk of rows [start, end): its dictionary page if it has one, then one data
 * page: its header, the definition levels and the reported values (made in `page`'s buffers,
 * used again for every page).
 */
function writePage(out: Bytes, page: { values: Bytes; levels: Bytes; rowLevels: Uint8Array }, spec: ColumnSpec, writer: ColumnWriter, start: number, end: number): ColumnChunk {
  const { values, levels, rowLevels } = page;
  const chunkStart = out.at;
  const { dictionary } = writer;
  if (dictionary) {
    const header = new Thrift(out);
    header.i32(1, DICTIONARY_PAGE).i32(2, dictionary.values.length).i32(3, dictionary.values.length).struct(7, () => {
      header.i32(1, dictionary.count).i32(2, PLAIN);
    });
    header.stop();
    out.append(dictionary.values);
  }
  values.at = 0;
  levels.at = 0;
  writer.write(values, rowLevels, start, end);
  rleLevels(levels, rowLevels, end - start);
  const size = 4 + levels.at + values.at;

  const offset = out.at;
  const header = new Thrift(out);
  header.i32(1, DATA_PAGE).i32(2, size).i32(3, size).struct(5, () => {
    header.i32(1, end - start).i32(2, dictionary ? RLE_DICTIONARY : PLAIN).i32(3, RLE).i32(4, RLE);
  });
  header.stop();
  out.int32(levels.at);
  out.append(levels.bytes, 0, levels.at);
  out.append(values.bytes, 0, values.at);
  return { spec, type: writer.type, dictionaryOffset: dictionary ? chunkStart : null, offset, size: out.at - chunkStart, values: end - start };
}

/** One run of the RLE/bit-packed hybrid: a varint of its length times two, then its value in `byteWidth` bytes, lowest first. */
function rleRun(out: Bytes, value: number, length: number, byteWidth: number): void {
  out.varint(length * 2);
  for (let b = 0; b < byteWidth; b++) out.byte((value >>> (8 * b)) & 0xff);
}

/** The first `count` definition levels (bit width 1) as RLE runs. */
function rleLevels(out: Bytes, levels: Uint8Array, count: number): void {
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && levels[j] === levels[i]) j++;
    rleRun(out, levels[i]!, j - i, 1);
    i = j;
  }
}

function columnWriter(spec: ColumnSpec, packed: PackedRows): ColumnWriter {
  switch (kindOf(spec)) {
    case 'number': {
      const values = packed.numbers[spec.name]!;
      const wide = spec.sqlType === 'BIGINT';
      return {
        type: wide ? TYPE.INT64 : TYPE.INT32,
        converted: null,
        write(out, levels, start, end) {
          out.room((end - start) * 8);
          const view = new DataView(out.bytes.buffer);
          let at = out.at;
          for (let i = start; i < end; i++) {
            const v = values[i]!;
            const reported = v === v;
            levels[i - start] = reported ? 1 : 0;
            if (!reported) continue;
            if (wide) {
              // Within ±2^53, in two halves (no BigInt per value); ToUint32 is v modulo 2^32, negatives too.
              view.setUint32(at, v >>> 0, true);
              view.setInt32(at + 4, Math.floor(v / 2 ** 32), true);
              at += 8;
            } else {
              view.setInt32(at, v, true);
              at += 4;
            }
          }
          out.at = at;
        },
      };
    }
    case 'office': {
      // Ten digits, leading zeros and all, as officeText writes them.
      const values = packed.numbers[spec.name]!;
      return {
        type: TYPE.BYTE_ARRAY,
        converted: CONVERTED.UTF8,
        write(out, levels, start, end) {
          out.room((end - start) * (4 + OFFICE_DIGITS));
          const bytes = out.bytes;
          for (let i = start; i < end; i++) {
            const v = values[i]!;
            const reported = v === v;
            levels[i - start] = reported ? 1 : 0;
            if (!reported) continue;
            out.int32(OFFICE_DIGITS);
            // Ten digits: the last five and the first five, each within 32 bits.
            const high = Math.floor(v / 1e5);
            let low = v - high * 1e5;
            let rest = high;
            for (let d = OFFICE_DIGITS - 1; d >= 5; d--) {
              const next = (low / 10) | 0;
              bytes[out.at + d] = 48 + low - next * 10;
              low = next;
            }
            for (let d = 4; d >= 0; d--) {
              const next = (rest / 10) | 0;
              bytes[out.at + d] = 48 + rest - next * 10;
              rest = next;
            }
            out.at += OFFICE_DIGITS;
          }
        },
      };
    }
    case 'flag': {
      // PLAIN booleans: the reported ones' bits, eight to a byte, the first in the lowest bit.
      const values = packed.flags[spec.name]!;
      return {
        type: TYPE.BOOLEAN,
        converted: null,
        write(out, levels, start, end) {
          let byte = 0;
          let n = 0;
          for (let i = start; i < end; i++) {
            const v = values[i]!;
            levels[i - start] = v === FLAG_NULL ? 0 : 1;
            if (v === FLAG_NULL) continue;
            byte |= v << (n & 7);
            if ((++n & 7) === 0) {
              out.byte(byte);
              byte = 0;
            }
          }
          if ((n & 7) !== 0) out.byte(byte);
        },
      };
    }
    case 'text':
      return spec.sqlType === 'DATE' ? dateWriter(packed.texts[spec.name]!) : textWriter(packed.texts[spec.name]!);
  }
}

/** A text column's values as UTF-8: per code (null for not reported) where coded, else the joined texts at once. */
type EncodedTexts = { values: (Uint8Array | null)[]; codes: Int32Array } | { joined: Uint8Array };

function encoded(texts: PackedTexts): EncodedTexts {
  const encoder = new TextEncoder();
  if ('codes' in texts) return { values: texts.values.map((v) => (v === NOT_REPORTED ? null : encoder.encode(v))), codes: texts.codes };
  // Cut at the separators as rows are written: a value never holds a C0 control.
  return { joined: encoder.encode(texts.joined) };
}

/**
 * Calls `each` with the bytes [from, to) of every reported row among [start, end) of a joined
 * column, in order, and sets the rows' levels; `next` is where the row `start` begins.
 */
function eachJoined(joined: Uint8Array, next: number, levels: Uint8Array, start: number, end: number, each: (from: number, to: number) => void): number {
  for (let i = start; i < end; i++) {
    let to = joined.indexOf(0, next);
    if (to < 0) to = joined.length;
    const reported = !(to - next === 1 && joined[next] === 1); // NOT_REPORTED is \u0001
    levels[i - start] = reported ? 1 : 0;
    if (reported) each(next, to);
    next = to + 1;
  }
  return next;
}

function textWriter(texts: PackedTexts): ColumnWriter {
  const column = encoded(texts);
  if ('codes' in column) {
    // A dictionary of the values reported, and each row's index into it, in RLE runs.
    const { codes } = column;
    const index = new Int32Array(column.values.length).fill(-1);
    const dictionary = new Bytes();
    let count = 0;
    column.values.forEach((v, code) => {
      if (v === null) return;
      index[code] = count++;
      dictionary.int32(v.length);
      dictionary.append(v);
    });
    const base = { type: TYPE.BYTE_ARRAY, converted: CONVERTED.UTF8 };
    // A column the file does not have: every level 0, no value.
    if (count === 0) return { ...base, write: (_, levels, start, end) => void levels.fill(0, 0, end - start) };
    const bitWidth = Math.max(1, 32 - Math.clz32(count - 1));
    const byteWidth = Math.ceil(bitWidth / 8);
    return {
      ...base,
      dictionary: { values: dictionary.view(), count },
      write(out, levels, start, end) {
        // The indexes' bit width, then the RLE/bit-packed hybrid, runs only.
        out.byte(bitWidth);
        let value = -1;
        let length = 0;
        for (let i = start; i < end; i++) {
          const at = index[codes[i]!]!;
          levels[i - start] = at < 0 ? 0 : 1;
          if (at < 0) continue;
          if (at === value) length++;
          else {
            if (length > 0) rleRun(out, value, length, byteWidth);
            value = at;
            length = 1;
          }
        }
        if (length > 0) rleRun(out, value, length, byteWidth);
      },
    };
  }
  const { joined } = column;
  let next = 0; // rows are written in order
  return {
    type: TYPE.BYTE_ARRAY,
    converted: CONVERTED.UTF8,
    write(out, levels, start, end) {
      next = eachJoined(joined, next, levels, start, end, (from, to) => {
        out.int32(to - from);
        out.append(joined, from, to);
      });
    },
  };
}

/** Dates (YYYY-MM-DD, as the reader keeps them) as days since 1970-01-01. */
function dateWriter(texts: PackedTexts): ColumnWriter {
  const column = encoded(texts);
  if ('codes' in column) {
    const days = column.values.map((v) => (v === null ? null : daysOf(v, 0, v.length)));
    const { codes } = column;
    return {
      type: TYPE.INT32,
      converted: CONVERTED.DATE,
      write(out, levels, start, end) {
        out.room((end - start) * 4);
        for (let i = start; i < end; i++) {
          const day = days[codes[i]!]!;
          levels[i - start] = day === null ? 0 : 1;
          if (day !== null) out.int32(day);
        }
      },
    };
  }
  const { joined } = column;
  let next = 0;
  return {
    type: TYPE.INT32,
    converted: CONVERTED.DATE,
    write(out, levels, start, end) {
      next = eachJoined(joined, next, levels, start, end, (from, to) => out.int32(daysOf(joined, from, to)));
    },
  };
}

function daysOf(bytes: Uint8Array, from: number, to: number): number {
  const digits = (a: number, b: number) => {
    let n = 0;
    for (let i = from + a; i < from + b; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) throw new Error(`not a date: ${new TextDecoder().decode(bytes.subarray(from, to))}`);
      n = n * 10 + d;
    }
    return n;
  };
  if (to - from !== 10 || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) throw new Error(`not a date: ${new TextDecoder().decode(bytes.subarray(from, to))}`);
  return daysFromCivil(digits(0, 4), digits(5, 7), digits(8, 10));
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil; Date.UTC reads years 0–99 as 1900–1999). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
