// Shared test setup: a DuckDB database built from hand-made rows with the project's plan.

import { join, resolve } from 'node:path';
import { setupDatabase } from '../src/lib/db/setup.ts';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { indicatorSql } from '../src/lib/node/indicators.ts';
import { loadPlan, projectPaths, readText } from '../src/lib/node/project.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { REPORT_COLUMNS, type ReportRow } from '../src/lib/schema.ts';
import type { PlanConfig } from '../src/lib/plan.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const PATHS = projectPaths(ROOT);

/** A full report row from the fields a test cares about; the rest are empty. */
export function row(fields: Partial<ReportRow> & { fiscal_year: number; office_no: string }): ReportRow {
  const base: ReportRow = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, null]));
  return { ...base, office_name: `事業所${fields.office_no}`, municipality: '久留米市', ...fields };
}

export async function databaseOf(rows: ReportRow[], plan: PlanConfig = loadPlan(PATHS.dataDir)): Promise<NodeSqlEngine> {
  const engine = await NodeSqlEngine.create();
  await setupDatabase(engine, {
    plan,
    reportsCsv: reportsToCanonicalCsv(rows),
    nationalAveragesCsv: readText(join(PATHS.dataDir, 'reference', 'national_averages.csv')),
    municipalitiesCsv: readText(join(PATHS.dataDir, 'reference', 'municipalities.csv')),
    indicatorSql: indicatorSql(PATHS.sqlDir),
  });
  return engine;
}
