// What a planner's real files do to the reader: rows above the header, empty years, bytes
// from another encoding, old Mac line ends, Excel's serial dates and exponents, formula-like
// names, invisible characters. Each case names its exact message, in English and Japanese,
// and nothing is lost without one.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { formatIssue, issueMessage, shownValue, summariseIssues, type ReportIssue } from '../src/lib/reader/issues.ts';
import { readReport } from '../src/lib/reader/read-report.ts';
import { crossFileConflicts } from '../src/lib/reader/validate.ts';
import type { Municipality } from '../src/lib/reference.ts';
import { normalizeHeader } from '../src/lib/schema.ts';
import { cleanCell, isOrdinaryText, NFKC_STABLE } from '../src/lib/reader/values.ts';
import { databaseOf, en, fixturePaths, ja, row } from './helpers.ts';

const { municipalities } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array | string, file = 'fy2022.csv', list: Municipality[] = municipalities) =>
  readReport(typeof bytes === 'string' ? utf8(bytes) : bytes, file, { municipalities: list });
const say = (i: ReportIssue, words = en) => issueMessage(i, words);
const where = (i: ReportIssue) => [i.severity, i.line, i.column];

const HEADER = '事業所番号,事業所名,市町村,指定年月日,定員,工賃支払総額,延べ人数';
const ROW = (n: number, more = '宇治市,2019-04-01,20,100000,10') => `26000000${String(n).padStart(2, '0')},作業所${n},${more}`;

describe('nothing dropped without a message', () => {
  it('refuses a facility written above the header, and a year with no facilities', () => {
    const above = read([ROW(1), HEADER, ROW(2)].join('\n'));
    expect(above.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['error', 1, 1, 'this line is above the header (line 2), so it cannot be read as a facility: move it below the header'],
    ]);
    expect(above.rows.map((r) => r.office_no)).toEqual(['2600000002']);
    // A title above the header is fine.
    expect(read(['令和4年度 工賃実績', HEADER, ROW(2)].join('\n')).issues).toEqual([]);

    const headerOnly = read(`${HEADER}\n`);
    expect(headerOnly.issues.map((i) => [...where(i), say(i), say(i, ja)])).toEqual([
      ['error', 1, 1, 'there are no facility lines below the header: a year without facilities cannot be published', '見出し行の下に事業所の行がありません。事業所のない年度は公開できません'],
    ]);
  });

  it('says once that the header is repeated, and reads the facilities between the copies', () => {
    const report = read([HEADER, ROW(1), HEADER, ROW(2), HEADER, ROW(3)].join('\n'));
    expect(report.rows.map((r) => r.office_no)).toEqual(['2600000001', '2600000002', '2600000003']);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['warning', 3, 1, 'the header (line 1) is repeated 2 times, on lines 3, 5; those lines are skipped'],
    ]);
  });

  it('skips lines of nothing but spaces, and knows a copy of the header behind a space', () => {
    // Spaces, an ideographic space and a zero-width space clean to nothing; the copies clean to the header.
    const report = read([HEADER, ROW(1), '   ,  ,', '\u3000,\u200b', ROW(2), ` ${HEADER}`, `\u3000${HEADER}`, ROW(3)].join('\n'));
    expect(report.rows.map((r) => r.office_no)).toEqual(['2600000001', '2600000002', '2600000003']);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['warning', 6, 1, 'the header (line 1) is repeated 2 times, on lines 6, 7; those lines are skipped'],
    ]);
  });

  it('refuses an unknown municipality, naming the nearest known ones, so that areas add up to the prefecture', () => {
    const report = read([HEADER, ROW(1, '宇治,2019-04-01,20,100000,10'), ROW(2, '架空村,2019-04-01,20,100000,10')].join('\n'));
    expect(report.rows).toEqual([]);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['error', 2, 3, 'municipality "宇治" is not in the municipality list: did you mean 宇治市, 宇治田原町?'],
      ['error', 3, 3, 'municipality "架空村" is not in the municipality list (reference/municipalities.csv)'],
    ]);
    expect(say(report.issues[0]!, ja)).toBe('市町村「宇治」は市町村一覧にありません。宇治市, 宇治田原町 のことですか？');
    // The column as the file names it, for the page's filter and the problem list.
    expect(report.issues.map((i) => [i.field, i.header])).toEqual([['municipality', '市町村'], ['municipality', '市町村']]);
    // A code does not make a nonsense name count: the name decides, and must be known; the code's municipality is suggested.
    const coded = read(['事業所番号,事業所名,市町村,市町村コード,指定年月日,定員,工賃支払総額,延べ人数', '2600000001,a,でたらめ,26204,2019-04-01,20,100000,10'].join('\n'));
    expect(coded.rows).toEqual([]);
    expect(coded.issues.map((i) => [...where(i), say(i)])).toEqual([['error', 2, 3, 'municipality "でたらめ" is not in the municipality list: did you mean 宇治市?']]);
    // …before the names near the one written.
    const both = read(['事業所番号,事業所名,市町村,市町村コード,指定年月日,定員,工賃支払総額,延べ人数', '2600000001,a,宇治田原,26204,2019-04-01,20,100000,10'].join('\n'));
    expect(both.issues.map((i) => say(i))).toEqual(['municipality "宇治田原" is not in the municipality list: did you mean 宇治市, 宇治田原町?']);
  });
});

