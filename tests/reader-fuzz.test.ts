// Thousands of malformed files through the reader and validator: no crash, no hang, every
// problem located, and no record silently lost; and what the validator accepts, the database
// accepts with the same totals. Inputs come from a seeded generator, so a failure reproduces.

import { randomLcg } from 'd3';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { decodeReport } from '../src/lib/reader/decode.ts';
import { readReport } from '../src/lib/reader/read-report.ts';
import { crossCheckReport } from '../src/lib/reader/validate.ts';
import { EXCEL_EXPORT } from './fixtures/excel-export.ts';
import { databaseOf, en, fixturePaths, ja, row } from './helpers.ts';
import type { ReportRow } from '../src/lib/schema.ts';
import { issueMessage } from '../src/lib/reader/issues.ts';

const { municipalities } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const CASES = 3_000;
const rng = randomLcg(20240401);
const int = (n: number) => Math.floor(rng() * n);

const LINES = EXCEL_EXPORT.split('\r\n').filter(Boolean);
const BASE = [...LINES, ...Array.from({ length: 20 }, (_, i) => LINES[2 + (i % 2)]!.replace(/^40101000(\d\d)/, `4010200${String(i).padStart(3, '0')}`))].join('\r\n');
const PUBLISHED = [row({ fiscal_year: 2018, office_no: '4010100001', total_wages_yen: 10, person_months: 1 })];

type Mutation = (bytes: Uint8Array) => Uint8Array;
const text = (s: string) => new TextEncoder().encode(s);
const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array) =>
  new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at + remove)]);

