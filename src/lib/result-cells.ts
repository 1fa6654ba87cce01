// Query results as Arrow columns, shown cell by cell: DuckDB's types written the way DuckDB
// prints them (DECIMAL and HUGEINT exactly, TIME, INTERVAL, BLOB as \x.. escapes), floats
// rounded for the eye only. Exports take `exportValue`, which keeps every digit.

import type { Data, Table, Vector } from 'apache-arrow';

/** Arrow type ids (apache-arrow's Type enum) of the types DuckDB-WASM returns. */
const T = { Int: 2, Float: 3, Binary: 4, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Time: 9, Timestamp: 10, Interval: 11 } as const;

export interface ResultColumn {
  name: string;
  /** Numbers are right-aligned and charted. */
  numeric: boolean;
  /** Whole numbers (years, counts): a chart treats few distinct ones as categories. */
  integer: boolean;
  /** The cell as a person reads it. */
  text(row: number): string;
  /** The cell for CSV and Markdown: numbers as numbers with every digit, the rest as text. */
  exportValue(row: number): string | number | null;
}

const float = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, useGrouping: false });

/** A double for display: four decimals, or four significant digits below 1. */
export function floatText(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e21) return String(v);
  if (v !== 0 && Math.abs(v) < 1) return small.format(v);
  return float.format(v);
}