describe('values the engine can hold', () => {
  it('refuses a count beyond INTEGER, a year whose total is not an exact number, and a very long text', () => {
    const big = read([HEADER, ROW(1, '宇治市,2019-04-01,3000000000,100000,10')].join('\n'));
    expect(big.issues.map((i) => [...where(i), say(i)])).toEqual([['error', 2, 5, '"定員": "3000000000" cannot be read; expected a number no larger than 2,147,483,647']]);

    // Each facility's wages are exact; their sum, 2 × 5,000,000,000,000,000, is not.
    const sum = read([HEADER, ROW(1, '宇治市,2019-04-01,20,5000000000000000,10'), ROW(2, '宇治市,2019-04-01,20,5000000000000000,10')].join('\n'));
    expect(sum.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['error', 1, 6, 'the FY2022 total of "工賃支払総額" is too large (at most 9,007,199,254,740,991): check the number of digits'],
    ]);

    const long = read([HEADER, `2600000001,${'長'.repeat(501)},宇治市,2019-04-01,20,100000,10`].join('\n'));
    expect(long.issues.map((i) => [...where(i), say(i)])).toEqual([['error', 2, 2, '"事業所名" is too long (501 characters; at most 500)']]);
  });

  it('measures a text without the spaces around it, and as NFKC writes it', () => {
    // 100,000 spaces (ASCII and ideographic) after a name are not part of it.
    const padded = read([HEADER, `2600000001,あおぞら${' '.repeat(60_000)}${'\u3000'.repeat(40_000)},宇治市,2019-04-01,20,100000,10`].join('\n'));
    expect(padded.issues).toEqual([]);
    expect(padded.rows.map((r) => r.office_name)).toEqual(['あおぞら']);
    // 300 characters that NFKC writes as 600 (㍻ is 平成).
    const era = read([HEADER, `2600000001,${'㍻'.repeat(300)},宇治市,2019-04-01,20,100000,10`].join('\n'));
    expect(era.issues.map((i) => [...where(i), say(i)])).toEqual([['error', 2, 2, '"事業所名" is too long (600 characters; at most 500)']]);
  });

  it('reads a million-character cell and a header of brackets in linear time', () => {
    const spaces = read([HEADER, `2600000001,a${' '.repeat(1_000_000)}x,宇治市,2019-04-01,20,100000,10`].join('\n'));
    expect(spaces.issues.map((i) => i.code)).toEqual(['reader.too_long']);
    expect(normalizeHeader('('.repeat(1_000_000))).toBe('('.repeat(1_000_000));
    expect(normalizeHeader('工賃支払総額 （円） ')).toBe('工賃支払総額');
    expect(read([`${'('.repeat(1_000_000)},${HEADER}`, `x,${ROW(1)}`].join('\n')).rows).toHaveLength(1);
  });

  it('skips NFKC only for characters it leaves alone', () => {
    const stable = new RegExp(`^[${NFKC_STABLE}]$`);
    const changed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (stable.test(ch) && ch.normalize('NFKC') !== ch) changed.push(c.toString(16));
    }
    expect(changed).toEqual([]);
    // Text taken as ordinary skips the checks for stray bytes, controls and bidi characters, and NFKC.
    const notOrdinary = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFD\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff\u00ad]/;
    const wrongly: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isOrdinaryText(`a${ch}b`) && (notOrdinary.test(ch) || cleanCell(`a${ch}b`) !== `a${ch}b`)) wrongly.push(c.toString(16));
    }
    expect(wrongly).toEqual([]);
    expect(['○', '×', '△', '・', 'ワークス', '宇治市', 'A-1 (2)'].every(isOrdinaryText)).toBe(true);
    // …and what it changes is still changed.
    expect(['１２３', 'ｱｲｳ', '㈱ひまわり', '\u3000宇治市\u3000', 'ｶﾞ'].map(cleanCell)).toEqual(['123', 'アイウ', '(株)ひまわり', '宇治市', 'ガ']);
  });

  it('quotes a value at most 60 characters long, with invisible characters made visible', () => {
    expect(shownValue(`a\nb\u202Ec${'x'.repeat(100)}`)).toBe(`a<U+000A>b<U+202E>c${'x'.repeat(55)}…`);
    const report = read([HEADER, `2600000001,a,宇治市,2019-04-01,20,${'9'.repeat(39)}x,10`].join('\n'));
    expect(formatIssue(report.issues[0]!, en)).toBe(`fy2022.csv:2:6: "工賃支払総額": "${'9'.repeat(39)}x" cannot be read; expected a whole number such as 1234 or 1,234`);
  });
});

