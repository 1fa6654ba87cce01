// Builds the DuckDB database every consumer queries: table `reports`, the reference and
// plan tables, then the indicator views from src/lib/sql/*.sql, in file-name order.
// Engine-agnostic: the build, CLI and tests use @duckdb/node-api, the browser DuckDB-WASM.

import { REPORT_COLUMNS } from '../schema.ts';
import { openingGroups, wageBands, type PlanConfig } from '../plan.ts';

export type Row = Record<string, unknown>;

export interface SqlEngine {
  /** Makes `text` readable by read_csv(); returns the path to use in SQL. */
  registerText(name: string, text: string): Promise<string>;
  run(sql: string): Promise<void>;
  query(sql: string): Promise<Row[]>;
}

export interface DatabaseInputs {
  plan: PlanConfig;
  /** Canonical report CSV (see reportsToCanonicalCsv), all fiscal years. */
  reportsCsv: string;
  nationalAveragesCsv: string;
  municipalitiesCsv: string;
  /** Contents of src/lib/sql/*.sql, sorted by file name. */
  indicatorSql: string[];
}

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlValue = (v: string | number | boolean | null) =>
  v === null ? 'NULL' : typeof v === 'string' ? sqlString(v) : String(v);

function valuesTable(name: string, columns: string[], rows: (string | number | boolean | null)[][]): string {
  const values = rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(',\n  ');
  return `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES\n  ${values}\n) AS t(${columns.join(', ')});`;
}

const REPORTS_COLUMNS_STRUCT = `{${REPORT_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.sqlType)}`).join(', ')}}`;

/** The read_csv() call for a canonical report CSV: fixed types, no sniffing. */
export function readCanonicalReportsSql(path: string): string {
  return `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${REPORTS_COLUMNS_STRUCT})`;
}

export function planTablesSql(plan: PlanConfig): string[] {
  return [
    valuesTable('plan', ['goal_yen', 'goal_fiscal_year', 'start_fiscal_year', 'end_fiscal_year'], [[
      plan.goal.average_monthly_wage_yen, plan.goal.fiscal_year, plan.period.start_fiscal_year, plan.period.end_fiscal_year,
    ]]),
    valuesTable('plan_baselines', ['fiscal_year'], plan.baseline_fiscal_years.map((y) => [y])),
    valuesTable('plan_wage_bands', ['band_no', 'lower_yen', 'upper_yen', 'label_ja', 'label_en'],
      wageBands(plan).map((b) => [b.band_no, b.lower_yen, b.upper_yen, b.ja, b.en])),
    valuesTable('plan_opening_groups', ['group_no', 'first_year', 'last_year', 'label_ja', 'label_en'],
      openingGroups(plan).map((g) => [g.group_no, g.first_year, g.last_year, g.ja, g.en])),
    valuesTable('plan_activities', ['activity', 'sort_no', 'label_ja', 'label_en', 'in_answer_mix'],
      plan.activities.map((a, i) => [a.column, i + 1, a.ja, a.en, a.in_answer_mix])),
  ];
}

export async function setupDatabase(engine: SqlEngine, inputs: DatabaseInputs): Promise<void> {
  const reportsPath = await engine.registerText('reports.csv', inputs.reportsCsv);
  const nationalPath = await engine.registerText('national_averages.csv', inputs.nationalAveragesCsv);
  const municipalitiesPath = await engine.registerText('municipalities.csv', inputs.municipalitiesCsv);
  const columns = REPORT_COLUMNS.map((c) => `${c.name} ${c.sqlType}`).join(', ');
  const statements = [
    `CREATE OR REPLACE TABLE reports (${columns}, PRIMARY KEY (fiscal_year, office_no));`,
    `INSERT INTO reports SELECT * FROM ${readCanonicalReportsSql(reportsPath)};`,
    `CREATE OR REPLACE TABLE national_averages AS SELECT * FROM read_csv(${sqlString(nationalPath)}, header = true, auto_detect = false, columns = {'fiscal_year': 'INTEGER', 'average_monthly_wage_yen': 'INTEGER', 'formula': 'VARCHAR', 'source': 'VARCHAR'});`,
    `CREATE OR REPLACE TABLE municipalities AS SELECT * FROM read_csv(${sqlString(municipalitiesPath)}, header = true, auto_detect = false, columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'municipality': 'VARCHAR', 'area': 'VARCHAR'});`,
    ...planTablesSql(inputs.plan),
    ...inputs.indicatorSql,
  ];
  for (const sql of statements) await engine.run(sql);
}

/**
 * DuckDB returns BIGINT/HUGEINT as JS bigint and DECIMAL as objects; pages, JSON and tests
 * want plain numbers. Whole numbers beyond 2^53 would lose precision, so they are refused.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`value ${value} is too large for a JS number`);
    return n;
  }
  return value;
}
