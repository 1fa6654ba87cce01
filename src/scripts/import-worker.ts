// Reads and validates dropped report files off the main thread, with the same reader and
// validator as `kouchin validate`, so the page stays responsive on 100,000-row files.

import Papa from 'papaparse';
import { reportsToCanonicalCsv } from '../lib/reader/canonical-csv.ts';
import { readReport, type Municipality, type ReportFile } from '../lib/reader/read-report.ts';
import { crossCheckReport } from '../lib/reader/validate.ts';

export interface ImportRequest {
  files: { name: string; bytes: Uint8Array }[];
  publishedCsv: string;
  municipalitiesCsv: string;
}

export type ImportMessage =
  | { type: 'progress'; file: string; fraction: number }
  | { type: 'file'; report: ReportFile; canonicalCsv: string; milliseconds: number }
  | { type: 'done' }
  | { type: 'failed'; message: string };

const post = (message: ImportMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  try {
    const { files, publishedCsv, municipalitiesCsv } = event.data;
    const municipalities = Papa.parse<Municipality>(municipalitiesCsv, { header: true, skipEmptyLines: true }).data;
    // The published data is itself a canonical report file, read by the same reader.
    const published = readReport(new TextEncoder().encode(publishedCsv), 'reports.csv', { municipalities }).rows;
    for (const { name, bytes } of files) {
      const started = performance.now();
      let last = 0;
      const report = readReport(bytes, name, {
        municipalities,
        onProgress: (fraction) => {
          if (fraction - last >= 0.02) post({ type: 'progress', file: name, fraction: (last = fraction) });
        },
      });
      report.issues.push(...crossCheckReport(report, published));
      report.issues.sort((a, b) => a.line - b.line || a.column - b.column);
      post({ type: 'file', report, canonicalCsv: reportsToCanonicalCsv(report.rows), milliseconds: performance.now() - started });
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'failed', message: (e as Error).message });
  }
};
