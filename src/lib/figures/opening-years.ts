// 図表9–11: by years since opening — wage-band shares, wages and person-months per facility.

import { barsSpec, sequentialColors, stackedSharesSpec } from '../charts/plan-charts.ts';
import type { Locale } from '../format.ts';
import type { SiteData } from '../node/site-data.ts';
import { fyShort, label, sourceNotes } from './common.ts';
import type { Figure } from './types.ts';

const openingNote = (locale: Locale) =>
  locale === 'ja'
    ? '開所年数 ＝ 年度 − 指定年月日の属する年度 ＋ 1（年度は4月1日始まり。3月31日指定は前年度に数えます）。'
    : 'Years since opening = fiscal year − fiscal year of the opening date + 1 (fiscal years start on 1 April).';

export function openingYearFigures(data: SiteData, fy: number, locale: Locale, idPrefix: string): Figure[] {
  const ja = locale === 'ja';
  const year = fyShort(fy, locale);
  const bandRows = data.openingYearBands.filter((r) => r.fiscal_year === fy);
  const groups = [...new Map(bandRows.map((r) => [r.group_no, ja ? r.group_ja : r.group_en])).values()];
  const bands = [...new Map(bandRows.map((r) => [r.band_no, ja ? r.band_ja : r.band_en])).values()];
  const stack = bandRows.map((r) => ({ row: ja ? r.group_ja : r.group_en, part: ja ? r.band_ja : r.band_en, share: r.share }));
  const colors = sequentialColors(bands.length);
  const perGroup = data.openingYears.filter((r) => r.fiscal_year === fy);

  const shares: Figure = {
    id: `${idPrefix}opening-year-wage-bands`,
    title: ja ? `開所年数別の工賃区分別事業所割合（${year}）` : `Wage bands by years since opening (${year})`,
    unit: ja ? '単位：％（各開所年数の事業所数に対する割合）' : 'Percent of the facilities in each group',
    charts: [{
      spec: (size) => stackedSharesSpec(stack, groups, bands, { xLabel: ja ? '事業所の割合' : 'Share of facilities', locale, size }),
      label: ja ? '開所年数別の工賃区分別事業所割合' : 'Wage bands by years since opening',
      description: ja ? '開所年数のグループごとに、平均工賃月額の区分別の事業所割合を積み上げた横棒グラフ。' : 'Stacked bars: for each group of years since opening, the share of facilities in each wage band.',
    }],
    legend: bands.map((b, i) => ({ label: b, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: ja ? '開所年数別・工賃区分別の事業所数と割合' : 'Facilities and shares by years since opening and wage band',
      columns: [
        { label: ja ? '開所年数' : 'Years since opening', kind: 'text' },
        ...bands.flatMap((b) => [
          { label: ja ? `${b} 事業所数` : `${b}: facilities`, kind: 'count' as const },
          { label: ja ? `${b} 割合` : `${b}: share`, kind: 'share' as const },
        ]),
      ],
      rows: groups.map((g) => [
        g,
        ...bands.flatMap((b) => {
          const r = bandRows.find((x) => (ja ? x.group_ja : x.group_en) === g && (ja ? x.band_ja : x.band_en) === b);
          return [r?.facilities ?? 0, r?.share ?? 0];
        }),
      ]),
    },
    notes: sourceNotes(data, locale, [openingNote(locale)]),
  };

  const perFacility = (measure: 'wages' | 'person_months'): Figure => {
    const wages = measure === 'wages';
    const rows = perGroup.filter((r) => r.facilities > 0);
    const value = (r: (typeof rows)[number]) => (wages ? r.wages_per_facility_yen : r.person_months_per_facility) ?? 0;
    return {
      id: `${idPrefix}opening-year-${wages ? 'wages' : 'person-months'}`,
      title: wages
        ? (ja ? `開所年数別 事業所当たりの工賃支払額（${year}）` : `Wages paid per facility by years since opening (${year})`)
        : (ja ? `開所年数別 事業所当たりの延べ人数（${year}）` : `Person-months per facility by years since opening (${year})`),
      unit: wages ? (ja ? '単位：円（年間）' : 'Yen per year') : (ja ? '単位：人（年間延べ）' : 'Person-months per year'),
      charts: [{
        spec: (size) => barsSpec(rows.map((r) => ({ label: label(r, locale), value: value(r) })), {
          xLabel: wages ? (ja ? '事業所当たり工賃支払額（円）' : 'Wages per facility (¥)') : (ja ? '事業所当たり延べ人数（人）' : 'Person-months per facility'),
          locale, size,
        }),
        label: wages ? (ja ? '事業所当たりの工賃支払額' : 'Wages per facility') : (ja ? '事業所当たりの延べ人数' : 'Person-months per facility'),
        description: ja ? '開所年数のグループごとの事業所当たりの平均値を示す横棒グラフ。' : 'Horizontal bars of the mean per facility for each group of years since opening.',
      }],
      table: {
        caption: wages ? (ja ? '開所年数別 事業所当たりの工賃支払額' : 'Wages per facility') : (ja ? '開所年数別 事業所当たりの延べ人数' : 'Person-months per facility'),
        columns: [
          { label: ja ? '開所年数' : 'Years since opening', kind: 'text' },
          { label: ja ? '事業所数' : 'Facilities', kind: 'count' },
          wages ? { label: ja ? '事業所当たり工賃支払額（円）' : 'Wages per facility (¥)', kind: 'count' } : { label: ja ? '事業所当たり延べ人数（人）' : 'Person-months per facility', kind: 'decimal' },
          { label: ja ? '平均工賃月額（円）' : 'Average monthly wage (¥)', kind: 'count' },
        ],
        rows: rows.map((r) => [label(r, locale), r.facilities, wages ? r.wages_per_facility_yen : r.person_months_per_facility, r.average_monthly_wage_yen]),
      },
      notes: sourceNotes(data, locale, [openingNote(locale)]),
    };
  };
  return [shares, perFacility('wages'), perFacility('person_months')];
}
