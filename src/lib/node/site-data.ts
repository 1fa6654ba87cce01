// Everything the prerendered pages show, queried once per build from the indicator views.

import { openIndicatorDatabase } from './indicators.ts';
import { projectPaths } from './project.ts';
import type { PlanConfig } from '../plan.ts';

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

export interface SiteData {
  plan: PlanConfig;
  yearly: YearlyIndicators[];
  baselineChanges: BaselineChange[];
  goalProgress: GoalProgress[];
  nationalAverages: NationalAverage[];
}

let cached: Promise<SiteData> | undefined;

/** Pages run from the project root at build time, so data is found from process.cwd(). */
export function loadSiteData(root = process.cwd()): Promise<SiteData> {
  cached ??= (async () => {
    const db = await openIndicatorDatabase(projectPaths(root));
    try {
      const q = <T>(sql: string) => db.engine.query(sql) as Promise<T[]>;
      return {
        plan: db.plan,
        yearly: await q<YearlyIndicators>('SELECT * FROM yearly_indicators ORDER BY fiscal_year'),
        baselineChanges: await q<BaselineChange>('SELECT * FROM baseline_changes'),
        goalProgress: await q<GoalProgress>('SELECT * FROM goal_progress ORDER BY fiscal_year'),
        nationalAverages: await q<NationalAverage>('SELECT * FROM national_averages ORDER BY fiscal_year'),
      };
    } finally {
      db.engine.close();
    }
  })();
  return cached;
}
