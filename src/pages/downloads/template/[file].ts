// The blank report template, as CSV and as an Excel workbook, written at build time for the
// import page (src/lib/template.ts).

import type { APIRoute } from 'astro';
import { loadSite } from '../../../lib/node/site-data.ts';
import { templateXlsx } from '../../../lib/node/template-xlsx.ts';
import { reportTemplate, templateCsv } from '../../../lib/template.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const template = reportTemplate(site.plan, site.municipalities);
  return [
    { params: { file: 'report-template.csv' }, props: { body: templateCsv(template), type: 'text/csv; charset=utf-8' } },
    { params: { file: 'report-template.xlsx' }, props: { body: await templateXlsx(template), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
  ];
}

export const GET: APIRoute = ({ props }) => new Response(props.body as BodyInit, { headers: { 'Content-Type': props.type as string } });
