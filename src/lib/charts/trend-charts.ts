// Plot specifications of the overview's trend charts.

import * as Plot from '@observablehq/plot';
import type { Locale } from '../format.ts';
import { formatCount, formatFiscalYear, warekiFiscalYearShort } from '../format.ts';
import type { NationalAverage, YearlyIndicators } from '../node/site-data.ts';
import { COLORS } from './palette.ts';
import type { ChartSize } from './render.ts';

const WIDTH: Record<ChartSize, number> = { wide: 720, narrow: 360 };

// Two short lines per tick so neighbouring years never collide: H29 / 2017, or FY / 2017.
const yearTick = (locale: Locale) => (fy: number) =>
  `${locale === 'ja' ? warekiFiscalYearShort(fy) : 'FY'}\n${fy}`;

export function averageWageTrendSpec(
  yearly: YearlyIndicators[],
  national: NationalAverage[],
  goal: { yen: number; fiscalYear: number },
  /** Years whose values are labelled on the chart (the plan's baselines and the latest). */
  labelledYears: number[],
  locale: Locale,
  size: ChartSize,
): Plot.PlotOptions {
  const narrow = size === 'narrow';
  const years = yearly.map((y) => y.fiscal_year);
  const labelled = yearly.filter((y) => labelledYears.includes(y.fiscal_year));
  const first = Math.min(...years, ...national.map((n) => n.fiscal_year));
  const last = Math.max(...years, goal.fiscalYear);
  const nationalOld = national.filter((n) => n.formula === 'old' && n.fiscal_year >= first);
  const nationalNew = national.filter((n) => n.formula === 'new' && n.fiscal_year >= first);
  const prefNew = yearly.filter((y) => y.average_monthly_wage_new_yen !== null);
  const max = Math.max(goal.yen, ...yearly.map((y) => y.average_monthly_wage_new_yen ?? y.average_monthly_wage_yen), ...national.map((n) => n.average_monthly_wage_yen));
  const t = locale === 'ja'
    ? { goal: `目標 ${formatCount(goal.yen, locale)}円（${formatFiscalYear(goal.fiscalYear, locale).replace(/（.*/, '')}）`, y: '平均工賃月額（円）' }
    : { goal: `Goal ¥${formatCount(goal.yen, locale)} (FY${goal.fiscalYear})`, y: 'Average monthly wage (¥)' };
  return {
    width: WIDTH[size],
    height: narrow ? 320 : 380,
    marginLeft: narrow ? 52 : 60,
    marginRight: narrow ? 12 : 20,
    marginBottom: 44,
    style: { fontSize: narrow ? '11px' : '12px' },
    x: { domain: [first - 0.5, last + 0.5], ticks: narrow ? labelledYears : years, tickFormat: yearTick(locale), label: null },
    y: { domain: [0, Math.ceil((max * 1.08) / 5000) * 5000], grid: true, label: t.y, tickFormat: (v: number) => formatCount(v, locale) },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleY([goal.yen], { stroke: COLORS.goal, strokeWidth: 2, strokeDasharray: '8,4' }),
      Plot.text([goal.yen], { x: first - 0.3, y: (d: number) => d, text: () => t.goal, textAnchor: 'start', dy: -8, fill: COLORS.goal, fontWeight: 'bold' }),
      Plot.line(nationalOld, { x: 'fiscal_year', y: 'average_monthly_wage_yen', stroke: COLORS.national, strokeWidth: 2, strokeDasharray: '3,3' }),
      Plot.dot(nationalOld, { x: 'fiscal_year', y: 'average_monthly_wage_yen', fill: COLORS.national, symbol: 'square', r: 3 }),
      Plot.dot(nationalNew, { x: 'fiscal_year', y: 'average_monthly_wage_yen', stroke: COLORS.national, strokeWidth: 2, symbol: 'square', r: 5, fill: 'white' }),
      Plot.line(yearly, { x: 'fiscal_year', y: 'average_monthly_wage_yen', stroke: COLORS.prefecture, strokeWidth: 2.5 }),
      Plot.dot(yearly, { x: 'fiscal_year', y: 'average_monthly_wage_yen', fill: COLORS.prefecture, r: 4 }),
      Plot.text(labelled, { x: 'fiscal_year', y: 'average_monthly_wage_yen', text: (d: YearlyIndicators) => formatCount(d.average_monthly_wage_yen, locale), dy: 14, fill: COLORS.prefecture, fontSize: 10 }),
      Plot.dot(prefNew, { x: 'fiscal_year', y: 'average_monthly_wage_new_yen', stroke: COLORS.newFormula, strokeWidth: 2.5, symbol: 'diamond', r: 6, fill: 'white' }),
      Plot.text(prefNew, { x: 'fiscal_year', y: 'average_monthly_wage_new_yen', text: (d: YearlyIndicators) => formatCount(d.average_monthly_wage_new_yen!, locale), dx: -10, textAnchor: 'end', fill: COLORS.newFormula, fontSize: 10 }),
    ],
  };
}

/** Facility-years' totals as bars, one chart per measure. */
export function totalsTrendSpec(
  yearly: YearlyIndicators[],
  measure: 'person_months' | 'total_wages_yen',
  locale: Locale,
  size: ChartSize,
): Plot.PlotOptions {
  const millions = measure === 'total_wages_yen';
  const label = locale === 'ja'
    ? (millions ? '工賃支払総額（百万円）' : '延べ人数（人）')
    : (millions ? 'Total wages (¥ million)' : 'Person-months');
  const value = (d: YearlyIndicators) => (millions ? d[measure] / 1e6 : d[measure]);
  return {
    width: WIDTH[size] / (size === 'wide' ? 2 : 1),
    height: 260,
    marginLeft: 56,
    marginBottom: 44,
    style: { fontSize: '11px' },
    x: { type: 'band', domain: yearly.map((y) => y.fiscal_year), tickFormat: yearTick(locale), label: null },
    y: { grid: true, label, tickFormat: (v: number) => formatCount(v, locale) },
    marks: [
      Plot.barY(yearly, { x: 'fiscal_year', y: value, fill: millions ? COLORS.prefecture : COLORS.neutral }),
      Plot.ruleY([0]),
    ],
  };
}
