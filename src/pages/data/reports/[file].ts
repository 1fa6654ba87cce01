// Every report, one canonical CSV per fiscal year (data/reports/fyYYYY.csv), as the import
// preview reads them and analysts download them; data/reports.json lists them.

import type { APIRoute } from 'astro';
import { loadSite } from '../../../lib/node/site-data.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.reportsCsvByYear.map(([fy, body]) => ({ params: { file: `fy${fy}.csv` }, props: { body } }));
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
