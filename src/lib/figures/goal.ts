// Goal tracking: each year's average against the goal, the national average, the growth
// needed per year, and both formulas where the data has them.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import { formatYen, type Locale } from '../format.ts';
import { t } from '../i18n.ts';
import type { SiteData } from '../node/site-data.ts';
import { fyShort, sourceNotes } from './common.ts';
import type { Figure } from './types.ts';

export function goalFigure(data: SiteData, locale: Locale): Figure {
  const ja = locale === 'ja';
  const { goal } = data.plan;
  const rows = data.goalProgress;
  return {
    id: 'goal-progress',
    title: ja ? `平均工賃月額と目標 ${formatYen(goal.average_monthly_wage_yen, locale)}（${fyShort(goal.fiscal_year, locale)}）` : `Average monthly wage against the ${formatYen(goal.average_monthly_wage_yen, locale)} goal (${fyShort(goal.fiscal_year, locale)})`,
    unit: ja ? `単位：円／月（${t('oldFormula', locale)}）` : `Yen per month (${t('oldFormula', locale)})`,
    charts: [{
      spec: (size) => barsSpec(rows.map((r) => ({ label: fyShort(r.fiscal_year, locale), value: r.average_monthly_wage_yen, accent: r.in_plan_period })), {
        xLabel: ja ? `平均工賃月額（円、${t('oldFormula', locale)}）` : `Average monthly wage (¥, ${t('oldFormula', locale)})`, locale, size,
        references: [{ value: goal.average_monthly_wage_yen, label: ja ? `目標 ${formatYen(goal.average_monthly_wage_yen, locale)}` : `Goal ${formatYen(goal.average_monthly_wage_yen, locale)}`, color: COLORS.goal }],
      }),
      label: ja ? '年度別の平均工賃月額と目標' : 'Average monthly wage per year and the goal',
      description: ja ? '年度ごとの平均工賃月額（旧算定式）の横棒グラフ。計画期間の年度は濃い色、目標を縦線で示す。' : 'Horizontal bars of each year’s average monthly wage (old formula); plan-period years in the darker colour, the goal as a vertical line.',
    }],
    legend: [
      { label: ja ? '計画期間の年度' : 'Plan-period year', color: COLORS.prefecture, line: 'none', marker: 'square' },
      { label: ja ? 'その他の年度' : 'Other year', color: COLORS.neutral, line: 'none', marker: 'square' },
      { label: ja ? '目標' : 'Goal', color: COLORS.goal, line: 'long-dashed', marker: 'none' },
    ],
    table: {
      caption: ja ? '目標の達成状況' : 'Progress against the goal',
      columns: [
        { label: ja ? '年度' : 'Fiscal year', kind: 'text' },
        { label: ja ? `平均工賃月額・${t('oldFormula', locale)}（円）` : `Average, ${t('oldFormula', locale)} (¥)`, kind: 'count' },
        { label: ja ? `平均工賃月額・${t('newFormula', locale)}（円）` : `Average, ${t('newFormula', locale)} (¥)`, kind: 'count' },
        { label: ja ? '目標（円）' : 'Goal (¥)', kind: 'count' },
        { label: ja ? '目標との差（円）' : 'Gap to goal (¥)', kind: 'count' },
        { label: ja ? '達成率' : 'Share of goal', kind: 'percent' },
        { label: ja ? '目標に必要な年平均伸び率' : 'Growth needed per year', kind: 'percent' },
        { label: ja ? '全国平均（円）' : 'National average (¥)', kind: 'count' },
        { label: ja ? '全国平均の算定式' : 'National formula', kind: 'text' },
      ],
      rows: rows.map((r) => [
        fyShort(r.fiscal_year, locale),
        r.average_monthly_wage_yen,
        r.average_monthly_wage_new_yen,
        r.goal_yen,
        r.gap_to_goal_yen,
        (r.average_monthly_wage_yen * 100) / r.goal_yen,
        r.growth_needed_per_year === null ? null : r.growth_needed_per_year * 100,
        r.national_average_yen,
        r.national_formula === null ? null : t(r.national_formula === 'old' ? 'oldFormula' : 'newFormula', locale),
      ]),
    },
    notes: sourceNotes(data, locale, [
      ja ? '目標は旧算定式（工賃支払総額 ÷ 延べ人数）で設定されています。達成率と目標との差は旧算定式の値で計算しています。' : 'The goal is set in the old formula (wages ÷ person-months); the gap and share of goal use the old-formula figure.',
      ja ? '必要な年平均伸び率：その年度から目標年度まで毎年同じ率で伸びるとした場合に、目標に届く伸び率。' : 'Growth needed per year: the constant yearly growth that would reach the goal in the goal year.',
    ]),
  };
}
