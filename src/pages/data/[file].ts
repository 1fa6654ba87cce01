// The published data as files, for the SQL console and the import preview: every report
// as one canonical CSV, the reference tables, and the plan as the build resolved and checked it.

import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/node/site-data.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const csv = 'text/csv; charset=utf-8';
  const files: [string, string | Uint8Array, string][] = [
    ['reports.csv', site.reportsCsv, csv],
    ['national_averages.csv', site.nationalAveragesCsv, csv],
    ['municipalities.csv', site.municipalitiesCsv, csv],
    ['published_totals.csv', site.publishedTotalsCsv, csv],
    ['kouchin.duckdb', site.databaseFile, 'application/octet-stream'],
    ['plan.json', JSON.stringify(site.plan, null, 2), 'application/json'],
  ];
  return files.map(([file, body, type]) => ({ params: { file }, props: { body, type } }));
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string | Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': props.type as string } });
