// What the published pages show: the plan, the reference tables and every indicator view's
// rows, queried once per build (node/site-data.ts) and passed down to pages as props.

import type { Topology } from 'topojson-specification';
import type { Plan } from './plan.ts';
import type { Municipality, NationalAverage, PublishedTotal } from './reference.ts';
import type {
  ActivityRow, AreaRow, BandMoveRow, FacilityTransition, FacilityYear, SpreadRow, GoalProgress, IndicatorChange, MunicipalityRow, OpeningYearBandRow, OpeningYearRow,
  TargetPathRow, WageBandRow, YearlyIndicators,
} from './views.ts';

export interface SiteData {
  plan: Plan;
  municipalities: Municipality[];
  nationalAverages: NationalAverage[];
  publishedTotals: PublishedTotal[];
  /** Every year with figures: from facility rows or, where there are none, published totals. */
  yearly: YearlyIndicators[];
  changes: IndicatorChange[];
  targetPath: TargetPathRow[];
  goalProgress: GoalProgress[];
  wageBands: WageBandRow[];
  openingYears: OpeningYearRow[];
  openingYearBands: OpeningYearBandRow[];
  activities: ActivityRow[];
  areas: AreaRow[];
  municipalityRows: MunicipalityRow[];
  /** The spread of facility averages and the distance to the goal, by place and year. */
  spread: SpreadRow[];
  /** Facilities moving between wage bands between any two reported years (band_moves). */
  bandMoves: BandMoveRow[];
  /** Every facility-year, by office number then year; empty unless plan.json `publish_facilities`. */
  facilityYears: FacilityYear[];
  /** Each facility between consecutive reported years; empty unless `publish_facilities`. */
  facilityTransitions: FacilityTransition[];
  /** The municipality boundaries of plan.json `map`, or null (no map). */
  geo: Topology | null;
}

/** The published files of the data directory (under /data/ of the site). */
export interface PublishedFiles {
  /** Every report as one canonical CSV: what the browser's DuckDB loads. */
  reportsCsv: string;
  /**
   * The same, one canonical CSV per fiscal year (`data/reports/fyYYYY.csv`): a file per year
   * keeps each well under static hosts' per-file limit at national scale. None where the plan
   * does not publish facilities: then no facility's rows leave the build.
   */
  reportsCsvByYear: [number, string][];
  nationalAveragesCsv: string;
  municipalitiesCsv: string;
  publishedTotalsCsv: string;
}

export const fiscalYears = (site: Pick<SiteData, 'yearly'>) => site.yearly.map((y) => y.fiscal_year);

/** The years with facility rows: those that have bands, areas and a page of their own. */
export const reportedYears = (site: Pick<SiteData, 'yearly'>) => site.yearly.filter((y) => y.basis === 'reports').map((y) => y.fiscal_year);

/** The latest year with facility rows. */
export const latestYear = (site: Pick<SiteData, 'yearly'>) => reportedYears(site).at(-1)!;

/** The year with facility rows before `fy`, if any (years can be sparse). */
export function previousYear(site: Pick<SiteData, 'yearly'>, fy: number): number | null {
  return reportedYears(site).filter((y) => y < fy).at(-1) ?? null;
}
