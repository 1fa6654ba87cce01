// Opens the indicator database on a data directory: the one path from report files to
// indicator views for the build, the CLI and tests.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wordsFor } from '../i18n/catalogue.ts';
import { formatIndicator, indicatorLabel, type IndicatorId } from '../indicators.ts';
import type { Locale } from '../i18n/locales.ts';
import { reportsToCanonicalCsv } from '../reader/canonical-csv.ts';
import { summariseIssues, type ReportIssue } from '../reader/issues.ts';
import { DataError } from '../data-error.ts';
import { crossCheckReport, crossFileConflicts } from '../reader/validate.ts';
import { yearsOf, type ReadOptions, type ReportFile } from '../reader/read-report.ts';
import { reportsParquet } from '../db/report-parquet.ts';
import { loadReports, prepareDatabase, viewReports } from '../db/setup.ts';
import { packRows } from '../reader/row-columns.ts';
import { commentViews } from '../db/view-docs.ts';
import { NodeSqlEngine } from './duckdb.ts';
import { processLocale } from './locale.ts';
import { checkPlanYears, loadDataDirectory, readReportAt, readText, reportFilesIn, type DataDirectory, type ProjectPaths } from './project.ts';

/** The indicator SQL files, in name order (their numeric prefixes order the views). */
export function indicatorSql(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readText(join(dir, f)));
}

/** How many errors of one kind the build's message shows in full; `kouchin validate` lists all. */
const ERRORS_SHOWN = 20;

/**
 * Report files with errors: a data error whose message gives them located, grouped by kind
 * (a column wrong on every line is not 10,000 lines of log), and the warnings found with them.
 */
export class InvalidReportsError extends DataError {
  readonly issues: ReportIssue[];
  constructor(issues: ReportIssue[], locale: Locale, dataDir: string, warnings: string[] = []) {
    const words = wordsFor(locale);
    const perKind = new Map<string, number>();
    for (const i of issues) perKind.set(i.code, (perKind.get(i.code) ?? 0) + 1);
    const cut = [...perKind.values()].some((n) => n > ERRORS_SHOWN);
    super([
      words.t('data.error.report_errors', { count: issues.length }),
      ...summariseIssues(issues, words, ERRORS_SHOWN),
      ...(cut ? [words.t('data.error.every_problem', { dir: dataDir, files: [...new Set(issues.map((i) => i.file))].join(' ') })] : []),
      ...warnings,
    ].join('\n'));
    this.issues = issues;
  }
}

export interface IndicatorDatabase extends DataDirectory {
  engine: NodeSqlEngine;
  files: ReportFile[];
  /** Every report row as one canonical CSV, as the browser loads it; null where the reports are read in place (`inPlace`). */
  reportsCsv: string | null;
  /** Things worth a look that do not stop publication, located (`FILE:LINE: message`). */
  warnings: string[];
}

/** How a report file is read: by default whole, on this thread (the CLI reads large ones in parts). */
export type ReportFileReader = (path: string, options: ReadOptions) => Promise<ReportFile>;

export interface OpenOptions {
  read?: ReportFileReader;
  /**
   * For a database that is only queried, then closed (the CLI): the reports are read in
   * place from Parquet files (viewReports), not copied into a table, no CSV is made of them,
   * and the views are not commented. A million rows took 1.3 s to load from CSV. A database
   * to export (the build) needs `reports` as a table.
   */
  inPlace?: boolean;
}

/** Reads every report file; refuses to go on if any has an error (nothing is silently dropped). */
export async function openIndicatorDatabase(paths: ProjectPaths, locale: Locale = processLocale(), { read = readReportAt, inPlace = false }: OpenOptions = {}): Promise<IndicatorDatabase> {
  const data = loadDataDirectory(paths, locale);
  const sheet = data.plan.report_sheet;
  const reportPaths = reportFilesIn(paths.reportsDir);
  const sql = indicatorSql(paths.sqlDir);
  const engine = await NodeSqlEngine.create();
  // DuckDB builds the tables and views on its own thread while the files are read.
  // The views' comments are for the database people read (the console); a database only queried has no use for them.
  const schema = prepareDatabase(engine, { ...data, indicatorSql: sql }).then(() => (inPlace ? undefined : commentViews(engine, sql)));
  schema.catch(() => {}); // a failure is thrown where it is awaited, below
  let files: ReportFile[];
  let years: Set<number>[];
  let reportsCsv: string | null = null;
  try {
    // One file at a time: a large one takes every core, and its bytes are not held with the next's.
    files = [];
    for (const path of reportPaths) files.push(await read(path, { municipalities: data.municipalities, ...(sheet === undefined ? {} : { sheet }) }));
    years = files.map(yearsOf);
    const errors = [...files.flatMap((f) => f.issues.filter((i) => i.severity === 'error')), ...crossFileConflicts(files)];
    // The warnings are said with the errors: the next run would only show them once these are fixed.
    if (errors.length > 0) throw new InvalidReportsError(errors, locale, paths.dataDir, reportWarnings(files, years, locale));
    checkPlanYears(data, years.flatMap((y) => [...y]), locale);
    if (inPlace) {
      const parquet = files.flatMap(parquetOf);
      await schema;
      await viewReports(engine, parquet);
    } else {
      reportsCsv = reportsToCanonicalCsv(files.flatMap((f) => f.rows));
      await schema;
      await loadReports(engine, reportsCsv);
    }
  } catch (e) {
    // The engine is closed once it is no longer building.
    await schema.catch(() => {});
    engine.close();
    throw e;
  }
  const warnings = [...reportWarnings(files, years, locale), ...(await publishedTotalWarnings(engine, paths, data, locale))];
  return { ...data, engine, files, reportsCsv, warnings };
}

/**
 * Warnings of the reader and of each year against the one before it, grouped and counted.
 * Each file is compared with the files, in order, holding its years or the years before
 * them. A file of several years is among them too: its rows of one year are the previous
 * year of its rows of the next.
 */
function reportWarnings(files: ReportFile[], years: Set<number>[], locale: Locale): string[] {
  const words = wordsFor(locale);
  const warnings = files.flatMap((f, i) => {
    const compared = new Set([...years[i]!].flatMap((y) => [y, y - 1]));
    const severalYears = [...years[i]!].some((y) => years[i]!.has(y + 1));
    const others = files.filter((_, j) => (j === i ? severalYears : [...years[j]!].some((y) => compared.has(y))));
    return [...f.issues.filter((issue) => issue.severity === 'warning'), ...crossCheckReport(f, [], others)];
  });
  return warnings.length > 0 ? [words.t('data.warnings', { count: warnings.length }), ...summariseIssues(warnings, words)] : [];
}

/** A file's rows as Parquet files: those the threads that read it wrote, else written here from its rows packed. */
function parquetOf(file: ReportFile): Uint8Array[] {
  if (file.parquet) return file.parquet;
  return (file.columns?.parts ?? [packRows(file.rows)]).map((packed) => reportsParquet(packed));
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

