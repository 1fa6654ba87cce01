// The one reader of report files. Every consumer (build, CLI, tests, browser) turns a
// file's bytes into canonical rows here, with every problem located by line and column
// (CSV) or by sheet and cell (Excel workbooks). CSV text and a workbook's sheet both become
// records of text cells, read by the same code. Nothing is dropped without a message.

import type { Municipality } from '../reference.ts';
import {
  FISCAL_MONTHS,
  REPORT_COLUMNS,
  columnForHeader,
  monthlyColumnForHeader,
  type ColumnSpec,
  type MonthlyColumn,
  type ReportRow,
  type ReportValue,
} from '../schema.ts';
import { eachRecord } from './csv-records.ts';
import { BinaryFileError, decodeAs, decodeReport, type Decoded, type Encoding } from './decode.ts';
import { shownValue, type ExpectCode, type IssueCode, type IssueParams, type ReportIssue, type Severity } from './issues.ts';
import {
  cleanCell,
  fiscalYearOfDate,
  hasZeroWidth,
  isKeptChar,
  isOrdinaryText,
  parseDate,
  parseFiscalYear,
  parseFlagOrCount,
  parseOfficeNo,
  parseSubmitted,
  parseWholeNumber,
  quickDate,
  quickFlagOrCount,
  quickOfficeNo,
  quickWholeNumber,
  type Parsed,
} from './values.ts';
import { isWorkbook, workbookRecords, WorkbookError, type SourceRecord } from './workbook.ts';
import { nearestNames } from './nearest.ts';
import { OfficeLines } from './office-lines.ts';
import { asNumber, RowPacker, type PackedRows, type RowColumns } from './row-columns.ts';

export type { ReportIssue, Severity } from './issues.ts';

export interface ReadOptions {
  /** Reference list used to check municipalities and fill municipality_code and area. */
  municipalities: Municipality[];
  /** Called now and then with the share of the file read (0–1), for progress bars. */
  onProgress?: (fraction: number) => void;
  /** The sheet of a workbook to read; by default the first one with a header line. */
  sheet?: string;
}

export interface ReportFile {
  file: string;
  encoding: Encoding | 'xlsx' | null;
  /** The sheet read, for a workbook. */
  sheet: string | null;
  /** The field separator of a text file (comma, tab or semicolon). */
  delimiter: string | null;
  rows: ReportRow[];
  /**
   * The same rows column by column, where they were read on other threads: checks over many
   * rows read these (numbersOf), and `rows` is built from them only when asked for.
   */
  columns?: RowColumns;
  /**
   * The rows as Parquet files (db/report-parquet.ts), one per part, where a file read in parts
   * was asked for them: written on the threads that read it, for DuckDB to read in place.
   */
  parquet?: Uint8Array[];
  /** Physical line (or sheet row) of each row in `rows`, for later checks that need a location. */
  rowLines: number[];
  /** 1-based column number of each canonical column found in the file. */
  columnNumbers: Record<string, number>;
  /** The file's own header of each canonical column found in it. */
  columnHeaders: Record<string, string>;
  /** Line of the header. */
  headerLine: number;
  /** Lines with facility data that were read (kept or held back for an error). */
  dataLines: number;
  /**
   * The facilities of lines held back for an error, as pairs of fiscal year and office number
   * (where both were read): they are in the file, so not missing since the year before.
   */
  heldOffices?: number[];
  /** Lines held back whose facility could not be told (no office number read): one may be a facility "missing". */
  heldUnnamed?: number;
  issues: ReportIssue[];
}

/**
 * A column of numbers, or of office numbers (ten digits: exact doubles), as doubles with NaN
 * where not reported: what checks over a million rows compare, without a value per row. Read
 * it, do not change it: a file's columns give every caller the same array.
 */
export function numbersOf(report: Pick<ReportFile, 'rows' | 'columns'>, name: string): Float64Array {
  return report.columns ? report.columns.numbers(name) : Float64Array.from(report.rows, (r) => asNumber(r[name]));
}

/** The distinct values of a column: rows of one value tend to come together, so most are the last one met. */
export function distinct(values: Float64Array): Set<number> {
  const set = new Set<number>();
  let last: number | undefined;
  for (const v of values) {
    if (v === last) continue;
    set.add(v);
    last = v;
  }
  return set;
}

/** The distinct fiscal years of a file's rows. */
export const yearsOf = (report: Pick<ReportFile, 'rows' | 'columns'>): Set<number> => distinct(numbersOf(report, 'fiscal_year'));

/** `fy2019.csv`, `FY2019_工賃実績.xlsx` → 2019. */
export function fiscalYearFromFileName(fileName: string): number | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /(?:^|[^a-z])fy(\d{4})(?!\d)/i.exec(base);
  return m ? Number(m[1]) : null;
}

export const HEADER_SEARCH_ROWS = 10;
const MIN_KNOWN_HEADERS = 3;
/** Longer than any name or work description: an entry error, and too long to publish. */
export const MAX_TEXT_LENGTH = 500;
/** What the database columns hold: INTEGER, and BIGINT within exact JavaScript numbers. */
const MAX_OF_TYPE: Record<ColumnSpec['sqlType'], number> = { INTEGER: 2_147_483_647, BIGINT: Number.MAX_SAFE_INTEGER, VARCHAR: 0, DATE: 0, BOOLEAN: 0 };
const DELIMITERS = [',', '\t', ';'] as const;
// C0 controls but tab, line ends inside quoted fields and DEL: never meant in a value.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Characters that reorder text as it is displayed (a name could show as another).
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
// A spreadsheet would run a text starting with these as a formula; downloads add a ' before it.
const NEUTRALISED = /^'(?=[=+\-@])/;

