// 図表12: production activities (multiple answers) and agri-welfare over the years.

import { barsSpec, sequentialColors, stackedSharesSpec } from '../charts/plan-charts.ts';
import { formatPercent, type Locale } from '../format.ts';
import type { SiteData } from '../node/site-data.ts';
import { fyShort, label, sourceNotes } from './common.ts';
import type { Figure } from './types.ts';

export function activityFigures(data: SiteData, years: number[], locale: Locale, idPrefix: string): Figure[] {
  const ja = locale === 'ja';
  const rows = data.activities.filter((r) => years.includes(r.fiscal_year));
  const mix = rows.filter((r) => r.in_answer_mix);
  const parts = [...new Map(mix.map((r) => [r.sort_no, label(r, locale)])).values()];
  const rowLabels = years.filter((fy) => mix.some((r) => r.fiscal_year === fy)).map((fy) => fyShort(fy, locale));
  const colors = sequentialColors(parts.length);
  const multiple = ja
    ? '複数回答：1事業所が主な作業内容（最大3つ）ごとに回答するため、回答数の合計は事業所数を上回ります。回答割合は自主事業と請負・受託等の回答数の合計に対する割合、事業所割合はその年度の事業所数に対する割合です。'
    : 'Multiple answers: a facility answers once for each of its main works (up to three), so answers add up to more than the facilities. Share of answers is of all own-business and contract-work answers; share of facilities is of that year’s facilities.';
  // Many years read better as a range than as a list.
  const yearsText = rowLabels.length > 3 ? `${rowLabels[0]}${ja ? '〜' : '–'}${rowLabels[rowLabels.length - 1]}` : rowLabels.join(ja ? '・' : ', ');

  const answerMix: Figure = {
    id: `${idPrefix}activity-mix`,
    title: ja ? `事業所の生産活動の状況（${yearsText}）` : `Production activities (${yearsText})`,
    unit: ja ? '単位：％（回答数の割合）' : 'Percent of answers',
    charts: [{
      spec: (size) => stackedSharesSpec(
        mix.map((r) => ({ row: fyShort(r.fiscal_year, locale), part: label(r, locale), share: r.share_of_answers ?? 0 })),
        rowLabels, parts, { xLabel: ja ? '回答数の割合' : 'Share of answers', locale, size }),
      label: ja ? '生産活動の回答割合' : 'Production activity answers',
      description: ja ? `自主事業と請負・受託等の回答数の割合を年度ごとに積み上げた横棒グラフ（${yearsText}）。` : `Stacked bars of the shares of own-business and contract-work answers in ${yearsText}.`,
    }],
    legend: parts.map((p, i) => ({ label: p, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: ja ? '生産活動別の回答数と割合（複数回答）' : 'Answers and shares by activity (multiple answers)',
      columns: [
        { label: ja ? '年度' : 'Fiscal year', kind: 'text' },
        { label: ja ? '生産活動' : 'Activity', kind: 'text' },
        { label: ja ? '回答数' : 'Answers', kind: 'count' },
        { label: ja ? '回答割合' : 'Share of answers', kind: 'share' },
        { label: ja ? '回答事業所数' : 'Facilities answering', kind: 'count' },
        { label: ja ? '事業所割合' : 'Share of facilities', kind: 'share' },
      ],
      rows: mix.map((r) => [fyShort(r.fiscal_year, locale), label(r, locale), r.answers, r.share_of_answers, r.facilities, r.share_of_facilities]),
    },
    notes: sourceNotes(data, locale, [multiple]),
  };

  const others = rows.filter((r) => !r.in_answer_mix);
  const otherFigures: Figure[] = [...new Set(others.map((r) => r.activity))].map((activity) => {
    const series = others.filter((r) => r.activity === activity);
    const name = label(series[0]!, locale);
    return {
      id: `${idPrefix}activity-${activity.replaceAll('_', '-')}`,
      title: ja ? `${name}に取り組む事業所の割合` : `Facilities doing ${name.toLowerCase()}`,
      unit: ja ? '単位：％（その年度の事業所数に対する割合）' : 'Percent of that year’s facilities',
      charts: [{
        spec: (size) => barsSpec(series.map((r) => ({ label: fyShort(r.fiscal_year, locale), value: Math.round(r.share_of_facilities * 1000) / 10 })), {
          xLabel: ja ? '事業所の割合（％）' : 'Share of facilities (%)', locale, size,
          format: (v) => formatPercent(v, locale),
        }),
        label: ja ? `${name}に取り組む事業所の割合` : `Share of facilities doing ${name.toLowerCase()}`,
        description: ja ? `${name}に取り組む事業所の割合の年度別横棒グラフ。` : `Bars of the share of facilities doing ${name.toLowerCase()} per fiscal year.`,
      }],
      table: {
        caption: ja ? `${name}に取り組む事業所` : `Facilities doing ${name.toLowerCase()}`,
        columns: [
          { label: ja ? '年度' : 'Fiscal year', kind: 'text' },
          { label: ja ? '事業所数' : 'Facilities', kind: 'count' },
          { label: ja ? '事業所割合' : 'Share of facilities', kind: 'share' },
        ],
        rows: series.map((r) => [fyShort(r.fiscal_year, locale), r.facilities, r.share_of_facilities]),
      },
      notes: sourceNotes(data, locale),
    };
  });
  return [answerMix, ...otherFigures];
}
