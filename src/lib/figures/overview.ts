// The overview's trend figures: average wage against the plan's targets and the national
// average; totals.

import { COLORS, type LegendItem } from '../charts/palette.ts';
import { averageWageTrendSpec, nationalWithin, totalsTrendSpec, trendLastYear } from '../charts/trend-charts.ts';
import type { Words } from '../i18n/words.ts';
import { prefectureName, type Formula, type Plan } from '../plan.ts';
import type { NationalAverage } from '../reference.ts';
import type { SiteData } from '../site.ts';
import { averageFormat, publishedLegend, sourceNotes, yearName } from './common.ts';
import { indicatorColumn, type Column, type Figure } from './types.ts';

/** The series of the average wage trend (averageWageTrendSpec) that the data has, for its legend: the figure's and the import page's preview. */
export function averageTrendLegend(plan: Plan, yearly: SiteData['yearly'], nationalAverages: NationalAverage[], targetPath: SiteData['targetPath'], words: Words): LegendItem[] {
  const last = trendLastYear(yearly, targetPath);
  const national = nationalWithin(nationalAverages, yearly, last);
  const targets = targetPath.filter((t) => t.fiscal_year >= yearly[0]!.fiscal_year && t.fiscal_year <= last);
  const formula = (f: Formula) => words.t(f === 'old' ? 'formula.old' : 'formula.new');
  const series = (name: string, f: Formula) => words.t('legend.series_formula', { series: name, formula: formula(f) });
  const pref = prefectureName(plan, words);
  return [
    { label: series(pref, 'old'), color: COLORS.prefecture, line: 'solid', marker: 'circle' },
    ...publishedLegend(yearly, words, 'hollow-circle', COLORS.prefecture),
    ...(yearly.some((y) => y.average_monthly_wage_new_yen !== null) ? [{ label: series(pref, 'new'), color: COLORS.newFormula, line: 'none' as const, marker: 'diamond' as const }] : []),
    ...(national.some((n) => n.formula === 'old') ? [{ label: series(words.t('legend.national'), 'old'), color: COLORS.national, line: 'dashed' as const, marker: 'square' as const }] : []),
    ...(national.some((n) => n.formula === 'new') ? [{ label: series(words.t('legend.national'), 'new'), color: COLORS.national, line: 'none' as const, marker: 'ring' as const }] : []),
    ...(['old', 'new'] as const).filter((f) => targets.some((t) => t.formula === f))
      .map((f) => ({ label: series(words.t('legend.goal_only'), f), color: f === 'new' ? COLORS.newFormula : COLORS.goal, line: 'long-dashed' as const, marker: 'none' as const })),
  ];
}

