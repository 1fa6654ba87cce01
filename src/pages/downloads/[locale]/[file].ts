// Every figure's data as CSV and its chart as SVG, written at build time next to the pages,
// so downloads work without JavaScript.

import type { APIRoute } from 'astro';
import { figureSvg } from '../../../lib/figures/svg.ts';
import { figureCsv } from '../../../lib/figures/types.ts';
import { comparisonCsv, overviewComparisons } from '../../../lib/figures/comparison.ts';
import { sitePages } from '../../../lib/figures/site-pages.ts';
import { wordsFor } from '../../../lib/i18n/catalogue.ts';
import { LOCALES } from '../../../lib/i18n/locales.ts';
import { loadSite } from '../../../lib/node/site-data.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const seen = new Set<string>();
  return LOCALES.flatMap((locale) => {
    const words = wordsFor(locale);
    const unique = (id: string) => {
      if (seen.has(`${locale}/${id}`)) throw new Error(`figure id ${id} is used twice`);
      seen.add(`${locale}/${id}`);
    };
    const csv = 'text/csv; charset=utf-8';
    return [
      ...sitePages(site).flatMap((page) =>
        page.figures(words).flatMap((figure) => {
          unique(figure.id);
          return [
            { params: { locale, file: `${figure.id}.csv` }, props: { body: figureCsv(figure, words), type: csv } },
            { params: { locale, file: `${figure.id}.svg` }, props: { body: figureSvg(figure), type: 'image/svg+xml' } },
          ];
        }),
      ),
      // The overview's comparison tables (the plan's baseline table): numbers only.
      ...overviewComparisons(site, words).map((c) => {
        unique(c.id);
        return { params: { locale, file: `${c.id}.csv` }, props: { body: comparisonCsv(site, c, words), type: csv } };
      }),
    ];
  });
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
