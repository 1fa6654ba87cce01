// Row types of the indicator views (src/lib/sql), declared once as DuckDB column types. The
// TypeScript types are derived from these declarations, and tests/views.test.ts checks them
// against DESCRIBE of every view, so the pages, the CLI and the SQL cannot drift apart.
// A type ending in `?` may be NULL.

/** What area and municipality rows both hold, after their keys. */
const PLACE_COLUMNS = {
  facilities_designated: 'INTEGER',
  facilities_reported: 'INTEGER',
  reporting_rate_pct: 'DOUBLE',
  facilities: 'INTEGER',
  person_months: 'BIGINT?',
  total_wages_yen: 'BIGINT?',
  average_monthly_wage_yen: 'DOUBLE?',
  previous_fiscal_year: 'INTEGER?',
  previous_average_monthly_wage_yen: 'DOUBLE?',
  average_change_yen: 'DOUBLE?',
  /** Fewer facilities in the average than the plan's disclosure threshold: totals and average withheld. */
  suppressed: 'BOOLEAN',
} as const;

const VIEW_COLUMNS = {
  yearly_indicators: {
    fiscal_year: 'INTEGER',
    basis: 'VARCHAR',
    facilities_designated: 'INTEGER',
    facilities_reported: 'INTEGER',
    reporting_rate_pct: 'DOUBLE',
    facilities: 'INTEGER',
    person_months: 'BIGINT',
    total_wages_yen: 'BIGINT',
    average_monthly_wage_yen: 'DOUBLE',
    average_monthly_wage_new_yen: 'DOUBLE?',
    facilities_new_formula: 'INTEGER',
    work_hours: 'BIGINT?',
    average_hourly_wage_yen: 'DOUBLE?',
    facilities_with_hours: 'INTEGER',
  },
  indicator_changes: {
    fiscal_year: 'INTEGER',
    basis: 'VARCHAR',
    compared_fiscal_year: 'INTEGER',
    indicator: 'VARCHAR',
    value: 'DOUBLE',
    compared_value: 'DOUBLE',
    change: 'DOUBLE',
    change_pct: 'DOUBLE',
  },
  target_path: {
    phase_no: 'INTEGER',
    fiscal_year: 'INTEGER',
    formula: 'VARCHAR',
    target_fiscal_year: 'INTEGER',
    target_yen: 'DOUBLE',
    hourly_target_yen: 'DOUBLE?',
    final_target_fiscal_year: 'INTEGER',
    final_target_yen: 'DOUBLE',
  },
  goal_progress: {
    fiscal_year: 'INTEGER',
    phase_no: 'INTEGER',
    formula: 'VARCHAR',
    average_yen: 'DOUBLE',
    target_fiscal_year: 'INTEGER',
    target_yen: 'DOUBLE',
    gap_to_goal_yen: 'DOUBLE',
    share_of_goal_pct: 'DOUBLE',
    goal_met: 'BOOLEAN',
    final_target_fiscal_year: 'INTEGER',
    final_target_yen: 'DOUBLE',
    growth_needed_per_year_pct: 'DOUBLE?',
    average_hourly_wage_yen: 'DOUBLE?',
    hourly_target_yen: 'DOUBLE?',
    share_of_hourly_goal_pct: 'DOUBLE?',
    national_average_yen: 'INTEGER?',
  },
  wage_band_distribution: {
    fiscal_year: 'INTEGER',
    band_no: 'INTEGER',
    lower_yen: 'INTEGER',
    upper_yen: 'INTEGER?',
    facilities: 'INTEGER',
    share: 'DOUBLE?',
  },
  opening_year_indicators: {
    fiscal_year: 'INTEGER',
    group_no: 'INTEGER',
    facilities: 'INTEGER',
    wages_per_facility_yen: 'BIGINT?',
    person_months_per_facility: 'DOUBLE?',
    average_monthly_wage_yen: 'DOUBLE?',
  },
  opening_year_wage_bands: {
    fiscal_year: 'INTEGER',
    group_no: 'INTEGER',
    band_no: 'INTEGER',
    facilities: 'INTEGER',
    share: 'DOUBLE',
  },
  activity_mix: {
    fiscal_year: 'INTEGER',
    activity: 'VARCHAR',
    sort_no: 'INTEGER',
    in_answer_mix: 'BOOLEAN',
    answers: 'INTEGER',
    facilities: 'INTEGER',
    share_of_answers: 'DOUBLE?',
    share_of_facilities: 'DOUBLE',
  },
  area_indicators: {
    fiscal_year: 'INTEGER',
    area_no: 'INTEGER',
    area: 'VARCHAR',
    ...PLACE_COLUMNS,
  },
  municipality_indicators: {
    fiscal_year: 'INTEGER',
    municipality_code: 'VARCHAR',
    municipality: 'VARCHAR',
    area_no: 'INTEGER',
    area: 'VARCHAR',
    ...PLACE_COLUMNS,
  },
  place_spread: {
    fiscal_year: 'INTEGER',
    level: 'VARCHAR',
    area_no: 'INTEGER?',
    area: 'VARCHAR?',
    municipality: 'VARCHAR?',
    facilities: 'INTEGER',
    p10_yen: 'DOUBLE?',
    p25_yen: 'DOUBLE?',
    median_yen: 'DOUBLE?',
    p75_yen: 'DOUBLE?',
    p90_yen: 'DOUBLE?',
    average_monthly_wage_yen: 'DOUBLE?',
    target_yen: 'DOUBLE?',
    facilities_at_goal: 'INTEGER?',
    share_at_goal_pct: 'DOUBLE?',
    low_wage_yen: 'DOUBLE?',
    facilities_below_low_wage: 'INTEGER?',
    share_below_low_wage_pct: 'DOUBLE?',
    final_target_yen: 'DOUBLE?',
    final_target_fiscal_year: 'INTEGER?',
    growth_needed_per_year_pct: 'DOUBLE?',
    suppressed: 'BOOLEAN',
  },
  facility_history: {
    office_no: 'VARCHAR',
    fiscal_year: 'INTEGER',
    office_name: 'VARCHAR',
    office_name_kana: 'VARCHAR?',
    corporation_name: 'VARCHAR?',
    municipality_code: 'VARCHAR?',
    municipality: 'VARCHAR?',
    area_no: 'INTEGER?',
    area: 'VARCHAR?',
    submitted: 'BOOLEAN',
    in_average: 'BOOLEAN',
    opened_on: 'DATE?',
    years_since_opening: 'INTEGER?',
    capacity: 'INTEGER?',
    person_months: 'BIGINT?',
    total_wages_yen: 'BIGINT?',
    average_monthly_wage_yen: 'DOUBLE?',
    wage_band_no: 'INTEGER?',
    own_business: 'INTEGER?',
    contract_work: 'INTEGER?',
    agri_welfare: 'INTEGER?',
    main_work: 'VARCHAR?',
    municipality_average_yen: 'DOUBLE?',
    prefecture_average_yen: 'DOUBLE?',
  },
  facility_moves: {
    from_fiscal_year: 'INTEGER',
    fiscal_year: 'INTEGER',
    office_no: 'VARCHAR',
    office_name: 'VARCHAR',
    municipality: 'VARCHAR?',
    from_band_no: 'INTEGER?',
    band_no: 'INTEGER?',
    transition: 'VARCHAR',
  },
  consecutive_years: {
    fiscal_year: 'INTEGER',
    previous_fiscal_year: 'INTEGER',
  },
  facility_transitions: {
    fiscal_year: 'INTEGER',
    previous_fiscal_year: 'INTEGER',
    office_no: 'VARCHAR',
    office_name: 'VARCHAR',
    municipality: 'VARCHAR?',
    previous_band_no: 'INTEGER?',
    band_no: 'INTEGER?',
    transition: 'VARCHAR',
  },
  band_moves: {
    from_fiscal_year: 'INTEGER',
    fiscal_year: 'INTEGER',
    sort_no: 'INTEGER',
    transition: 'VARCHAR',
    facilities: 'INTEGER',
  },
  band_transitions: {
    fiscal_year: 'INTEGER',
    previous_fiscal_year: 'INTEGER',
    sort_no: 'INTEGER',
    transition: 'VARCHAR',
    facilities: 'INTEGER',
  },
} as const;