/** A text as stored: without the ' that a download puts before a formula-like text. */
const unneutralised = (text: string) => (text.charCodeAt(0) === 39 ? text.replace(NEUTRALISED, '') : text);
/**
 * A text starting with = is a spreadsheet formula, not a name: kept, and said. (Downloads also
 * neutralise + - @, which start names such as ＠ほーむ and negative numbers.)
 */
const formulaLike = (text: string) => text.charCodeAt(0) === 61;

/**
 * How a column's cells are read: `parse` takes a cell as cleanCell left it and says what is
 * wrong; `quick`, where a type has one, reads a cell in its usual form at once (see values.ts).
 */
function readersFor(column: ColumnSpec, prefectureCode: string | undefined): Pick<ColumnPlan, 'parse' | 'quick'> {
  switch (column.type) {
    case 'office_no':
      return { parse: (raw) => parseOfficeNo(raw, prefectureCode), quick: quickOfficeNo };
    case 'integer':
    case 'yen': {
      if (column.name === 'fiscal_year') return { parse: parseFiscalYear, quick: null };
      const max = MAX_OF_TYPE[column.sqlType];
      return { parse: (raw) => parseWholeNumber(raw, max), quick: (raw) => quickWholeNumber(raw, max) };
    }
    case 'date':
      return { parse: parseDate, quick: quickDate };
    case 'count':
      return { parse: parseFlagOrCount, quick: quickFlagOrCount };
    case 'submitted':
      return { parse: parseSubmitted, quick: null };
    case 'text':
      return {
        parse: (text) => {
          const value = unneutralised(text);
          return formulaLike(value) ? { ok: true, value, note: { code: 'reader.formula_like', params: {} } } : { ok: true, value };
        },
        // What parse is given for ordinary text: the cell trimmed (a formula-like text goes to parse, for its note).
        quick: (raw) => {
          if (raw.length > MAX_TEXT_LENGTH || !isOrdinaryText(raw)) return undefined;
          const text = raw.trim();
          const value = text === '' ? undefined : unneutralised(text);
          return value === undefined || formulaLike(value) ? undefined : value;
        },
      };
  }
}

const emptyResult = (file: string): ReportFile => ({
  file, encoding: null, sheet: null, delimiter: null, rows: [], rowLines: [], columnNumbers: {}, columnHeaders: {}, headerLine: 1, dataLines: 0, issues: [],
});

interface IssueExtra {
  field?: string | undefined;
  header?: string | undefined;
  value?: string | undefined;
  expected?: { code: ExpectCode; params: IssueParams } | undefined;
  details?: string[] | undefined;
}
type Issue = (severity: Severity, line: number, column: number, code: IssueCode, params?: IssueParams, extra?: IssueExtra) => void;

/** Says problems of `result`, into its issues or, given `into`, into that list. */
export function issuer(result: ReportFile, into: ReportIssue[] = result.issues): Issue {
  return (severity, line, column, code, params = {}, extra = {}) => {
    const entry: ReportIssue = { severity, file: result.file, line, column, code, params };
    if (result.sheet !== null) entry.sheet = result.sheet;
    if (extra.field !== undefined) entry.field = extra.field;
    // The column as the file names it, where the problem is about one.
    const header = extra.header ?? (extra.field === undefined ? undefined : result.columnHeaders[extra.field]);
    if (header !== undefined) entry.header = shownValue(header.trim());
    if (extra.value !== undefined) entry.value = shownValue(extra.value);
    if (extra.expected !== undefined) entry.expected = extra.expected;
    if (extra.details !== undefined) entry.details = extra.details;
    into.push(entry);
  };
}

/** The separator whose reading of the first lines finds a header: comma, tab (Excel's "Unicode テキスト") or semicolon. */
function detectDelimiter(text: string): string {
  const head = text.slice(0, 64 * 1024);
  let best: { delimiter: string; known: number } = { delimiter: ',', known: 0 };
  for (const delimiter of DELIMITERS) {
    const rows: string[][] = [];
    eachRecord(head, delimiter, { record: (cells) => rows.length < HEADER_SEARCH_ROWS && rows.push(cells), problem: () => {} });
    const known = Math.max(0, ...rows.map((r) => r.filter((c) => fileColumn(c)).length));
    if (known > best.known) best = { delimiter, known };
  }
  return best.delimiter;
}

/** A report file as delimited text (UTF-8, UTF-16, Shift_JIS or EUC-JP). Workbooks go through readReportFile. */
export function readReport(bytes: Uint8Array, file: string, options: ReadOptions): ReportFile {
  const result = emptyResult(file);
  const issue = issuer(result);
  if (isWorkbook(bytes)) {
    issue('error', 1, 1, 'reader.workbook_as_csv');
    return result;
  }
  let decoded: Decoded;
  try {
    decoded = decodeReport(bytes);
  } catch (e) {
    if (!(e instanceof BinaryFileError)) throw e;
    issue('error', 1, 1, e.code);
    return result;
  }
  result.encoding = decoded.encoding;
  readText(result, decoded.text, decoded.foreignLines, options, 1, null).end();
  return result;
}

