// Every figure's data as CSV (UTF-8 with BOM, formula-safe) and its chart as SVG, written at
// build time next to the pages, so downloads work without JavaScript.

import type { APIRoute } from 'astro';
import { renderPlotSvg } from '../../../lib/charts/render.ts';
import { toCsv } from '../../../lib/csv-export.ts';
import { sitePages } from '../../../lib/figures/site-pages.ts';
import { cellValue, csvHeader, type Figure } from '../../../lib/figures/types.ts';
import type { Locale } from '../../../lib/format.ts';
import { loadSiteData } from '../../../lib/node/site-data.ts';
import { LOCALES } from '../../../lib/paths.ts';

function figureCsv(figure: Figure, locale: Locale): string {
  const { columns, rows } = figure.table;
  return toCsv(columns.map((c) => csvHeader(c, locale)), rows.map((r) => r.map((cell, i) => cellValue(cell, columns[i]!.kind))));
}

/** The desktop chart(s); a figure with several charts gets them side by side. */
function figureSvg(figure: Figure): string {
  const svgs = figure.charts.map((c) => renderPlotSvg(c.spec('wide'), c));
  if (svgs.length === 1) return svgs[0]!;
  const width = 720 / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * svgs.length}" height="300">${svgs
    .map((svg, i) => svg.replace('<svg ', `<svg x="${i * width}" `))
    .join('')}</svg>`;
}

export async function getStaticPaths() {
  const data = await loadSiteData();
  const seen = new Set<string>();
  return LOCALES.flatMap((locale) =>
    sitePages(data).flatMap((page) =>
      page.figures(locale).flatMap((figure) => {
        const key = `${locale}/${figure.id}`;
        if (seen.has(key)) throw new Error(`figure id ${figure.id} is used twice`);
        seen.add(key);
        return [
          { params: { locale, file: `${figure.id}.csv` }, props: { body: figureCsv(figure, locale), type: 'text/csv; charset=utf-8' } },
          { params: { locale, file: `${figure.id}.svg` }, props: { body: figureSvg(figure), type: 'image/svg+xml' } },
        ];
      }),
    ),
  );
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