type Declared = typeof VIEW_COLUMNS;
export type ViewName = keyof Declared;
type Base<T extends string> = T extends `${infer B}?` ? B : T;
type Value<T extends string> = Base<T> extends 'VARCHAR' | 'DATE' ? string : Base<T> extends 'BOOLEAN' ? boolean : number;
type Cell<T extends string> = T extends `${string}?` ? Value<T> | null : Value<T>;

/** A row of a view, as the engines return it (BIGINT as a plain number, see plainValue). */
export type ViewRow<V extends ViewName> = { -readonly [K in keyof Declared[V]]: Cell<Declared[V][K] & string> };

export const VIEW_NAMES = Object.keys(VIEW_COLUMNS) as ViewName[];

/** The declared columns of a view, in order: `[name, DuckDB type, nullable]`. */
export function viewColumns(view: ViewName): [string, string, boolean][] {
  return Object.entries(VIEW_COLUMNS[view]).map(([name, type]: [string, string]) => [name, type.replace(/\?$/, ''), type.endsWith('?')]);
}

/** The SELECT that reads a view's declared columns. */
export function selectView(view: ViewName, orderBy: string): string {
  return `SELECT ${viewColumns(view).map(([name]) => name).join(', ')} FROM ${view} ORDER BY ${orderBy}`;
}

export type YearlyIndicators = ViewRow<'yearly_indicators'>;
export type IndicatorChange = ViewRow<'indicator_changes'>;
export type GoalProgress = ViewRow<'goal_progress'>;
export type TargetPathRow = ViewRow<'target_path'>;
export type WageBandRow = ViewRow<'wage_band_distribution'>;
export type OpeningYearRow = ViewRow<'opening_year_indicators'>;
export type OpeningYearBandRow = ViewRow<'opening_year_wage_bands'>;
export type ActivityRow = ViewRow<'activity_mix'>;
export type AreaRow = ViewRow<'area_indicators'>;
export type MunicipalityRow = ViewRow<'municipality_indicators'>;
export type SpreadRow = ViewRow<'place_spread'>;
export type FacilityYear = ViewRow<'facility_history'>;
export type FacilityTransition = ViewRow<'facility_transitions'>;
export type BandMoveRow = ViewRow<'band_moves'>;
/** Area and municipality rows share these columns. */
export type PlaceRow = Omit<AreaRow, 'area_no' | 'area'>;

/** The headline indicators compared in the baseline table and indicator_changes. */
export const HEADLINE_INDICATORS = ['facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen'] as const;
export type HeadlineIndicator = (typeof HEADLINE_INDICATORS)[number];