export function averageTrendFigure(site: SiteData, words: Words): Figure {
  const { plan, yearly, targetPath } = site;
  const first = yearly[0]!;
  const latest = yearly[yearly.length - 1]!;
  const formula = (f: Formula) => words.t(f === 'old' ? 'formula.old' : 'formula.new');
  const pref = prefectureName(plan, words);
  const decimals = plan.precision.average_monthly_wage;
  const labelled = [...new Set([...plan.baseline_fiscal_years, latest.fiscal_year])];
  // The chart's years: the prefecture's, and the national ones and targets within them.
  const last = trendLastYear(yearly, targetPath);
  const national = nationalWithin(site.nationalAverages, yearly, last);
  const nationalByYear = new Map(national.map((n) => [n.fiscal_year, n]));
  const targets = targetPath.filter((t) => t.fiscal_year >= first.fiscal_year && t.fiscal_year <= last);
  const targetFormulas = (['old', 'new'] as const).filter((f) => targets.some((t) => t.formula === f));
  const years = [...new Set([...national.map((n) => n.fiscal_year), ...yearly.map((y) => y.fiscal_year), ...targets.map((t) => t.fiscal_year)])].sort((a, b) => a - b);
  const series = (name: string, f: Formula) => words.t('legend.series_formula', { series: name, formula: formula(f) });
  const yenColumn = (label: string): Column => ({ label: words.t('format.with_unit', { label, unit: words.t('unit.yen') }), format: 'yen', decimals });
  const goalSeries = (f: Formula) => series(words.t('legend.goal_only'), f);
  return {
    id: 'average-wage-trend',
    title: words.t('fig.average_trend.title'),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => averageWageTrendSpec(yearly, site.nationalAverages, targetPath, labelled, words, size, averageFormat(plan, words)),
      label: words.t('fig.average_trend.chart_label'),
      description: words.t('fig.average_trend.description', {
        prefecture: pref,
        first: words.yen(first.average_monthly_wage_yen, decimals), firstYear: words.fyName(first.fiscal_year),
        latest: words.yen(latest.average_monthly_wage_yen, decimals), latestYear: words.fyName(latest.fiscal_year),
      }),
    }],
    legend: averageTrendLegend(plan, yearly, site.nationalAverages, targetPath, words),
    table: {
      caption: words.t('fig.average_trend.caption'),
      columns: [
        indicatorColumn('fiscal_year', words, plan),
        yenColumn(series(pref, 'old')),
        yenColumn(series(pref, 'new')),
        indicatorColumn('national_average_yen', words, plan),
        indicatorColumn('national_formula', words, plan),
        ...targetFormulas.map((f) => yenColumn(goalSeries(f))),
      ],
      keys: [{ name: 'fiscal_year', values: years }],
      rows: years.map((fy) => {
        const y = yearly.find((r) => r.fiscal_year === fy);
        const n = nationalByYear.get(fy);
        return [
          yearName(yearly, fy, words), y?.average_monthly_wage_yen ?? null, y?.average_monthly_wage_new_yen ?? null,
          n?.average_monthly_wage_yen ?? null, n ? formula(n.formula) : null,
          ...targetFormulas.map((f) => targets.find((t) => t.fiscal_year === fy && t.formula === f)?.target_yen ?? null),
        ];
      }),
    },
    notes: sourceNotes(plan, words, [
      words.t('note.formulas', { old: formula('old'), new: formula('new'), rounding: words.t(decimals === 1 ? 'rounding.monthly_1' : 'rounding.monthly_0') }),
      words.t('note.targets'),
      words.t('note.national_source'),
      ...publishedNote(site, words),
    ]),
  };
}

/** Where years come from published totals, which, and from where. */
function publishedNote(site: SiteData, words: Words): string[] {
  const used = site.publishedTotals.filter((t) => site.yearly.some((y) => y.fiscal_year === t.fiscal_year && y.basis === 'published'));
  const sources = [...new Set(used.map((t) => words.name({ ja: t.source, en: t.source_en || t.source })))];
  return used.length === 0 ? [] : [words.t(used.length === 1 ? 'note.published_one' : 'note.published', { years: words.list(used.map((t) => words.fyName(t.fiscal_year))), sources: words.names(sources) })];
}

export function totalsTrendFigure(site: SiteData, words: Words): Figure {
  const { yearly, plan } = site;
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
    legend: publishedLegend(yearly, words, 'outline', COLORS.ink),
    table: {
      caption: words.t('fig.totals_trend.caption'),
      columns: [
        indicatorColumn('fiscal_year', words, plan),
        indicatorColumn('facilities_designated', words, plan),
        indicatorColumn('facilities_reported', words, plan),
        indicatorColumn('reporting_rate_pct', words, plan),
        indicatorColumn('facilities', words, plan),
        indicatorColumn('person_months', words, plan),
        indicatorColumn('total_wages_yen', words, plan),
        indicatorColumn('work_hours', words, plan),
        indicatorColumn('average_hourly_wage_yen', words, plan),
      ],
      keys: [{ name: 'fiscal_year', values: yearly.map((y) => y.fiscal_year) }],
      rows: yearly.map((y) => [yearName(yearly, y.fiscal_year, words), y.facilities_designated, y.facilities_reported, y.reporting_rate_pct, y.facilities, y.person_months, y.total_wages_yen, y.work_hours, y.average_hourly_wage_yen]),
    },
    notes: sourceNotes(site.plan, words, [words.t('note.person_months'), words.t('note.reporting'), words.t('note.hourly'), ...publishedNote(site, words)]),
  };
}
