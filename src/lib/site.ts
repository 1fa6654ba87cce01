// What the published pages show: the plan, the reference tables and every indicator view's
// rows, queried once per build (node/site-data.ts) and passed down to pages as props.

import type { Plan } from './plan.ts';
import type { Municipality, NationalAverage } from './reference.ts';
import type {
  ActivityRow, AreaRow, GoalProgress, IndicatorChange, MunicipalityRow, OpeningYearBandRow, OpeningYearRow,
  WageBandRow, YearlyIndicators,
} from './views.ts';

export interface SiteData {
  plan: Plan;
  municipalities: Municipality[];
  nationalAverages: NationalAverage[];
  yearly: YearlyIndicators[];
  changes: IndicatorChange[];
  goalProgress: GoalProgress[];
  wageBands: WageBandRow[];
  openingYears: OpeningYearRow[];
  openingYearBands: OpeningYearBandRow[];
  activities: ActivityRow[];
  areas: AreaRow[];
  municipalityRows: MunicipalityRow[];
}

/** The published files of the data directory (under /data/ of the site). */
export interface PublishedFiles {
  /** Every report as one canonical CSV: what the browser's DuckDB loads. */
  reportsCsv: string;
  nationalAveragesCsv: string;
  municipalitiesCsv: string;
}

export const fiscalYears = (site: Pick<SiteData, 'yearly'>) => site.yearly.map((y) => y.fiscal_year);

export const latestYear = (site: Pick<SiteData, 'yearly'>) => site.yearly[site.yearly.length - 1]!.fiscal_year;

/** The fiscal year reported before `fy`, if any (years can be sparse). */
export function previousYear(site: Pick<SiteData, 'yearly'>, fy: number): number | null {
  const earlier = fiscalYears(site).filter((y) => y < fy);
  return earlier.length ? earlier[earlier.length - 1]! : null;
}
