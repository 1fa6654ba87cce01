// The one reader of report files. Every consumer (build, CLI, tests, browser) turns a
// file's bytes into canonical rows here, with every problem located by line and column
// (CSV) or by sheet and cell (Excel workbooks). CSV text and a workbook's sheet both become
// records of text cells, read by the same code.

import Papa from 'papaparse';
import type { Municipality } from '../reference.ts';
import {
  FISCAL_MONTHS,
  REPORT_COLUMNS,
  columnForHeader,
  monthlyColumnForHeader,
  type ColumnSpec,
  type MonthlyColumn,
  type ReportRow,
} from '../schema.ts';
import { BinaryFileError, decodeReport, type Encoding } from './decode.ts';
import {
  cleanCell,
  fiscalYearOfDate,
  parseDate,
  parseFiscalYear,
  parseFlagOrCount,
  parseOfficeNo,
  parseSubmitted,
  parseWholeNumber,
  type Parsed,
} from './values.ts';
import { isWorkbook, workbookRecords, WorkbookError, type SourceRecord } from './workbook.ts';

export type Severity = 'error' | 'warning';

export interface ReportIssue {
  severity: Severity;
  file: string;
  /** The sheet of a workbook; absent for CSV. */
  sheet?: string;
  /** 1-based physical line (CSV) or row (workbook); the header line is 1 when the file starts with it. */
  line: number;
  /** 1-based column (field) number. */
  column: number;
  /** Canonical column name, when the problem belongs to one. */
  field?: string;
  value?: string;
  message: string;
}

export interface ReadOptions {
  /** Reference list used to fill municipality_code and area. */
  municipalities: Municipality[];
  /** Called now and then with the share of the text parsed (0–1), for progress bars. */
  onProgress?: (fraction: number) => void;
  /** The sheet of a workbook to read; by default the first one with a header line. */
  sheet?: string;
}

export interface ReportFile {
  file: string;
  encoding: Encoding | 'xlsx' | null;
  /** The sheet read, for a workbook. */
  sheet: string | null;
  rows: ReportRow[];
  /** Physical line (or sheet row) of each row in `rows`, for later checks that need a location. */
  rowLines: number[];
  /** 1-based column number of each canonical column found in the file. */
  columnNumbers: Record<string, number>;
  /** Line of the header. */
  headerLine: number;
  issues: ReportIssue[];
}

/** `fy2019.csv`, `FY2019_工賃実績.xlsx` → 2019. */
export function fiscalYearFromFileName(fileName: string): number | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /(?:^|[^a-z])fy(\d{4})(?!\d)/i.exec(base);
  return m ? Number(m[1]) : null;
}

const HEADER_SEARCH_ROWS = 10;
const MIN_KNOWN_HEADERS = 3;

