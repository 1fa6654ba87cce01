// Reads and validates dropped report files off the main thread, with the same reader and
// validator as `kouchin validate`, so the page stays responsive on 100,000-row files.

import Papa from 'papaparse';
import { reportsToCanonicalCsv } from '../lib/reader/canonical-csv.ts';
import type { Municipality } from '../lib/reference.ts';
import { readReport, readReportFile, type ReportFile } from '../lib/reader/read-report.ts';
import type { ReportRow } from '../lib/schema.ts';
import { crossCheckReport } from '../lib/reader/validate.ts';

export interface ImportRequest {
  files: { name: string; bytes: Uint8Array }[];
  publishedCsv: string;
  municipalitiesCsv: string;
  /** The plan's sheet of report workbooks, if it names one. */
  sheet?: string;
}

/**
 * What comes back to the page. Rows stay in the worker: cloning 100,000 row objects into the
 * page would block its main thread for a second; text (CSV) crosses cheaply.
 */
export type ImportMessage =
  | { type: 'progress'; file: string; fraction: number }
  | { type: 'file'; report: Omit<ReportFile, 'rows' | 'rowLines'>; rowCount: number; fiscalYears: number[]; milliseconds: number }
  | { type: 'csv'; file: string; canonicalCsv: string }
  | { type: 'done'; mergedCsv: string | null }
  | { type: 'failed'; message: string };

const post = (message: ImportMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    const { files, publishedCsv, municipalitiesCsv, sheet } = event.data;
    const municipalities = Papa.parse<Municipality>(municipalitiesCsv, { header: true, skipEmptyLines: true }).data;
    // The published data is itself a canonical report file, read by the same reader.
    const published = readReport(new TextEncoder().encode(publishedCsv), 'reports.csv', { municipalities }).rows;
    let valid: ReportRow[] = [];
    const canonical: { file: string; rows: ReportRow[] }[] = [];
    for (const { name, bytes } of files) {
      const started = performance.now();
      let last = 0;
      const report = await readReportFile(bytes, name, {
        municipalities,
        ...(sheet === undefined ? {} : { sheet }),
        onProgress: (fraction) => {
          if (fraction - last >= 0.02) post({ type: 'progress', file: name, fraction: (last = fraction) });
        },
      });
      // Concatenation, not push(...x): 100,000 arguments would overflow the stack.
      report.issues = report.issues.concat(crossCheckReport(report, published));
      report.issues.sort((a, b) => a.line - b.line || a.column - b.column);
      const { rows, rowLines: _lines, ...summary } = report;
      const fiscalYears = [...new Set(rows.map((r) => r.fiscal_year as number))];
      if (rows.length > 0 && report.issues.every((i) => i.severity !== 'error')) valid = valid.concat(rows);
      post({ type: 'file', report: summary, rowCount: rows.length, fiscalYears, milliseconds: performance.now() - started });
      canonical.push({ file: name, rows });
    }
    // The check is reported; now the downloads and the preview's data.
    for (const { file, rows } of canonical) post({ type: 'csv', file, canonicalCsv: reportsToCanonicalCsv(rows) });
    // The preview's data: published years, with the dropped years replacing the same ones.
    const newYears = new Set(valid.map((r) => r.fiscal_year));
    const mergedCsv = valid.length === 0 ? null : reportsToCanonicalCsv([...published.filter((r) => !newYears.has(r.fiscal_year)), ...valid]);
    post({ type: 'done', mergedCsv });
  } catch (e) {
    post({ type: 'failed', message: (e as Error).message });
  }
};