/**
 * A part of a large text file, read on its own (on a thread of its own: node/parallel-read.ts).
 * The file's encoding is chosen for the whole of it beforehand.
 */
export interface FilePart {
  encoding: Encoding;
  /** The part's lines that are UTF-8 in a Shift_JIS or EUC-JP file. */
  foreignLines: number[];
  /** Whole lines of the file. */
  bytes: Uint8Array;
  /** The line number of the part's first line. */
  firstLine: number;
  /** How many lines the part has, at most: the rows to make room for. */
  lines: number;
  /** For a part after the first, the file's first lines, where its header is; else null. */
  head: Uint8Array | null;
}

/** What a part leaves for the checks that need the whole file (mergeParts). */
export interface PartState {
  /** Whether the header was found, and its lines can be read. */
  reading: boolean;
  repeatedHeaders: number[];
  /** Fiscal year → sums of the summed columns over the rows kept. */
  sums: [number | null, number[]][];
  /** Each fiscal year's office numbers, with the line each is first on in the part. */
  offices: { year: number; offices: Float64Array; lines: Int32Array }[];
}

/** A part of a file: its problems, its rows packed by column (`result.rows` stays empty), and what the checks of the whole file need. */
export function readReportPart(part: FilePart, file: string, options: ReadOptions): PartResult {
  const result = emptyResult(file);
  result.encoding = part.encoding;
  const head = part.head === null ? null : decodeAs(part.head, part.encoding);
  const packer = new RowPacker(part.lines);
  const reader = readText(result, decodeAs(part.bytes, part.encoding), part.foreignLines, options, part.firstLine, head, (values) => packer.addValues(values), part.lines);
  return { result, state: reader.state(), packed: packer.finish() };
}

export interface PartResult {
  result: ReportFile;
  state: PartState;
  packed: PackedRows;
}

/** Reads decoded text whose first line is `firstLine`, after finding the header in `head` if given. */
function readText(
  result: ReportFile,
  decoded: string,
  foreignLines: number[],
  options: ReadOptions,
  firstLine: number,
  head: string | null,
  keep?: (values: RowValues) => void,
  expectedRows?: number,
): RecordReader {
  const issue = issuer(result);
  const text = withoutLoneCr(decoded);
  const headText = head === null ? null : withoutLoneCr(head);
  const delimiter = detectDelimiter(headText ?? text);
  result.delimiter = delimiter;
  for (const line of foreignLines) issue('error', line, 1, 'reader.utf8_line', { encoding: result.encoding ?? '' });

  const reported = new Set(foreignLines);
  const reader = recordReader(result, options, reported, firstLine, keep, expectedRows);
  // The header of a later part is among the file's first lines; their problems are the first part's.
  if (headText !== null) eachRecord(headText, delimiter, { record: (cells, line) => reader.add({ cells, line }), problem: () => {} });
  const offset = firstLine - 1;
  let count = 0;
  let broken = false; // the record being split has a quote problem
  eachRecord(text, delimiter, {
    record(cells, line, end) {
      if (options.onProgress && ++count % 5000 === 0) options.onProgress(end / Math.max(1, text.length));
      if (broken) reported.add(line + offset);
      broken = false;
      reader.add({ cells, line: line + offset });
    },
    problem(code, line, last) {
      issue('error', line + offset, 1, `reader.${code}`, code === 'unclosed_quote' ? { last: last + offset } : {});
      broken = true;
    },
  });
  return reader;
}

/**
 * Text whose line ends are CRLF or LF, as the record splitter takes them (mixed freely): a
 * lone CR (old Excel for Mac) becomes LF. Text without one is left as it is (no copy).
 */
function withoutLoneCr(text: string): string {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return text.replace(/\r(?!\n)/g, '\n');
  }
  return text;
}

/** A report workbook (.xlsx): its named sheet, or the first sheet with a header line. */
export async function readWorkbook(bytes: Uint8Array, file: string, options: ReadOptions): Promise<ReportFile> {
  const result = emptyResult(file);
  result.encoding = 'xlsx';
  let sheets: { sheet: string; records: SourceRecord[] }[];
  try {
    sheets = await workbookRecords(bytes);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    issuer(result)('error', 1, 1, 'reader.workbook_unreadable', { detail: shownValue(e.message) });
    return result;
  }
  const named = options.sheet;
  const chosen = named !== undefined
    ? sheets.find((s) => s.sheet === named)
    : sheets.find((s) => findHeader(s.records) >= 0) ?? sheets[0];
  if (!chosen) {
    issuer(result)('error', 1, 1, 'reader.no_sheet', { sheet: shownValue(named ?? ''), sheets: sheets.map((s) => `"${shownValue(s.sheet)}"`).join(', ') });
    return result;
  }
  result.sheet = chosen.sheet;
  const reader = recordReader(result, options);
  chosen.records.forEach((record, n) => {
    if (options.onProgress && n % 5000 === 0) options.onProgress(n / chosen.records.length);
    reader.add(record);
  });
  reader.end();
  return result;
}

/** Any report file: a workbook by its content, otherwise CSV text. */
export async function readReportFile(bytes: Uint8Array, file: string, options: ReadOptions): Promise<ReportFile> {
  return isWorkbook(bytes) ? readWorkbook(bytes, file, options) : readReport(bytes, file, options);
}

