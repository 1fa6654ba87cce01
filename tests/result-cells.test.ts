// How the console writes each DuckDB type, on real Arrow results of the shipped DuckDB-WASM.
// Expected texts are DuckDB's own way of printing each value (its ::VARCHAR), written out by hand.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobText, decimalText, floatText, intervalText, resultColumns, timeText } from '../src/lib/result-cells.ts';
import { WasmSqlEngine } from './wasm-engine.ts';

let wasm: WasmSqlEngine;
beforeAll(async () => {
  wasm = await WasmSqlEngine.create();
});
afterAll(() => wasm?.close());

function cells(sql: string) {
  const table = wasm.table(sql);
  const columns = resultColumns(table);
  return Object.fromEntries(columns.map((c) => [c.name, { text: c.text(0), value: c.exportValue(0), numeric: c.numeric }]));
}

describe('result cells', () => {
  it('writes DECIMAL and HUGEINT exactly, with their sign and scale', () => {
    const c = cells(`SELECT -12.345::DECIMAL(18,3) AS d, 0.05::DECIMAL(4,2) AS small, 123456789012345678901234.5::DECIMAL(38,1) AS wide,
      170141183460469231731687303715884105727::HUGEINT AS h, -1::HUGEINT AS minus`);
    expect(c.d).toEqual({ text: '-12.345', value: -12.345, numeric: true });
    expect(c.small!.text).toBe('0.05');
    expect(c.wide!.text).toBe('123456789012345678901234.5');
    expect(c.wide!.value).toBe('123456789012345678901234.5'); // beyond 2^53: kept as text, every digit
    expect(c.h!.text).toBe('170141183460469231731687303715884105727');
    expect(c.minus!.text).toBe('-1');
  });

  it('writes TIME, INTERVAL, DATE, TIMESTAMP and BLOB as DuckDB prints them', () => {
    const c = cells(`SELECT TIME '12:34:56.789' AS t, TIME '07:00:00' AS whole,
      INTERVAL 14 MONTH + INTERVAL 3 DAY + INTERVAL 2 HOUR + INTERVAL 5 SECOND + INTERVAL 7 MICROSECOND AS i, INTERVAL (-1) DAY AS back,
      DATE '2024-04-01' AS d, TIMESTAMP '2024-01-02 03:04:05.5' AS ts, '\\x01ab\\xFF'::BLOB AS b, [1, 2] AS l, {'a': 1} AS s`);
    expect(c.t!.text).toBe('12:34:56.789');
    expect(c.whole!.text).toBe('07:00:00');
    expect(c.i!.text).toBe('1 year 2 months 3 days 02:00:05.000007');
    expect(c.back!.text).toBe('-1 day');
    expect(c.d!.text).toBe('2024-04-01');
    expect(c.ts!.text).toBe('2024-01-02 03:04:05.5');
    expect(c.b!.text).toBe('\\x01ab\\xFF');
    expect(c.l!.text).toBe('[1,2]');
    expect(c.s!.text).toBe('{"a":1}');
  });

  it('keeps infinity, microseconds and years before 1 in dates and timestamps', () => {
    const c = cells(`SELECT 'infinity'::DATE AS forever, '-infinity'::TIMESTAMP AS never, TIMESTAMP '2024-01-02 03:04:05.123456' AS micro,
      DATE '0044-03-15 (BC)' AS ides, TIMESTAMP '1969-12-31 23:59:59.5' AS before_epoch, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tz`);
    expect(c.forever!.text).toBe('infinity');
    expect(c.never!.text).toBe('-infinity');
    expect(c.micro!.text).toBe('2024-01-02 03:04:05.123456');
    expect(c.ides!.text).toBe('0044-03-15 (BC)');
    expect(c.before_epoch!.text).toBe('1969-12-31 23:59:59.5');
    expect(c.tz!.text).toBe('2024-01-02 03:04:05+00');
  });

  it('exports a decimal as a number only when the number reads back the same', () => {
    const c = cells('SELECT 0.0000001::DECIMAL(10,7) AS tiny, 1.50::DECIMAL(4,2) AS price, 12345678901234567.89::DECIMAL(38,2) AS big');
    expect(c.tiny!.value).toBe('0.0000001');
    expect(c.price!.value).toBe(1.5);
    expect(c.big!.value).toBe('12345678901234567.89');
  });

  it('rounds floats for the eye only; exports keep every digit', () => {
    const c = cells('SELECT 1 / 3 AS third, 17411.8::DOUBLE AS yen, 0.0000123456::DOUBLE AS tiny, 12345678901234567890::UBIGINT AS u, NULL::INTEGER AS empty');
    expect(c.third).toEqual({ text: '0.3333', value: 1 / 3, numeric: true });
    expect(c.yen!.text).toBe('17411.8');
    expect(c.tiny!.text).toBe('0.00001235');
    expect(c.u!.text).toBe('12345678901234567890');
    expect(c.u!.value).toBe('12345678901234567890');
    expect(c.empty).toEqual({ text: '', value: null, numeric: true });
  });

  it('formats without a result, too', () => {
    expect(floatText(2.5)).toBe('2.5');
    expect(decimalText('-5', 2)).toBe('-0.05');
    expect(timeText(0n)).toBe('00:00:00');
    expect(intervalText(0, 0, 0n)).toBe('00:00:00');
    expect(blobText(new Uint8Array([0x5c]))).toBe('\\x5C');
  });
});
