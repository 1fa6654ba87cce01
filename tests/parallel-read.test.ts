// A large file read in parts on several threads must say exactly what reading it whole says:
// the same rows, lines and problems, and the checks of the whole file (a facility twice, a
// repeated header, no rows) made once across the parts. Files here are small, cut into parts
// of a few hundred bytes (minPartBytes), so every cut falls somewhere interesting.

import { randomLcg } from 'd3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readReportFileInParts } from '../src/lib/node/parallel-read.ts';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { readReportFile, type ReportFile } from '../src/lib/reader/read-report.ts';
import { crossCheckReport, crossFileConflicts } from '../src/lib/reader/validate.ts';
import { readCanonicalReportsSql, sqlString } from '../src/lib/db/setup.ts';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { RowColumns, RowPacker } from '../src/lib/reader/row-columns.ts';
import { openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import { readBytes } from '../src/lib/node/project.ts';
import { selectView } from '../src/lib/views.ts';
import { fixturePaths, row } from './helpers.ts';
import { REPORT_COLUMNS, type ReportRow } from '../src/lib/schema.ts';

const { municipalities } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const HEADER = '事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額（円）,対象者延人数,年間延べ利用者数,年間開所日数,自主事業';
const facility = (i: number) =>
  `${4010100000 + i},"工房${i}",${i % 3 === 0 ? '宇治市' : '京都市左京区'},令和${2 + (i % 4)}年4月1日,20,"${(1_000_000 + i * 1_000).toLocaleString('en-US')}",${100 + (i % 50)},${i % 5 === 0 ? '' : 2000 + i},240,○`;
const lines = (n: number) => Array.from({ length: n }, (_, i) => facility(i));
const utf8 = (text: string) => new TextEncoder().encode(text);
const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'Shift_JIS'));

/** What a reading says, comparable across the two ways: rows, problems in the order said, lines. */
function said(report: ReportFile) {
  const { rows, columns: _, parquet: __, ...rest } = report;
  return { ...rest, rows: [...rows] };
}

async function bothWays(bytes: Uint8Array, threads: number, file = 'fy2024.csv') {
  const whole = await readReportFile(bytes, file, { municipalities });
  const parts = await readReportFileInParts(bytes, file, { municipalities }, { threads, minPartBytes: 1 });
  return { whole, parts };
}

