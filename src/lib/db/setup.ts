// Builds the DuckDB database every consumer queries: table `reports`, the reference and
// plan tables, then the indicator views from src/lib/sql/*.sql, in file-name order.
// Engine-agnostic: the build, CLI and tests use @duckdb/node-api, the browser DuckDB-WASM.

import { LOCALES, LOCALE_SPECS } from '../i18n/locales.ts';
import type { Plan } from '../plan.ts';
import { MUNICIPALITY_COLUMNS, NATIONAL_AVERAGE_COLUMNS, PUBLISHED_TOTAL_COLUMNS } from '../reference.ts';
import { REPORT_COLUMNS } from '../schema.ts';

export type Row = Record<string, unknown>;

/** A file's text, or its bytes (UTF-8 CSV, say, or a Parquet file). */
export type CsvText = string | Uint8Array;

export interface SqlEngine {
  /** Makes `text` (or a file's bytes) readable by read_csv() and the like; returns the path to use in SQL. */
  registerText(name: string, text: CsvText): Promise<string>;
  /** The text registered at `path` is read into a table: let it go. */
  dropText(path: string): Promise<void>;
  run(sql: string): Promise<void>;
  query(sql: string): Promise<Row[]>;
}

export interface DatabaseInputs {
  plan: Plan;
  /** The reports as canonical CSV (reportsToCanonicalCsv), all fiscal years; UTF-8 bytes where the import page's worker wrote them. */
  reportsCsv: CsvText;
  nationalAveragesCsv: string;
  municipalitiesCsv: string;
  /** reference/published_totals.csv, or just its header. */
  publishedTotalsCsv: string;
  /** Contents of src/lib/sql/*.sql, sorted by file name. */
  indicatorSql: string[];
}

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdentifier = (s: string) => `"${s.replaceAll('"', '""')}"`;
type SqlValue = string | number | boolean | null;
const sqlValue = (v: SqlValue) => (v === null ? 'NULL' : typeof v === 'string' ? sqlString(v) : String(v));

/** A table from literal rows; `types` fixes the column types even when a table is empty. */
function valuesTable(name: string, columns: Record<string, string>, rows: SqlValue[][]): string {
  const defs = Object.entries(columns).map(([c, type]) => `${c} ${type}`).join(', ');
  const insert = rows.length === 0 ? '' : `\nINSERT INTO ${name} VALUES\n  ${rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(',\n  ')};`;
  return `CREATE OR REPLACE TABLE ${name} (${defs});${insert}`;
}

