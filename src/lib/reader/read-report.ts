// The one reader of report files. Every consumer (build, CLI, tests, browser) turns a
// file's bytes into canonical rows here, with every problem located by line and column.

import Papa from 'papaparse';
import type { Municipality } from '../reference.ts';
import { REPORT_COLUMNS, columnForHeader, type ColumnSpec, type ReportRow } from '../schema.ts';
import { BinaryFileError, decodeReport, type Encoding } from './decode.ts';
import {
  cleanCell,
  fiscalYearOfDate,
  parseDate,
  parseFiscalYear,
  parseFlagOrCount,
  parseOfficeNo,
  parseWholeNumber,
  type Parsed,
} from './values.ts';

export type Severity = 'error' | 'warning';

export interface ReportIssue {
  severity: Severity;
  file: string;
  /** 1-based physical line; the header line is 1 when the file starts with it. */
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
}

export interface ReportFile {
  file: string;
  encoding: Encoding | null;
  rows: ReportRow[];
  /** Physical line of each row in `rows`, for later checks that need a location. */
  rowLines: number[];
  /** 1-based column number of each canonical column found in the file. */
  columnNumbers: Record<string, number>;
  /** Line of the header. */
  headerLine: number;
  issues: ReportIssue[];
}

/** `fy2019.csv`, `FY2019_工賃実績.csv` → 2019. */
export function fiscalYearFromFileName(fileName: string): number | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /(?:^|[^a-z])fy(\d{4})(?!\d)/i.exec(base);
  return m ? Number(m[1]) : null;
}

const HEADER_SEARCH_ROWS = 10;
const MIN_KNOWN_HEADERS = 3;

function parserFor(column: ColumnSpec): (raw: string) => Parsed<string | number> {
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

export function readReport(bytes: Uint8Array, file: string, options: ReadOptions): ReportFile {
  const result: ReportFile = { file, encoding: null, rows: [], rowLines: [], columnNumbers: {}, headerLine: 1, issues: [] };
  const issue = (severity: Severity, line: number, column: number, message: string, field?: string, value?: string) => {
    const entry: ReportIssue = { severity, file, line, column, message };
    if (field !== undefined) entry.field = field;
    if (value !== undefined) entry.value = value;
    result.issues.push(entry);
  };

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
  const records: { cells: string[]; line: number }[] = [];
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

  const isBlank = (cells: string[]) => cells.every((c) => cleanCell(c) === '');
  const headerIndex = records
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.filter((c) => columnForHeader(c)).length >= MIN_KNOWN_HEADERS);
  if (headerIndex < 0) {
    issue('error', 1, 1, records.length === 0 || records.every((r) => isBlank(r.cells))
      ? 'the file is empty: expected a header line and one line per facility'
      : `no header line found in the first ${HEADER_SEARCH_ROWS} lines: expected column names such as 事業所番号, 事業所名, 工賃支払総額, 延べ人数`);
    return result;
  }
  const header = records[headerIndex]!;
  result.headerLine = header.line;

  // Map each file column to a canonical column.
  const columns: (ColumnSpec | undefined)[] = header.cells.map((cell, i) => {
    const spec = columnForHeader(cell);
    if (!spec && cleanCell(cell) !== '') {
      issue('warning', header.line, i + 1, `unknown column "${cell}" is ignored`, undefined, cell);
    }
    return spec;
  });
  const seen = new Map<string, number>();
  columns.forEach((spec, i) => {
    if (!spec) return;
    const first = seen.get(spec.name);
    if (first !== undefined) {
      issue('error', header.line, i + 1, `column ${spec.ja} (${spec.name}) appears twice (first in column ${first + 1})`, spec.name, header.cells[i]);
      columns[i] = undefined;
    } else seen.set(spec.name, i);
  });

  for (const [name, index] of seen) result.columnNumbers[name] = index + 1;

  const fileYear = fiscalYearFromFileName(file);
  for (const spec of REPORT_COLUMNS) {
    if (!spec.required || seen.has(spec.name)) continue;
    if (spec.name === 'fiscal_year' && fileYear !== null) continue;
    const message =
      spec.name === 'fiscal_year'
        ? 'the fiscal year is unknown: name the file fyYYYY.csv (e.g. fy2019.csv) or add a 年度 (fiscal_year) column'
        : `missing required column ${spec.ja} (${spec.name}); accepted headers: ${[spec.name, ...spec.aliases].join(', ')}`;
    issue('error', header.line, header.cells.length + 1, message, spec.name);
  }
  if (result.issues.some((i) => i.severity === 'error' && i.line === header.line)) return result;

  const parsers = columns.map((spec) => (spec ? parserFor(spec) : undefined));
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
    // Columns absent from the file stay null; an empty activity cell in a present column means 0.
    for (const spec of REPORT_COLUMNS) row[spec.name] = null;
    let rowOk = true;
    cells.forEach((raw, i) => {
      const spec = columns[i];
      const parse = parsers[i];
      if (!spec || !parse) return;
      if (raw.includes('\uFFFD')) {
        issue('error', line, i + 1, `${spec.ja} (${spec.name}) holds bytes that are neither UTF-8 nor Shift_JIS`, spec.name, raw);
        rowOk = false;
        return;
      }
      const text = cleanCell(raw);
      if (text === '' && spec.type !== 'count') {
        if (spec.required) {
          issue('error', line, i + 1, `${spec.ja} (${spec.name}) is empty: a value is required`, spec.name, raw);
          rowOk = false;
        }
        return;
      }
      const parsed = parse(raw);
      if (!parsed.ok) {
        issue('error', line, i + 1, `${spec.ja} (${spec.name}): expected ${parsed.expected}, got "${raw}"`, spec.name, raw);
        rowOk = false;
        return;
      }
      row[spec.name] = parsed.value;
    });

    // Fiscal year: the file name and a column must agree when both are given.
    const yearColumn = seen.get('fiscal_year');
    if (row.fiscal_year === null && fileYear !== null) row.fiscal_year = fileYear;
    else if (fileYear !== null && row.fiscal_year !== null && row.fiscal_year !== fileYear) {
      issue('error', line, (yearColumn ?? 0) + 1, `年度 (fiscal_year) is ${row.fiscal_year} but the file name says FY${fileYear}`, 'fiscal_year', String(row.fiscal_year));
      rowOk = false;
    }
    const fy = typeof row.fiscal_year === 'number' ? row.fiscal_year : null;

    if (typeof row.opened_on === 'string' && fy !== null && fiscalYearOfDate(row.opened_on) > fy) {
      issue('error', line, seen.get('opened_on')! + 1,
        `指定年月日 (opened_on) ${row.opened_on} is after FY${fy} ends (${fy + 1}-03-31)`, 'opened_on', row.opened_on);
      rowOk = false;
    }
    if (row.person_months === 0) {
      issue('error', line, seen.get('person_months')! + 1,
        '延べ人数 (person_months) is 0: the average wage needs more than 0 person-months', 'person_months', '0');
      rowOk = false;
    }
    if (typeof row.office_no === 'string' && fy !== null) {
      const key = `${fy}:${row.office_no}`;
      const first = officeLines.get(key);
      if (first !== undefined) {
        issue('error', line, seen.get('office_no')! + 1,
          `事業所番号 (office_no) ${row.office_no} already appears on line ${first} for FY${fy}`, 'office_no', row.office_no);
        rowOk = false;
      } else officeLines.set(key, line);
    }
    fillMunicipality(row, line, seen, byName, byCode, issue);

    if (rowOk) {
      result.rows.push(row);
      result.rowLines.push(line);
    }
  }
  return result;
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
