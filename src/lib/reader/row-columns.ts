// Report rows column by column. Rows read on another thread come back this way: a million
// row objects take seconds to copy between threads and as long again to rebuild, while a
// column of numbers is one typed array, handed over without a copy, and a column of texts
// one string (or, for the few values a municipality or a date takes, a code per row).
// Checks over many rows (validate.ts) read the columns; `rows()` rebuilds the objects for
// whoever needs them.

import { REPORT_COLUMNS, type ReportRow, type ReportValue } from '../schema.ts';

/** A column of texts: a code per row into the values met, or (many values) all joined. */
export type PackedTexts = { values: string[]; codes: Int32Array } | { joined: string };

/** Rows as they cross between threads. */
export interface PackedRows {
  length: number;
  /** Numbers (INTEGER, BIGINT) and office numbers (ten digits); NaN where not reported. */
  numbers: Record<string, Float64Array>;
  /** Booleans: 1 yes, 0 no, 2 not reported. */
  flags: Record<string, Uint8Array>;
  /** Texts (VARCHAR, DATE), with NOT_REPORTED for null. */
  texts: Record<string, PackedTexts>;
}

// A kept value never holds a C0 control: the reader refuses them (reader.control_char).
export const TEXT_SEPARATOR = '\u0000';
export const NOT_REPORTED = '\u0001';
export const FLAG_NULL = 2;
/** Rows of texts joined at a time, so the cells' own strings are freed as a part is read. */
const TEXT_CHUNK = 8192;
/** More values than this and a text column is joined, not coded. */
const MAX_CODED = 4096;

/**
 * A value as a double: a number as it is, an office number (ten digits: exact) as that number,
 * NaN for not reported. Office numbers of rows the reader keeps are always ten digits.
 */
export const asNumber = (v: ReportValue | undefined): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);

/** Digits of an office number. */
export const OFFICE_DIGITS = 10;
/** An office number held as a double (asNumber) written back with its leading zeros. */
export const officeText = (office: number): string => String(office).padStart(OFFICE_DIGITS, '0');

type Kind = 'number' | 'office' | 'flag' | 'text';
export const kindOf = ({ type, sqlType }: (typeof REPORT_COLUMNS)[number]): Kind =>
  type === 'office_no' ? 'office' : sqlType === 'INTEGER' || sqlType === 'BIGINT' ? 'number' : sqlType === 'BOOLEAN' ? 'flag' : 'text';
const namesOf = (kinds: Kind[]) => REPORT_COLUMNS.filter((c) => kinds.includes(kindOf(c))).map((c) => c.name);
const placesOf = (names: string[]) => Int32Array.from(names, (name) => REPORT_COLUMNS.findIndex((c) => c.name === name));

/** One text column as rows are added: coded while its values are few, then joined in chunks. */
class TextPacker {
  // Code 0 is "not reported", the value of every row not given one: a column the file lacks costs nothing.
  private coded: Map<string, number> | null = new Map([[NOT_REPORTED, 0]]);
  private codes: Int32Array;
  private pending: string[] = [];
  private readonly chunks: string[] = [];
  /** Rows joined so far (pending or in chunks). */
  private joinedRows = 0;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  /** Row i's value; a row not added is not reported. Rows come in order. */
  add(i: number, value: string): void {
    if (this.coded) {
      let code = this.coded.get(value);
      if (code === undefined) {
        if (this.coded.size === MAX_CODED) {
          this.uncode(i);
          this.add(i, value);
          return;
        }
        this.coded.set(value, (code = this.coded.size));
      }
      if (i >= this.codes.length) this.codes = grown(this.codes, new Int32Array(Math.max(i * 2, 1024)));
      this.codes[i] = code;
      return;
    }
    // Joined: rows skipped since the last one added are not reported.
    while (this.joinedRows < i) this.push(NOT_REPORTED);
    this.push(value);
  }

  private push(value: string): void {
    this.pending.push(value);
    this.joinedRows++;
    if (this.pending.length === TEXT_CHUNK) this.flush();
  }

  /** From codes to texts: the column has many values (names, say). */
  private uncode(length: number): void {
    const values = [...this.coded!.keys()];
    this.coded = null;
    for (let i = 0; i < length; i++) this.push(values[i < this.codes.length ? this.codes[i]! : 0]!);
  }