const REPORTS_COLUMNS_STRUCT = `{${REPORT_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.sqlType)}`).join(', ')}}`;

/**
 * Text columns lose the ' that the canonical CSV puts before a formula-like text. The
 * pattern runs only on texts starting with ': a million rows have eight texts each.
 */
const UNESCAPED_TEXT = REPORT_COLUMNS.filter((c) => c.type === 'text')
  .map((c) => `CASE WHEN starts_with(${c.name}, '''') THEN regexp_replace(${c.name}, '^''([=+\\-@])', '\\1') ELSE ${c.name} END AS ${c.name}`).join(', ');

/** The read_csv() call for a canonical report CSV: fixed types, no sniffing. */
export function readCanonicalReportsSql(path: string): string {
  return `(SELECT * REPLACE (${UNESCAPED_TEXT}) FROM read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${REPORTS_COLUMNS_STRUCT}))`;
}

/** A column of labels per language: label_ja, label_en, … */
const labelColumns = Object.fromEntries(LOCALES.map((l) => [`label_${l}`, 'VARCHAR']));
/** A data-directory name ({ja, en}) in every language, for the label columns. */
const labels = (text: { ja: string; en: string }) => LOCALES.map((l) => text[LOCALE_SPECS[l].names]);

export function planTablesSql(plan: Plan): string[] {
  return [
    valuesTable('plan', { monthly_decimals: 'INTEGER', min_facilities: 'INTEGER', low_wage_yen: 'DOUBLE' }, [[plan.precision.average_monthly_wage, plan.disclosure.min_facilities, plan.low_wage_yen ?? null]]),
    valuesTable('plan_phases', { phase_no: 'INTEGER', start_fiscal_year: 'INTEGER', end_fiscal_year: 'INTEGER', ...labelColumns },
      plan.phases.map((p, i) => [i + 1, p.start_fiscal_year, p.end_fiscal_year, ...labels(p.name)])),
    valuesTable('plan_targets', { phase_no: 'INTEGER', fiscal_year: 'INTEGER', formula: 'VARCHAR', average_monthly_wage_yen: 'DOUBLE', average_hourly_wage_yen: 'DOUBLE' },
      plan.phases.flatMap((p, i) => p.targets.map((t) => [i + 1, t.fiscal_year, t.formula, t.average_monthly_wage_yen, t.average_hourly_wage_yen ?? null]))),
    valuesTable('plan_baselines', { fiscal_year: 'INTEGER' }, plan.baseline_fiscal_years.map((y) => [y])),
    valuesTable('plan_wage_bands', { band_no: 'INTEGER', lower_yen: 'INTEGER', upper_yen: 'INTEGER', ...labelColumns },
      plan.wage_bands.map((b) => [b.band_no, b.lower_yen, b.upper_yen, ...LOCALES.map((l) => b.label[l])])),
    valuesTable('plan_opening_groups', { group_no: 'INTEGER', first_year: 'INTEGER', last_year: 'INTEGER', ...labelColumns },
      plan.opening_groups.map((g) => [g.group_no, g.first_year, g.last_year, ...LOCALES.map((l) => g.label[l])])),
    valuesTable('plan_activities', { activity: 'VARCHAR', sort_no: 'INTEGER', in_answer_mix: 'BOOLEAN', ...labelColumns },
      plan.activities.map((a, i) => [a.column, i + 1, a.in_answer_mix, ...labels(a)])),
    valuesTable('plan_areas', { area_no: 'INTEGER', area: 'VARCHAR', slug: 'VARCHAR', ...labelColumns },
      plan.areas.map((a, i) => [i + 1, a.name, a.slug, ...labels(a)])),
  ];
}

const csvColumns = (columns: Record<string, string>) =>
  `{${Object.entries(columns).map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ')}}`;
const NATIONAL_TYPES: Record<(typeof NATIONAL_AVERAGE_COLUMNS)[number], string> = { fiscal_year: 'INTEGER', average_monthly_wage_yen: 'INTEGER', formula: 'VARCHAR', source: 'VARCHAR' };
const MUNICIPALITY_TYPES = Object.fromEntries(MUNICIPALITY_COLUMNS.map((c) => [c, 'VARCHAR']));
const PUBLISHED_TOTAL_TYPES: Record<(typeof PUBLISHED_TOTAL_COLUMNS)[number], string> = {
  fiscal_year: 'INTEGER', facilities_designated: 'INTEGER', facilities: 'INTEGER', person_months: 'BIGINT',
  total_wages_yen: 'BIGINT', work_hours: 'BIGINT', average_monthly_wage_yen: 'DOUBLE', source: 'VARCHAR', source_en: 'VARCHAR',
};

/** What the database is built from, but the reports' rows. */
export type SchemaInputs = Omit<DatabaseInputs, 'reportsCsv'>;

/** Builds the database: its tables and views, then the reports' rows. */
export async function setupDatabase(engine: SqlEngine, inputs: DatabaseInputs): Promise<void> {
  await prepareDatabase(engine, inputs);
  await loadReports(engine, inputs.reportsCsv);
}

/**
 * Everything but the reports' rows: the empty table `reports`, the reference and plan tables,
 * the indicator views. In one call, so that the engine builds it on its own thread while the
 * caller goes on (openIndicatorDatabase reads the report files meanwhile, for the CLI and the build).
 */
export async function prepareDatabase(engine: SqlEngine, inputs: SchemaInputs): Promise<void> {
  const nationalPath = await engine.registerText('national_averages.csv', inputs.nationalAveragesCsv);
  const municipalitiesPath = await engine.registerText('municipalities.csv', inputs.municipalitiesCsv);
  const publishedPath = await engine.registerText('published_totals.csv', inputs.publishedTotalsCsv);
  const columns = REPORT_COLUMNS.map((c) => `${c.name} ${c.sqlType}`).join(', ');
  const statements = [
    // No PRIMARY KEY: its index took longer to build than reading the rows, and the reader
    // already refuses a facility twice in a year; loadReports makes sure.
    `CREATE OR REPLACE TABLE reports (${columns});`,
    `CREATE OR REPLACE TABLE national_averages AS SELECT * FROM read_csv(${sqlString(nationalPath)}, header = true, auto_detect = false, columns = ${csvColumns(NATIONAL_TYPES)});`,
    `CREATE OR REPLACE TABLE municipalities AS SELECT * FROM read_csv(${sqlString(municipalitiesPath)}, header = true, auto_detect = false, columns = ${csvColumns(MUNICIPALITY_TYPES)});`,
    // null_padding: a file without the optional last column (source_en) reads it as NULL.
    `CREATE OR REPLACE TABLE published_totals AS SELECT * FROM read_csv(${sqlString(publishedPath)}, header = true, auto_detect = false, null_padding = true, columns = ${csvColumns(PUBLISHED_TOTAL_TYPES)});`,
    ...planTablesSql(inputs.plan),
    ...inputs.indicatorSql,
  ];
  // An empty statement between two is none: a file not ending in ; still ends its last one.
  await engine.run(statements.join('\n;\n'));
  for (const path of [nationalPath, municipalitiesPath, publishedPath]) await engine.dropText(path);
}

/** The reports' rows into `reports` (after prepareDatabase); a facility twice in a year is refused. */
export async function loadReports(engine: SqlEngine, reportsCsv: CsvText): Promise<void> {
  const path = await engine.registerText('reports.csv', reportsCsv);
  await engine.run(`INSERT INTO reports SELECT * FROM ${readCanonicalReportsSql(path)};`);
  await engine.dropText(path);
  await refuseDuplicates(engine);
}

/**
 * The reports' rows read where they lie (after prepareDatabase): `reports` becomes a view over
 * Parquet files of them (reportsParquet), with the table's columns and types. Nothing is
 * copied, so the files stay registered while the engine is open: for a database that is
 * queried and closed (the CLI), not one exported, whose `reports` must be a table.
 */
export async function viewReports(engine: SqlEngine, parquetFiles: readonly Uint8Array[]): Promise<void> {
  if (parquetFiles.length === 0) return; // the table stays, empty
  const paths: string[] = [];
  for (const [k, file] of parquetFiles.entries()) paths.push(await engine.registerText(`reports-${k + 1}.parquet`, file));
  // The files' types are the table's already; the casts keep the view's columns the table's whatever a file says.
  const columns = REPORT_COLUMNS.map((c) => `CAST(${c.name} AS ${c.sqlType}) AS ${c.name}`).join(', ');
  await engine.run(`DROP TABLE reports;\nCREATE VIEW reports AS SELECT ${columns} FROM read_parquet([${paths.map(sqlString).join(', ')}]);`);
  await refuseDuplicates(engine);
}

async function refuseDuplicates(engine: SqlEngine): Promise<void> {
  const duplicates = await engine.query(DUPLICATE_REPORTS_SQL);
  if (duplicates.length > 0) {
    // Unreachable through the reader (reader.duplicate_office, reader.duplicate_year): counted twice otherwise.
    throw new Error(`reports: a facility twice in one fiscal year: ${duplicates.map((d) => `${String(d.fiscal_year)} ${String(d.office_no)}`).join(', ')}`);
  }
}

/** Facilities reported twice in a year, which every total would count twice: a few, to name. */
export const DUPLICATE_REPORTS_SQL = 'SELECT fiscal_year, office_no FROM reports GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 5';


/** The name the published database is attached under in the browser, read-only. */
export const PUBLISHED_DATABASE = 'kouchin';
/** The one writable schema in the browser, for an analyst's own tables. */
export const SCRATCH_SCHEMA = 'scratch';

/**
 * Writes the in-memory database to a DuckDB file. Small blocks (16 KiB, not 256 KiB) keep a
 * database of small tables about a quarter of the size; the browser reads it with the same
 * DuckDB version (package.json pins @duckdb/node-api to the engine of @duckdb/duckdb-wasm).
 */
export function exportDatabaseSql(path: string): string[] {
  return [
    `ATTACH ${sqlString(path)} AS exported (BLOCK_SIZE 16384)`,
    'COPY FROM DATABASE memory TO exported',
    'DETACH exported',
  ];
}

/** A relation with this column holds one row per facility (or facility-year). */
const FACILITY_COLUMN = 'office_no';

/**
 * The relations that hold no facility-level rows (none has an office_no column), for a plan
 * that does not publish facilities: every other table and view of the database.
 */
export const AGGREGATE_RELATIONS_SQL = `SELECT table_name FROM information_schema.tables t
  WHERE table_catalog = 'memory' AND table_schema = 'main'
    AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
      WHERE c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = '${FACILITY_COLUMN}')
  ORDER BY table_name`;

/**
 * Writes only `relations` to a DuckDB file, each view as a table of its rows: a view over the
 * reports cannot be published without them, its result can.
 */
export function exportRelationsSql(path: string, relations: string[]): string[] {
  return [
    `ATTACH ${sqlString(path)} AS exported (BLOCK_SIZE 16384)`,
    ...relations.map((r) => `CREATE TABLE exported.main.${sqlIdentifier(r)} AS FROM memory.main.${sqlIdentifier(r)}`),
    'DETACH exported',
  ];
}

/**
 * Attaches the published database file read-only: no statement can change a published table
 * or view. Published names are found first; an analyst's tables go to `scratch` and can never
 * shadow a published name.
 */
export function attachPublishedSql(path: string): string[] {
  return [
    `ATTACH ${sqlString(path)} AS ${PUBLISHED_DATABASE} (READ_ONLY)`,
    `CREATE SCHEMA IF NOT EXISTS memory.${SCRATCH_SCHEMA}`,
    `SET search_path = '${PUBLISHED_DATABASE}.main,memory.${SCRATCH_SCHEMA}'`,
  ];
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
