// Every figure's data as CSV and its chart as SVG, written at build time next to the pages,
// so downloads work without JavaScript.

import type { APIRoute } from 'astro';
import { figureSvg } from '../../../lib/figures/svg.ts';
import { figureCsv } from '../../../lib/figures/types.ts';
import { sitePages } from '../../../lib/figures/site-pages.ts';
import { wordsFor } from '../../../lib/i18n/catalogue.ts';
import { LOCALES } from '../../../lib/i18n/locales.ts';
import { loadSite } from '../../../lib/node/site-data.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const seen = new Set<string>();
  return LOCALES.flatMap((locale) => {
    const words = wordsFor(locale);
    return sitePages(site).flatMap((page) =>
      page.figures(words).flatMap((figure) => {
        const key = `${locale}/${figure.id}`;
        if (seen.has(key)) throw new Error(`figure id ${figure.id} is used twice`);
        seen.add(key);
        return [
          { params: { locale, file: `${figure.id}.csv` }, props: { body: figureCsv(figure, words), type: 'text/csv; charset=utf-8' } },
          { params: { locale, file: `${figure.id}.svg` }, props: { body: figureSvg(figure), type: 'image/svg+xml' } },
        ];
      }),
    );
  });
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