  private flush(): void {
    this.chunks.push(this.pending.join(TEXT_SEPARATOR));
    this.pending = [];
  }

  finish(length: number): PackedTexts {
    if (this.coded) {
      if (this.codes.length < length) this.codes = grown(this.codes, new Int32Array(length));
      return { values: [...this.coded.keys()], codes: this.codes.subarray(0, length) };
    }
    while (this.joinedRows < length) this.push(NOT_REPORTED);
    if (this.pending.length > 0) this.flush();
    return { joined: this.chunks.join(TEXT_SEPARATOR) };
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Packs rows one at a time as they are read, so a part of a file never holds them as objects
 * (on a thread reading half a million lines, that is a quarter of a gigabyte less). Given the
 * rows to expect (a part's lines, say), its columns are made that long at once, not grown.
 */
export class RowPacker {
  private length = 0;
  private readonly numberColumns = namesOf(['number', 'office']);
  private readonly flagColumns = namesOf(['flag']);
  private readonly textColumns = namesOf(['text']);
  // Each column's place among a row's values (REPORT_COLUMNS order).
  private readonly numberAt = placesOf(this.numberColumns);
  private readonly flagAt = placesOf(this.flagColumns);
  private readonly textAt = placesOf(this.textColumns);
  private numbers: Float64Array[];
  private flags: Uint8Array[];
  private readonly texts: TextPacker[];

  constructor(expected = 1024) {
    const capacity = Number.isFinite(expected) ? Math.max(1, expected) : 1024;
    this.numbers = this.numberColumns.map(() => new Float64Array(capacity).fill(NaN));
    this.flags = this.flagColumns.map(() => new Uint8Array(capacity).fill(FLAG_NULL));
    this.texts = this.textColumns.map(() => new TextPacker(capacity));
  }

  add(row: ReportRow): void {
    this.addValues(REPORT_COLUMNS.map((c) => row[c.name] ?? null));
  }

  /**
   * A row given as its values in REPORT_COLUMNS order (the reader's RowValues), read by index.
   * Columns start as "not reported" (NaN, FLAG_NULL, code 0): a null is skipped, and the
   * columns a file does not have (half of them, often) cost a look each.
   */
  addValues(values: readonly ReportValue[]): void {
    const i = this.length++;
    if (i === this.numbers[0]!.length) {
      this.numbers = this.numbers.map((a) => grown(a, new Float64Array(i * 2).fill(NaN)));
      this.flags = this.flags.map((a) => grown(a, new Uint8Array(i * 2).fill(FLAG_NULL)));
    }
    for (let k = 0; k < this.numberAt.length; k++) {
      const v = values[this.numberAt[k]!];
      // An office number is written back with its leading zeros (column()).
      if (v !== null && v !== undefined) this.numbers[k]![i] = asNumber(v);
    }
    for (let k = 0; k < this.flagAt.length; k++) {
      const v = values[this.flagAt[k]!];
      if (v !== null && v !== undefined) this.flags[k]![i] = v ? 1 : 0;
    }
    for (let k = 0; k < this.textAt.length; k++) {
      const v = values[this.textAt[k]!];
      if (v !== null && v !== undefined) this.texts[k]!.add(i, String(v));
    }
  }

  finish(): PackedRows {
    const n = this.length;
    return {
      length: n,
      // Views of the first n: the rest of a buffer is the few lines that held no row.
      numbers: Object.fromEntries(this.numberColumns.map((name, k) => [name, this.numbers[k]!.subarray(0, n)])),
      flags: Object.fromEntries(this.flagColumns.map((name, k) => [name, this.flags[k]!.subarray(0, n)])),
      texts: Object.fromEntries(this.textColumns.map((name, k) => [name, this.texts[k]!.finish(n)])),
    };
  }
}

/** Rows packed at once (see RowPacker). */
export function packRows(rows: readonly ReportRow[]): PackedRows {
  const packer = new RowPacker(rows.length);
  for (const row of rows) packer.add(row);
  return packer.finish();
}

/** The buffers of packed rows, to transfer rather than copy. */
export const packedBuffers = (packed: PackedRows): ArrayBuffer[] => [
  ...Object.values(packed.numbers),
  ...Object.values(packed.flags),
  ...Object.values(packed.texts).flatMap((t) => ('codes' in t ? [t.codes] : [])),
].map((a) => a.buffer as ArrayBuffer);

/** A packed text column's values, in row order. */
function unpackTexts(texts: PackedTexts, length: number): string[] {
  if ('codes' in texts) return Array.from(texts.codes, (code) => texts.values[code]!);
  return length === 0 ? [] : texts.joined.split(TEXT_SEPARATOR);
}

/** Packed rows without the rows at the indexes `dropped`. */
export function withoutRows(packed: PackedRows, dropped: ReadonlySet<number>): PackedRows {
  const keep = (_: unknown, i: number) => !dropped.has(i);
  const texts = (t: PackedTexts): PackedTexts =>
    'codes' in t ? { values: t.values, codes: t.codes.filter(keep) } : { joined: unpackTexts(t, packed.length).filter(keep).join(TEXT_SEPARATOR) };
  return {
    length: packed.length - dropped.size,
    numbers: Object.fromEntries(Object.entries(packed.numbers).map(([k, v]) => [k, v.filter(keep)])),
    flags: Object.fromEntries(Object.entries(packed.flags).map(([k, v]) => [k, v.filter(keep)])),
    texts: Object.fromEntries(Object.entries(packed.texts).map(([k, v]) => [k, texts(v)])),
  };
}

/** Rows of one or more parts of a file, in order, read column by column. */
export class RowColumns {
  readonly length: number;
  /** The rows as packed, part by part. */
  readonly parts: readonly PackedRows[];
  private readonly cache = new Map<string, readonly ReportValue[]>();
  private readonly numberCache = new Map<string, Float64Array>();

  constructor(parts: PackedRows[]) {
    this.parts = parts;
    this.length = parts.reduce((n, p) => n + p.length, 0);
  }

  /**
   * A column of numbers (or office numbers) as doubles, NaN where not reported: no values
   * built. The parts' columns are joined once and the same array given to every caller (the
   * checks of a file ask for its years and offices several times): read it, do not change it.
   */
  numbers(name: string): Float64Array {
    let all = this.numberCache.get(name);
    if (!all) this.numberCache.set(name, (all = this.joined(name)));
    return all;
  }

  private joined(name: string): Float64Array {
    const all = new Float64Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      const values = part.numbers[name];
      if (!values) throw new Error(`no number column ${name}`);
      all.set(values, at);
      at += values.length;
    }
    return all;
  }

  /** A column's values, as the row objects would hold them (kept for the next call). */
  column(name: string): readonly ReportValue[] {
    let values = this.cache.get(name);
    if (!values) this.cache.set(name, (values = this.values(name)));
    return values;
  }

  private values(name: string): ReportValue[] {
    const spec = REPORT_COLUMNS.find((c) => c.name === name);
    if (!spec) throw new Error(`no report column ${name}`);
    const out = new Array<ReportValue>(this.length);
    let i = 0;
    const kind = kindOf(spec);
    for (const part of this.parts) {
      if (kind === 'number') {
        for (const v of part.numbers[name]!) out[i++] = v === v ? v : null;
      } else if (kind === 'office') {
        for (const v of part.numbers[name]!) out[i++] = v === v ? officeText(v) : null;
      } else if (kind === 'flag') {
        for (const v of part.flags[name]!) out[i++] = v === FLAG_NULL ? null : v === 1;
      } else {
        for (const v of unpackTexts(part.texts[name]!, part.length)) out[i++] = v === NOT_REPORTED ? null : v;
      }
    }
    return out;
  }

  /** The rows as objects, built anew (the columns made for them are not kept). */
  rows(): ReportRow[] {
    const columns = REPORT_COLUMNS.map((c) => [c.name, this.cache.get(c.name) ?? this.values(c.name)] as const);
    const rows = new Array<ReportRow>(this.length);
    for (let i = 0; i < this.length; i++) {
      const row: ReportRow = {};
      for (const [name, values] of columns) row[name] = values[i]!;
      rows[i] = row;
    }
    return rows;
  }
}
