// Everything the prerendered pages show, queried once per build from the indicator views.

import { openIndicatorDatabase } from './indicators.ts';
import { projectPaths } from './project.ts';
import type { PlanConfig } from '../plan.ts';
import { reportsToCanonicalCsv } from '../reader/canonical-csv.ts';

export interface YearlyIndicators {
  fiscal_year: number;
  facilities: number;
  facilities_reported: number;
  person_months: number;
  total_wages_yen: number;
  average_monthly_wage_yen: number;
  average_monthly_wage_new_yen: number | null;
  facilities_new_formula: number;
}

export interface BaselineChange {
  fiscal_year: number;
  baseline_fiscal_year: number;
  indicator: 'facilities' | 'person_months' | 'total_wages_yen' | 'average_monthly_wage_yen';
  value: number;
  baseline_value: number;
  change: number;
  change_pct: number;
}

export interface GoalProgress {
  fiscal_year: number;
  average_monthly_wage_yen: number;
  average_monthly_wage_new_yen: number | null;
  goal_yen: number;
  goal_fiscal_year: number;
  gap_to_goal_yen: number;
  goal_met: boolean;
  growth_needed_per_year: number | null;
  national_average_yen: number | null;
  national_formula: 'old' | 'new' | null;
  in_plan_period: boolean;
}

export interface NationalAverage {
  fiscal_year: number;
  average_monthly_wage_yen: number;
  formula: 'old' | 'new';
  source: string;
}

export interface WageBandRow {
  fiscal_year: number;
  band_no: number;
  lower_yen: number;
  upper_yen: number | null;
  label_ja: string;
  label_en: string;
  facilities: number;
  share: number | null;
}

export interface OpeningYearRow {
  fiscal_year: number;
  group_no: number;
  label_ja: string;
  label_en: string;
  facilities: number;
  wages_per_facility_yen: number | null;
  person_months_per_facility: number | null;
  average_monthly_wage_yen: number | null;
}

export interface OpeningYearBandRow {
  fiscal_year: number;
  group_no: number;
  group_ja: string;
  group_en: string;
  band_no: number;
  band_ja: string;
  band_en: string;
  facilities: number;
  share: number;
}

export interface ActivityRow {
  fiscal_year: number;
  activity: string;
  sort_no: number;
  label_ja: string;
  label_en: string;
  in_answer_mix: boolean;
  answers: number;
  facilities: number;
  share_of_answers: number | null;
  share_of_facilities: number;
}

export interface PlaceRow {
  fiscal_year: number;
  facilities: number;
  person_months: number;
  total_wages_yen: number;
  average_monthly_wage_yen: number;
  previous_fiscal_year: number | null;
  previous_average_monthly_wage_yen: number | null;
  average_change_yen: number | null;
}

export interface AreaRow extends PlaceRow {
  area: string;
}

export interface MunicipalityRow extends PlaceRow {
  municipality_code: string;
  municipality: string;
  area: string;
}

export interface SiteData {
  plan: PlanConfig;
  /** Every report row as one canonical CSV (what the browser's DuckDB loads). */
  reportsCsv: string;
  yearly: YearlyIndicators[];
  baselineChanges: BaselineChange[];
  goalProgress: GoalProgress[];
  nationalAverages: NationalAverage[];
  wageBands: WageBandRow[];
  openingYears: OpeningYearRow[];
  openingYearBands: OpeningYearBandRow[];
  activities: ActivityRow[];
  areas: AreaRow[];
  municipalities: MunicipalityRow[];
}

let cached: Promise<SiteData> | undefined;

/**
 * Pages run from the project root at build time, so data is found from process.cwd().
 * KOUCHIN_REPORTS_DIR builds the site on another folder of reports (benchmarks do).
 */
export function loadSiteData(root = process.cwd()): Promise<SiteData> {
  cached ??= (async () => {
    const db = await openIndicatorDatabase(projectPaths(root, process.env.KOUCHIN_REPORTS_DIR));
    try {
      const q = <T>(sql: string) => db.engine.query(sql) as Promise<T[]>;
      return {
        plan: db.plan,
        reportsCsv: reportsToCanonicalCsv(db.files.flatMap((f) => f.rows)),
        yearly: await q<YearlyIndicators>('SELECT * FROM yearly_indicators ORDER BY fiscal_year'),
        baselineChanges: await q<BaselineChange>('SELECT * FROM baseline_changes'),
        goalProgress: await q<GoalProgress>('SELECT * FROM goal_progress ORDER BY fiscal_year'),
        nationalAverages: await q<NationalAverage>('SELECT * FROM national_averages ORDER BY fiscal_year'),
        wageBands: await q<WageBandRow>('SELECT * FROM wage_band_distribution'),
        openingYears: await q<OpeningYearRow>('SELECT * FROM opening_year_indicators'),
        openingYearBands: await q<OpeningYearBandRow>('SELECT * FROM opening_year_wage_bands'),
        activities: await q<ActivityRow>('SELECT * FROM activity_mix'),
        areas: await q<AreaRow>('SELECT * FROM area_indicators'),
        municipalities: await q<MunicipalityRow>('SELECT * FROM municipality_indicators'),
      };
    } finally {
      db.engine.close();
    }
  })();
  return cached;
}
