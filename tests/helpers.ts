// Shared test setup: the fixture data directories (tests/fixtures/plans/*), the data
// directory under test (KOUCHIN_DATA or data/), and databases built from hand-made rows.

import { join, resolve } from 'node:path';
import { setupDatabase } from '../src/lib/db/setup.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { indicatorSql, openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import { loadDataDirectory, projectPaths, type ProjectPaths } from '../src/lib/node/project.ts';
import { siteFrom, type Site } from '../src/lib/node/site-data.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { REPORT_COLUMNS, type ReportRow } from '../src/lib/schema.ts';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * The fixture plans: 京都府 (wards, 7 bands, groups 1–3 + 4年目以降, two phases, a published-only
 * year), 鳥取県 (4 bands, no baselines, targets in both formulas) and 広島県 (hours, facilities
 * that did not report, one-decimal averages; FY2021 matches the prefecture's published totals).
 */
export const FIXTURES = ['kyoto', 'tottori', 'hiroshima'] as const;
export type FixtureName = (typeof FIXTURES)[number];
export const fixtureDir = (name: FixtureName) => join(ROOT, 'tests', 'fixtures', 'plans', name);
export const fixturePaths = (name: FixtureName): ProjectPaths => projectPaths(ROOT, fixtureDir(name));

/** The data directory the build and `npm test` use: KOUCHIN_DATA, else data/. */
export const DATA_PATHS = projectPaths(ROOT);

export const ja = wordsFor('ja');
export const en = wordsFor('en');

/** A full report row from the fields a test cares about; the rest are empty. */
export function row(fields: Partial<ReportRow> & { fiscal_year: number; office_no: string }): ReportRow {
  const base: ReportRow = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, null]));
  return { ...base, office_name: `事業所${fields.office_no}`, municipality: '宇治市', submitted: true, ...fields };
}

/** A database of hand-made rows under a fixture's plan and reference tables (its published totals, or those given). */
export async function databaseOf(rows: ReportRow[], fixture: FixtureName = 'kyoto', publishedTotalsCsv?: string): Promise<NodeSqlEngine> {
  const paths = fixturePaths(fixture);
  const data = loadDataDirectory(paths, 'en');
  const engine = await NodeSqlEngine.create();
  await setupDatabase(engine, { ...data, ...(publishedTotalsCsv === undefined ? {} : { publishedTotalsCsv }), reportsCsv: reportsToCanonicalCsv(rows), indicatorSql: indicatorSql(paths.sqlDir) });
  return engine;
}

/** Everything the pages of a data directory's site show, from its report files. */
export async function siteOf(paths: ProjectPaths): Promise<Site> {
  const db = await openIndicatorDatabase(paths, 'en');
  try {
    return await siteFrom(db);
  } finally {
    db.engine.close();
  }
}