/** An unscaled decimal (its integer digits, with sign) with `scale` digits after the point. */
export function decimalText(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled;
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');

/** Microseconds since midnight as HH:MM:SS[.ffffff]. */
export function timeText(micros: bigint): string {
  const seconds = micros / 1_000_000n;
  const fraction = micros % 1_000_000n;
  const text = `${pad(seconds / 3600n)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}`;
  return fraction === 0n ? text : `${text}.${pad(fraction, 6).replace(/0+$/, '')}`;
}

/** An interval as DuckDB prints it: "1 year 2 months 3 days 02:00:05.000007". */
export function intervalText(months: number, days: number, nanos: bigint): string {
  const parts: string[] = [];
  const unit = (n: number, one: string) => n !== 0 && parts.push(`${n} ${one}${Math.abs(n) === 1 ? '' : 's'}`);
  unit(Math.trunc(months / 12), 'year');
  unit(months % 12, 'month');
  unit(days, 'day');
  if (nanos !== 0n || parts.length === 0) {
    const negative = nanos < 0n;
    parts.push(`${negative ? '-' : ''}${timeText((negative ? -nanos : nanos) / 1000n)}`);
  }
  return parts.join(' ');
}

/** Bytes as DuckDB prints a BLOB: printable ASCII as is, everything else as \xHH. */
export function blobText(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return text;
}

const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** Finds the chunk of a column a row is in (columns arrive in record batches). */
function chunkAt(data: readonly Data[], starts: number[], row: number): [Data, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return [data[lo]!, row - starts[lo]!];
}

/** A row's raw buffer and position: for values apache-arrow reads lossily or not at all. */
function rawValues(vector: Vector): (row: number) => { values: ArrayLike<number | bigint>; at: number } {
  const data = vector.data;
  const starts: number[] = [];
  let at = 0;
  for (const d of data) (starts.push(at), (at += d.length));
  return (row) => {
    const [d, i] = chunkAt(data, starts, row);
    return { values: d.values as ArrayLike<number | bigint>, at: d.offset + i };
  };
}

const INT32_MAX = 2147483647;
const INT64_MAX = 9223372036854775807n;

/** Y-M-D as DuckDB prints it: four-digit years, "(BC)" before year 1. */
function ymd(d: Date): string {
  const y = d.getUTCFullYear();
  return `${pad(y <= 0 ? 1 - y : y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${y <= 0 ? ' (BC)' : ''}`;
}

/** Days since 1970-01-01 as a DuckDB DATE. */
export function dateText(days: number): string {
  if (days === INT32_MAX) return 'infinity';
  if (days === -INT32_MAX) return '-infinity';
  const d = new Date(days * 86_400_000);
  return Number.isNaN(d.getTime()) ? String(days) : ymd(d);
}

/** Microseconds since 1970-01-01 00:00 as a DuckDB TIMESTAMP, every digit kept. */
export function timestampText(micros: bigint): string {
  if (micros === INT64_MAX) return 'infinity';
  if (micros === -INT64_MAX) return '-infinity';
  let seconds = micros / 1_000_000n;
  if (micros < 0n && seconds * 1_000_000n !== micros) seconds -= 1n; // floor, for times before 1970
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return String(micros);
  const fraction = micros - seconds * 1_000_000n;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${ymd(d).replace(/ \(BC\)$/, '')} ${time}${fraction === 0n ? '' : `.${pad(fraction, 6).replace(/0+$/, '')}`}${d.getUTCFullYear() <= 0 ? ' (BC)' : ''}`;
}

/** A number for exports when it reads back the same; otherwise its exact text. */
function exactNumber(text: string): number | string {
  const n = Number(text);
  const plain = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return String(n) === plain ? n : text;
}

function column(name: string, vector: Vector): ResultColumn {
  const type = vector.type as { typeId: number; scale?: number; unit?: number; bitWidth?: number };
  // Dates, timestamps and intervals are read from the buffer: apache-arrow's get() throws on
  // some of them (-infinity). Validity comes from the null bitmap.
  const raw = [T.Date, T.Timestamp, T.Interval].includes(type.typeId as 8);
  const get = (row: number): unknown => (!vector.isValid(row) ? null : raw ? true : vector.get(row));
  const numeric = [T.Int, T.Float, T.Decimal].includes(type.typeId as 2);
  const integer = type.typeId === T.Int || (type.typeId === T.Decimal && type.scale === 0);
  let text: (v: unknown, row: number) => string;
  let exportValue: ((v: unknown, row: number) => string | number) | undefined;
  switch (type.typeId) {
    case T.Int:
      text = (v) => String(v);
      exportValue = (v) => (typeof v === 'bigint' ? exactNumber(String(v)) : (v as number));
      break;
    case T.Float:
      text = (v) => floatText(v as number);
      exportValue = (v) => v as number;
      break;
    case T.Decimal:
      text = (v) => decimalText(String(v), type.scale ?? 0);
      exportValue = (v) => exactNumber(decimalText(String(v), type.scale ?? 0));
      break;
    case T.Date: {
      // apache-arrow turns days into milliseconds, and 'infinity' into an invalid date.
      const raw = rawValues(vector);
      text = (_v, row) => {
        const { values, at } = raw(row);
        return type.unit === 0 ? dateText(Number(values[at])) : dateText(Math.floor(Number(values[at]) / 86_400_000));
      };
      break;
    }
    case T.Timestamp: {
      // apache-arrow keeps milliseconds only; the buffer has every digit. Units: s, ms, µs, ns.
      const raw = rawValues(vector);
      const zone = (type as { timezone?: string | null }).timezone ? '+00' : '';
      text = (_v, row) => {
        const { values, at } = raw(row);
        const value = BigInt(values[at]!);
        const micros = [value * 1_000_000n, value * 1000n, value, value / 1000n][type.unit ?? 2]!;
        return timestampText(micros) + zone;
      };
      break;
    }
    case T.Time: {
      // Arrow's time unit: 0 s, 1 ms, 2 µs, 3 ns.
      const toMicros = [1_000_000n, 1000n, 1n, 1n][type.unit ?? 2]!;
      text = (v) => timeText(type.unit === 3 ? BigInt(v as bigint) / 1000n : BigInt(v as number | bigint) * toMicros);
      break;
    }
    case T.Interval: {
      // apache-arrow 17 misreads MONTH_DAY_NANO values; the buffer holds 4 int32 per value.
      const raw = rawValues(vector);
      text = (_v, row) => {
        if (type.unit !== 2) return json(vector.get(row));
        const { values, at } = raw(row);
        const v = values as Int32Array;
        const o = at * 4;
        return intervalText(v[o]!, v[o + 1]!, (BigInt(v[o + 3]!) << 32n) | BigInt(v[o + 2]! >>> 0));
      };
      break;
    }
    case T.Binary:
      text = (v) => blobText(v as Uint8Array);
      break;
    case T.Utf8:
    case T.Bool:
      text = (v) => String(v);
      break;
    default:
      text = (v) => json((v as { toJSON?: () => unknown }).toJSON?.() ?? v);
  }
  return {
    name,
    numeric,
    integer,
    text: (row) => {
      const v = get(row);
      return v === null || v === undefined ? '' : text(v, row);
    },
    exportValue: (row) => {
      const v = get(row);
      if (v === null || v === undefined) return null;
      return exportValue ? exportValue(v, row) : text(v, row);
    },
  };
}

/** Every column of a result, in order. */
export function resultColumns(table: Table): ResultColumn[] {
  return table.schema.fields.map((field, i) => column(field.name, table.getChildAt(i)!));
}