type FileColumn = { kind: 'column'; spec: ColumnSpec } | { kind: 'monthly'; monthly: MonthlyColumn } | undefined;

function fileColumn(header: string): FileColumn {
  const monthly = monthlyColumnForHeader(header);
  if (monthly) return { kind: 'monthly', monthly };
  const spec = columnForHeader(header);
  return spec ? { kind: 'column', spec } : undefined;
}

/** Index of the header record among the first records: the first naming enough known columns. */
function findHeader(records: SourceRecord[]): number {
  return records
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.filter((c) => fileColumn(c)).length >= MIN_KNOWN_HEADERS);
}

const MONTHLY_NAMES: Record<MonthlyColumn['measure'], string> = { person_months: '支払対象者数', total_wages_yen: '工賃支払額' };
export const SUMMED_COLUMNS = REPORT_COLUMNS.filter((c) => c.sqlType === 'BIGINT').map((c) => c.name);
const SUMMED_AT = SUMMED_COLUMNS.map((name) => REPORT_COLUMNS.findIndex((c) => c.name === name));
/** Headers a file without a header line should have, for the message that says so. */
const EXAMPLE_HEADERS = ['office_no', 'office_name', 'total_wages_yen', 'person_months'].map((name) => REPORT_COLUMNS.find((c) => c.name === name)!.ja).join(', ');
/** How many lines a summary lists before "…". */
const LISTED = 10;
const listed = (items: (string | number)[]) => items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ', …' : '');

/** A row with every column not reported: one shape for all rows, and "not reported" is never 0. */
const EMPTY_ROW: ReportRow = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, null]));

/**
 * A line's values, by column in REPORT_COLUMNS order: the reader fills one array again for
 * every line, read by index (a million row objects, written and read by name, took a tenth of
 * a thread's time), and makes a row object only for whoever keeps rows (rowOf).
 */
export type RowValues = ReportValue[];
const NAMES = REPORT_COLUMNS.map((c) => c.name);
/** Each column's place in RowValues. */
const AT: Readonly<Record<string, number>> = Object.fromEntries(NAMES.map((name, k) => [name, k]));
const FISCAL_YEAR = AT.fiscal_year!;
const OFFICE_NO = AT.office_no!;
const MUNICIPALITY = AT.municipality!;
const MUNICIPALITY_CODE = AT.municipality_code!;
const AREA = AT.area!;
const SUBMITTED = AT.submitted!;
const OPENED_ON = AT.opened_on!;
const PERSON_MONTHS = AT.person_months!;

/**
 * Whether `raw` may clean to `cleaned` (cleanCell): not when its first character is one that
 * cleaning leaves as it is (printable ASCII, kana, a kanji) and differs from the cleaned
 * text's. Most lines' first cell is told from the header's at a glance.
 */
function mayClean(raw: string, cleaned: string): boolean {
  const first = raw.charCodeAt(0);
  return !(isKeptChar(first) && first !== cleaned.charCodeAt(0));
}

/** A line's values as a row object. */
function rowOf(values: RowValues): ReportRow {
  const row: ReportRow = { ...EMPTY_ROW };
  for (let k = 0; k < NAMES.length; k++) if (values[k] !== null) row[NAMES[k]!] = values[k]!;
  return row;
}

/** What the reader knows of a file column once the header is read. */
interface ColumnPlan {
  index: number;
  field: string;
  /** The field's place in RowValues. */
  column: number;
  spec: ColumnSpec | null;
  monthly: MonthlyColumn | null;
  parse: ((raw: string) => Parsed<string | number | boolean>) | null;
  quick: ((raw: string) => string | number | undefined) | null;
}

export interface RecordReader {
  /** The next record (a CSV record or a sheet row), in file order. */
  add(record: SourceRecord): void;
  /** After the last record: what needs the whole file. */
  end(): void;
  /** After the last record of a part of a file: what the checks of the whole file need of it. */
  state(): PartState;
}

/**
 * Reads a file's records one at a time into `result`: the header among the first ones, then
 * each facility line as it comes, so a million-line file is never held as cells and rows at once.
 */
