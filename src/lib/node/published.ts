// A built site's published reports (data/reports/fyYYYY.csv, listed in data/reports.json),
// joined into one canonical CSV: for the bench and the browser tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinCanonicalCsvs } from '../reader/join-csv.ts';

export function publishedReportsCsv(outDir: string): string {
  const { files } = JSON.parse(readFileSync(join(outDir, 'data', 'reports.json'), 'utf8')) as { files: string[] };
  return joinCanonicalCsvs(files.map((f) => readFileSync(join(outDir, 'data', f), 'utf8')));
}
