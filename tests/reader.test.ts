// The report reader: encodings, Japanese headers, 和暦, `1,234` numbers, flags, and a
// located error for every problem.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { fiscalYearFromFileName, readReport } from '../src/lib/reader/read-report.ts';
import { parseDate, parseFiscalYear, parseFlagOrCount, parseWholeNumber } from '../src/lib/reader/values.ts';
import { en, fixturePaths, ja, ROOT } from './helpers.ts';
import { issueMessage } from '../src/lib/reader/issues.ts';
import { EXCEL_EXPORT } from './fixtures/excel-export.ts';

const { municipalities } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const read = (bytes: Uint8Array, file = 'fy2019.csv') => readReport(bytes, file, { municipalities });
const utf8 = (text: string) => new TextEncoder().encode(text);
const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'Shift_JIS'));


describe('value parsers', () => {
  it.each([
    ['2021-04-01', '2021-04-01'],
    ['2021/4/1', '2021-04-01'],
    ['令和3年4月1日', '2021-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R3.4.1', '2021-04-01'],
    ['H29.4.1', '2017-04-01'],
    ['H29/4/1', '2017-04-01'],
    ['Ｈ２９．４．１', '2017-04-01'],
    ['S63.12.31', '1988-12-31'],
  ])('date %s → %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['2019-02-29', '令和元年4月1日', 'H31.5.1', '2021/13/1', 'yesterday'])('refuses the date %s', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });

  it('reads whole numbers with separators, full-width digits and units', () => {
    expect(parseWholeNumber('1,234,567')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseWholeNumber('１，２３４')).toEqual({ ok: true, value: 1_234 });
    expect(parseWholeNumber('12,000円')).toEqual({ ok: true, value: 12_000 });
    expect(parseWholeNumber('1,23').ok).toBe(false);
    expect(parseWholeNumber('12.5').ok).toBe(false);
    expect(parseWholeNumber('-3')).toEqual({ ok: false, expected: 'expect.non_negative' });
    expect(parseWholeNumber('99999999999999999').ok).toBe(false);
  });

  it('reads plain and grouped digits exactly as a plain pattern reading does', () => {
    // Independent reading: digits, or 1–3 digits then groups of three after commas; whole, ≥ 0, exact.
    const byPattern = (raw: string) => {
      if (!/^\d+$|^\d{1,3}(,\d{3})+$/.test(raw)) return undefined;
      const value = Number(raw.replaceAll(',', ''));
      return Number.isSafeInteger(value) ? value : undefined;
    };
    // Strings of digits, commas and a few other characters, 1 to 20 long, drawn with a fixed seed.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const cases = ['0', '007', '1,234', '12,345,678', '123,456,789,012,345', '999999999999999', '1,234,5678', ',123', '123,', '1,,234', '1234,567', '1,234,567,890,123,456', '1.234,567', '1,234.567', '12:345', ' 1,234 '];
    for (let k = 0; k < 5000; k++) {
      const length = 1 + Math.floor(next() * 20);
      cases.push(Array.from({ length }, () => (next() < 0.2 ? ',,,, .:/+e'[Math.floor(next() * 10)]! : String(Math.floor(next() * 10)))).join(''));
    }
    // Grouped the usual way, so that the accepted side is well covered too.
    for (let k = 0; k < 1000; k++) cases.push(Math.floor(next() * 10 ** (1 + Math.floor(next() * 15))).toLocaleString('en-US'));
    for (const raw of cases) {
      const parsed = parseWholeNumber(raw);
      expect([raw, parsed.ok ? parsed.value : undefined]).toEqual([raw, byPattern(raw.trim())]);
    }
  });

  it('reads flags and counts of answers', () => {
    expect(['○', '〇', '有', 'true', 'TRUE', '1'].map((v) => parseFlagOrCount(v))).toEqual(Array(6).fill({ ok: true, value: 1 }));
    expect(['', '×', '無', 'false', '0'].map((v) => parseFlagOrCount(v))).toEqual(Array(5).fill({ ok: true, value: 0 }));
    expect(parseFlagOrCount('2')).toEqual({ ok: true, value: 2 });
    expect(parseFlagOrCount('maybe').ok).toBe(false);
  });

  it('reads fiscal years from values and file names', () => {
    expect(['2019', 'FY2019', '2019年度', '令和元年度', 'R1', 'H31'].map((v) => parseFiscalYear(v))).toEqual(Array(6).fill({ ok: true, value: 2019 }));
    expect(fiscalYearFromFileName('data/reports/fy2019.csv')).toBe(2019);
    expect(fiscalYearFromFileName('FY2023_工賃実績.csv')).toBe(2023);
    expect(fiscalYearFromFileName('report.csv')).toBeNull();
  });
});

describe('readReport', () => {
  it('reads the name’s reading under the headers 事業所一覧 give it, and still drops units in brackets', () => {
    for (const header of ['事業所名（フリガナ）', '事業所名(ﾌﾘｶﾞﾅ)', 'フリガナ', '事業所名ふりがな']) {
      const report = read(utf8([`事業所番号,事業所名,${header},市町村,指定年月日,定員,工賃支払総額（円）,延べ人数`, '2600000001,若葉作業所,ワカバサギョウショ,宇治市,2019-04-01,20,100000,10'].join('\n')));
      expect([header, report.issues, report.rows[0]?.office_name, report.rows[0]?.office_name_kana, report.rows[0]?.total_wages_yen]).toEqual([header, [], '若葉作業所', 'ワカバサギョウショ', 100000]);
    }
  });

  it('reads a Shift_JIS Excel export with Japanese headers, 和暦 dates and 1,234 numbers', () => {
    const report = read(sjis(EXCEL_EXPORT));
    expect(report.encoding).toBe('shift_jis');
    expect(report.issues).toEqual([]);
    expect(report.rowLines).toEqual([3, 4]);
    expect(report.rows).toEqual([
      expect.objectContaining({
        fiscal_year: 2019, office_no: '4010100001', office_name: 'ひまわり作業所', municipality: '宇治市',
        municipality_code: '26204', area: '山城北', opened_on: '2019-05-01', capacity: 20,
        total_wages_yen: 1_234_567, person_months: 100, own_business: 1, contract_work: 0, agri_welfare: 0,
        user_days: null, sales_yen: null,
      }),
      expect.objectContaining({
        office_no: '4010100002', office_name: 'さくら工房,第二', municipality_code: '26103', area: '京都・乙訓',
        opened_on: '2017-04-01', capacity: 20, total_wages_yen: 2_000_000, person_months: 150,
        own_business: 1, contract_work: 2, agri_welfare: 1,
      }),
    ]);
  });

  it('reads the same rows from UTF-8 with a BOM and LF endings', () => {
    const text = EXCEL_EXPORT.replaceAll('\r\n', '\n');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const fromBom = read(bom);
    expect(fromBom.encoding).toBe('utf-8');
    expect(fromBom.rows).toEqual(read(sjis(EXCEL_EXPORT)).rows);
  });

  it('locates every problem by line and column', () => {
    const file = join(ROOT, 'tests/fixtures/invalid/fy2019.csv');
    const report = read(new Uint8Array(readFileSync(file)), file);
    expect(report.issues.map((i) => [i.severity, i.line, i.column, i.field ?? null])).toEqual([
      ['error', 2, 1, 'office_no'],
      ['error', 3, 4, 'opened_on'],
      ['error', 4, 4, 'opened_on'],
      ['error', 5, 6, 'total_wages_yen'],
      ['error', 6, 7, 'person_months'],
      ['error', 7, 1, 'office_no'],
      ['error', 8, 6, 'total_wages_yen'], // the record starts on line 8 and spans two lines
      ['error', 10, 3, 'municipality'],
      ['error', 11, 7, null],
      ['error', 13, 2, 'office_name'],
    ]);
    // Columns are named as the file names them (here the canonical headers).
    expect(report.issues.map((i) => issueMessage(i, en))).toEqual([
      '"office_no": "401010000" cannot be read; expected a 10-digit office number such as 4010100001',
      '"opened_on": "2019-02-30" cannot be read; expected a date that exists (2019-02-30 does not)',
      '"opened_on" 2021-04-01 is after FY2019 ends (2020-03-31)',
      '"total_wages_yen": "-5" is negative; expected a number of 0 or more',
      '"person_months" is 0: the average wage needs more than 0 person-months (for a facility that did not report, write 未提出 in a submitted column)',
      'office number 4010100005 already appears on line 6 for FY2019',
      '"total_wages_yen": "abc" cannot be read; expected a whole number such as 1234 or 1,234',
      'municipality "架空市" is not in the municipality list (reference/municipalities.csv)',
      'the header has 7 fields, this line 6',
      '"office_name" is empty: a value is required',
    ]);
    // …and in Japanese, as a planner reads them.
    expect([report.issues[0]!, report.issues[3]!, report.issues[8]!].map((i) => issueMessage(i, ja))).toEqual([
      '「office_no」の値「401010000」は読めません。4010100001 のような10桁の事業所番号を書いてください',
      '「total_wages_yen」の値「-5」は負の数です。0 以上の数を書いてください',
      '見出し行は 7 列ですが、この行は 6 列です',
    ]);
    // Rows with errors are held back (an unknown municipality too: it would be in no area); the valid row is read.
    expect(report.rows.map((r) => r.office_no)).toEqual(['4010100010']);
    expect(report.dataLines).toBe(11);
    expect(report.rows[0]).toMatchObject({ opened_on: '2019-04-30', total_wages_yen: 1_000 });
  });

  it('names a missing required column with the headers it accepts', () => {
    const report = read(utf8('事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額\n4010100001,a,宇治市,2019-04-01,20,100\n'));
    expect(report.issues.map((i) => [i.severity, i.line, i.column, i.field])).toEqual([['error', 1, 7, 'person_months']]);
    expect(issueMessage(report.issues[0]!, en)).toMatch(/^the required column 延べ人数 \(person_months\) is missing; accepted headers: 工賃支払対象延べ人数, /);
    expect(issueMessage(report.issues[0]!, ja)).toMatch(/^必須の列「延べ人数」がありません。使える見出し：工賃支払対象延べ人数, /);
    expect(report.rows).toEqual([]);
    // The line below the header is counted, though not read: nothing goes uncounted.
    expect(report.dataLines).toBe(1);
  });

  it('names the header it could not read beside the required column missing, at that header', () => {
    const report = read(utf8('事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額,延べ人数((((\n4010100001,a,宇治市,2019-04-01,20,100,1\n\n4010100002,b,宇治市,2019-04-01,20,100,1\n'));
    expect(report.issues.map((i) => [i.severity, i.line, i.column, i.code])).toEqual([
      ['warning', 1, 7, 'reader.unknown_column'],
      ['error', 1, 7, 'reader.missing_column_unknown'],
    ]);
    expect(issueMessage(report.issues[1]!, en)).toMatch(/^the required column 延べ人数 \(person_months\) is missing; if one of the headers not used \(延べ人数\(\(\(\(\) is meant to be it, write it as one of: 工賃支払対象延べ人数, /);
    expect(issueMessage(report.issues[1]!, ja)).toMatch(/^必須の列「延べ人数」がありません。使わない列とした見出し（延べ人数\(\(\(\(）のどれかがこの列のつもりなら、使える見出しに直してください：工賃支払対象延べ人数, /);
    expect(report.dataLines).toBe(2);
    // Two headers not understood: the missing column is said after the last column, naming both.
    const two = read(utf8('事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額,人数,備考\n'));
    expect(two.issues.filter((i) => i.severity === 'error').map((i) => [i.column, i.params.unknown])).toEqual([[9, '人数, 備考']]);
    // A known header given twice is an error of its own, not a header not understood.
    const twice = read(utf8('事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額,事業所番号\n'));
    expect(twice.issues.map((i) => [i.column, i.code, i.params.unknown ?? null])).toEqual([[7, 'reader.duplicate_column', null], [8, 'reader.missing_column', null]]);
  });

  it('needs the fiscal year from the file name or a column, and the two must agree', () => {
    const header = 'office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months';
    const noYear = read(utf8(`${header}\n4010100001,a,宇治市,2019-04-01,20,100,1\n`), 'report.csv');
    expect(noYear.issues.map((i) => i.code)).toEqual(['reader.no_fiscal_year']);
    const column = read(utf8(`年度,${header}\n令和元年度,4010100001,a,宇治市,2019-04-01,20,100,1\n`), 'report.csv');
    expect(column.issues).toEqual([]);
    expect(column.rows[0]!.fiscal_year).toBe(2019);
    const disagree = read(utf8(`年度,${header}\n2018,4010100001,a,宇治市,2017-04-01,20,100,1\n`), 'fy2019.csv');
    expect(disagree.issues.map((i) => [i.line, i.column, issueMessage(i, en)])).toEqual([[2, 1, '"年度" is FY2018 but the file name says FY2019']]);
  });

  it('reports empty, binary and unterminated-quote files without throwing', () => {
    expect(read(new Uint8Array()).issues.map((i) => i.code)).toEqual(['reader.empty_file']);
    // Mostly NUL bytes: not text. A zip archive: a workbook, for the workbook reader. An OLE file: an old .xls.
    expect(read(new Uint8Array([0x4d, 0x5a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01])).issues.map((i) => i.code)).toEqual(['reader.binary']);
    expect(read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).issues.map((i) => i.code)).toEqual(['reader.workbook_as_csv']);
    expect(read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).issues.map((i) => i.code)).toEqual(['reader.xls']);
    // The quote opened on line 3 takes lines 3 to 5, the rest of the file: the message says how far.
    const quote = read(utf8('office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months\n4010100000,a,宇治市,2019-04-01,20,100,1\n4010100001,"open,宇治市,2019-04-01,20,100,1\n4010100002,b,宇治市,2019-04-01,20,100,1\n4010100003,c,宇治市,2019-04-01,20,100,1\n'));
    expect(quote.issues.map((i) => [i.severity, i.line, i.column, issueMessage(i, ja), issueMessage(i, en)])).toEqual([[
      'error', 3, 1,
      '「"」で始まった値が閉じられていません（閉じる「"」がありません）。ここから 5 行目までがすべて一つの値として読まれました',
      'a quoted field is never closed (a " without its closing "): everything from here to line 5 was read as this one value',
    ]]);
    expect(quote.rows.map((r) => r.office_no)).toEqual(['4010100000']);
    // A quote inside a quoted value not doubled: the value goes on after it, on line 3 of the file.
    const after = read(utf8('office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months\n4010100001,"ok",宇治市,2019-04-01,20,100,1\n4010100002,"工房"みらい",宇治市,2019-04-01,20,100,1\n'));
    const problem = after.issues.filter((i) => i.code === 'reader.text_after_quote');
    expect(problem.map((i) => [i.severity, i.line, i.column, issueMessage(i, ja), issueMessage(i, en)])).toEqual([[
      'error', 3, 1,
      '「"」で閉じた値の後ろに文字が続いています。値の中の「"」は「""」と二つ重ねて書きます',
      'text follows the closing " of a quoted value; a " inside a value is written twice ("")',
    ]]);
    expect(after.rows.map((r) => r.office_name)).toEqual(['ok']);
  });
});
