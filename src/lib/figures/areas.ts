// 圏域 and municipalities: facilities, person-months, wages, average, change vs previous year.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import { formatYen, type Locale } from '../format.ts';
import type { PlaceRow, SiteData } from '../node/site-data.ts';
import { areaLabel, fyShort, sourceNotes } from './common.ts';
import type { Column, Figure } from './types.ts';

function placeColumns(first: string, locale: Locale): Column[] {
  const ja = locale === 'ja';
  return [
    { label: first, kind: 'text' },
    { label: ja ? '施設数' : 'Facilities', kind: 'count' },
    { label: ja ? '延べ人数（人）' : 'Person-months', kind: 'count' },
    { label: ja ? '工賃支払総額（円）' : 'Total wages (¥)', kind: 'count' },
    { label: ja ? '平均工賃月額（円）' : 'Average monthly wage (¥)', kind: 'count' },
    { label: ja ? '前年度の平均工賃月額（円）' : 'Previous year’s average (¥)', kind: 'count' },
    { label: ja ? '前年度比（円）' : 'Change vs previous year (¥)', kind: 'change' },
  ];
}

const placeCells = (r: PlaceRow) => [r.facilities, r.person_months, r.total_wages_yen, r.average_monthly_wage_yen, r.previous_average_monthly_wage_yen, r.average_change_yen];

export function areaFigure(data: SiteData, fy: number, locale: Locale, idPrefix: string): Figure {
  const ja = locale === 'ja';
  const rows = data.areas.filter((r) => r.fiscal_year === fy);
  const prefecture = data.yearly.find((y) => y.fiscal_year === fy)!;
  const goal = data.plan.goal.average_monthly_wage_yen;
  const prev = rows.find((r) => r.previous_fiscal_year !== null)?.previous_fiscal_year ?? null;
  return {
    id: `${idPrefix}areas`,
    title: ja ? `圏域別の平均工賃月額（${fyShort(fy, locale)}）` : `Average monthly wage by area (${fyShort(fy, locale)})`,
    unit: ja ? '単位：円／月' : 'Yen per month',
    charts: [{
      spec: (size) => barsSpec(rows.map((r) => ({ label: areaLabel(data, r.area, locale), value: r.average_monthly_wage_yen })), {
        xLabel: ja ? '平均工賃月額（円）' : 'Average monthly wage (¥)', locale, size,
        references: [
          { value: goal, label: ja ? `目標 ${formatYen(goal, locale)}` : `Goal ${formatYen(goal, locale)}`, color: COLORS.goal },
          { value: prefecture.average_monthly_wage_yen, label: ja ? `県平均 ${formatYen(prefecture.average_monthly_wage_yen, locale)}` : `Prefecture ${formatYen(prefecture.average_monthly_wage_yen, locale)}`, color: COLORS.prefecture },
        ],
      }),
      label: ja ? '圏域別の平均工賃月額' : 'Average monthly wage by area',
      description: ja ? `圏域ごとの平均工賃月額の横棒グラフ。県平均と目標を縦線で示す。` : 'Horizontal bars of the average monthly wage per area, with the prefecture average and the goal as vertical lines.',
    }],
    legend: [
      { label: ja ? '目標' : 'Goal', color: COLORS.goal, line: 'long-dashed', marker: 'none' },
      { label: ja ? '県平均' : 'Prefecture average', color: COLORS.prefecture, line: 'dashed', marker: 'none' },
    ],
    table: {
      caption: ja ? `圏域別の指標（${fyShort(fy, locale)}${prev ? `、前年度＝${fyShort(prev, locale)}` : ''}）` : `Indicators by area (${fyShort(fy, locale)}${prev ? `; previous year ${fyShort(prev, locale)}` : ''})`,
      columns: placeColumns(ja ? '圏域' : 'Area', locale),
      rows: rows.map((r) => [areaLabel(data, r.area, locale), ...placeCells(r)]),
      sortable: true,
    },
    notes: sourceNotes(data, locale, [ja ? '圏域は事業所の所在市町村から定めています。前年度は、この年度の前に報告のある年度です。' : 'Areas follow the facility’s municipality. The previous year is the last earlier year with reports.']),
  };
}

export function municipalityFigure(data: SiteData, fy: number, area: string | null, locale: Locale, id: string): Figure {
  const ja = locale === 'ja';
  const rows = data.municipalities.filter((r) => r.fiscal_year === fy && (area === null || r.area === area));
  const byAverage = [...rows].sort((a, b) => b.average_monthly_wage_yen - a.average_monthly_wage_yen);
  const where = area === null ? (ja ? '市町村別' : 'by municipality') : ja ? `${areaLabel(data, area, locale)}圏域の市町村別` : `by municipality, ${areaLabel(data, area, locale)} area`;
  const goal = data.plan.goal.average_monthly_wage_yen;
  return {
    id,
    title: ja ? `${where}の平均工賃月額（${fyShort(fy, locale)}）` : `Average monthly wage ${where} (${fyShort(fy, locale)})`,
    unit: ja ? '単位：円／月' : 'Yen per month',
    charts: [{
      spec: (size) => barsSpec(byAverage.map((r) => ({ label: r.municipality, value: r.average_monthly_wage_yen })), {
        xLabel: ja ? '平均工賃月額（円）' : 'Average monthly wage (¥)', locale, size,
        references: [{ value: goal, label: ja ? `目標 ${formatYen(goal, locale)}` : `Goal ${formatYen(goal, locale)}`, color: COLORS.goal }],
      }),
      label: ja ? `${where}の平均工賃月額` : `Average monthly wage ${where}`,
      description: ja ? '市町村ごとの平均工賃月額を高い順に並べた横棒グラフ。' : 'Horizontal bars of the average monthly wage per municipality, highest first.',
    }],
    legend: [{ label: ja ? '目標' : 'Goal', color: COLORS.goal, line: 'long-dashed', marker: 'none' }],
    table: {
      caption: ja ? `${where}の指標（${fyShort(fy, locale)}）` : `Indicators ${where} (${fyShort(fy, locale)})`,
      columns: [...placeColumns(ja ? '市町村' : 'Municipality', locale).slice(0, 1), { label: ja ? '圏域' : 'Area', kind: 'text' }, ...placeColumns('', locale).slice(1)],
      rows: byAverage.map((r) => [r.municipality, areaLabel(data, r.area, locale), ...placeCells(r)]),
      sortable: true,
    },
    notes: sourceNotes(data, locale, [ja ? '北九州市・福岡市は区の事業所を市にまとめています。施設数の少ない市町村の平均は、1事業所の増減で大きく動きます。' : 'Facilities in the wards of Kitakyushu and Fukuoka are counted under their city. Averages of municipalities with few facilities move a lot with one facility.']),
  };
}
