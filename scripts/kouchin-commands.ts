// The commands of kouchin, the command line of the wage dashboard (see scripts/kouchin.ts).

import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../src/lib/data-error.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import { formatIndicator, indicatorLabel } from '../src/lib/indicators.ts';
import { formatIssue } from '../src/lib/reader/issues.ts';
import type { Words } from '../src/lib/i18n/words.ts';
import { LanguageError, localeNamed, notALanguage, processLocale } from '../src/lib/node/locale.ts';
import { readReportFileInParts, warmReadThreads } from '../src/lib/node/parallel-read.ts';
import { checkPlanYears, loadDataDirectory, projectPaths, readBytes, readReportFiles, readSharedBytes, reportFilesIn } from '../src/lib/node/project.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { readReportFile, yearsOf, type ReportFile } from '../src/lib/reader/read-report.ts';
import { conflictingRows, crossCheckReport, crossFileConflicts } from '../src/lib/reader/validate.ts';
import { reportTemplate, templateCsv } from '../src/lib/template.ts';
import { selectView, type YearlyIndicators } from '../src/lib/views.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** How to use kouchin, in the messages' language. */
const usage = () => wordsFor(processLocale()).t('cli.usage');

const TABLE_COLUMNS = ['facilities_designated', 'reporting_rate_pct', 'facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen', 'average_monthly_wage_new_yen', 'average_hourly_wage_yen'] as const;

async function indicators(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const paths = projectPaths(ROOT, values.data);
  // Threads for the largest report file load the reader while DuckDB and the smaller files load.
  if (existsSync(paths.reportsDir)) warmReadThreads(reportFilesIn(paths.reportsDir));
  // DuckDB is loaded by the commands that use it, not by validate.
  const { openIndicatorDatabase } = await import('../src/lib/node/indicators.ts');
  // A large file is read on every core, its threads writing its rows as Parquet for DuckDB to read in place.
  const db = await openIndicatorDatabase(paths, processLocale(), {
    read: (path, options) => readReportFileInParts(readSharedBytes(path), path, options, { parquet: true }),
    inPlace: true,
  });
  for (const warning of db.warnings) console.error(warning);
  try {
    const rows = (await db.engine.query(selectView('yearly_indicators', 'fiscal_year'))) as YearlyIndicators[];
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    const words = wordsFor(processLocale());
    console.table(rows.map((r) => Object.fromEntries([
      [indicatorLabel('fiscal_year', words), words.fy(r.fiscal_year)],
      ...TABLE_COLUMNS.map((c) => [indicatorLabel(c, words), formatIndicator(c, r[c], words, db.plan)]),
    ])));
    return 0;
  } finally {
    db.engine.close();
  }
}