function parserFor(column: ColumnSpec): (raw: string) => Parsed<string | number | boolean> {
  switch (column.type) {
    case 'office_no':
      return parseOfficeNo;
    case 'integer':
    case 'yen':
      return column.name === 'fiscal_year' ? parseFiscalYear : parseWholeNumber;
    case 'date':
      return parseDate;
    case 'count':
      return parseFlagOrCount;
    case 'submitted':
      return parseSubmitted;
    case 'text':
      return (raw) => ({ ok: true, value: cleanCell(raw) });
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const emptyResult = (file: string): ReportFile =>
  ({ file, encoding: null, sheet: null, rows: [], rowLines: [], columnNumbers: {}, headerLine: 1, issues: [] });

function issuer(result: ReportFile) {
  return (severity: Severity, line: number, column: number, message: string, field?: string, value?: string) => {
    const entry: ReportIssue = { severity, file: result.file, line, column, message };
    if (result.sheet !== null) entry.sheet = result.sheet;
    if (field !== undefined) entry.field = field;
    if (value !== undefined) entry.value = value;
    result.issues.push(entry);
  };
}

/** A report file as CSV text (UTF-8, UTF-16 or Shift_JIS). Workbooks go through readReportFile. */
export function readReport(bytes: Uint8Array, file: string, options: ReadOptions): ReportFile {
  const result = emptyResult(file);
  const issue = issuer(result);
  if (isWorkbook(bytes)) {
    issue('error', 1, 1, 'this is an Excel workbook (.xlsx): read it with the workbook reader');
    return result;
  }
  let text: string;
  try {
    const decoded = decodeReport(bytes);
    text = decoded.text;
    result.encoding = decoded.encoding;
  } catch (e) {
    if (!(e instanceof BinaryFileError)) throw e;
    issue('error', 1, 1, e.message);
    return result;
  }

  const starts = lineStarts(text);
  const records: SourceRecord[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (step) => {
      const line = lineAt(starts, cursor);
      cursor = step.meta.cursor;
      if (options.onProgress && records.length % 5000 === 0) options.onProgress(cursor / Math.max(1, text.length) / 2);
      for (const err of step.errors) {
        const where = err.index !== undefined ? lineAt(starts, err.index) : line;
        const message =
          err.code === 'MissingQuotes'
            ? 'a quoted field is never closed (a " without its closing ")'
            : `CSV syntax: ${err.message}`;
        issue('error', where, 1, message);
      }
      records.push({ cells: step.data, line });
    },
  });
  readRecords(records, result, options);
  return result;
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
    issuer(result)('error', 1, 1, e.message);
    return result;
  }
  const named = options.sheet;
  const chosen = named !== undefined
    ? sheets.find((s) => s.sheet === named)
    : sheets.find((s) => findHeader(s.records) >= 0) ?? sheets[0];
  if (!chosen) {
    issuer(result)('error', 1, 1, `there is no sheet "${named}" in the workbook; its sheets are ${sheets.map((s) => `"${s.sheet}"`).join(', ')}`);
    return result;
  }
  result.sheet = chosen.sheet;
  readRecords(chosen.records, result, options);
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
const ACTIVITY_COLUMNS = REPORT_COLUMNS.filter((c) => c.type === 'count').map((c) => c.name);

/** Header, columns and rows of a file's records, into `result`. */
function readRecords(records: SourceRecord[], result: ReportFile, options: ReadOptions): void {
  const issue = issuer(result);
  const isBlank = (cells: string[]) => cells.every((c) => cleanCell(c) === '');
  const headerIndex = findHeader(records);
  if (headerIndex < 0) {
    issue('error', 1, 1, records.length === 0 || records.every((r) => isBlank(r.cells))
      ? 'the file is empty: expected a header line and one line per facility'
      : `no header line found in the first ${HEADER_SEARCH_ROWS} lines: expected column names such as 事業所番号, 事業所名, 工賃支払総額, 延べ人数`);
    return;
  }
  const header = records[headerIndex]!;
  result.headerLine = header.line;

  // Map each file column to a canonical column or to a month of a monthly measure.
  const columns: FileColumn[] = header.cells.map((cell, i) => {
    const column = fileColumn(cell);
    if (!column && cleanCell(cell) !== '') {
      issue('warning', header.line, i + 1, `unknown column "${cell}" is ignored`, undefined, cell);
    }
    return column;
  });
  const seen = new Map<string, number>();
  const months = new Map<string, number>();
  columns.forEach((column, i) => {
    if (!column) return;
    const key = column.kind === 'column' ? column.spec.name : `${column.monthly.measure}:${column.monthly.month}`;
    const index = column.kind === 'column' ? seen : months;
    const first = index.get(key);
    if (first !== undefined) {
      const name = column.kind === 'column' ? `${column.spec.ja} (${column.spec.name})` : `${column.monthly.month}月${MONTHLY_NAMES[column.monthly.measure]}`;
      issue('error', header.line, i + 1, `column ${name} appears twice (first in column ${first + 1})`, column.kind === 'column' ? column.spec.name : column.monthly.measure, header.cells[i]);
      columns[i] = undefined;
    } else index.set(key, i);
  });
  for (const [name, index] of seen) result.columnNumbers[name] = index + 1;

  // A measure kept month by month needs all twelve months.
  const monthly = new Set<MonthlyColumn['measure']>();
  for (const measure of ['person_months', 'total_wages_yen'] as const) {
    const present = FISCAL_MONTHS.filter((m) => months.has(`${measure}:${m}`));
    if (present.length === 0) continue;
    monthly.add(measure);
    result.columnNumbers[measure] ??= months.get(`${measure}:${present[0]}`)! + 1;
    if (present.length < 12) {
      const missing = FISCAL_MONTHS.filter((m) => !present.includes(m)).map((m) => `${m}月`).join(', ');
      issue('error', header.line, header.cells.length + 1, `monthly columns of ${MONTHLY_NAMES[measure]} are missing for ${missing}: all twelve months are needed`, measure);
    }
  }

  const fileYear = fiscalYearFromFileName(result.file);
  for (const spec of REPORT_COLUMNS) {
    if (!spec.required || seen.has(spec.name) || monthly.has(spec.name as MonthlyColumn['measure'])) continue;
    if (spec.name === 'fiscal_year' && fileYear !== null) continue;
    const message =
      spec.name === 'fiscal_year'
        ? 'the fiscal year is unknown: name the file fyYYYY.csv (e.g. fy2019.csv) or add a 年度 (fiscal_year) column'
        : `missing required column ${spec.ja} (${spec.name}); accepted headers: ${[spec.name, ...spec.aliases].join(', ')}`;
    issue('error', header.line, header.cells.length + 1, message, spec.name);
  }
  if (result.issues.some((i) => i.severity === 'error' && i.line === header.line)) return;

  const parsers = columns.map((column) => (column?.kind === 'column' ? parserFor(column.spec) : undefined));
  const submittedIndex = seen.get('submitted');
  const byName = new Map(options.municipalities.map((m) => [m.name, m]));
  const byCode = new Map(options.municipalities.map((m) => [m.code, m]));
  const officeLines = new Map<string, number>();

  const body = records.slice(headerIndex + 1);
  for (const [n, record] of body.entries()) {
    if (options.onProgress && n % 5000 === 0) options.onProgress(0.5 + n / Math.max(1, body.length) / 2);
    if (isBlank(record.cells)) continue;
    const { cells, line } = record;
    if (cells.length !== header.cells.length) {
      issue('error', line, Math.min(cells.length, header.cells.length) + 1,
        `expected ${header.cells.length} fields like the header, found ${cells.length}`);
      continue;
    }
    const row: ReportRow = {};
    // Columns absent from the file stay null: not reported is never 0.
    for (const spec of REPORT_COLUMNS) row[spec.name] = null;
    let rowOk = true;
    const fail = (column: number, message: string, field?: string, value?: string) => {
      issue('error', line, column, message, field, value);
      rowOk = false;
    };

    // Whether the facility reported decides which values it must give; empty means it did.
    let submitted = true;
    if (submittedIndex !== undefined) {
      const parsed = parseSubmitted(cells[submittedIndex]!);
      if (parsed.ok) submitted = parsed.value;
    }
    const blankActivities: string[] = [];
    const monthValues: Record<MonthlyColumn['measure'], { month: number; value: number | null; column: number }[]> = { person_months: [], total_wages_yen: [] };

    cells.forEach((raw, i) => {
      const column = columns[i];
      if (!column) return;
      const name = column.kind === 'column' ? `${column.spec.ja} (${column.spec.name})` : `${column.monthly.month}月${MONTHLY_NAMES[column.monthly.measure]}`;
      const field = column.kind === 'column' ? column.spec.name : column.monthly.measure;
      if (raw.includes('\uFFFD')) {
        fail(i + 1, `${name} holds bytes that are neither UTF-8 nor Shift_JIS`, field, raw);
        return;
      }
      const text = cleanCell(raw);
      if (column.kind === 'monthly') {
        if (text === '') {
          monthValues[column.monthly.measure].push({ month: column.monthly.month, value: null, column: i + 1 });
          return;
        }
        const parsed = parseWholeNumber(raw);
        if (!parsed.ok) fail(i + 1, `${name}: expected ${parsed.expected}, got "${raw}"`, field, raw);
        else monthValues[column.monthly.measure].push({ month: column.monthly.month, value: parsed.value, column: i + 1 });
        return;
      }
      const spec = column.spec;
      if (text === '') {
        if (spec.type === 'count') blankActivities.push(spec.name);
        else if (spec.required === true || (spec.required === 'if_submitted' && submitted)) fail(i + 1, `${name} is empty: a value is required`, spec.name, raw);
        return;
      }
      const parsed = parsers[i]!(raw);
      if (!parsed.ok) {
        fail(i + 1, `${name}: expected ${parsed.expected}, got "${raw}"`, spec.name, raw);
        return;
      }
      row[spec.name] = parsed.value;
    });
    row.submitted = submitted;

    // Activity answers: a blank cell is "no" beside an answered one, and "not reported" when
    // the row answers none of them.
    const answered = ACTIVITY_COLUMNS.some((c) => seen.has(c) && !blankActivities.includes(c));
    for (const c of blankActivities) row[c] = answered ? 0 : null;

    // Monthly measures add up to the annual figure; an all-empty measure is not reported.
    for (const measure of monthly) {
      const values = monthValues[measure];
      if (values.length === 0 || values.every((v) => v.value === null)) continue;
      const sum = values.reduce((s, v) => s + (v.value ?? 0), 0);
      const annual = row[measure];
      if (annual !== null && annual !== sum) {
        fail(seen.get(measure)! + 1, `${REPORT_COLUMNS.find((c) => c.name === measure)!.ja} (${measure}) ${annual} differs from the sum of its months, ${sum}`, measure, String(annual));
        continue;
      }
      row[measure] = sum;
    }
    if (monthly.has('total_wages_yen') && monthly.has('person_months')) {
      const paid = new Map(monthValues.person_months.map((v) => [v.month, v.value ?? 0]));
      for (const v of monthValues.total_wages_yen) {
        if ((v.value ?? 0) > 0 && (paid.get(v.month) ?? 0) === 0) {
          fail(v.column, `${v.month}月${MONTHLY_NAMES.total_wages_yen} ${v.value} is paid, but nobody is paid in ${v.month}月 (${MONTHLY_NAMES.person_months})`, 'total_wages_yen', String(v.value));
        }
      }
    }
    if (submitted) {
      for (const measure of monthly) {
        if (row[measure] === null && !seen.has(measure)) fail(result.columnNumbers[measure]!, `${REPORT_COLUMNS.find((c) => c.name === measure)!.ja} (${measure}) is empty in every month: a value is required`, measure);
      }
    }

    // Fiscal year: the file name and a column must agree when both are given.
    const yearColumn = seen.get('fiscal_year');
    if (row.fiscal_year === null && fileYear !== null) row.fiscal_year = fileYear;
    else if (fileYear !== null && row.fiscal_year !== null && row.fiscal_year !== fileYear) {
      fail((yearColumn ?? 0) + 1, `年度 (fiscal_year) is ${row.fiscal_year} but the file name says FY${fileYear}`, 'fiscal_year', String(row.fiscal_year));
    }
    const fy = typeof row.fiscal_year === 'number' ? row.fiscal_year : null;

    if (typeof row.opened_on === 'string' && fy !== null && fiscalYearOfDate(row.opened_on) > fy) {
      fail(seen.get('opened_on')! + 1, `指定年月日 (opened_on) ${row.opened_on} is after FY${fy} ends (${fy + 1}-03-31)`, 'opened_on', row.opened_on);
    }
    if (submitted && row.person_months === 0) {
      fail(result.columnNumbers.person_months!, '延べ人数 (person_months) is 0: the average wage needs more than 0 person-months', 'person_months', '0');
    }
    if (typeof row.office_no === 'string' && fy !== null) {
      const key = `${fy}:${row.office_no}`;
      const first = officeLines.get(key);
      if (first !== undefined) {
        fail(seen.get('office_no')! + 1, `事業所番号 (office_no) ${row.office_no} already appears on line ${first} for FY${fy}`, 'office_no', row.office_no);
      } else officeLines.set(key, line);
    }
    fillMunicipality(row, line, seen, byName, byCode, issue);

    if (rowOk) {
      result.rows.push(row);
      result.rowLines.push(line);
    }
  }
}

function fillMunicipality(
  row: ReportRow,
  line: number,
  seen: Map<string, number>,
  byName: Map<string, Municipality>,
  byCode: Map<string, Municipality>,
  issue: (s: Severity, line: number, col: number, msg: string, field?: string, value?: string) => void,
) {
  const name = typeof row.municipality === 'string' ? row.municipality : null;
  if (name === null) return;
  const col = (field: string) => (seen.get(field) ?? seen.get('municipality')!) + 1;
  const known = byName.get(name);
  if (!known) {
    issue('warning', line, col('municipality'), `市町村 (municipality) "${name}" is not in the municipality list: its area and code stay empty`, 'municipality', name);
    return;
  }
  const code = row.municipality_code;
  if (code !== null && code !== known.code) {
    const other = byCode.get(String(code));
    issue('warning', line, col('municipality_code'),
      `市町村コード (municipality_code) ${code}${other ? ` is ${other.name}` : ''}, but 市町村 is ${name} (${known.code})`, 'municipality_code', String(code));
  }
  row.municipality_code = known.code;
  if (row.area !== null && row.area !== known.area) {
    issue('warning', line, col('area'), `圏域 (area) "${row.area}" differs from ${name}'s area ${known.area}`, 'area', String(row.area));
  } else row.area = known.area;
}
