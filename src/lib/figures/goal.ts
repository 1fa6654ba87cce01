// Goal tracking: each year's average against the goal, the national average, the growth
// needed per year, and both formulas where the data has them. Every number is a column of
// the goal_progress view.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import type { Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import { sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

export function goalFigure(site: SiteData, words: Words): Figure {
  const { goal } = site.plan;
  const rows = site.goalProgress;
  const goalText = words.t('legend.goal', { goal: words.yen(goal.average_monthly_wage_yen) });
  const formula = (f: string | null) => (f === null ? null : words.t(f === 'new' ? 'formula.new' : 'formula.old'));
  return {
    id: 'goal-progress',
    title: words.t('fig.goal.title', { goal: words.yen(goal.average_monthly_wage_yen), year: words.fyShort(goal.fiscal_year) }),
    unit: words.t('fig.goal.unit', { formula: words.t('formula.old') }),
    charts: [{
      spec: (size) => barsSpec(rows.map((r) => ({ label: words.fyShort(r.fiscal_year), value: r.average_monthly_wage_yen, accent: r.in_plan_period })), {
        xLabel: words.t('fig.goal.axis', { formula: words.t('formula.old') }), words, size,
        references: [{ value: goal.average_monthly_wage_yen, label: goalText, color: COLORS.goal }],
      }),
      label: words.t('fig.goal.chart_label'),
      description: words.t('fig.goal.description'),
    }],
    // Only the kinds of bar the chart has.
    legend: [
      ...(rows.some((r) => r.in_plan_period) ? [{ label: words.t('legend.plan_period_year'), color: COLORS.prefecture, line: 'none' as const, marker: 'square' as const }] : []),
      ...(rows.some((r) => !r.in_plan_period) ? [{ label: words.t('legend.other_year'), color: COLORS.neutral, line: 'none' as const, marker: 'square' as const }] : []),
      { label: words.t('legend.goal_only'), color: COLORS.goal, line: 'long-dashed', marker: 'none' },
    ],
    table: {
      caption: words.t('fig.goal.caption'),
      columns: [
        indicatorColumn('fiscal_year', words),
        indicatorColumn('average_monthly_wage_yen', words),
        indicatorColumn('average_monthly_wage_new_yen', words),
        indicatorColumn('goal_yen', words),
        indicatorColumn('gap_to_goal_yen', words),
        indicatorColumn('share_of_goal_pct', words),
        indicatorColumn('growth_needed_per_year_pct', words),
        indicatorColumn('national_average_yen', words),
        indicatorColumn('national_formula', words),
      ],
      rows: rows.map((r) => [
        words.fyShort(r.fiscal_year),
        r.average_monthly_wage_yen,
        r.average_monthly_wage_new_yen,
        r.goal_yen,
        r.gap_to_goal_yen,
        r.share_of_goal_pct,
        r.growth_needed_per_year_pct,
        r.national_average_yen,
        formula(r.national_formula),
      ]),
    },
    notes: sourceNotes(site.plan, words, [words.t('note.goal_formula'), words.t('note.growth_needed')]),
  };
}
