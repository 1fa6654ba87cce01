// Reads and validates dropped report files off the main thread, with the same reader and
// validator as `kouchin validate`, so the page stays responsive on large files. Problems come
// back as codes; the page puts them into its own language.

import Papa from 'papaparse';
import { canonicalCsvBytes, canonicalLines } from '../lib/reader/canonical-csv.ts';
import type { Municipality } from '../lib/reference.ts';
import { fiscalYearFromFileName, readReport, readReportFile, type ReportFile } from '../lib/reader/read-report.ts';
import type { ReportRow } from '../lib/schema.ts';
import { conflictingRows, crossCheckReport, crossFileConflicts } from '../lib/reader/validate.ts';

export interface ImportRequest {
  /** The picked files themselves: their bytes are read here, not on the page's thread (90 MB for a million rows). */
  files: File[];
  publishedCsv: string;
  municipalitiesCsv: string;
  /** The plan's sheet of report workbooks, if it names one. */
  sheet?: string;
  /** How many names of a long list (new facilities) the page shows; only those are sent. */
  listed: number;
}

/** A file as checked: everything but its rows. */
export type FileSummary = Omit<ReportFile, 'rows' | 'rowLines'>;

/**
 * What comes back to the page. Rows stay in the worker: cloning 100,000 row objects into the
 * page would block its main thread for a second; text (CSV) crosses cheaply.
 */
export type ImportMessage =
  | { type: 'progress'; file: string; fraction: number }
  | {
    type: 'file';
    report: FileSummary;
    rowCount: number;
    fiscalYears: number[];
    /** Years of the file that are published already (publishing it replaces them). */
    publishedYears: number[];
    /** Facilities not in the published previous year: how many, and the first `listed` (office number and name). */
    newOfficeCount: number;
    newOffices: string[];
    milliseconds: number;
  }
  // CSVs travel as UTF-8 bytes, transferred: a 90 MB string would be copied on the page's thread.
  | { type: 'csv'; year: number; canonicalCsv: Uint8Array<ArrayBuffer> }
  | { type: 'done'; mergedCsv: Uint8Array<ArrayBuffer> | null; replacedYears: number[] }
  | { type: 'failed'; message: string };

const post = (message: ImportMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    const { files, publishedCsv, municipalitiesCsv, sheet, listed } = event.data;
    const municipalities = Papa.parse<Municipality>(municipalitiesCsv, { header: true, skipEmptyLines: true }).data;
    // The published data is itself a canonical report file, read by the same reader.
    const published = readReport(new TextEncoder().encode(publishedCsv), 'reports.csv', { municipalities }).rows;
    const reports: ReportFile[] = [];
    const timings: number[] = [];
    for (const file of files) {
      const { name } = file;
      const started = performance.now();
      const bytes = new Uint8Array(await file.arrayBuffer());
      let last = 0;
      reports.push(await readReportFile(bytes, name, {
        municipalities,
        ...(sheet === undefined ? {} : { sheet }),
        onProgress: (fraction) => {
          if (fraction - last >= 0.02) post({ type: 'progress', file: name, fraction: (last = fraction) });
        },
      }));
      timings.push(performance.now() - started);
    }
    // The dropped files replace the published data of their years; a year may be spread over
    // several files, which are checked together.
    const droppedYears = new Set(reports.flatMap((r) => r.rows.map((row) => row.fiscal_year)));
    const other = published.filter((r) => !droppedYears.has(r.fiscal_year));
    const conflicts = crossFileConflicts(reports);
    const publishedYearSet = new Set(published.map((r) => r.fiscal_year as number));
    const checked: { rows: ReportRow[]; clean: boolean; years: number[] }[] = [];
    reports.forEach((report, i) => {
      const siblings = reports.filter((r) => r !== report).flatMap((r) => r.rows);
      // Concatenation, not push(...x): 100,000 arguments would overflow the stack.
      report.issues = report.issues.concat(crossCheckReport(report, other.concat(siblings)), conflicts.filter((c) => c.file === report.file));
      report.issues.sort((a, b) => a.line - b.line || a.column - b.column);
      const { rows, rowLines: _lines, ...summary } = report;
      const nameYear = fiscalYearFromFileName(report.file);
      // A file without rows is still of the year its name gives.
      const fiscalYears = [...new Set(rows.length > 0 || nameYear === null ? rows.map((r) => r.fiscal_year as number) : [nameYear])];
      const publishedYears = fiscalYears.filter((fy) => publishedYearSet.has(fy));
      // Rows of a facility another file of the year holds too are not read: that is an error to fix.
      const conflicting = conflictingRows(conflicts, report.file);
      const before = new Set(published.filter((r) => fiscalYears.includes((r.fiscal_year as number) + 1)).map((r) => r.office_no));
      // Only the listed names cross to the page: a million strings would freeze it while they arrive.
      const newRows = before.size === 0 ? [] : rows.filter((r) => !before.has(r.office_no));
      const newOffices = newRows.slice(0, listed).map((r) => `${String(r.office_no)} ${String(r.office_name)}`);
      checked.push({ rows, clean: report.issues.every((issue) => issue.severity !== 'error'), years: nameYear === null ? fiscalYears : [...fiscalYears, nameYear] });
      post({ type: 'file', report: summary, rowCount: rows.length - conflicting, fiscalYears, publishedYears, newOfficeCount: newRows.length, newOffices, milliseconds: timings[i]! });
    });
    // The preview's data: published years, with the dropped years replacing the same ones. A
    // year is previewed only when every file that holds part of it is free of errors.
    const failedYears = new Set(checked.filter((f) => !f.clean).flatMap((f) => f.years));
    const valid = checked.filter((f) => f.clean && f.years.every((y) => !failedYears.has(y))).flatMap((f) => f.rows);
    const newYears = new Set(valid.map((r) => r.fiscal_year));
    // The check is reported; now one normalised file per year (fyYYYY.csv), and the preview's data.
    // The preview's file is the published years kept, then each new year's lines: written once.
    // Lines are written as UTF-8 bytes, as they travel.
    const merged = [canonicalLines(published.filter((r) => !newYears.has(r.fiscal_year)))];
    for (const year of newYears) {
      const lines = canonicalLines(valid.filter((r) => r.fiscal_year === year));
      merged.push(lines);
      const canonicalCsv = canonicalCsvBytes([lines]);
      post({ type: 'csv', year: year as number, canonicalCsv }, [canonicalCsv.buffer]);
    }
    const replacedYears = [...new Set(published.filter((r) => newYears.has(r.fiscal_year)).map((r) => r.fiscal_year as number))];
    const mergedCsv = valid.length === 0 ? null : canonicalCsvBytes(merged);
    post({ type: 'done', mergedCsv, replacedYears }, mergedCsv ? [mergedCsv.buffer] : []);
  } catch (e) {
    post({ type: 'failed', message: (e as Error).message });
  }
};
