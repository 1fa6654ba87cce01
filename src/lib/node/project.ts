// The data directory from Node: where it is, and reading its plan, reference tables and
// report files. One directory holds everything plan-specific:
//   plan.json, reference/municipalities.csv, reference/national_averages.csv, reports/fyYYYY.csv
// It is `data/` unless KOUCHIN_DATA (build, dev, tests) or --data (CLI) names another.

import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import Papa from 'papaparse';
import { DataError } from '../data-error.ts';
import { wordsByLocale, wordsFor } from '../i18n/catalogue.ts';
import { LOCALE_SPECS, type Locale } from '../i18n/locales.ts';
import { parsePlanFile, resolvePlan, type Plan } from '../plan.ts';
import { NO_PUBLISHED_TOTALS, parseMunicipalities, parsePublishedTotals, type Municipality, type NationalAverage, type PublishedTotal } from '../reference.ts';
import { readReportFile, type ReadOptions, type ReportFile } from '../reader/read-report.ts';
import { processLocale } from './locale.ts';
import type { Words } from '../i18n/words.ts';
import type { Topology } from 'topojson-specification';

export interface ProjectPaths {
  /** The data directory: plan.json, reference/, reports/. */
  dataDir: string;
  /** Its folder of fyYYYY.csv report files. */
  reportsDir: string;
  /** The indicator SQL (src/lib/sql), part of the code, not of the data. */
  sqlDir: string;
}

/**
 * `root` is the project (for the SQL); the data directory is `dataDir` if given (relative to
 * the working directory), else KOUCHIN_DATA, else `root/data`.
 */
export function projectPaths(root: string, dataDir?: string, env: NodeJS.ProcessEnv = process.env): ProjectPaths {
  const data = resolve(dataDir ?? env.KOUCHIN_DATA ?? join(root, 'data'));
  return { dataDir: data, reportsDir: join(data, 'reports'), sqlDir: join(root, 'src', 'lib', 'sql') };
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DataError(`${path}: ${wordsFor(processLocale()).t('data.error.missing_file')}`);
    }
    throw e;
  }
}

export interface DataDirectory {
  plan: Plan;
  municipalities: Municipality[];
  municipalitiesCsv: string;
  nationalAverages: NationalAverage[];
  nationalAveragesCsv: string;
  /** reference/published_totals.csv: optional, empty when the directory has none. */
  publishedTotals: PublishedTotal[];
  publishedTotalsCsv: string;
  /** The municipality boundaries of plan.json `map`, or null. */
  geo: Topology | null;
}

/** The map's boundaries: a TopoJSON topology with one collection of shapes. */
function readTopology(path: string, words: Words): Topology {
  let topology: Topology;
  try {
    topology = JSON.parse(readText(path)) as Topology;
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`${path}: ${words.t('plan.error.json', { message: (e as Error).message })}`);
  }
  if (topology?.type !== 'Topology' || Object.values(topology.objects ?? {}).length !== 1) throw new DataError(`${path}: ${words.t('data.error.topology')}`);
  return topology;
}

/** The plan and reference tables, checked; errors in the language of `locale`. */
export function loadDataDirectory(paths: ProjectPaths, locale: Locale = processLocale()): DataDirectory {
  const words = wordsFor(locale);
  const planPath = join(paths.dataDir, 'plan.json');
  let json: unknown;
  try {
    json = JSON.parse(readText(planPath));
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`${planPath}: ${words.t('plan.error.json', { message: (e as Error).message })}`);
  }
  const localeError = z.locales[LOCALE_SPECS[locale].zod]().localeError;
  const plan = resolvePlan(parsePlanFile(json, planPath, words, localeError), wordsByLocale());
  const municipalitiesPath = join(paths.dataDir, 'reference', 'municipalities.csv');
  const municipalitiesCsv = readText(municipalitiesPath);
  const nationalAveragesCsv = readText(join(paths.dataDir, 'reference', 'national_averages.csv'));
  const publishedTotalsPath = join(paths.dataDir, 'reference', 'published_totals.csv');
  const publishedTotalsCsv = existsSync(publishedTotalsPath) ? readText(publishedTotalsPath) : NO_PUBLISHED_TOTALS;
  return {
    plan,
    municipalities: parseMunicipalities(municipalitiesCsv, municipalitiesPath, plan, words),
    municipalitiesCsv,
    nationalAverages: Papa.parse<NationalAverage>(nationalAveragesCsv, { header: true, skipEmptyLines: true, dynamicTyping: { fiscal_year: true, average_monthly_wage_yen: true } }).data,
    nationalAveragesCsv,
    publishedTotals: parsePublishedTotals(publishedTotalsCsv, publishedTotalsPath, words),
    publishedTotalsCsv,
    geo: plan.map ? readTopology(join(paths.dataDir, plan.map.file), words) : null,
  };
}

/**
 * Years the plan names must have data: a baseline from reports or published totals, a
 * wage-band comparison year from reports (bands need facilities). Otherwise a table would
 * silently lose a column. `reportedYears`: the years of the report files.
 */
export function checkPlanYears(data: DataDirectory, reportedYears: Iterable<number>, locale: Locale): void {
  const words = wordsFor(locale);
  const reported = new Set(reportedYears);
  const published = new Set(data.publishedTotals.map((t) => t.fiscal_year));
  const missing = [
    ...data.plan.baseline_fiscal_years.filter((y) => !reported.has(y) && !published.has(y)).map((year) => ({ key: 'baseline_fiscal_years', year })),
    ...data.plan.wage_band_comparison_fiscal_years.filter((y) => !reported.has(y)).map((year) => ({ key: 'wage_band_comparison_fiscal_years', year })),
  ];
  if (missing.length > 0) throw new DataError(missing.map(({ key, year }) => words.t('data.error.baseline_missing', { key, year: String(year) })).join('\n'));
}

/** Every report file (.csv, .xlsx) in the folder, in name order; Excel's lock files (~$…) are not. */
export function reportFilesIn(dir: string): string[] {
  if (!existsSync(dir)) throw new DataError(`${dir}: ${wordsFor(processLocale()).t('data.error.missing_reports')}`);
  return readdirSync(dir)
    .filter((f) => /\.(csv|xlsx)$/i.test(f) && !f.startsWith('~$'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * A file's bytes as a plain Uint8Array over the Buffer's memory: no copy of a 100 MB file, and
 * slice() copies as on any Uint8Array (a Buffer's slice would share it).
 */
export function readBytes(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A file's bytes in memory that threads share (readReportFileInParts), read there directly. */
export function readSharedBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length;) {
      const read = readSync(fd, bytes, at, bytes.length - at, at);
      if (read === 0) return bytes.subarray(0, at); // the file shrank while being read
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Reads a report file (CSV or workbook) whole, on this thread. */
export const readReportAt = (path: string, options: ReadOptions): Promise<ReportFile> => readReportFile(readBytes(path), path, options);

/** Reads report files (CSV or workbooks); a workbook's sheet is the plan's report_sheet, if it names one. */
export async function readReportFiles(paths: string[], municipalities: Municipality[], sheet?: string): Promise<ReportFile[]> {
  return Promise.all(paths.map((path) => readReportAt(path, { municipalities, ...(sheet === undefined ? {} : { sheet }) })));
}