describe('encodings and line ends', () => {
  it('keeps a UTF-8 file UTF-8 when one byte is wrong, and names that cell', () => {
    const bytes = new Uint8Array([...utf8(`${HEADER}\n${ROW(1)}\n2600000002,作業所`), 0xff, ...utf8(`,宇治市,2019-04-01,20,100000,10\n${ROW(3)}\n`)]);
    const report = read(bytes);
    expect(report.encoding).toBe('utf-8');
    expect(report.rows.map((r) => [r.office_no, r.office_name])).toEqual([['2600000001', '作業所1'], ['2600000003', '作業所3']]);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([['error', 3, 2, '"事業所名" holds bytes that are neither UTF-8 nor Shift_JIS (garbled text)']]);
  });

  it('names a UTF-8 line inside a Shift_JIS file instead of reading it as mojibake', () => {
    const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'Shift_JIS'));
    const bytes = new Uint8Array([...sjis(`${HEADER}\r\n${ROW(1)}\r\n`), ...utf8(`${ROW(2)}\r\n`), ...sjis(`${ROW(3)}\r\n`)]);
    const report = read(bytes);
    expect(report.encoding).toBe('shift_jis');
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['error', 3, 1, 'this line is UTF-8 while the rest of the file is shift_jis: save the whole file in one encoding'],
    ]);
    // Held back, its facility is still known to be in the file (not "missing since last year").
    expect(report.rows.map((r) => r.office_no)).toEqual(['2600000001', '2600000003']);
    expect(report.heldOffices).toEqual([2022, 2600000002]);
  });

  it('reads EUC-JP, and UTF-16 tab-separated text (Excel’s “Unicode テキスト”), and semicolons', () => {
    const text = [HEADER, ROW(1)].join('\r\n');
    const euc = read(new Uint8Array(iconv.encode(text, 'EUC-JP')));
    expect([euc.encoding, euc.issues, euc.rows[0]?.office_name]).toEqual(['euc-jp', [], '作業所1']);
    const unicodeText = read(new Uint8Array([0xff, 0xfe, ...iconv.encode(text.replaceAll(',', '\t'), 'utf-16le')]));
    expect([unicodeText.encoding, unicodeText.delimiter, unicodeText.issues, unicodeText.rows[0]?.office_name]).toEqual(['utf-16le', '\t', [], '作業所1']);
    // Without its BOM, in either byte order, with characters whose low byte is 0 (一 is U+4E00, 　 U+3000).
    const named = [HEADER, ...Array.from({ length: 30 }, (_, i) => `26000000${String(i + 10)},第一\u3000作業所${i},宇治市,2019-04-01,20,100000,10`)].join('\r\n').replaceAll(',', '\t');
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bare = read(new Uint8Array(iconv.encode(named, encoding)));
      expect([bare.encoding, bare.issues, bare.rows.length, bare.rows[0]?.office_name]).toEqual([encoding, [], 30, '第一 作業所0']);
    }
    const semicolons = read(text.replaceAll(',', ';'));
    expect([semicolons.delimiter, semicolons.rows.length]).toEqual([';', 1]);
  });

  it('locates lines whatever the line ends: lone CR (old Excel for Mac), CRLF and LF mixed', () => {
    const lines = [HEADER, ROW(1), ROW(2, '宇治市,2019-04-01,20,abc,10'), ROW(3), ROW(4, '宇治市,2019-04-01,20,x,10')];
    for (const text of [lines.join('\r'), `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\n${lines[3]}\n${lines[4]}`]) {
      const report = read(text);
      expect(report.issues.map((i) => [i.line, i.column])).toEqual([[3, 6], [5, 6]]);
      expect(report.rows.map((r) => r.office_no)).toEqual(['2600000001', '2600000003']);
    }
  });

  it('names the cell holding a NUL or a direction control, instead of refusing the whole file', () => {
    const report = read([HEADER, `2600000001,a\u0000b,宇治市,2019-04-01,20,100000,10`, `2600000002,\u202Egnp.exe,宇治市,2019-04-01,20,100000,10`, ROW(3)].join('\n'));
    expect(report.issues.map((i) => [...where(i), i.value, say(i)])).toEqual([
      ['error', 2, 2, 'a<U+0000>b', '"事業所名" holds an invisible control character'],
      ['error', 3, 2, '<U+202E>gnp.exe', '"事業所名" holds a character that changes the order text is shown in, so it could display as something it is not'],
    ]);
    expect(report.rows.map((r) => r.office_no)).toEqual(['2600000003']);
  });

  it('ignores invisible characters in a header, so a header that looks right is right', () => {
    expect(read([`事業所番号,事業所名\u200B,市町村,指定年月日,定員,\uFEFF工賃支払総額,延べ人数`, ROW(1)].join('\n')).issues).toEqual([]);
  });

  it('takes zero-width characters out of a value, and says so', () => {
    const report = read([HEADER, '2600000001,ひま\u200Bわり,宇治市,2019-04-01,20,100000,10', '2600000002,さく\u00ADら,宇治市,2019-04-01,20,1\uFEFF00000,10'].join('\n'));
    expect(report.rows.map((r) => [r.office_name, r.total_wages_yen])).toEqual([['ひまわり', 100_000], ['さくら', 100_000]]);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['warning', 2, 2, '"事業所名": "ひま<U+200B>わり" holds characters that do not show (a zero-width space or the like); they were taken out'],
      ['warning', 3, 2, '"事業所名": "さく<U+00AD>ら" holds characters that do not show (a zero-width space or the like); they were taken out'],
      ['warning', 3, 6, '"工賃支払総額": "1<U+FEFF>00000" holds characters that do not show (a zero-width space or the like); they were taken out'],
    ]);
    expect(say(report.issues[0]!, ja)).toBe('「事業所名」の値「ひま<U+200B>わり」に見えない文字（ゼロ幅スペースなど）があり、取り除いて読みました');
  });
});

