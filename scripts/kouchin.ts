#!/usr/bin/env node
// kouchin: the command line of the wage dashboard.
//
//   kouchin indicators [--data DIR] [--json]   per-fiscal-year indicators
//   kouchin validate FILE…                     FILE:LINE:COLUMN: message per problem; exit 1 on errors

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, InvalidReportsError, openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import { loadMunicipalities, projectPaths } from '../src/lib/node/project.ts';
import { readReport } from '../src/lib/reader/read-report.ts';
import { formatFiscalYear, formatYen, formatCount } from '../src/lib/format.ts';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `usage:
  kouchin indicators [--data DIR] [--json]   indicators per fiscal year (DIR default: data/reports)
  kouchin validate FILE...                   check report files; exit 1 if any has an error`;

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

function validate(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const municipalities = loadMunicipalities(projectPaths(ROOT).dataDir);
  let errors = 0;
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      console.error(`${file}:1:1: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
      errors++;
      continue;
    }
    const report = readReport(bytes, file, { municipalities });
    for (const issue of report.issues) console.log(formatIssue(issue));
    const fileErrors = report.issues.filter((i) => i.severity === 'error').length;
    errors += fileErrors;
    console.error(`${file}: ${report.rows.length} facilities read, ${fileErrors} error(s), ${report.issues.length - fileErrors} warning(s) [${report.encoding ?? 'unknown encoding'}]`);
  }
  return errors > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'indicators') return await indicators(rest);
    if (command === 'validate') return validate(rest);
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
