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

function column(name: string, vector: Vector): ResultColumn {
  const type = vector.type as { typeId: number; scale?: number; unit?: number; bitWidth?: number };
  const get = (row: number) => vector.get(row) as unknown;
  const numeric = [T.Int, T.Float, T.Decimal].includes(type.typeId as 2);
  const integer = type.typeId === T.Int || (type.typeId === T.Decimal && type.scale === 0);
  let text: (v: unknown, row: number) => string;
  let exportValue: ((v: unknown, row: number) => string | number) | undefined;
  switch (type.typeId) {
    case T.Int:
      text = (v) => String(v);
      exportValue = (v) => (typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : typeof v === 'bigint' ? String(v) : (v as number));
      break;
    case T.Float:
      text = (v) => floatText(v as number);
      exportValue = (v) => v as number;
      break;
    case T.Decimal:
      text = (v) => decimalText(String(v), type.scale ?? 0);
      exportValue = (v) => {
        const s = decimalText(String(v), type.scale ?? 0);
        return Number.isSafeInteger(Number(String(v))) ? Number(s) : s;
      };
      break;
    case T.Date:
      text = (v) => new Date(v as number).toISOString().slice(0, 10);
      break;
    case T.Timestamp:
      text = (v) => new Date(v as number).toISOString().replace('T', ' ').replace(/\.?0*Z$/, '');
      break;
    case T.Time: {
      // Arrow's time unit: 0 s, 1 ms, 2 µs, 3 ns.
      const toMicros = [1_000_000n, 1000n, 1n, 1n][type.unit ?? 2]!;
      text = (v) => timeText(type.unit === 3 ? BigInt(v as bigint) / 1000n : BigInt(v as number | bigint) * toMicros);
      break;
    }
    case T.Interval: {
      // apache-arrow 17 misreads MONTH_DAY_NANO values; the buffer holds 4 int32 per value.
      const data = vector.data;
      const starts: number[] = [];
      let at = 0;
      for (const d of data) (starts.push(at), (at += d.length));
      text = (_v, row) => {
        const [d, i] = chunkAt(data, starts, row);
        const values = d.values as Int32Array;
        const o = (d.offset + i) * 4;
        if (type.unit !== 2) return json(vector.get(row));
        return intervalText(values[o]!, values[o + 1]!, (BigInt(values[o + 3]!) << 32n) | BigInt(values[o + 2]! >>> 0));
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
