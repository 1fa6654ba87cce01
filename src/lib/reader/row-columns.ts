// Report rows column by column. Rows read on another thread come back this way: a million
// row objects take seconds to copy between threads and as long again to rebuild, while a
// column of numbers is one typed array, handed over without a copy, and a column of texts
// one string. Checks over many rows (validate.ts) read the columns; `rows()` rebuilds the
// objects for whoever needs them.

import { REPORT_COLUMNS, type ReportRow, type ReportValue } from '../schema.ts';

/** Rows as they cross between threads. */
export interface PackedRows {
  length: number;
  /** Numbers (INTEGER, BIGINT); NaN where not reported. */
  numbers: Record<string, Float64Array>;
  /** Booleans: 1 yes, 0 no, 2 not reported. */
  flags: Record<string, Uint8Array>;
  /** Texts (VARCHAR, DATE) joined by SEPARATOR, with NOT_REPORTED for null. */
  texts: Record<string, string>;
}

// A kept value never holds a C0 control: the reader refuses them (reader.control_char).
const SEPARATOR = '\u0000';
const NOT_REPORTED = '\u0001';
const FLAG_NULL = 2;
const TEXT_CHUNK = 8192;

const kindOf = (sqlType: string) => (sqlType === 'INTEGER' || sqlType === 'BIGINT' ? 'number' : sqlType === 'BOOLEAN' ? 'flag' : 'text');

/**
 * Packs rows one at a time as they are read, so a part of a file never holds them as objects
 * (on a thread reading half a million lines, that is a quarter of a gigabyte less).
 */
export class RowPacker {
  private length = 0;
  private capacity = 1024;
  private readonly numberColumns = REPORT_COLUMNS.filter((c) => kindOf(c.sqlType) === 'number').map((c) => c.name);
  private readonly flagColumns = REPORT_COLUMNS.filter((c) => kindOf(c.sqlType) === 'flag').map((c) => c.name);
  private readonly textColumns = REPORT_COLUMNS.filter((c) => kindOf(c.sqlType) === 'text').map((c) => c.name);
  private numbers = this.numberColumns.map(() => new Float64Array(this.capacity));
  private flags = this.flagColumns.map(() => new Uint8Array(this.capacity));
  private texts = this.textColumns.map(() => [] as string[]);
  // Texts joined a few thousand rows at a time: the cells' own strings (and the file's text
  // that they are slices of) are freed as the part is read, not held to its end.
  private readonly textChunks = this.textColumns.map(() => [] as string[]);

  add(row: ReportRow): void {
    if (this.length === this.capacity) this.grow();
    if (this.length % TEXT_CHUNK === 0 && this.length > 0) this.joinTexts();
    const i = this.length++;
    for (let k = 0; k < this.numberColumns.length; k++) {
      const v = row[this.numberColumns[k]!];
      this.numbers[k]![i] = typeof v === 'number' ? v : NaN;
    }
    for (let k = 0; k < this.flagColumns.length; k++) {
      const v = row[this.flagColumns[k]!];
      this.flags[k]![i] = v === null || v === undefined ? FLAG_NULL : v ? 1 : 0;
    }
    for (let k = 0; k < this.textColumns.length; k++) {
      const v = row[this.textColumns[k]!];
      this.texts[k]!.push(v === null || v === undefined ? NOT_REPORTED : String(v));
    }
  }

  private joinTexts(): void {
    this.texts.forEach((values, k) => this.textChunks[k]!.push(values.join(SEPARATOR)));
    this.texts = this.textColumns.map(() => []);
  }

  private grow(): void {
    this.capacity *= 2;
    this.numbers = this.numbers.map((a) => {
      const b = new Float64Array(this.capacity);
      b.set(a);
      return b;
    });
    this.flags = this.flags.map((a) => {
      const b = new Uint8Array(this.capacity);
      b.set(a);
      return b;
    });
  }

  finish(): PackedRows {
    const n = this.length;
    if (this.texts[0]?.length) this.joinTexts();
    return {
      length: n,
      numbers: Object.fromEntries(this.numberColumns.map((name, k) => [name, this.numbers[k]!.slice(0, n)])),
      flags: Object.fromEntries(this.flagColumns.map((name, k) => [name, this.flags[k]!.slice(0, n)])),
      texts: Object.fromEntries(this.textColumns.map((name, k) => [name, this.textChunks[k]!.join(SEPARATOR)])),
    };
  }
}

/** Rows packed at once (see RowPacker). */
export function packRows(rows: readonly ReportRow[]): PackedRows {
  const packer = new RowPacker();
  for (const row of rows) packer.add(row);
  return packer.finish();
}

/** The buffers of packed rows, to transfer rather than copy. */
export const packedBuffers = (packed: PackedRows): ArrayBuffer[] =>
  [...Object.values(packed.numbers), ...Object.values(packed.flags)].map((a) => a.buffer as ArrayBuffer);

/** Packed rows without the rows at the indexes `dropped`. */
export function withoutRows(packed: PackedRows, dropped: ReadonlySet<number>): PackedRows {
  const keep = (_: unknown, i: number) => !dropped.has(i);
  const texts = (v: string) => (packed.length === 0 ? v : v.split(SEPARATOR).filter(keep).join(SEPARATOR));
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
  private readonly parts: PackedRows[];
  private readonly cache = new Map<string, readonly ReportValue[]>();

  constructor(parts: PackedRows[]) {
    this.parts = parts;
    this.length = parts.reduce((n, p) => n + p.length, 0);
  }

  /** A column's values, as the row objects would hold them. */
  column(name: string): readonly ReportValue[] {
    let values = this.cache.get(name);
    if (values) return values;
    const spec = REPORT_COLUMNS.find((c) => c.name === name);
    if (!spec) throw new Error(`no report column ${name}`);
    const out = new Array<ReportValue>(this.length);
    let i = 0;
    const kind = kindOf(spec.sqlType);
    for (const part of this.parts) {
      if (kind === 'number') {
        for (const v of part.numbers[name]!) out[i++] = v === v ? v : null;
      } else if (kind === 'flag') {
        for (const v of part.flags[name]!) out[i++] = v === FLAG_NULL ? null : v === 1;
      } else if (part.length > 0) {
        for (const v of part.texts[name]!.split(SEPARATOR)) out[i++] = v === NOT_REPORTED ? null : v;
      }
    }
    this.cache.set(name, (values = out));
    return values;
  }

  /** The rows as objects, built anew. */
  rows(): ReportRow[] {
    const columns = REPORT_COLUMNS.map((c) => [c.name, this.column(c.name)] as const);
    const rows = new Array<ReportRow>(this.length);
    for (let i = 0; i < this.length; i++) {
      const row: ReportRow = {};
      for (const [name, values] of columns) row[name] = values[i]!;
      rows[i] = row;
    }
    return rows;
  }
}