function readFileBytes(file: string, words: Words, read = readBytes): Uint8Array | null {
  try {
    return read(file);
  } catch (e) {
    console.error(`${file}:1:1: ${words.t('cli.cannot_read', { reason: String((e as NodeJS.ErrnoException).code ?? e) })}`);
    return null;
  }
}

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false }, data: { type: 'string' }, sheet: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error(usage());
    return 2;
  }
  // Threads for a large file load the reader while the data directory is read.
  warmReadThreads(positionals);
  const words = wordsFor(processLocale());
  const paths = projectPaths(ROOT, values.data);
  const data = loadDataDirectory(paths);
  const { municipalities, plan } = data;
  const sheet = values.sheet ?? plan.report_sheet;
  let unreadable = 0;
  const reports: ReportFile[] = [];
  for (const file of positionals) {
    // A large file is read on every core the machine has.
    const bytes = readFileBytes(file, words, readSharedBytes);
    if (bytes) reports.push(await readReportFileInParts(bytes, file, { municipalities, ...(sheet === undefined ? {} : { sheet }) }));
    else unreadable++;
  }
  // Published rows of the other years, to compare with the previous year: a checked file
  // replaces the published data of its years.
  const checkedPaths = new Set(positionals.map((f) => resolve(f)));
  const checkedYears = new Set<unknown>(reports.flatMap((r) => [...yearsOf(r)]));
  const published = existsSync(paths.reportsDir)
    ? (await readReportFiles(reportFilesIn(paths.reportsDir).filter((f) => !checkedPaths.has(resolve(f))), municipalities, plan.report_sheet))
      .flatMap((f) => f.rows).filter((r) => !checkedYears.has(r.fiscal_year))
    : [];
  const conflicts = crossFileConflicts(reports);
  let errors = unreadable;
  let warnings = 0;
  // The data directory with these files in it must still have the years the plan names, or
  // the build would refuse it.
  try {
    checkPlanYears(data, [...new Set(published.map((r) => r.fiscal_year as number)), ...(checkedYears as Set<number>)], processLocale());
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    console.log(e.message);
    errors++;
  }
  for (const report of reports) {
    const others = reports.filter((r) => r !== report);
    const issues = [...report.issues, ...crossCheckReport(report, published, others), ...conflicts.filter((c) => c.file === report.file)]
      .sort((a, b) => a.line - b.line || a.column - b.column);
    for (const issue of issues) console.log(formatIssue(issue, words));
    const fileErrors = issues.filter((i) => i.severity === 'error').length;
    errors += fileErrors;
    warnings += issues.length - fileErrors;
    console.error(`${report.file}: ${words.t('cli.validate_summary', { rows: report.rowLines.length - conflictingRows(conflicts, report.file), lines: report.dataLines, errors: fileErrors, warnings: issues.length - fileErrors, encoding: report.encoding ?? '?' })}`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

async function normalize(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, data: { type: 'string' }, sheet: { type: 'string' } } });
  if (positionals.length !== 1 || !values.out) {
    console.error(usage());
    return 2;
  }
  const words = wordsFor(processLocale());
  const file = positionals[0]!;
  const bytes = readFileBytes(file, words);
  if (!bytes) return 1;
  const { municipalities, plan } = loadDataDirectory(projectPaths(ROOT, values.data));
  const sheet = values.sheet ?? plan.report_sheet;
  const report = await readReportFile(bytes, file, { municipalities, ...(sheet === undefined ? {} : { sheet }) });
  const errors = report.issues.filter((i) => i.severity === 'error');
  for (const issue of report.issues) console.error(formatIssue(issue, words));
  if (errors.length > 0) {
    console.error(`${file}: ${words.t('cli.not_written', { errors: errors.length })}`);
    return 1;
  }
  writeFileSync(values.out, reportsToCanonicalCsv(report.rows));
  console.error(`${values.out}: ${words.t('cli.written', { rows: report.rows.length })}`);
  return 0;
}

async function template(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, data: { type: 'string' } } });
  if (!values.out || !/\.(csv|xlsx)$/i.test(values.out)) {
    console.error(usage());
    return 2;
  }
  const { plan, municipalities } = loadDataDirectory(projectPaths(ROOT, values.data));
  const form = reportTemplate(plan, municipalities);
  const xlsx = values.out.toLowerCase().endsWith('.xlsx');
  writeFileSync(values.out, xlsx ? await (await import('../src/lib/node/template-xlsx.ts')).templateXlsx(form) : templateCsv(form));
  console.error(`${values.out}: ${wordsFor(processLocale()).t('cli.template_written', { columns: form.header.length })}`);
  return 0;
}

/**
 * `--lang ja|en` anywhere before a `--`: taken out before a command reads its options, and kept
 * as KOUCHIN_LANG, which every message of the run (the data directory's included) reads.
 */
function takeLanguage(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? (argv[++i] ?? '') : arg.slice('--lang='.length);
    if (localeNamed(value) === null) throw notALanguage(`--lang ${value}`.trim());
    process.env.KOUCHIN_LANG = value;
  }
  return rest;
}

async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = takeLanguage(argv);
    processLocale(); // a language named wrongly is said before anything else
    if (command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
      console.log(usage());
      return 0;
    }
    if (command === 'indicators') return await indicators(rest);
    if (command === 'validate') return await validate(rest);
    if (command === 'normalize') return await normalize(rest);
    if (command === 'template') return await template(rest);
    console.error(usage());
    return 2;
  } catch (e) {
    if (e instanceof LanguageError) {
      console.error(e.message);
      return 2;
    }
    // Report files with errors (InvalidReportsError) are data errors too.
    if (e instanceof DataError) {
      console.error(e.message);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof TypeError && code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's own wording is English only: an unknown option is named in the messages' language.
      const words = wordsFor(processLocale());
      const option = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']*)'/.exec(e.message)?.[1] : undefined;
      console.error(`${option === undefined ? words.t('cli.bad_arguments', { detail: e.message }) : words.t('cli.bad_option', { option })}\n${usage()}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