describe('reading a file in parts', () => {
  it('reads a clean file in parts, with the same rows and lines as whole', async () => {
    const bytes = sjis(`${[HEADER, ...lines(300)].join('\r\n')}\r\n`);
    const { whole, parts } = await bothWays(bytes, 3);
    expect(parts.columns, 'read in parts').toBeDefined();
    expect(parts.rowLines).toHaveLength(300);
    expect(parts.rowLines.at(-1)).toBe(301);
    expect(said(parts)).toEqual(said(whole));
    // The checks across rows read the columns: the same warnings as from the row objects.
    const published = [row({ fiscal_year: 2023, office_no: '4010100001', office_name: '工房1', total_wages_yen: 100_000, person_months: 100 }),
      row({ fiscal_year: 2023, office_no: '4010199999', office_name: '閉所', total_wages_yen: 100_000, person_months: 10 })];
    const fromColumns = crossCheckReport(parts, published);
    expect(fromColumns.map((i) => i.code)).toEqual(expect.arrayContaining(['check.missing_since', 'check.big_jump', 'check.half_new_formula']));
    expect(fromColumns).toEqual(crossCheckReport(whole, published));
  });

  it('says a facility twice in a year once, at its later line, when the two are in different parts', async () => {
    const body = lines(200);
    // Line 182 repeats line 5, with a wrong capacity and an unknown municipality; line 192 repeats it too.
    body[180] = body[3]!.replace(',20,', ',二十,').replace('宇治市', '宇治');
    body[190] = body[3]!;
    const bytes = utf8([HEADER, ...body].join('\n'));
    const { whole, parts } = await bothWays(bytes, 4);
    expect(parts.columns).toBeDefined();
    const duplicates = parts.issues.filter((i) => i.code === 'reader.duplicate_office');
    expect(duplicates.map((i) => [i.line, i.params.line])).toEqual([[182, 5], [192, 5]]);
    // Said as reading whole says them: the cell first, then the facility twice, then the municipality.
    expect(parts.issues.filter((i) => i.line === 182).map((i) => i.code)).toEqual(['reader.bad_value', 'reader.duplicate_office', 'reader.unknown_municipality']);
    expect(parts.rowLines).not.toContain(182);
    expect(parts.rowLines).toHaveLength(198);
    expect(said(parts)).toEqual(said(whole));
  });

  it('reads values spanning lines in parts, and the whole file where a cut falls inside one', async () => {
    // A few names hold line breaks: the cuts fall between records.
    const few = lines(200).map((l, i) => (i % 50 === 7 ? l.replace(/"工房(\d+)"/, '"工房$1\r\n第二"') : l));
    const between = await bothWays(utf8([HEADER, ...few].join('\r\n')), 3);
    expect(between.parts.columns, 'read in parts').toBeDefined();
    expect(between.whole.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(said(between.parts)).toEqual(said(between.whole));
    // Every name is long and breaks near its end: a cut falls inside one, and the file is read whole.
    const many = lines(120).map((l) => l.replace(/"工房(\d+)"/, `"工房$1${'あ'.repeat(100)}\r\n第二"`));
    const inside = await bothWays(utf8([HEADER, ...many].join('\r\n')), 4);
    expect(inside.parts.columns, 'read whole').toBeUndefined();
    expect(said(inside.parts)).toEqual(said(inside.whole));
  });

  it('numbers lines across parts whatever the line ends (CRLF, LF, lone CR mixed)', async () => {
    const rng = randomLcg(7);
    const text = [HEADER, ...lines(150)].map((l) => l + ['\r\n', '\n', '\r'][Math.floor(rng() * 3)]).join('');
    const body = text.replace(/4010100077,"工房77"/, '4010100077,"工房77"x'); // text after a quote
    const { whole, parts } = await bothWays(utf8(body), 3);
    expect(whole.issues.map((i) => i.code)).toContain('reader.text_after_quote');
    expect(parts.columns).toBeDefined();
    expect(said(parts)).toEqual(said(whole));
  });

  it('finds the UTF-8 lines of a Shift_JIS file in every part, the encoding decided for the whole file', async () => {
    // Line 21 has a wrong capacity as well: reading whole says the UTF-8 lines first, then it.
    const body = lines(200).map((l, i) => (i === 19 ? l.replace(',20,', ',二十,') : l));
    const bytes = new Uint8Array(body.flatMap((l, i) => [...(i % 37 === 5 ? utf8(l) : sjis(l)), 10]));
    const file = new Uint8Array([...sjis(`${HEADER}\n`), ...bytes]);
    const { whole, parts } = await bothWays(file, 3);
    expect(whole.encoding).toBe('shift_jis');
    expect(whole.issues.filter((i) => i.code === 'reader.utf8_line').map((i) => i.line)).toEqual([7, 44, 81, 118, 155, 192]);
    expect(whole.issues.map((i) => i.line)).toEqual([7, 44, 81, 118, 155, 192, 21]);
    expect(parts.columns).toBeDefined();
    expect(said(parts)).toEqual(said(whole));
  });

  it('says a repeated header once for the whole file, and a header-only file has no rows', async () => {
    const body = lines(200);
    body.splice(60, 0, HEADER);
    body.splice(170, 0, HEADER);
    const { whole, parts } = await bothWays(utf8([HEADER, ...body].join('\n')), 4);
    expect(parts.columns).toBeDefined();
    expect(parts.issues.filter((i) => i.code === 'reader.repeated_header').map((i) => i.params.count)).toEqual([2]);
    expect(said(parts)).toEqual(said(whole));

    const empty = await bothWays(utf8(`${HEADER}\n${'\n'.repeat(400)}`), 3);
    expect(empty.parts.columns).toBeDefined();
    expect(empty.parts.issues.map((i) => i.code)).toContain('reader.no_rows');
    expect(said(empty.parts)).toEqual(said(empty.whole));
  });

  it('holds back the same lines as whole for errors anywhere, with a BOM, a title above the header and an unknown column', async () => {
    const rng = randomLcg(11);
    const body = lines(240).map((l) => {
      const r = rng();
      if (r < 0.05) return l.replace('京都市左京区', '架空市');
      if (r < 0.1) return l.replace(/,20,/, ',二十,');
      if (r < 0.13) return `${l},extra`;
      return l;
    });
    // A column the reader does not know (備考): a warning at the header, said once.
    const text = `\uFEFF令和6年度 工賃実績,,,\r\n${[`${HEADER},備考`, ...body.map((l) => `${l},メモ`)].join('\r\n')}`;
    const { whole, parts } = await bothWays(utf8(text), 4);
    expect(whole.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(10);
    expect(parts.issues.filter((i) => i.code === 'reader.unknown_column')).toHaveLength(1);
    expect(parts.columns).toBeDefined();
    expect(said(parts)).toEqual(said(whole));
  });

  it('writes the rows as Parquet on the threads, as DuckDB reads the rows read whole', async () => {
    const body = lines(300).map((l, i) => (i === 40 ? l.replace('"工房40"', '"=cmd, ""x"""') : l));
    const bytes = sjis(`${[HEADER, ...body].join('\r\n')}\r\n`);
    const whole = await readReportFile(bytes, 'fy2024.csv', { municipalities });
    const parts = await readReportFileInParts(bytes, 'fy2024.csv', { municipalities }, { threads: 3, minPartBytes: 1, parquet: true });
    expect(parts.parquet).toHaveLength(3);
    const engine = await NodeSqlEngine.create();
    try {
      const files = [];
      for (const [k, file] of parts.parquet!.entries()) files.push(sqlString(await engine.registerText(`part${k}.parquet`, file)));
      const csv = await engine.registerText('whole.csv', reportsToCanonicalCsv(whole.rows));
      const read = await engine.query(`SELECT * FROM read_parquet([${files.join(', ')}])`);
      expect(read).toEqual(await engine.query(`SELECT * FROM ${readCanonicalReportsSql(csv)}`));
      expect(read[40]!.office_name).toBe('=cmd, "x"');
    } finally {
      engine.close();
    }
  });

  it('names the facilities a later file shares with one read in parts', async () => {
    const first = await readReportFileInParts(utf8([HEADER, ...lines(200)].join('\n')), 'fy2024_a.csv', { municipalities }, { threads: 3, minPartBytes: 1 });
    const second = await readReportFile(utf8([HEADER, facility(150), facility(500), facility(7)].join('\n')), 'fy2024_b.csv', { municipalities });
    expect(first.columns).toBeDefined();
    const conflicts = crossFileConflicts([first, second]);
    expect(conflicts.map((c) => [c.file, c.line, c.params.other, c.details])).toEqual([['fy2024_b.csv', 2, 'fy2024_a.csv', ['4010100150', '4010100007']]]);
  });

  it('compares a file with the other files checked with it, read in parts, as with their rows', async () => {
    // This year in two files (facilities 0–199 and 200–204); last year in a third, read in parts.
    const thisYear = await readReportFileInParts(utf8([HEADER, ...lines(200)].join('\n')), 'fy2024_a.csv', { municipalities }, { threads: 3, minPartBytes: 1 });
    const sibling = await readReportFile(utf8([HEADER, ...[200, 201, 202, 203, 204].map(facility)].join('\n')), 'fy2024_b.csv', { municipalities });
    const lastYearLines = [...lines(210).filter((_, i) => i !== 30)].map((l) => l.replace(/令和.年4月1日/, '令和2年4月1日'));
    const lastYear = await readReportFileInParts(utf8([HEADER, ...lastYearLines].join('\n')), 'fy2023.csv', { municipalities }, { threads: 2, minPartBytes: 1 });
    expect([thisYear.columns, lastYear.columns].every(Boolean), 'read in parts').toBe(true);
    for (const [report, others] of [[sibling, [thisYear, lastYear]], [thisYear, [sibling, lastYear]]] as const) {
      const byColumns = crossCheckReport(report, [], others);
      expect(byColumns).toEqual(crossCheckReport(report, others.flatMap((o) => o.rows)));
      // Only 205–209 reported last year and are in neither file of this year.
      const missing = byColumns.filter((i) => i.code === 'check.missing_since');
      expect(missing.map((i) => i.details)).toEqual([[205, 206, 207, 208, 209].map((n) => `${4010100000 + n} 工房${n}`)]);
    }
  });

  it('gives the same indicators, warnings and rows from files read in parts, the rows read in place', async () => {
    const paths = fixturePaths('kyoto');
    const read = (path: string, options: Parameters<typeof readReportFile>[2]) =>
      readReportFileInParts(readBytes(path), path, options, { threads: 2, minPartBytes: 1, parquet: true });
    const [whole, parts] = [await openIndicatorDatabase(paths, 'en'), await openIndicatorDatabase(paths, 'en', { read, inPlace: true })];
    try {
      expect(parts.files.some((f) => f.parquet)).toBe(true);
      const yearly = selectView('yearly_indicators', 'fiscal_year');
      expect(await parts.engine.query(yearly)).toEqual(await whole.engine.query(yearly));
      expect(parts.warnings).toEqual(whole.warnings);
      const reports = 'SELECT * FROM reports ORDER BY fiscal_year, office_no';
      expect(await parts.engine.query(reports)).toEqual(await whole.engine.query(reports));
      expect(parts.reportsCsv).toBeNull();
    } finally {
      whole.engine.close();
      parts.engine.close();
    }
  });
});

describe('packing rows by column', () => {
  it('gives back every row, whether room was made for them at once or grown to fit', async () => {
    const rows = (await readReportFile(sjis(`${[HEADER, ...lines(2500)].join('\r\n')}\r\n`), 'fy2024.csv', { municipalities })).rows;
    for (const expected of [rows.length, 1, 0]) {
      const packer = new RowPacker(expected);
      for (const r of rows) packer.add(r);
      const packed = packer.finish();
      expect(packed.length).toBe(rows.length);
      expect(new RowColumns([packed]).rows(), `room for ${expected}`).toEqual(rows);
    }
  });

  it('gives back nulls wherever they fall: a column coded, then joined once its values are many, and one never given', () => {
    // Rows not reported in a column are skipped as they are packed: each must still come back null.
    const rows = Array.from({ length: 9000 }, (_, i): ReportRow => Object.fromEntries(REPORT_COLUMNS.map((c, k) => {
      // Scattered nulls, a run of them at the end, and main_work never given.
      if (c.name === 'main_work' || (i * 31 + k) % 11 === 0 || i >= 8990) return [c.name, null];
      if (c.type === 'office_no') return [c.name, String(i).padStart(10, '0')];
      if (c.sqlType === 'BOOLEAN') return [c.name, (i + k) % 3 === 0];
      if (c.sqlType === 'INTEGER' || c.sqlType === 'BIGINT') return [c.name, i * 13 + k];
      // office_name takes a new value on every row (joined after 4,096); municipality few.
      return [c.name, c.name === 'office_name' ? `工房${i}` : `${c.name}${i % 5}`];
    })) as ReportRow);
    for (const expected of [rows.length, 1]) {
      const packer = new RowPacker(expected);
      for (const r of rows) packer.add(r);
      const packed = packer.finish();
      expect('joined' in packed.texts.office_name! && 'codes' in packed.texts.municipality!).toBe(true);
      expect(new RowColumns([packed]).rows(), `room for ${expected}`).toEqual(rows);
    }
  });
});