const MUTATIONS: [string, Mutation][] = [
  ['truncated', (b) => b.subarray(0, int(b.length))],
  ['random bytes', (b) => splice(b, int(b.length), 0, new Uint8Array(Array.from({ length: 1 + int(8) }, () => int(256))))],
  ['stray quote', (b) => splice(b, int(b.length), 0, text('"'))],
  ['binary', () => new Uint8Array(Array.from({ length: int(400) }, () => int(256)))],
  ['huge number', (b) => text(new TextDecoder().decode(b).replace(/"1,234,567"/, `"${'9'.repeat(1 + int(40))}"`))],
  ['empty', () => new Uint8Array()],
  ['header only', (b) => text(new TextDecoder().decode(b).split('\r\n').slice(0, 2).join('\r\n'))],
  ['BOM only', () => new Uint8Array([0xef, 0xbb, 0xbf])],
  ['deleted commas', (b) => text(new TextDecoder().decode(b).replace(/,/g, () => (rng() < 0.05 ? '' : ',')))],
  ['doubled commas', (b) => text(new TextDecoder().decode(b).replace(/,/g, () => (rng() < 0.05 ? ',,' : ',')))],
  ['Shift_JIS tail on UTF-8', (b) => new Uint8Array([...b, ...iconv.encode('\r\n4010100099,工房,宇治市,令和2年4月1日,20,100,1', 'Shift_JIS')])],
  ['NUL byte', (b) => splice(b, int(b.length), 0, new Uint8Array([0]))],
  ['shuffled lines', (b) => text(new TextDecoder().decode(b).split('\r\n').sort(() => rng() - 0.5).join('\r\n'))],
  ['lone CR line ends', (b) => text(new TextDecoder().decode(b).replaceAll('\r\n', '\r'))],
  ['mixed line ends', (b) => text(new TextDecoder().decode(b).replace(/\r\n/g, () => ['\r\n', '\n', '\r'][int(3)]!))],
  ['formula-like name', (b) => text(new TextDecoder().decode(b).replace('ひまわり作業所', ['=cmd|\' /C calc\'!A0', '+SUM(1)', '@x', '＝HYPERLINK()'][int(4)]!))],
  ['direction control', (b) => text(new TextDecoder().decode(b).replace('ひまわり', '\u202Eひまわり'))],
  ['zero-width in header', (b) => text(new TextDecoder().decode(b).replace('事業所名', '事業所\u200B名'))],
  ['very long cell', (b) => text(new TextDecoder().decode(b).replace('ひまわり作業所', `ひまわり${' '.repeat(10_000 + int(100_000))}作業所`))],
  ['unknown municipality', (b) => text(new TextDecoder().decode(b).replace('宇治市', ['宇治', '架空市', '宇治市役所'][int(3)]!))],
  ['line above the header', (b) => {
    const lines = new TextDecoder().decode(b).split('\r\n');
    return text([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\r\n'));
  }],
];

/** Non-blank CSV records after the header, counted independently of the reader. */
function recordsAfter(bytes: Uint8Array, headerLine: number): number {
  const decoded = decodeReport(bytes).text.replace(/\r\n?/g, '\n');
  let count = 0;
  let cursor = 0;
  Papa.parse<string[]>(decoded, {
    delimiter: ',',
    step: (step) => {
      const line = decoded.slice(0, cursor).split('\n').length;
      cursor = step.meta.cursor;
      if (line > headerLine && step.data.some((c) => c.normalize('NFKC').trim() !== '')) count++;
    },
  });
  return count;
}

it(`reads ${CASES} malformed files without crashing, with every problem located and no row lost`, async () => {
  const base = [text(BASE), new Uint8Array(iconv.encode(BASE, 'Shift_JIS'))];
  const accepted: { context: string; rows: ReportRow[] }[] = [];
  for (let n = 0; n < CASES; n++) {
    const [name, mutate] = MUTATIONS[n % MUTATIONS.length]!;
    let bytes: Uint8Array = base[int(2)]!;
    for (let k = 0; k <= int(3); k++) bytes = mutate(bytes);
    const context = `case ${n} (${name})`;
    const report = readReport(bytes, 'fy2019.csv', { municipalities });
    const issues = [...report.issues, ...crossCheckReport(report, PUBLISHED)];
    const lines = bytes.length === 0 ? 1 : decodeIfText(bytes).split(/\r\n|\r|\n/).length;
    for (const issue of issues) {
      expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines + 1, `${context}: line ${issue.line}`).toBe(true);
      expect(Number.isInteger(issue.column) && issue.column >= 1, `${context}: column ${issue.column}`).toBe(true);
      expect(issueMessage(issue, en).length, context).toBeGreaterThan(0);
      expect(issueMessage(issue, ja).length, context).toBeGreaterThan(0);
    }
    for (const r of report.rows) {
      expect(r.office_no, context).toMatch(/^\d{10}$/);
      expect(Number.isSafeInteger(r.total_wages_yen) && (r.total_wages_yen as number) >= 0, context).toBe(true);
      expect((r.person_months as number) > 0, context).toBe(true);
    }
    // Each record after the header became a row or has an error on one of its lines.
    if (report.encoding !== null && !report.issues.some((i) => i.severity === 'error' && i.line <= report.headerLine)) {
      const errorLines = new Set(report.issues.filter((i) => i.severity === 'error' && i.line > report.headerLine).map((i) => i.line));
      expect(report.rows.length + errorLines.size, context).toBeGreaterThanOrEqual(recordsAfter(bytes, report.headerLine));
    }
    if (report.rows.length > 0 && report.issues.every((i) => i.severity !== 'error')) accepted.push({ context, rows: report.rows });
  }

  // What the validator accepts, the database accepts, and its totals are the plain sums of the rows.
  expect(accepted.length).toBeGreaterThan(100);
  for (const { context, rows } of accepted.filter((_, i) => i % Math.ceil(accepted.length / 40) === 0)) {
    const engine = await databaseOf(rows);
    try {
      const [year] = await engine.query('SELECT facilities, person_months, total_wages_yen FROM yearly_indicators');
      const counted = rows.filter((r) => r.submitted !== false && (r.person_months as number) > 0);
      expect(year, context).toEqual({
        facilities: counted.length,
        person_months: counted.reduce((n, r) => n + (r.person_months as number), 0),
        total_wages_yen: counted.reduce((n, r) => n + (r.total_wages_yen as number), 0),
      });
      // Text comes back as it was read, formula-like names included.
      expect((await engine.query('SELECT office_name FROM reports ORDER BY office_no')).map((r) => r.office_name), context)
        .toEqual([...rows].sort((a, b) => String(a.office_no).localeCompare(String(b.office_no))).map((r) => r.office_name));
    } finally {
      engine.close();
    }
  }
}, 120_000);

function decodeIfText(bytes: Uint8Array): string {
  try {
    return decodeReport(bytes).text;
  } catch {
    return '';
  }
}
