// Facilities by average monthly wage band, for chosen years. Runs at build time and in the
// browser (the year picker), so it takes only the view rows and the plan it needs.

import { groupedBarsSpec, sequentialColors } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import { latestYear, reportedYears, type SiteData } from '../site.ts';
import { bandLabel, sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

export type WageBandSite = Pick<SiteData, 'plan' | 'wageBands' | 'yearly'>;

/** The plan's comparison years that have data, plus the latest year. */
export function defaultWageBandYears(site: WageBandSite): number[] {
  const have = new Set(reportedYears(site));
  const latest = latestYear(site);
  return [...new Set([...site.plan.wage_band_comparison_fiscal_years.filter((y) => have.has(y)), latest])].sort((a, b) => a - b);
}

export function wageBandFigure(site: WageBandSite, years: number[], words: Words, id: string): Figure {
  const { plan } = site;
  const rows = site.wageBands.filter((r) => years.includes(r.fiscal_year));
  const bands = plan.wage_bands.map((b) => bandLabel(plan, b.band_no, words));
  const series = years.map((fy) => words.fyShort(fy));
  const chartData = rows.map((r) => ({ group: bandLabel(plan, r.band_no, words), series: words.fyShort(r.fiscal_year), value: r.facilities }));
  const colors = sequentialColors(years.length);
  // The band above the lowest: its lower bound is the example of a bound belonging to its band.
  const second = plan.wage_bands[1]!;
  return {
    id,
    title: words.t('fig.wage_bands.title', { years: words.list(years.map((fy) => words.fyName(fy))) }),
    unit: words.t('fig.unit.facilities'),
    charts: [{
      spec: (size) => groupedBarsSpec(chartData, bands, series, { xLabel: words.t('ind.band_facilities'), words, size, seriesMarks: years.map((fy) => words.fyMark(fy)) }),
      label: words.t('fig.wage_bands.chart_label'),
      description: words.t('fig.wage_bands.description', { years: words.list(series) }),
    }],
    legend: series.map((s, i) => ({ label: s, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: words.t('fig.wage_bands.caption'),
      columns: [
        { label: words.t('ind.average_monthly_wage_yen'), format: 'text' },
        ...years.flatMap((fy) => [
          { ...indicatorColumn('band_facilities', words, plan), label: words.t('fig.year_column', { year: words.fyShort(fy), label: words.t('ind.band_facilities') }) },
          { ...indicatorColumn('band_share', words, plan), label: words.t('fig.year_column', { year: words.fyShort(fy), label: words.t('ind.band_share') }) },
        ]),
      ],
      rows: plan.wage_bands.map((band) => [
        bandLabel(plan, band.band_no, words),
        ...years.flatMap((fy) => {
          const r = rows.find((x) => x.fiscal_year === fy && x.band_no === band.band_no);
          return [r?.facilities ?? null, r?.share ?? null];
        }),
      ]),
    },
    notes: sourceNotes(plan, words, [
      words.t('note.bands_lower_bound', { example: words.yen(second.lower_yen), band: bandLabel(plan, second.band_no, words) }),
      words.t('note.bands_share'),
    ]),
  };
}
