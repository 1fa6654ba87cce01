// The published data as files, for the SQL console and the import preview: the database
// file, the reference tables, the plan as the build resolved and checked it, and the list of
// the yearly report files (reports/[file].ts).

import type { APIRoute } from 'astro';
import { facilitySearchIndex } from '../../lib/facilities.ts';
import { loadSite } from '../../lib/node/site-data.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const csv = 'text/csv; charset=utf-8';
  const files: [string, string | Uint8Array, string][] = [
    ['national_averages.csv', site.nationalAveragesCsv, csv],
    ['municipalities.csv', site.municipalitiesCsv, csv],
    ['published_totals.csv', site.publishedTotalsCsv, csv],
    ['kouchin.duckdb', site.databaseFile, 'application/octet-stream'],
    ['plan.json', JSON.stringify(site.plan, null, 2), 'application/json'],
    // The report files, one per fiscal year, under reports/ (see reports/[file].ts).
    // The facility search's index, where the plan publishes facilities.
    ...(site.plan.publish_facilities ? [['facilities.json', JSON.stringify(facilitySearchIndex(site)), 'application/json'] as [string, string, string]] : []),
    ['reports.json', JSON.stringify({ files: site.reportsCsvByYear.map(([fy]) => `reports/fy${fy}.csv`) }), 'application/json'],
  ];
  return files.map(([file, body, type]) => ({ params: { file }, props: { body, type } }));
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string | Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': props.type as string } });
