// Files in the browser: the site's own published files, and downloads the page hands over.

import type { Plan } from '../lib/plan.ts';
import { siteUrl } from '../lib/paths.ts';
import { reportsToCanonicalCsv } from '../lib/reader/canonical-csv.ts';
import { joinCanonicalCsvs } from '../lib/reader/join-csv.ts';
import type { PublishedFiles } from '../lib/site.ts';

/** A file the build published, e.g. `data/plan.json`. */
export async function fetchSiteText(path: string): Promise<string> {
  const response = await fetch(siteUrl(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/** Offers `blob` as a download named `name`; nothing leaves the browser. */
export function downloadBlob(name: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export interface PublishedData extends Omit<PublishedFiles, 'reportsCsvByYear'> {
  /** The plan as the build resolved and checked it. */
  plan: Plan;
}

/**
 * Every yearly report file the build published, joined into one canonical CSV (one header);
 * the header alone where the plan publishes none.
 */
async function fetchReports(): Promise<string> {
  const { files } = JSON.parse(await fetchSiteText('data/reports.json')) as { files: string[] };
  if (files.length === 0) return reportsToCanonicalCsv([]);
  return joinCanonicalCsvs(await Promise.all(files.map((f) => fetchSiteText(`data/${f}`))));
}

/** The published reports, reference tables and plan, as the build wrote them under /data/. */
export async function fetchPublishedData(): Promise<PublishedData> {
  const [plan, reportsCsv, nationalAveragesCsv, municipalitiesCsv, publishedTotalsCsv] = await Promise.all([
    fetchSiteText('data/plan.json'),
    fetchReports(),
    fetchSiteText('data/national_averages.csv'),
    fetchSiteText('data/municipalities.csv'),
    fetchSiteText('data/published_totals.csv'),
  ]);
  return { plan: JSON.parse(plan) as Plan, reportsCsv, nationalAveragesCsv, municipalitiesCsv, publishedTotalsCsv };
}
