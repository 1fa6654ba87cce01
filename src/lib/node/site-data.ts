// Everything the prerendered pages show, queried once per build from the indicator views of
// the data directory (KOUCHIN_DATA or data/). Pages call loadSite() and pass it down as props.

import type { PublishedFiles, SiteData } from '../site.ts';
import { selectView, type ViewName, type ViewRow } from '../views.ts';
import { openIndicatorDatabase, type IndicatorDatabase } from './indicators.ts';
import { projectPaths } from './project.ts';
import { reportsToCanonicalCsv } from '../reader/canonical-csv.ts';

export interface Site extends SiteData, PublishedFiles {
  /**
   * The database the SQL console attaches, as a DuckDB file: every table and view, or where the
   * plan does not publish facilities, only those without facility-level rows.
   */
  databaseFile: Uint8Array;
}

let cached: Promise<Site> | undefined;

/** The site's data; pages run from the project root at build time, so data is found from process.cwd(). */
export function loadSite(root = process.cwd()): Promise<Site> {
  cached ??= (async () => {
    const db = await openIndicatorDatabase(projectPaths(root));
    // The build says what needs a look, and goes on.
    for (const warning of db.warnings) console.warn(warning);
    try {
      return await siteFrom(db);
    } finally {
      db.engine.close();
    }
  })();
  return cached;
}

/** The site of an open database: its page data, and the database file as the plan lets it be published. */
export async function siteFrom(db: IndicatorDatabase): Promise<Site> {
  return { ...(await querySite(db)), databaseFile: await db.engine.exportDatabase({ facilityLevel: db.plan.publish_facilities }) };
}

/** The reports as one canonical CSV, as the site publishes it. */
function publishedCsv(db: IndicatorDatabase): string {
  if (db.reportsCsv === null) throw new Error('the site publishes the reports as CSV: open the database without inPlace');
  return db.reportsCsv;
}

/** The reports as one canonical CSV per fiscal year, oldest first; none where the plan does not publish facilities. */
function csvByYear(db: IndicatorDatabase): [number, string][] {
  if (!db.plan.publish_facilities) return [];
  const years = Map.groupBy(db.files.flatMap((f) => f.rows), (r) => r.fiscal_year as number);
  return [...years].sort(([a], [b]) => a - b).map(([fy, rows]) => [fy, reportsToCanonicalCsv(rows)]);
}

export async function querySite(db: IndicatorDatabase): Promise<SiteData & PublishedFiles> {
  const view = <V extends ViewName>(name: V, orderBy: string) => db.engine.query(selectView(name, orderBy)) as Promise<ViewRow<V>[]>;
  return {
    plan: db.plan,
    municipalities: db.municipalities,
    geo: db.geo,
    nationalAverages: db.nationalAverages,
    publishedTotals: db.publishedTotals,
    publishedTotalsCsv: db.publishedTotalsCsv,
    reportsCsv: publishedCsv(db),
    reportsCsvByYear: csvByYear(db),
    nationalAveragesCsv: db.nationalAveragesCsv,
    municipalitiesCsv: db.municipalitiesCsv,
    yearly: await view('yearly_indicators', 'fiscal_year'),
    changes: await view('indicator_changes', 'fiscal_year, basis DESC, compared_fiscal_year, indicator'),
    targetPath: await view('target_path', 'phase_no, fiscal_year, formula'),
    goalProgress: await view('goal_progress', 'fiscal_year, formula DESC'),
    wageBands: await view('wage_band_distribution', 'fiscal_year, band_no'),
    openingYears: await view('opening_year_indicators', 'fiscal_year, group_no'),
    openingYearBands: await view('opening_year_wage_bands', 'fiscal_year, group_no, band_no'),
    activities: await view('activity_mix', 'fiscal_year, sort_no'),
    areas: await view('area_indicators', 'fiscal_year, area_no'),
    municipalityRows: await view('municipality_indicators', 'fiscal_year, area_no, municipality_code'),
    spread: await view('place_spread', 'fiscal_year, level, area_no, municipality'),
    bandMoves: await view('band_moves', 'from_fiscal_year, fiscal_year, sort_no'),
    // Facility-level rows leave the database only where the plan publishes them.
    facilityYears: db.plan.publish_facilities ? await view('facility_history', 'office_no, fiscal_year') : [],
    facilityTransitions: db.plan.publish_facilities ? await view('facility_transitions', 'fiscal_year, office_no') : [],
  };
}