function recordReader(
  result: ReportFile,
  options: ReadOptions,
  reportedLines = new Set<number>(),
  firstLine = 1,
  keep: (values: RowValues) => void = (values) => void result.rows.push(rowOf(values)),
  expectedRows?: number,
): RecordReader {
  const issue = issuer(result);
  // Ordinary text that is not spaces is not blank: cleanCell is needed only for the rest. A
  // cell starting with printable ASCII, kana or a kanji (which NFKC leaves as they are) is not
  // blank at a glance, as most lines' first cell.
  const isBlank = (cells: string[]) => cells.every((c) => {
    if (isKeptChar(c.charCodeAt(0))) return false;
    const trimmed = c.trim();
    return trimmed === '' || (!isOrdinaryText(trimmed) && cleanCell(trimmed) === '');
  });
  const leading: SourceRecord[] = []; // records before the header is found
  let header: SourceRecord | null = null;
  let reading = false; // false once the header line has an error: the lines cannot be read

  // Set when the header is found.
  let plans: ColumnPlan[] = [];
  let headerNames: string[] = [];
  let headerKey = '';
  let headerFirst = '';
  let seen = new Map<string, number>();
  let monthly = new Set<MonthlyColumn['measure']>();
  let submittedIndex: number | undefined;
  let fileYear: number | null = null;
  const byName = new Map(options.municipalities.map((m) => [m.name, m]));
  const byCode = new Map(options.municipalities.map((m) => [m.code, m]));
  const officeLines = new Map<number, OfficeLines>(); // fiscal year → office number → line
  // A wrong name tends to repeat on many lines: its suggestions are worked out once.
  const suggestions = new Map<string, string[]>();
  const names = options.municipalities.map((m) => m.name);
  const suggest = (name: string) => suggestions.get(name) ?? suggestions.set(name, nearestNames(name, names)).get(name)!;
  const repeatedHeaders: number[] = [];
  const sums = new Map<number | null, number[]>(); // fiscal year → sums of SUMMED_COLUMNS
  // The prefecture's code: the first two digits of its municipalities' codes.
  const prefectureCode = options.municipalities[0]?.code.slice(0, 2);

  function useHeader(record: SourceRecord): void {
    header = record;
    result.headerLine = record.line;
    // A column is named as the file writes it (full-width brackets and all), only trimmed.
    headerNames = record.cells.map((c) => shownValue(c.trim()));
    headerKey = record.cells.map(cleanCell).join('\u0000');
    headerFirst = cleanCell(record.cells[0] ?? '');
    // Lines above the header are titles; one holding an office number is a facility that would be lost.
    for (const r of leading) {
      const at = r.cells.findIndex((c) => parseOfficeNo(c).ok);
      if (at >= 0) issue('error', r.line, at + 1, 'reader.data_above_header', { header: record.line }, { field: 'office_no', value: r.cells[at] });
    }

    // Map each file column to a canonical column or to a month of a monthly measure.
    // Headers not understood: a required column missing is most often one of these, misspelt.
    const unknown: number[] = [];
    const columns: FileColumn[] = record.cells.map((cell, i) => {
      const column = fileColumn(cell);
      if (!column && cleanCell(cell) !== '') {
        issue('warning', record.line, i + 1, 'reader.unknown_column', { column: headerNames[i]! }, { header: cell });
        unknown.push(i);
      }
      return column;
    });
    const months = new Map<string, number>();
    columns.forEach((column, i) => {
      if (!column) return;
      const key = column.kind === 'column' ? column.spec.name : `${column.monthly.measure}:${column.monthly.month}`;
      const index = column.kind === 'column' ? seen : months;
      const first = index.get(key);
      if (first !== undefined) {
        issue('error', record.line, i + 1, 'reader.duplicate_column', { column: headerNames[i]!, first: first + 1 },
          { field: column.kind === 'column' ? column.spec.name : column.monthly.measure, header: record.cells[i] });
        columns[i] = undefined;
      } else index.set(key, i);
    });
    for (const [name, index] of seen) {
      result.columnNumbers[name] = index + 1;
      result.columnHeaders[name] = headerNames[index]!;
    }

    // A measure kept month by month needs all twelve months.
    for (const measure of ['person_months', 'total_wages_yen'] as const) {
      const present = FISCAL_MONTHS.filter((m) => months.has(`${measure}:${m}`));
      if (present.length === 0) continue;
      monthly.add(measure);
      const first = months.get(`${measure}:${present[0]}`)!;
      result.columnNumbers[measure] ??= first + 1;
      result.columnHeaders[measure] ??= headerNames[first]!;
      if (present.length < 12) {
        const missing = FISCAL_MONTHS.filter((m) => !present.includes(m)).join(', ');
        issue('error', record.line, record.cells.length + 1, 'reader.months_missing', { measure: MONTHLY_NAMES[measure], months: missing }, { field: measure });
      }
    }

    fileYear = fiscalYearFromFileName(result.file);
    // A required column missing names the headers not understood, and is put at the one where there is one.
    const unknownNames = unknown.slice(0, 3).map((i) => headerNames[i]!).join(', ') + (unknown.length > 3 ? ', …' : '');
    const missingAt = unknown.length === 1 ? unknown[0]! + 1 : record.cells.length + 1;
    for (const spec of REPORT_COLUMNS) {
      if (!spec.required || seen.has(spec.name) || monthly.has(spec.name as MonthlyColumn['measure'])) continue;
      if (spec.name === 'fiscal_year') {
        if (fileYear === null) issue('error', record.line, record.cells.length + 1, 'reader.no_fiscal_year', {}, { field: spec.name });
        continue;
      }
      const params = { column: spec.ja, name: spec.name, accepted: spec.aliases.join(', ') };
      if (unknown.length > 0) issue('error', record.line, missingAt, 'reader.missing_column_unknown', { ...params, unknown: unknownNames }, { field: spec.name });
      else issue('error', record.line, missingAt, 'reader.missing_column', params, { field: spec.name });
    }
    reading = !result.issues.some((i) => i.severity === 'error' && i.line === record.line);
    submittedIndex = seen.get('submitted');
    plans = columns.flatMap((column, index): ColumnPlan[] => {
      if (!column) return [];
      return column.kind === 'column'
        ? [{ index, field: column.spec.name, column: AT[column.spec.name]!, spec: column.spec, monthly: null, ...readersFor(column.spec, prefectureCode) }]
        : [{ index, field: column.monthly.measure, column: AT[column.monthly.measure]!, spec: null, monthly: column.monthly, parse: null, quick: null }];
    });
  }

  // The line being read, and whether it is still fine: the helpers below say a problem of it.
  // They are made once, not once per line.
  let current: SourceRecord = { cells: [], line: 0 };
  // Each line's values, filled again for every line: whoever keeps them copies them (keep).
  const lineValues: RowValues = new Array<ReportValue>(NAMES.length).fill(null);
  let rowOk = true;
  const fail = (column: number, code: IssueCode, params: IssueParams, extra: IssueExtra = {}) => {
    issue('error', current.line, column, code, params, extra);
    rowOk = false;
  };
  /** A problem with the cell of `plan`. */
  const cellFail = (plan: ColumnPlan, code: IssueCode, params: IssueParams = {}, expected?: IssueExtra['expected']) =>
    fail(plan.index + 1, code, { column: headerNames[plan.index]!, ...params }, { field: plan.field, header: header!.cells[plan.index], value: current.cells[plan.index], expected });
  /** Whether `text` is longer than a value may be: an error if so. */
  const tooLong = (plan: ColumnPlan, text: string) => {
    if (text.length <= MAX_TEXT_LENGTH) return false;
    fail(plan.index + 1, 'reader.too_long', { column: headerNames[plan.index]!, length: text.length, max: MAX_TEXT_LENGTH }, { field: plan.field, header: header!.cells[plan.index] });
    return true;
  };
  const badValue = (plan: ColumnPlan, raw: string, parsed: Extract<Parsed<unknown>, { ok: false }>) =>
    cellFail(plan, parsed.expected === 'expect.non_negative' || parsed.expected === 'expect.triangle_negative' ? 'reader.negative_value' : 'reader.bad_value', { value: shownValue(raw) }, { code: parsed.expected, params: parsed.params ?? {} });

  /** A line held back before its values are read: its facility, where its office number reads at a glance. */
  function holdUnread(cells: string[]): void {
    const at = seen.get('office_no');
    const office = at === undefined ? undefined : quickOfficeNo(cells[at] ?? '');
    if (office !== undefined && fileYear !== null) (result.heldOffices ??= []).push(fileYear, Number(office));
    else result.heldUnnamed = (result.heldUnnamed ?? 0) + 1;
  }

  function readLine(record: SourceRecord): void {
    const { cells, line } = record;
    const headerCells = header!.cells;
    // A header repeated below itself (pages of a printout glued together) is skipped, and said once.
    if (cells.length === headerCells.length && mayClean(cells[0]!, headerFirst) && cleanCell(cells[0]!) === headerFirst && cells.map(cleanCell).join('\u0000') === headerKey) {
      repeatedHeaders.push(line);
      return;
    }
    result.dataLines++;
    // A line in another encoding, or with a broken quote, is already reported as such: its
    // cells say nothing more.
    if (reportedLines.size > 0 && reportedLines.has(line)) {
      holdUnread(cells);
      return;
    }
    if (cells.length !== headerCells.length) {
      // An unquoted 1,200,000 splits into 1 | 200 | 000.
      const split = cells.findIndex((c, i) => /^\d{1,3}$/.test(c.trim()) && /^\d{3}$/.test(cells[i + 1]?.trim() ?? ''));
      if (cells.length > headerCells.length && split >= 0) {
        issue('error', line, split + 1, 'reader.field_count_number', { fields: headerCells.length, found: cells.length, value: shownValue(cells.slice(split, split + 3).join(',')) });
      } else {
        issue('error', line, Math.min(cells.length, headerCells.length) + 1, 'reader.field_count', { fields: headerCells.length, found: cells.length });
      }
      holdUnread(cells);
      return;
    }
    const row = lineValues.fill(null);
    current = record;
    rowOk = true;

    // Whether the facility reported decides which values it must give; empty means it did.
    let submitted = true;
    if (submittedIndex !== undefined) {
      const parsed = parseSubmitted(cells[submittedIndex]!);
      if (parsed.ok) submitted = parsed.value;
    }
    let blankActivities: number[] | null = null; // columns in RowValues
    let answeredActivity = false;
    const monthValues: Record<MonthlyColumn['measure'], { month: number; value: number | null; column: number }[]> | null =
      monthly.size > 0 ? { person_months: [], total_wages_yen: [] } : null;

    for (const plan of plans) {
      const raw = cells[plan.index]!;
      // Most cells are read at once; the rest take every check below.
      const quick = plan.quick?.(raw);
      if (quick !== undefined) {
        if (plan.spec!.type === 'count') answeredActivity = true;
        row[plan.column] = quick;
        continue;
      }
      const ordinary = isOrdinaryText(raw);
      if (!ordinary) {
        if (raw.includes('\uFFFD')) { cellFail(plan, 'reader.bad_bytes'); continue; }
        if (CONTROL.test(raw)) { cellFail(plan, 'reader.control_char'); continue; }
        if (BIDI.test(raw)) { cellFail(plan, 'reader.bidi_char'); continue; }
        // Taken out by cleanCell: said, since the value read is not what the cell holds.
        if (hasZeroWidth(raw)) {
          issue('warning', line, plan.index + 1, 'reader.invisible_removed', { column: headerNames[plan.index]!, value: shownValue(raw) }, { field: plan.field, header: headerCells[plan.index], value: raw });
        }
      }
      // The spaces around a value are not part of it; a value too long after them is not cleaned.
      if (raw.length > MAX_TEXT_LENGTH && tooLong(plan, raw.trim())) continue;
      const text = ordinary ? raw.trim() : cleanCell(raw);
      // NFKC can lengthen a value (㍻ is 平成).
      if (text.length > MAX_TEXT_LENGTH && tooLong(plan, text)) continue;
      if (plan.monthly) {
        const values = monthValues![plan.monthly.measure];
        if (text === '') {
          values.push({ month: plan.monthly.month, value: null, column: plan.index + 1 });
          continue;
        }
        const parsed = parseWholeNumber(text, MAX_OF_TYPE.BIGINT);
        if (!parsed.ok) badValue(plan, raw, parsed);
        else values.push({ month: plan.monthly.month, value: parsed.value, column: plan.index + 1 });
        continue;
      }
      const spec = plan.spec!;
      if (text === '') {
        if (spec.type === 'count') (blankActivities ??= []).push(plan.column);
        else if (spec.required === true || (spec.required === 'if_submitted' && submitted)) cellFail(plan, 'reader.empty_required');
        continue;
      }
      const parsed = plan.parse!(text);
      if (!parsed.ok) {
        badValue(plan, raw, parsed);
        continue;
      }
      if (parsed.note) issue('warning', line, plan.index + 1, parsed.note.code, { column: headerNames[plan.index]!, value: shownValue(raw), ...parsed.note.params }, { field: plan.field, header: headerCells[plan.index], value: raw });
      if (spec.type === 'count') answeredActivity = true;
      row[plan.column] = parsed.value;
    }
    row[SUBMITTED] = submitted;

    // Activity answers: a blank cell is "no" beside an answered one, and "not reported" when
    // the row answers none of them.
    if (blankActivities) for (const c of blankActivities) row[c] = answeredActivity ? 0 : null;

    if (monthValues) {
      // Monthly measures add up to the annual figure; an all-empty measure is not reported.
      for (const measure of monthly) {
        const values = monthValues[measure];
        if (values.length === 0 || values.every((v) => v.value === null)) continue;
        const sum = values.reduce((s, v) => s + (v.value ?? 0), 0);
        const annual = row[AT[measure]!];
        if (annual !== null && annual !== sum) {
          fail(seen.get(measure)! + 1, 'reader.sum_mismatch', { column: headerNames[seen.get(measure)!]!, annual: annual as number, sum }, { field: measure, value: String(annual) });
          continue;
        }
        row[AT[measure]!] = sum;
      }
      if (monthly.has('total_wages_yen') && monthly.has('person_months')) {
        const paid = new Map(monthValues.person_months.map((v) => [v.month, v.value ?? 0]));
        for (const v of monthValues.total_wages_yen) {
          if ((v.value ?? 0) > 0 && (paid.get(v.month) ?? 0) === 0) {
            fail(v.column, 'reader.paid_nobody', { column: headerNames[v.column - 1]!, value: v.value!, month: String(v.month) }, { field: 'total_wages_yen', value: String(v.value) });
          }
        }
      }
      if (submitted) {
        for (const measure of monthly) {
          if (row[AT[measure]!] === null && !seen.has(measure)) fail(result.columnNumbers[measure]!, 'reader.empty_every_month', { measure: MONTHLY_NAMES[measure] }, { field: measure });
        }
      }
    }

    // Fiscal year: the file name and a column must agree when both are given.
    const yearColumn = seen.get('fiscal_year');
    if (row[FISCAL_YEAR] === null && fileYear !== null) row[FISCAL_YEAR] = fileYear;
    else if (fileYear !== null && row[FISCAL_YEAR] !== null && row[FISCAL_YEAR] !== fileYear) {
      fail((yearColumn ?? 0) + 1, 'reader.year_mismatch', { column: headerNames[yearColumn ?? 0]!, year: String(row[FISCAL_YEAR]), fileYear: String(fileYear) }, { field: 'fiscal_year', value: String(row[FISCAL_YEAR]) });
    }
    const year = row[FISCAL_YEAR];
    const fy = typeof year === 'number' ? year : null;

    const opened = row[OPENED_ON];
    if (typeof opened === 'string' && fy !== null && fiscalYearOfDate(opened) > fy) {
      fail(seen.get('opened_on')! + 1, 'reader.opened_after_year', { column: headerNames[seen.get('opened_on')!]!, date: opened, year: String(fy), end: `${fy + 1}-03-31` }, { field: 'opened_on', value: opened });
    }
    if (submitted && row[PERSON_MONTHS] === 0) {
      fail(result.columnNumbers.person_months!, 'reader.zero_person_months', { column: result.columnHeaders.person_months! }, { field: 'person_months', value: '0' });
    }
    const office = row[OFFICE_NO];
    let repeated = false; // the facility is on an earlier line of the year
    if (typeof office === 'string' && fy !== null) {
      let lines = officeLines.get(fy);
      // The first year met is most often the file's only one: room for every line at once.
      if (!lines) officeLines.set(fy, (lines = new OfficeLines(officeLines.size === 0 ? expectedRows : undefined)));
      // Ten digits are one exact number: a faster key than the text, for a million offices.
      const first = lines.firstOrSet(Number(office), line);
      if (first !== undefined) {
        repeated = true;
        fail(seen.get('office_no')! + 1, 'reader.duplicate_office', { office, line: first, year: String(fy) }, { field: 'office_no', value: office });
      }
    }
    if (!checkMunicipality(row, line, seen, byName, byCode, suggest, issue)) rowOk = false;

    // Once per facility: a line repeating one is not needed to find it (a file read in parts drops it there).
    if (!rowOk && !repeated && typeof office === 'string' && fy !== null) (result.heldOffices ??= []).push(fy, Number(office));
    else if (!rowOk && typeof office !== 'string') result.heldUnnamed = (result.heldUnnamed ?? 0) + 1;
    if (rowOk) {
      keep(row);
      result.rowLines.push(line);
      let yearSums = sums.get(fy);
      if (!yearSums) sums.set(fy, (yearSums = SUMMED_COLUMNS.map(() => 0)));
      for (let k = 0; k < SUMMED_COLUMNS.length; k++) {
        const value = row[SUMMED_AT[k]!];
        if (typeof value === 'number') yearSums[k]! += value;
      }
    }
  }

  return {
    add(record) {
      if (header === null) {
        if (leading.length >= HEADER_SEARCH_ROWS) return; // no header: end() says so
        if (record.cells.filter((c) => fileColumn(c)).length >= MIN_KNOWN_HEADERS) useHeader(record);
        else leading.push(record);
        return;
      }
      // Lines before a later part's first are the header's neighbours, read by the first part.
      if (record.line < firstLine || isBlank(record.cells)) return;
      if (reading) readLine(record);
      // Lines under a header that cannot be read are counted, so no line goes uncounted.
      else result.dataLines++;
    },
    end() {
      if (header === null) {
        if (leading.every((r) => isBlank(r.cells))) issue('error', 1, 1, 'reader.empty_file');
        else issue('error', 1, 1, 'reader.no_header', { rows: HEADER_SEARCH_ROWS, examples: EXAMPLE_HEADERS });
        return;
      }
      if (reading) wholeFileChecks(result, repeatedHeaders, sums);
    },
    state() {
      return {
        reading: header !== null && reading,
        repeatedHeaders,
        sums: [...sums],
        offices: [...officeLines].map(([year, lines]) => ({ year, ...lines.entries() })),
      };
    },
  };
}