describe('what Excel does to values', () => {
  it('reads serial dates (with a warning) and dates with a time, and hints at exponents, △ and unquoted separators', () => {
    const report = read([
      HEADER,
      ROW(1, '宇治市,43586,20,100000,10'),
      ROW(2, '宇治市,2019/4/1 0:00,20,100000,10'),
      ROW(3, '宇治市,2019-04-01,20,1.23E+9,10'),
      ROW(4, '宇治市,2019-04-01,20,△1000,10'),
      ROW(5, '宇治市,2019-04-01,20,1,200,000,10'),
    ].join('\n'));
    expect(report.rows.map((r) => [r.office_no, r.opened_on])).toEqual([['2600000001', '2019-05-01'], ['2600000002', '2019-04-01']]);
    expect(report.issues.map((i) => [...where(i), say(i)])).toEqual([
      ['warning', 2, 4, '"指定年月日" 43586 was read as an Excel serial date, 2019-05-01: please check it'],
      ['error', 4, 6, '"工賃支払総額": "1.23E+9" cannot be read; expected a whole number; Excel seems to have written it in exponent form (such as 1.23E+9): format the column as a number and save again'],
      ['error', 5, 6, '"工賃支払総額": "△1000" is negative; expected a number of 0 or more (△ and ▲ mark a negative number)'],
      ['error', 6, 6, 'the header has 7 fields, this line 9: is a number with thousands separators such as "1,200,000" written without quotes?'],
    ]);
    expect(say(report.issues[0]!, ja)).toBe('「指定年月日」の 43586 を Excel の日付の通し番号とみなし、2019-05-01 と読みました。正しいか確かめてください');
  });

  it('hints that Excel dropped the leading zero of a prefecture 01–09 office number', () => {
    const hokkaido: Municipality[] = [{ code: '01202', name: '函館市', name_en: 'Hakodate', municipality: '函館市', area: '南渡島' }];
    const report = read([HEADER, '100000001,a,函館市,2019-04-01,20,100000,10'].join('\n'), 'fy2022.csv', hokkaido);
    expect(say(report.issues[0]!)).toBe('"事業所番号": "100000001" cannot be read; expected a 10-digit office number; this one has 9 digits, so Excel may have dropped a leading 0 (0100000001?): format the column as text');
  });

  it('says that Excel wrote an office number in exponent form, and that a negative number is negative', () => {
    const report = read([HEADER, '2.60000E+09,a,宇治市,2019-04-01,20,100000,10', ROW(2, '宇治市,2019-04-01,-3,100000,10')].join('\n'));
    expect(report.issues.map((i) => [...where(i), say(i), say(i, ja)])).toEqual([
      ['error', 2, 1,
        '"事業所番号": "2.60000E+09" cannot be read; expected a 10-digit office number; Excel has written it in exponent form (such as 4.01E+09) and lost its last digits: format the column as text and enter the numbers again',
        '「事業所番号」の値「2.60000E+09」は読めません。10桁の事業所番号を書いてください。Excel が指数表示（4.01E+09 など）にして下の桁を失っています。列の書式を「文字列」にして番号を入れ直してください'],
      ['error', 3, 5, '"定員": "-3" is negative; expected a number of 0 or more', '「定員」の値「-3」は負の数です。0 以上の数を書いてください'],
    ]);
    // △ or ▲ before something other than a number is not a negative number.
    const marked = read([HEADER, ROW(1, '宇治市,2019-04-01,20,▲未定,10')].join('\n'));
    expect(marked.issues.map((i) => say(i))).toEqual(['"工賃支払総額": "▲未定" cannot be read; expected a whole number such as 1234 or 1,234']);
  });
});

