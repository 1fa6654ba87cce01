// Progress against the plan's targets, one figure per formula the plan sets targets in:
// each year's average in that formula, the target in force that year (only within its
// phase), the gap, the share, the growth still needed and the national average in the same
// formula. Every number is a column of the goal_progress view.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import type { Words } from '../i18n/words.ts';
import { FORMULAS, type Formula } from '../plan.ts';
import type { SiteData } from '../site.ts';
import { averageFormat, missingYearRows, publishedLegend, sourceNotes, yearName } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

const average = (y: SiteData['yearly'][number], formula: Formula) => (formula === 'old' ? y.average_monthly_wage_yen : y.average_monthly_wage_new_yen);

export function goalFigures(site: SiteData, words: Words): Figure[] {
  return FORMULAS.filter((f) => site.targetPath.some((t) => t.formula === f)).map((f) => goalFigure(site, f, words));
}

function goalFigure(site: SiteData, formula: Formula, words: Words): Figure {
  const { plan } = site;
  const formulaName = words.t(formula === 'old' ? 'formula.old' : 'formula.new');
  const years = site.yearly.filter((y) => average(y, formula) !== null);
  const progress = (fy: number) => site.goalProgress.find((g) => g.fiscal_year === fy && g.formula === formula);
  const hourly = site.targetPath.some((t) => t.formula === formula && t.hourly_target_yen !== null);
  const phaseName = (no: number) => words.name(plan.phases[no - 1]!.name);
  return {
    id: `goal-progress-${formula}`,
    title: words.t('fig.goal.title', { formula: formulaName }),
    unit: words.t('fig.goal.unit', { formula: formulaName }),
    charts: [{
      spec: (size) => barsSpec(years.map((y) => {
        const p = progress(y.fiscal_year);
        return { label: words.fyShort(y.fiscal_year), value: average(y, formula)!, accent: p !== undefined, hollow: y.basis === 'published', ...(p ? { target: p.target_yen } : {}) };
      }), {
        xLabel: words.t('fig.goal.axis', { formula: formulaName }), words, size,
        format: averageFormat(plan, words),
        gaps: missingYearRows(years.map((y) => y.fiscal_year), (fy) => words.fyShort(fy), words),
      }),
      label: words.t('fig.goal.chart_label', { formula: formulaName }),
      description: words.t('fig.goal.description', { formula: formulaName }),
    }],
    legend: [
      ...(years.some((y) => progress(y.fiscal_year)) ? [{ label: words.t('legend.plan_period_year'), color: COLORS.prefecture, line: 'none' as const, marker: 'square' as const }] : []),
      ...(years.some((y) => !progress(y.fiscal_year)) ? [{ label: words.t('legend.other_year'), color: COLORS.neutral, line: 'none' as const, marker: 'square' as const }] : []),
      ...publishedLegend(years, words, 'outline', COLORS.ink),
      { label: words.t('legend.target_in_force'), color: COLORS.goal, line: 'solid', marker: 'none' },
    ],
    table: {
      caption: words.t('fig.goal.caption', { formula: formulaName }),
      columns: [
        indicatorColumn('fiscal_year', words, plan),
        { label: words.t('fig.goal.phase'), format: 'text' },
        { ...indicatorColumn('average_monthly_wage_yen', words, plan), label: words.t('format.with_unit', { label: words.t('kpi.average_formula', { formula: formulaName }), unit: words.t('unit.yen') }) },
        indicatorColumn('goal_yen', words, plan),
        { label: words.t('fig.goal.target_year'), format: 'text' },
        indicatorColumn('gap_to_goal_yen', words, plan),
        indicatorColumn('share_of_goal_pct', words, plan),
        indicatorColumn('growth_needed_per_year_pct', words, plan),
        ...(hourly ? [indicatorColumn('average_hourly_wage_yen', words, plan), { ...indicatorColumn('average_hourly_wage_yen', words, plan), label: words.t('format.with_unit', { label: words.t('fig.goal.hourly_target'), unit: words.t('unit.yen') }) }] : []),
        indicatorColumn('national_average_yen', words, plan),
      ],
      keys: [{ name: 'fiscal_year', values: years.map((y) => y.fiscal_year) }],
      rows: years.map((y) => {
        const p = progress(y.fiscal_year);
        return [
          yearName(site.yearly, y.fiscal_year, words, true),
          p ? phaseName(p.phase_no) : null,
          average(y, formula),
          p?.target_yen ?? null,
          p ? words.fyShort(p.target_fiscal_year) : null,
          p?.gap_to_goal_yen ?? null,
          p?.share_of_goal_pct ?? null,
          p?.growth_needed_per_year_pct ?? null,
          ...(hourly ? [y.average_hourly_wage_yen, p?.hourly_target_yen ?? null] : []),
          site.nationalAverages.find((n) => n.fiscal_year === y.fiscal_year && n.formula === formula)?.average_monthly_wage_yen ?? null,
        ];
      }),
    },
    notes: sourceNotes(plan, words, [words.t('note.goal_formula', { formula: formulaName }), words.t('note.targets'), words.t('note.growth_needed')]),
  };
}