/** Checks of a whole file once its lines are read: a repeated header, no rows, sums too large. */
export function wholeFileChecks(result: ReportFile, repeatedHeaders: number[], sums: Iterable<[number | null, number[]]>): void {
  const issue = issuer(result);
  if (repeatedHeaders.length > 0) {
    issue('warning', repeatedHeaders[0]!, 1, 'reader.repeated_header', { first: result.headerLine, count: repeatedHeaders.length, lines: listed(repeatedHeaders) });
  }
  if (result.dataLines === 0) issue('error', result.headerLine, 1, 'reader.no_rows');
  // A year's totals must stay exact numbers wherever they are added up.
  for (const [year, yearSums] of sums) {
    yearSums.forEach((sum, k) => {
      if (sum <= Number.MAX_SAFE_INTEGER) return;
      const name = SUMMED_COLUMNS[k]!;
      issue('error', result.headerLine, result.columnNumbers[name] ?? 1, 'reader.sum_too_large', { column: result.columnHeaders[name] ?? name, year: String(year), max: Number.MAX_SAFE_INTEGER }, { field: name });
    });
  }
}

/**
 * Checks the municipality against the reference list and fills its code and area. An
 * unknown name is an error (naming the nearest known ones): counted in the prefecture but in
 * no area, the areas would not add up to it.
 */
