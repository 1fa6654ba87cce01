// The published data as files, for the SQL console and the import preview: every report
// as one canonical CSV, the reference tables and the plan config.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/node/site-data.ts';
import { projectPaths } from '../../lib/node/project.ts';

export async function getStaticPaths() {
  const { dataDir } = projectPaths(process.cwd());
  const { reportsCsv } = await loadSiteData();
  const files: [string, string, string][] = [
    ['reports.csv', reportsCsv, 'text/csv; charset=utf-8'],
    ['national_averages.csv', readFileSync(join(dataDir, 'reference', 'national_averages.csv'), 'utf8'), 'text/csv; charset=utf-8'],
    ['municipalities.csv', readFileSync(join(dataDir, 'reference', 'municipalities.csv'), 'utf8'), 'text/csv; charset=utf-8'],
    ['plan.json', readFileSync(join(dataDir, 'plan.json'), 'utf8'), 'application/json'],
  ];
  return files.map(([file, body, type]) => ({ params: { file }, props: { body, type } }));
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
