// The overview's trend figures: average wage against goal and national average; totals.

import { COLORS } from '../charts/palette.ts';
import { averageWageTrendSpec, nationalWithin, totalsTrendSpec } from '../charts/trend-charts.ts';
import type { Words } from '../i18n/words.ts';
import { prefectureName } from '../plan.ts';
import type { SiteData } from '../site.ts';
import { sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

export function averageTrendFigure(site: SiteData, words: Words): Figure {
  const { plan, yearly } = site;
  const first = yearly[0]!;
  const latest = yearly[yearly.length - 1]!;
  const goal = { yen: plan.goal.average_monthly_wage_yen, fiscalYear: plan.goal.fiscal_year };
  const formula = (f: 'old' | 'new') => words.t(f === 'old' ? 'formula.old' : 'formula.new');
  const pref = prefectureName(plan, words);
  const national = nationalWithin(site.nationalAverages, yearly, Math.max(latest.fiscal_year, goal.fiscalYear));
  const nationalByYear = new Map(national.map((n) => [n.fiscal_year, n]));
  // The table holds exactly the years the chart draws.
  const years = [...new Set([...national.map((n) => n.fiscal_year), ...yearly.map((y) => y.fiscal_year)])].sort((a, b) => a - b);
  const labelled = [...new Set([...plan.baseline_fiscal_years, latest.fiscal_year])];
  const series = (name: string, f: 'old' | 'new') => words.t('legend.series_formula', { series: name, formula: formula(f) });
  const yenColumn = (label: string) => ({ label: words.t('format.with_unit', { label, unit: words.t('unit.yen') }), format: 'yen' as const });
  return {
    id: 'average-wage-trend',
    title: words.t('fig.average_trend.title'),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => averageWageTrendSpec(yearly, site.nationalAverages, goal, labelled, words, size),
      label: words.t('fig.average_trend.chart_label'),
      description: words.t('fig.average_trend.description', {
        prefecture: pref,
        first: words.yen(first.average_monthly_wage_yen), firstYear: words.fyName(first.fiscal_year),
        latest: words.yen(latest.average_monthly_wage_yen), latestYear: words.fyName(latest.fiscal_year),
        goal: words.yen(goal.yen),
      }),
    }],
    legend: [
      { label: series(pref, 'old'), color: COLORS.prefecture, line: 'solid', marker: 'circle' },
      { label: series(pref, 'new'), color: COLORS.newFormula, line: 'none', marker: 'diamond' },
      { label: series(words.t('legend.national'), 'old'), color: COLORS.national, line: 'dashed', marker: 'square' },
      { label: series(words.t('legend.national'), 'new'), color: COLORS.national, line: 'none', marker: 'ring' },
      { label: words.t('legend.goal', { goal: words.yen(goal.yen) }), color: COLORS.goal, line: 'long-dashed', marker: 'none' },
    ],
    table: {
      caption: words.t('fig.average_trend.caption'),
      columns: [
        indicatorColumn('fiscal_year', words),
        yenColumn(series(pref, 'old')),
        yenColumn(series(pref, 'new')),
        indicatorColumn('national_average_yen', words),
        indicatorColumn('national_formula', words),
        indicatorColumn('goal_yen', words),
      ],
      rows: years.map((fy) => {
        const y = yearly.find((r) => r.fiscal_year === fy);
        const n = nationalByYear.get(fy);
        return [words.fy(fy), y?.average_monthly_wage_yen ?? null, y?.average_monthly_wage_new_yen ?? null, n?.average_monthly_wage_yen ?? null, n ? formula(n.formula) : null, goal.yen];
      }),
    },
    notes: sourceNotes(plan, words, [
      words.t('note.formulas', { old: formula('old'), new: formula('new') }),
      words.t('note.national_source'),
    ]),
  };
}

export function totalsTrendFigure(site: SiteData, words: Words): Figure {
  const { yearly } = site;
  const first = yearly[0]!;
  const latest = yearly[yearly.length - 1]!;
  return {
    id: 'totals-trend',
    title: words.t('fig.totals_trend.title'),
    unit: words.t('fig.totals_trend.unit'),
    charts: (['person_months', 'total_wages_yen'] as const).map((m) => ({
      spec: (size) => totalsTrendSpec(yearly, m, words, size),
      label: words.t(m === 'person_months' ? 'fig.totals_trend.person_months_label' : 'fig.totals_trend.wages_label'),
      description: m === 'person_months'
        ? words.t('fig.totals_trend.person_months_description', { first: words.count(first.person_months), latest: words.count(latest.person_months) })
        : words.t('fig.totals_trend.wages_description', { first: words.yen(first.total_wages_yen), latest: words.yen(latest.total_wages_yen) }),
    })),
    table: {
      caption: words.t('fig.totals_trend.caption'),
      columns: [indicatorColumn('fiscal_year', words), indicatorColumn('facilities', words), indicatorColumn('person_months', words), indicatorColumn('total_wages_yen', words)],
      rows: yearly.map((y) => [words.fy(y.fiscal_year), y.facilities, y.person_months, y.total_wages_yen]),
    },
    notes: sourceNotes(site.plan, words, [words.t('note.person_months')]),
  };
}