function checkMunicipality(
  row: RowValues,
  line: number,
  seen: Map<string, number>,
  byName: Map<string, Municipality>,
  byCode: Map<string, Municipality>,
  suggest: (name: string) => string[],
  issue: Issue,
): boolean {
  const given = row[MUNICIPALITY];
  const name = typeof given === 'string' ? given : null;
  if (name === null) return true;
  const col = (field: string) => (seen.get(field) ?? seen.get('municipality')!) + 1;
  const known = byName.get(name);
  if (!known) {
    // A code given beside the name says which municipality was meant, first of all.
    const code = row[MUNICIPALITY_CODE];
    const coded = code === null ? undefined : byCode.get(String(code))?.name;
    const near = suggest(name);
    const suggestions = coded === undefined ? near : [coded, ...near.filter((n) => n !== coded)];
    if (suggestions.length > 0) issue('error', line, col('municipality'), 'reader.unknown_municipality', { name: shownValue(name), suggestions: suggestions.join(', ') }, { field: 'municipality', value: name });
    else issue('error', line, col('municipality'), 'reader.unknown_municipality_plain', { name: shownValue(name) }, { field: 'municipality', value: name });
    return false;
  }
  const code = row[MUNICIPALITY_CODE];
  if (code !== null && code !== known.code) {
    const other = byCode.get(String(code));
    if (other) issue('warning', line, col('municipality_code'), 'reader.code_mismatch', { code: shownValue(String(code)), other: other.name, name, known: known.code }, { field: 'municipality_code', value: String(code) });
    else issue('warning', line, col('municipality_code'), 'reader.code_not_of', { code: shownValue(String(code)), name, known: known.code }, { field: 'municipality_code', value: String(code) });
  }
  // The reference list's own strings: a million rows share a few hundred names.
  row[MUNICIPALITY] = known.name;
  row[MUNICIPALITY_CODE] = known.code;
  const area = row[AREA];
  if (area !== null && area !== known.area) {
    issue('warning', line, col('area'), 'reader.area_mismatch', { area: shownValue(String(area)), name, known: known.area }, { field: 'area', value: String(area) });
  }
  row[AREA] = known.area;
  return true;
}