describe('formula-safe CSV', () => {
  it('writes formula-like names with a leading apostrophe, reads them back unchanged, and the database holds the name itself', async () => {
    const names = ['=cmd|\' /C calc\'!A0', '+SUM(1)', '@x', '-1作業所', '＝HYPERLINK("x")'];
    const report = read([HEADER, ...names.map((name, i) => `26000000${String(i + 10)},"${name.replaceAll('"', '""')}",宇治市,2019-04-01,20,100000,10`)].join('\n'));
    // Kept, and said where they start with = (+, - and @ start names and numbers too).
    const said = (issues: ReportIssue[]) => issues.map((i) => [...where(i), i.code]);
    const formulaLike = (column: number) => [2, 6].map((line) => ['warning', line, column, 'reader.formula_like']);
    expect(said(report.issues)).toEqual(formulaLike(2));
    expect(say(report.issues[0]!)).toBe('"事業所名": "=cmd|\' /C calc\'!A0" starts like a spreadsheet formula: downloaded CSVs write it with a \' in front (the value itself is kept)');
    expect(say(report.issues[0]!, ja)).toBe('「事業所名」の値「=cmd|\' /C calc\'!A0」は表計算ソフトの数式のように始まります。ダウンロードする CSV では先頭に「\'」を付けて書き出します（値そのものは変わりません）');
    const expected = ['=cmd|\' /C calc\'!A0', '+SUM(1)', '@x', '-1作業所', '=HYPERLINK("x")']; // NFKC makes ＝ an =
    expect(report.rows.map((r) => r.office_name)).toEqual(expected);
    const csv = reportsToCanonicalCsv(report.rows);
    for (const line of csv.split('\n').slice(1, -1)) expect(line.split(',')[2]).toMatch(/^"?'[=+\-@]/);
    const again = read(csv);
    // The canonical CSV has the name in its third column.
    expect(said(again.issues)).toEqual(formulaLike(3));
    expect(again.rows).toEqual(report.rows);
    const engine = await databaseOf(report.rows);
    try {
      expect((await engine.query('SELECT office_name FROM reports ORDER BY office_no')).map((r) => r.office_name)).toEqual(expected);
    } finally {
      engine.close();
    }
  });
});

describe('one year in several files', () => {
  const file = (name: string, rows: string[]) => read([HEADER, ...rows].join('\n'), name);

  it('merges files with different facilities, and names both files and the shared office numbers otherwise', () => {
    expect(crossFileConflicts([file('fy2022-north.csv', [ROW(1), ROW(2)]), file('fy2022-south.csv', [ROW(3)])])).toEqual([]);
    const conflicts = crossFileConflicts([file('fy2022-north.csv', [ROW(1), ROW(2)]), file('fy2022-south.csv', [ROW(3), ROW(2), ROW(1)])]);
    expect(conflicts.map((i) => [i.file, ...where(i), say(i)])).toEqual([
      ['fy2022-south.csv', 'error', 3, 1, 'FY2022 is also in fy2022-north.csv, with the same office numbers: 2600000002, 2600000001; give each facility in one file only'],
    ]);
    expect(conflicts[0]!.details).toEqual(['2600000002', '2600000001']);
    // Three files: the last one is checked against both before it (in its own line order), the middle one against the first.
    const three = crossFileConflicts([file('fy2022-a.csv', [ROW(1), ROW(2)]), file('fy2022-b.csv', [ROW(3), ROW(2)]), file('fy2022-c.csv', [ROW(4), ROW(3), ROW(1)])]);
    expect(three.map((i) => [i.file, i.line, i.params.other, i.details])).toEqual([
      ['fy2022-b.csv', 3, 'fy2022-a.csv', ['2600000002']],
      ['fy2022-c.csv', 3, 'fy2022-b.csv', ['2600000003']],
      ['fy2022-c.csv', 4, 'fy2022-a.csv', ['2600000001']],
    ]);
  });

  it('refuses to load a facility twice in one year into the database, whatever the path around the reader', async () => {
    const twice = [row({ fiscal_year: 2019, office_no: '2600000001' }), row({ fiscal_year: 2019, office_no: '2600000001' }), row({ fiscal_year: 2020, office_no: '2600000001' })];
    await expect(databaseOf(twice)).rejects.toThrow(/a facility twice in one fiscal year: 2019 2600000001$/);
    const engine = await databaseOf(twice.slice(1));
    engine.close();
  });

  it('groups and counts many problems for a build log', () => {
    const report = read([HEADER, ...Array.from({ length: 8 }, (_, i) => ROW(i + 1, '宇治市,2019-04-01,20,abc,10'))].join('\n'));
    const lines = summariseIssues(report.issues, en, 3);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('  … and 5 more of this kind');
  });
});
