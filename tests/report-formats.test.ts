// The report as prefectures keep it: facilities that did not report, activity answers left
// blank, twelve monthly columns instead of annual totals, and Excel workbooks. The same
// facility rows as CSV, as a workbook and in the monthly layout give the same indicators.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { formatIssue, issueMessage, type ReportIssue } from '../src/lib/reader/issues.ts';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { templateXlsx, TEMPLATE_SHEET } from '../src/lib/node/template-xlsx.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { readReport, readReportFile } from '../src/lib/reader/read-report.ts';
import { cellAddress } from '../src/lib/reader/workbook.ts';
import { FISCAL_MONTHS, type ReportRow } from '../src/lib/schema.ts';
import { reportTemplate, templateCsv } from '../src/lib/template.ts';
import { selectView } from '../src/lib/views.ts';
import { databaseOf, en, fixtureDir, fixturePaths, ja } from './helpers.ts';

const { municipalities, plan } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const utf8 = (text: string) => new TextEncoder().encode(text);
const say = (issue: ReportIssue, words = en) => issueMessage(issue, words);
const readCsv = (text: string, file = 'fy2024.csv') => readReport(utf8(text), file, { municipalities });

type Cell = string | number | Date | null;
async function workbook(sheets: { sheet: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const cell = (value: Cell) => (value === null ? null : value instanceof Date ? { value, type: Date, format: 'yyyy/mm/dd' } : typeof value === 'number' ? { value, type: Number } : { value, type: String });
  const blob = await writeXlsxFile(sheets.map(({ sheet, rows }) => ({ sheet, data: rows.map((r) => r.map(cell)) }))).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

describe('facilities that did not report', () => {
  it('reads 未提出 rows with their amounts empty, and needs the amounts of every other row', () => {
    const report = readCsv([
      '事業所番号,事業所名,市町村,報告状況,指定年月日,定員,工賃支払総額,延べ人数',
      '2600000001,a,宇治市,提出,2019-04-01,20,"100,000",10',
      '2600000002,b,宇治市,未提出,,,,',
      '2600000003,c,宇治市,×,,,,',
      '2600000004,d,宇治市,,2019-04-01,20,"100,000",10', // empty: it reported
      '2600000005,e,宇治市,済,2019-04-01,20,,10', // reported, but no wages
      '2600000006,f,宇治市,たぶん,2019-04-01,20,"100,000",10',
    ].join('\n'));
    expect(report.rows.map((r) => [r.office_no, r.submitted, r.total_wages_yen])).toEqual([
      ['2600000001', true, 100_000], ['2600000002', false, null], ['2600000003', false, null], ['2600000004', true, 100_000],
    ]);
    expect(report.issues.map((i) => [i.line, i.column, say(i)])).toEqual([
      [6, 7, '"工賃支払総額" is empty: a value is required'],
      [7, 4, '"報告状況": "たぶん" cannot be read; expected 提出 or 未提出 (also 済, ○, yes / 未, ×, no; empty means submitted)'],
    ]);
  });

  it('reads a blank activity answer as "no" beside an answered one, and as not reported when none is answered', () => {
    const report = readCsv([
      '事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額,延べ人数,自主事業,請負・受託,農福連携',
      '2600000001,a,宇治市,2019-04-01,20,1000,1,○,,',
      '2600000002,b,宇治市,2019-04-01,20,1000,1,,,',
    ].join('\n'));
    expect(report.rows.map((r) => [r.own_business, r.contract_work, r.agri_welfare])).toEqual([[1, 0, 0], [null, null, null]]);
    // …and the canonical CSV keeps the difference: 0 is written, not reported stays empty.
    const again = readCsv(reportsToCanonicalCsv(report.rows));
    expect(again.rows.map((r) => [r.own_business, r.contract_work, r.agri_welfare])).toEqual([[1, 0, 0], [null, null, null]]);
  });
});

/** A header of twelve months for each measure, April first. */
const monthlyHeader = (persons: (m: number) => string, wages: (m: number) => string) =>
  [...FISCAL_MONTHS.map(persons), ...FISCAL_MONTHS.map(wages)];

describe('the monthly layout', () => {
  const base = '事業所番号,事業所名,市町村,指定年月日,定員';
  const facility = '2600000001,a,宇治市,2019-04-01,20';

  it.each([
    ['4月支払対象者数 … 4月工賃支払額', (m: number) => `${m}月支払対象者数`, (m: number) => `${m}月工賃支払額`],
    ['with a space', (m: number) => `${m}月 支払対象者数`, (m: number) => `${m}月 工賃支払額（円）`],
    ['the month after, in brackets', (m: number) => `支払対象者数(${m}月)`, (m: number) => `工賃支払額（${m}月）`],
  ])('adds up twelve months into person-months and wages (%s)', (_, persons, wages) => {
    // April–September 2 people paid ¥20,000 each month, October–March 3 people ¥33,000, one month empty.
    const people = [2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, ''];
    const yen = [20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 33_000, 33_000, 33_000, 33_000, 33_000, ''];
    const report = readCsv([`${base},${monthlyHeader(persons, wages).join(',')}`, `${facility},${[...people, ...yen].join(',')}`].join('\n'));
    expect(report.issues).toEqual([]);
    // 6 × 2 + 5 × 3 = 27 person-months; 6 × 20,000 + 5 × 33,000 = 285,000 yen
    expect(report.rows[0]).toMatchObject({ person_months: 27, total_wages_yen: 285_000 });
  });

  it('locates a bad month at its own column, and refuses wages paid in a month nobody was paid', () => {
    const header = `${base},${monthlyHeader((m) => `${m}月支払対象者数`, (m) => `${m}月工賃支払額`).join(',')}`;
    const people = [2, 2, 'x', 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const yen = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const report = readCsv([header, `${facility},${[...people, ...yen].join(',')}`].join('\n'));
    // 6月 is the third month: column 5 + 3 = 8. Its wages (column 5 + 12 + 3 = 20) were paid to nobody.
    expect(report.issues.map((i) => [i.line, i.column, say(i)])).toEqual([
      [2, 8, '"6月支払対象者数": "x" cannot be read; expected a whole number such as 1234 or 1,234'],
      [2, 20, '"6月工賃支払額" pays 1 yen, but nobody is paid in month 6'],
    ]);
    expect(say(report.issues[1]!, ja)).toBe('「6月工賃支払額」に 1 円の支払いがありますが、6月の支払対象者が 0 人です');
    expect(report.rows).toEqual([]);
  });

  it('needs all twelve months, and an annual total given beside them to equal their sum', () => {
    const few = readCsv([`${base},4月支払対象者数,5月支払対象者数,工賃支払総額`, `${facility},1,1,100`].join('\n'));
    expect(few.issues.map((i) => say(i))).toEqual([
      'the monthly columns of 支払対象者数 lack months 6, 7, 8, 9, 10, 11, 12, 1, 2, 3: all twelve months are needed',
    ]);
    const both = readCsv([`${base},延べ人数,${FISCAL_MONTHS.map((m) => `${m}月支払対象者数`).join(',')},工賃支払総額`, `${facility},13,${Array(12).fill(1).join(',')},100`].join('\n'));
    expect(both.issues.map((i) => [i.column, say(i)])).toEqual([[6, '"延べ人数" 13 differs from the sum of its months, 12']]);
  });
});

describe('Excel workbooks', () => {
  it('reads the sheet that has the header, below a title, with dates, numbers and office numbers as written', async () => {
    const bytes = await workbook([
      { sheet: '表紙', rows: [['令和4年度 工賃実績報告']] },
      { sheet: '工賃実績', rows: [
        ['令和4年度 就労継続支援B型 工賃実績'],
        [null],
        ['事業所番号', '事業所名', '市町村', '指定年月日', '定員', '工賃支払総額', '延べ人数'],
        ['0260000001', 'ひまわり作業所', '宇治市', new Date(Date.UTC(2019, 4, 1)), 20, 1_234_567, 100],
        ['2600000002', 'さくら工房', '京都市左京区', 'H29.4.1', 20, '2,000,000', 150],
      ] },
    ]);
    const report = await readReportFile(bytes, 'fy2022.xlsx', { municipalities });
    expect([report.encoding, report.sheet, report.headerLine, report.issues]).toEqual(['xlsx', '工賃実績', 3, []]);
    expect(report.rows.map((r) => [r.office_no, r.opened_on, r.total_wages_yen, r.person_months, r.municipality_code])).toEqual([
      ['0260000001', '2019-05-01', 1_234_567, 100, '26204'],
      ['2600000002', '2017-04-01', 2_000_000, 150, '26103'],
    ]);
  });

  it('locates problems as FILE:SHEET!CELL', async () => {
    const bytes = await workbook([{ sheet: '工賃実績', rows: [
      ['事業所番号', '事業所名', '市町村', '指定年月日', '定員', '工賃支払総額', '延べ人数'],
      ...Array.from({ length: 12 }, (_, i): Cell[] => [`26000000${String(i + 10)}`, 'a', '宇治市', '2019-04-01', 20, 1000, 1]),
      ['2600000099', 'b', '宇治市', '2019-04-01', 20, 'abc', 1],
    ] }]);
    const report = await readReportFile(bytes, 'fy2022.xlsx', { municipalities });
    expect(report.issues.map((i) => formatIssue(i, en))).toEqual(['fy2022.xlsx:工賃実績!F14: "工賃支払総額": "abc" cannot be read; expected a whole number such as 1234 or 1,234']);
    expect(report.issues.map((i) => formatIssue(i, ja))).toEqual(['fy2022.xlsx:工賃実績!F14: 「工賃支払総額」の値「abc」は読めません。1234 や 1,234 のような整数を書いてください']);
    expect([cellAddress(7, 14), cellAddress(26, 1), cellAddress(27, 1), cellAddress(703, 2)]).toEqual(['G14', 'Z1', 'AA1', 'AAA2']);
  });

  it('reads a named sheet, says which sheets there are when it is missing, and refuses a damaged workbook', async () => {
    const bytes = await workbook([
      { sheet: 'A', rows: [['事業所番号', '事業所名', '市町村', '指定年月日', '定員', '工賃支払総額', '延べ人数'], ['2600000001', 'a', '宇治市', '2019-04-01', 20, 1000, 1]] },
      { sheet: 'B', rows: [['事業所番号', '事業所名', '市町村', '指定年月日', '定員', '工賃支払総額', '延べ人数'], ['2600000002', 'b', '宇治市', '2019-04-01', 20, 2000, 1]] },
    ]);
    expect((await readReportFile(bytes, 'fy2022.xlsx', { municipalities, sheet: 'B' })).rows.map((r) => r.office_no)).toEqual(['2600000002']);
    expect((await readReportFile(bytes, 'fy2022.xlsx', { municipalities, sheet: 'C' })).issues.map((i) => say(i)))
      .toEqual(['there is no sheet "C" in the workbook; its sheets are "A", "B"']);
    const damaged = (await readReportFile(bytes.slice(0, 100), 'fy2022.xlsx', { municipalities })).issues;
    expect(damaged).toEqual([expect.objectContaining({ severity: 'error', line: 1, column: 1, code: 'reader.workbook_unreadable' })]);
  });
});

describe('the same facilities in every layout', () => {
  // The 京都府 fixture's FY2023 report, as a planner might keep it three ways.
  const source = Papa.parse<Record<string, string>>(readFileSync(join(fixtureDir('kyoto'), 'reports', 'fy2023.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const columns = ['office_no', 'office_name', 'municipality', 'opened_on', 'capacity', 'user_days', 'open_days', 'own_business', 'contract_work'] as const;
  const headers = ['事業所番号', '事業所名', '市町村', '指定年月日', '定員', '年間延べ利用者数', '年間開所日数', '自主事業', '請負・受託'];
  /** A whole number split over `n` months, the remainder in the first ones; 0 in the others. */
  const months = (total: number, n = 12) => Array.from({ length: 12 }, (_, i) => (i < n ? Math.floor(total / n) + (i < total % n ? 1 : 0) : 0));
  /** Wages are paid only in the months someone was paid. */
  const paidMonths = (personMonths: number) => Math.min(12, personMonths);

  const annual = [
    [...headers, '工賃支払総額', '延べ人数'].join(','),
    ...source.map((r) => [...columns.map((c) => r[c]), r.total_wages_yen, r.person_months].join(',')),
  ].join('\n');
  const monthly = [
    [...headers, ...monthlyHeader((m) => `${m}月支払対象者数`, (m) => `${m}月工賃支払額`)].join(','),
    ...source.map((r) => [...columns.map((c) => r[c]), ...months(Number(r.person_months)), ...months(Number(r.total_wages_yen), paidMonths(Number(r.person_months)))].join(',')),
  ].join('\n');

  it('gives identical rows and identical indicators as CSV, as .xlsx and month by month', async () => {
    const xlsx = await workbook([{ sheet: '工賃実績', rows: [
      [...headers, '工賃支払総額', '延べ人数'],
      ...source.map((r): Cell[] => [...columns.map((c) => (['capacity', 'user_days', 'open_days'].includes(c) && r[c] !== '' ? Number(r[c]) : r[c] || null)), Number(r.total_wages_yen), Number(r.person_months)]),
    ] }]);
    const reports = [
      readCsv(annual, 'fy2023.csv'),
      await readReportFile(xlsx, 'fy2023.xlsx', { municipalities }),
      readCsv(monthly, 'fy2023-monthly.csv'),
    ];
    for (const r of reports) expect(r.issues, r.file).toEqual([]);
    const [csv, excel, byMonth] = reports.map((r) => reportsToCanonicalCsv(r.rows));
    expect(excel).toBe(csv);
    expect(byMonth).toBe(csv);
    const indicators = await Promise.all(reports.map(async (r) => {
      const engine = await databaseOf(r.rows as ReportRow[], 'kyoto');
      try {
        return await engine.query(selectView('yearly_indicators', 'fiscal_year'));
      } finally {
        engine.close();
      }
    }));
    expect(indicators[1]).toEqual(indicators[0]);
    expect(indicators[2]).toEqual(indicators[0]);
    // The fixture's figures, worked out by hand in tests/indicator-sql.test.ts.
    expect(indicators[0]!.find((y) => y.fiscal_year === 2023)).toMatchObject({ facilities: 8, person_months: 87, total_wages_yen: 1_215_117, average_monthly_wage_yen: 13_967, average_monthly_wage_new_yen: 20_789 });
  });
});

describe('the report template', () => {
  const form = reportTemplate(plan, municipalities);

  it('has a Japanese header for every report column but the year, and an example row the reader accepts', () => {
    expect(form.header).toEqual(['事業所番号', '事業所名', '事業所名フリガナ', '法人名', '市町村', '市町村コード', '圏域', '報告状況', '指定年月日', '定員', '工賃支払総額', '延べ人数', '年間延労働時間', '年間延べ利用者数', '年間開所日数', '自主事業', '請負・受託等', '農福連携', '売上総額', '主な作業内容']);
    const report = readReport(new TextEncoder().encode(templateCsv(form)), 'fy2024.csv', { municipalities });
    expect(report.issues).toEqual([]);
    // The prefecture's code starts the example office number; the municipality is one of its own.
    expect(report.rows[0]).toMatchObject({ office_no: '2600000001', submitted: true, opened_on: '2021-04-01', work_hours: 14_000, own_business: 1, agri_welfare: 0 });
    expect(municipalities.some((m) => m.name === report.rows[0]!.municipality)).toBe(true);
  });

  it('as a workbook, reads back as the CSV template does', async () => {
    const bytes = await templateXlsx(form);
    const fromXlsx = await readReportFile(bytes, 'fy2024.xlsx', { municipalities });
    expect(fromXlsx.sheet).toBe(TEMPLATE_SHEET);
    expect(fromXlsx.issues).toEqual([]);
    expect(fromXlsx.rows).toEqual(readReport(new TextEncoder().encode(templateCsv(form)), 'fy2024.csv', { municipalities }).rows);
  });
});
