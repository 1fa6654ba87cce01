// Opens the indicator database on a data directory: the one path from report files to
// indicator views for the build, the CLI and tests.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wordsFor } from '../i18n/catalogue.ts';
import { formatIndicator, indicatorLabel, type IndicatorId } from '../indicators.ts';
import type { Locale } from '../i18n/locales.ts';
import { reportsToCanonicalCsv } from '../reader/canonical-csv.ts';
import type { ReportFile, ReportIssue } from '../reader/read-report.ts';
import { cellAddress } from '../reader/workbook.ts';
import { setupDatabase } from '../db/setup.ts';
import { NodeSqlEngine } from './duckdb.ts';
import { processLocale } from './locale.ts';
import { loadDataDirectory, readReportFiles, readText, reportFilesIn, type DataDirectory, type ProjectPaths } from './project.ts';

/** The indicator SQL files, in name order (their numeric prefixes order the views). */
export function indicatorSql(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readText(join(dir, f)));
}

export class InvalidReportsError extends Error {
  readonly issues: ReportIssue[];
  constructor(issues: ReportIssue[], locale: Locale) {
    super(`${wordsFor(locale).t('data.error.report_errors', { count: issues.length })}\n${issues.map(formatIssue).join('\n')}`);
    this.issues = issues;
  }
}

/** `FILE:LINE:COLUMN: message` (the form editors and CI logs link to), or `FILE:SHEET!CELL: message` in a workbook. */
export function formatIssue(issue: ReportIssue): string {
  const where = issue.sheet === undefined ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file}:${issue.sheet}!${cellAddress(issue.column, issue.line)}`;
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

export interface IndicatorDatabase extends DataDirectory {
  engine: NodeSqlEngine;
  files: ReportFile[];
  /** Every report row as one canonical CSV, as the browser loads it. */
  reportsCsv: string;
  /** Things worth a look that do not stop publication, located (`FILE:LINE: message`). */
  warnings: string[];
}

/** Reads every report file; refuses to go on if any has an error (nothing is silently dropped). */
export async function openIndicatorDatabase(paths: ProjectPaths, locale: Locale = processLocale()): Promise<IndicatorDatabase> {
  const data = loadDataDirectory(paths, locale);
  const files = await readReportFiles(reportFilesIn(paths.reportsDir), data.municipalities, data.plan.report_sheet);
  const errors = files.flatMap((f) => f.issues.filter((i) => i.severity === 'error'));
  if (errors.length > 0) throw new InvalidReportsError(errors, locale);
  const duplicateYears = duplicateFiscalYears(files);
  if (duplicateYears.length > 0) throw new InvalidReportsError(duplicateYears, locale);

  const reportsCsv = reportsToCanonicalCsv(files.flatMap((f) => f.rows));
  const engine = await NodeSqlEngine.create();
  try {
    await setupDatabase(engine, { ...data, reportsCsv, indicatorSql: indicatorSql(paths.sqlDir) });
  } catch (e) {
    engine.close();
    throw e;
  }
  return { ...data, engine, files, reportsCsv, warnings: await publishedTotalWarnings(engine, paths, data, locale) };
}

/** Published totals that the facility rows of the same year, or the totals themselves, do not add up to. */
async function publishedTotalWarnings(engine: NodeSqlEngine, paths: ProjectPaths, data: DataDirectory, locale: Locale): Promise<string[]> {
  const words = wordsFor(locale);
  const file = join(paths.dataDir, 'reference', 'published_totals.csv');
  const rows = await engine.query('SELECT * FROM published_total_checks');
  return rows.map((r) => {
    const line = data.publishedTotals.findIndex((t) => t.fiscal_year === r.fiscal_year) + 2;
    const field = r.field as IndicatorId;
    const value = (v: unknown) => (v === null ? '—' : formatIndicator(field, v as number, words, data.plan));
    const id = r.basis === 'published' ? 'data.warning.published_average' : 'data.warning.published_mismatch';
    return `${file}:${line}: ${words.t(id, { year: words.fy(r.fiscal_year as number), field: indicatorLabel(field, words), published: value(r.published), computed: value(r.computed) })}`;
  });
}

/** One file per fiscal year: two files holding the same year would double-count it. */
function duplicateFiscalYears(files: ReportFile[]): ReportIssue[] {
  const firstFile = new Map<number, string>();
  const issues: ReportIssue[] = [];
  for (const f of files) {
    const years = new Set(f.rows.map((r) => r.fiscal_year as number));
    for (const year of years) {
      const other = firstFile.get(year);
      if (other === undefined) firstFile.set(year, f.file);
      else issues.push({ severity: 'error', file: f.file, line: f.rowLines[f.rows.findIndex((r) => r.fiscal_year === year)] ?? 1, column: 1, message: `FY${year} is already reported in ${other}: keep one file per fiscal year` });
    }
  }
  return issues;
}
