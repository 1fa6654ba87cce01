// Thousands of malformed files through the reader and validator: no crash, no hang, every
// problem located, and no record silently lost. Inputs come from a seeded generator, so a
// failure reproduces.

import { randomLcg } from 'd3';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { decodeReport } from '../src/lib/reader/decode.ts';
import { readReport } from '../src/lib/reader/read-report.ts';
import { crossCheckReport } from '../src/lib/reader/validate.ts';
import { EXCEL_EXPORT } from './fixtures/excel-export.ts';
import { fixturePaths, row } from './helpers.ts';

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
];

/** Non-blank CSV records after the header, counted independently of the reader. */
function recordsAfter(bytes: Uint8Array, headerLine: number): number {
  const decoded = decodeReport(bytes).text;
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

it(`reads ${CASES} malformed files without crashing, with every problem located and no row lost`, () => {
  const base = [text(BASE), new Uint8Array(iconv.encode(BASE, 'Shift_JIS'))];
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
      expect(issue.message.length, context).toBeGreaterThan(0);
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
  }
});

function decodeIfText(bytes: Uint8Array): string {
  try {
    return decodeReport(bytes).text;
  } catch {
    return '';
  }
}
