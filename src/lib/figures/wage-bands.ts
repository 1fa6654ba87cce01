// 図表8: facilities by average monthly wage band, for chosen years.

import { groupedBarsSpec } from '../charts/plan-charts.ts';
import { sequentialColors } from '../charts/plan-charts.ts';
import type { Locale } from '../format.ts';
import type { SiteData } from '../node/site-data.ts';
import { fyShort, label, latestYear, sourceNotes } from './common.ts';
import type { Figure } from './types.ts';

/** The plan's comparison years that have data, plus the latest year. */
export function defaultWageBandYears(data: SiteData): number[] {
  const have = new Set(data.yearly.map((y) => y.fiscal_year));
  return [...new Set([...data.plan.wage_band_comparison_fiscal_years.filter((y) => have.has(y)), latestYear(data)])].sort((a, b) => a - b);
}

export function wageBandFigure(data: SiteData, years: number[], locale: Locale, id: string): Figure {
  const ja = locale === 'ja';
  const rows = data.wageBands.filter((r) => years.includes(r.fiscal_year));
  const bands = [...new Map(rows.map((r) => [r.band_no, label(r, locale)])).values()];
  const series = years.map((fy) => fyShort(fy, locale));
  const chartData = rows.map((r) => ({ group: label(r, locale), series: fyShort(r.fiscal_year, locale), value: r.facilities }));
  const colors = sequentialColors(years.length);
  return {
    id,
    title: ja ? `平均工賃月額別の事業所数（${years.map((y) => fyShort(y, locale)).join('・')}）` : `Facilities by average monthly wage (${series.join(', ')})`,
    unit: ja ? '単位：事業所数' : 'Number of facilities',
    charts: [{
      spec: (size) => groupedBarsSpec(chartData, bands, series, { xLabel: ja ? '事業所数' : 'Facilities', locale, size }),
      label: ja ? '平均工賃月額別の事業所数' : 'Facilities by wage band',
      description: ja
        ? `平均工賃月額の区分ごとの事業所数を${series.join('、')}で比較した横棒グラフ。`
        : `Horizontal bars comparing the number of facilities in each wage band in ${series.join(', ')}.`,
    }],
    legend: series.map((s, i) => ({ label: s, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: ja ? '平均工賃月額別の事業所数と割合' : 'Facilities and shares by wage band',
      columns: [
        { label: ja ? '平均工賃月額' : 'Average monthly wage', kind: 'text' },
        ...years.flatMap((fy) => [
          { label: ja ? `${fyShort(fy, locale)} 事業所数` : `${fyShort(fy, locale)} facilities`, kind: 'count' as const },
          { label: ja ? `${fyShort(fy, locale)} 割合` : `${fyShort(fy, locale)} share`, kind: 'share' as const },
        ]),
      ],
      rows: bands.map((band) => [
        band,
        ...years.flatMap((fy) => {
          const r = rows.find((x) => x.fiscal_year === fy && label(x, locale) === band);
          return [r?.facilities ?? null, r?.share ?? null];
        }),
      ]),
    },
    notes: sourceNotes(data, locale, [
      ja ? '各事業所の平均工賃月額（工賃支払総額 ÷ 延べ人数）で区分。各区分は下限を含みます（例：ちょうど5,000円は「5千円以上10千円未満」）。' : 'Each facility is placed by its own average (wages ÷ person-months). Each band includes its lower bound (exactly ¥5,000 is in ¥5,000 to under ¥10,000).',
      ja ? '割合はその年度の事業所数に対する割合。' : 'Shares are of that year’s facilities.',
    ]),
  };
}
