#!/usr/bin/env node
// kouchin: the command line of the wage dashboard.
//
//   kouchin indicators [--data DIR] [--json]        per-fiscal-year indicators
//   kouchin validate [--strict] [--data DIR] FILE…  FILE:LINE:COLUMN: message per problem
//   kouchin normalize IN --out OUT                  the canonical UTF-8 CSV of a report file

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, InvalidReportsError, openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import { loadMunicipalities, projectPaths, readReportFiles, reportFilesIn } from '../src/lib/node/project.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { readReport, type ReportFile } from '../src/lib/reader/read-report.ts';
import { crossCheckReport } from '../src/lib/reader/validate.ts';
import { formatFiscalYear, formatYen, formatCount } from '../src/lib/format.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `usage:
  kouchin indicators [--data DIR] [--json]         indicators per fiscal year (DIR default: data/reports)
  kouchin validate [--strict] [--data DIR] FILE... check report files against the published ones in DIR;
                                                   exit 1 on any error (or, with --strict, any warning)
  kouchin normalize IN --out OUT                   write IN as a canonical UTF-8 CSV (data/reports/fyYYYY.csv)`;

async function indicators(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const db = await openIndicatorDatabase(projectPaths(ROOT, values.data));
  try {
    const rows = await db.engine.query('SELECT * FROM yearly_indicators ORDER BY fiscal_year');
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    const table = rows.map((r) => ({
      年度: formatFiscalYear(r.fiscal_year as number, 'ja'),
      施設数: formatCount(r.facilities as number, 'ja'),
      延べ人数: formatCount(r.person_months as number, 'ja'),
      工賃支払総額: formatYen(r.total_wages_yen as number, 'ja'),
      平均工賃月額: formatYen(r.average_monthly_wage_yen as number, 'ja'),
      '平均工賃月額（新算定式）': r.average_monthly_wage_new_yen === null ? '—' : formatYen(r.average_monthly_wage_new_yen as number, 'ja'),
    }));
    console.table(table);
    return 0;
  } finally {
    db.engine.close();
  }
}

function readFileBytes(file: string): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    console.error(`${file}:1:1: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    return null;
  }
}

function validate(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false }, data: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const paths = projectPaths(ROOT, values.data);
  const municipalities = loadMunicipalities(paths.dataDir);
  // Published rows of other files, to compare with the previous year.
  const checked = new Set(positionals.map((f) => resolve(f)));
  const published = existsSync(paths.reportsDir)
    ? readReportFiles(reportFilesIn(paths.reportsDir).filter((f) => !checked.has(resolve(f))), municipalities).flatMap((f) => f.rows)
    : [];
  let errors = 0;
  let warnings = 0;
  for (const file of positionals) {
    const bytes = readFileBytes(file);
    if (!bytes) {
      errors++;
      continue;
    }
    const report = readReport(bytes, file, { municipalities });
    const issues = [...report.issues, ...crossCheckReport(report, published)].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const issue of issues) console.log(formatIssue(issue));
    const fileErrors = issues.filter((i) => i.severity === 'error').length;
    errors += fileErrors;
    warnings += issues.length - fileErrors;
    console.error(`${file}: ${report.rows.length} facilities read, ${fileErrors} error(s), ${issues.length - fileErrors} warning(s) [${report.encoding ?? 'unknown encoding'}]`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

function normalize(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const bytes = readFileBytes(file);
  if (!bytes) return 1;
  const report: ReportFile = readReport(bytes, file, { municipalities: loadMunicipalities(projectPaths(ROOT).dataDir) });
  const errors = report.issues.filter((i) => i.severity === 'error');
  for (const issue of report.issues) console.error(formatIssue(issue));
  if (errors.length > 0) {
    console.error(`${file}: not written: ${errors.length} error(s) would lose rows`);
    return 1;
  }
  writeFileSync(values.out, reportsToCanonicalCsv(report.rows));
  console.error(`${values.out}: ${report.rows.length} facilities written`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'indicators') return await indicators(rest);
    if (command === 'validate') return validate(rest);
    if (command === 'normalize') return normalize(rest);
    console.error(USAGE);
    return 2;
  } catch (e) {
    if (e instanceof InvalidReportsError) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
