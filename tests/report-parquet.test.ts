// The reports as Parquet files (db/report-parquet.ts), which the CLI's DuckDB reads in place:
// every value of every column type must come back from DuckDB's own Parquet reader as the
// row held it, nulls where they fall, across row groups, texts coded and joined alike.

import { describe, expect, it } from 'vitest';
import { reportsParquet } from '../src/lib/db/report-parquet.ts';
import { sqlString, viewReports } from '../src/lib/db/setup.ts';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { packRows } from '../src/lib/reader/row-columns.ts';
import { REPORT_COLUMNS, type ReportRow } from '../src/lib/schema.ts';

const TEXTS = ['さくら工房', '𠮷野家', 'a,b', 'a "b"', 'two\nlines', '=1+1', "'=x", '', 'é'];
// Within ±2^53: halves of 64 bits each way, negatives too (the writer takes them, the reader gives none).
const BIGINTS = [0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 3_000_000_007, Number.MAX_SAFE_INTEGER, -1, -(2 ** 32), -3_000_000_007, -Number.MAX_SAFE_INTEGER];
const INTEGERS = [0, 7, 2_147_483_647, -2_147_483_648, -1];
// Before and after 1970, a leap day, the first of the Gregorian rules' exceptions, a year below 100.
const DATES = ['2024-04-01', '1970-01-01', '1969-12-31', '2000-02-29', '1900-03-01', '1868-01-25', '0099-12-31', '2100-02-28'];

/** Rows with every column type, nulls scattered, one column never given and one row with nothing. */
function rows(count: number): ReportRow[] {
  return Array.from({ length: count }, (_, i): ReportRow => Object.fromEntries(REPORT_COLUMNS.map((c, k) => {
    if (c.name === 'main_work' || i === 3 || (i * 31 + k) % 11 === 0) return [c.name, null];
    // Office numbers with leading zeros and above 2^31.
    if (c.type === 'office_no') return [c.name, String((i * 7_919_000_003) % 10_000_000_000).padStart(10, '0')];
    if (c.sqlType === 'BOOLEAN') return [c.name, (i + k) % 3 === 0];
    if (c.sqlType === 'BIGINT') return [c.name, BIGINTS[(i + k) % BIGINTS.length]!];
    if (c.sqlType === 'INTEGER') return [c.name, INTEGERS[(i + k) % INTEGERS.length]!];
    if (c.sqlType === 'DATE') return [c.name, DATES[(i + k) % DATES.length]!];
    // office_name takes a new value on every row (joined once past 4,096 values); the others few
    // (coded, written as a dictionary), corporation_name 300 (indexes of two bytes), area none in the first five rows.
    if (c.name === 'office_name') return [c.name, `${TEXTS[i % TEXTS.length]}${i}`];
    if (c.name === 'corporation_name') return [c.name, `法人${i % 300}`];
    if (c.name === 'area' && i < 5) return [c.name, null];
    return [c.name, TEXTS[(i + k) % TEXTS.length]!];
  })) as ReportRow);
}

/** DuckDB's reading of a Parquet file, rows in file order (dates as YYYY-MM-DD, as query() gives them). */
async function readBack(file: Uint8Array): Promise<Record<string, unknown>[]> {
  const engine = await NodeSqlEngine.create();
  try {
    const path = await engine.registerText('reports.parquet', file);
    return await engine.query(`SELECT * FROM read_parquet(${sqlString(path)})`);
  } finally {
    engine.close();
  }
}

describe('reports as Parquet', () => {
  it('gives back every value of every column, across row groups, texts coded and joined', async () => {
    const written = rows(6000);
    const packed = packRows(written);
    expect('joined' in packed.texts.office_name! && 'codes' in packed.texts.municipality! && 'codes' in packed.texts.corporation_name!).toBe(true);
    // Row groups of 1,000: six, each page starting its booleans and levels afresh.
    expect(await readBack(reportsParquet(packed, 1000))).toEqual(written);
  });

  it('gives back a row group smaller than a byte of booleans, and a file of no rows', async () => {
    const written = rows(13);
    expect(await readBack(reportsParquet(packRows(written), 5))).toEqual(written);
    expect(await readBack(reportsParquet(packRows([])))).toEqual([]);
  });

  it('stands for the reports table as a view, with its column types', async () => {
    // One row per facility and year, as the reader keeps them.
    const written = rows(300).map((r, i) => ({ ...r, fiscal_year: 2024, office_no: String(4_000_000_000 + i) }));
    const engine = await NodeSqlEngine.create();
    try {
      await engine.run(`CREATE TABLE reports (${REPORT_COLUMNS.map((c) => `${c.name} ${c.sqlType}`).join(', ')})`);
      const table = await engine.query('SELECT column_name, column_type FROM (DESCRIBE reports)');
      // Two files, as two parts of a file read on two threads are.
      await viewReports(engine, [reportsParquet(packRows(written.slice(0, 120))), reportsParquet(packRows(written.slice(120)))]);
      expect(await engine.query(`SELECT table_type FROM information_schema.tables WHERE table_name = 'reports'`)).toEqual([{ table_type: 'VIEW' }]);
      expect(await engine.query('SELECT column_name, column_type FROM (DESCRIBE reports)')).toEqual(table);
      expect(await engine.query('SELECT * FROM reports')).toEqual(written);
    } finally {
      engine.close();
    }
  });

  it('refuses a facility twice in a year, as the table load does', async () => {
    const [first, second] = rows(2);
    const engine = await NodeSqlEngine.create();
    try {
      await engine.run(`CREATE TABLE reports (${REPORT_COLUMNS.map((c) => `${c.name} ${c.sqlType}`).join(', ')})`);
      const twice = [{ ...first!, fiscal_year: 2024 }, { ...second!, fiscal_year: 2024, office_no: first!.office_no ?? null }];
      await expect(viewReports(engine, [reportsParquet(packRows(twice))])).rejects.toThrow(/a facility twice in one fiscal year/);
    } finally {
      engine.close();
    }
  });
});
