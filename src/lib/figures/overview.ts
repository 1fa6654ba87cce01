// The overview's trend figures: average wage against goal and national average; totals.

import { averageWageTrendSpec, totalsTrendSpec } from '../charts/trend-charts.ts';
import { COLORS } from '../charts/palette.ts';
import { formatCount, formatYen, type Locale } from '../format.ts';
import { t } from '../i18n.ts';
import type { SiteData } from '../node/site-data.ts';
import { fyLong, latestYear, sourceNotes } from './common.ts';
import type { Figure } from './types.ts';

export function averageTrendFigure(data: SiteData, locale: Locale): Figure {
  const ja = locale === 'ja';
  const { plan, yearly, nationalAverages } = data;
  const first = yearly[0]!;
  const latest = yearly[yearly.length - 1]!;
  const goal = { yen: plan.goal.average_monthly_wage_yen, fiscalYear: plan.goal.fiscal_year };
  const formula = (f: 'old' | 'new') => t(f === 'old' ? 'oldFormula' : 'newFormula', locale);
  const pref = plan.prefecture[locale];
  const labelled = [...new Set([...plan.baseline_fiscal_years, latest.fiscal_year])];
  const national = new Map(nationalAverages.map((n) => [n.fiscal_year, n]));
  const years = [...new Set([...nationalAverages.map((n) => n.fiscal_year), ...yearly.map((y) => y.fiscal_year)])]
    .filter((fy) => fy >= first.fiscal_year)
    .sort((a, b) => a - b);
  return {
    id: 'average-wage-trend',
    title: ja ? '平均工賃月額の推移と目標' : 'Average monthly wage against the goal',
    unit: ja ? '単位：円／月' : 'Yen per month',
    charts: [{
      spec: (size) => averageWageTrendSpec(yearly, nationalAverages, goal, labelled, locale, size),
      label: ja ? '平均工賃月額の推移' : 'Average monthly wage over time',
      description: ja
        ? `${pref}の平均工賃月額は${fyLong(first.fiscal_year, locale)}の${formatYen(first.average_monthly_wage_yen, locale)}から${fyLong(latest.fiscal_year, locale)}の${formatYen(latest.average_monthly_wage_yen, locale)}に推移。目標は${formatYen(goal.yen, locale)}。`
        : `${pref}'s average monthly wage went from ${formatYen(first.average_monthly_wage_yen, locale)} in ${fyLong(first.fiscal_year, locale)} to ${formatYen(latest.average_monthly_wage_yen, locale)} in ${fyLong(latest.fiscal_year, locale)}. The goal is ${formatYen(goal.yen, locale)}.`,
    }],
    legend: [
      { label: ja ? `${pref}（${formula('old')}）` : `${pref} (${formula('old')})`, color: COLORS.prefecture, line: 'solid', marker: 'circle' },
      { label: ja ? `${pref}（${formula('new')}）` : `${pref} (${formula('new')})`, color: COLORS.newFormula, line: 'none', marker: 'diamond' },
      { label: ja ? `全国平均（${formula('old')}）` : `National average (${formula('old')})`, color: COLORS.national, line: 'dashed', marker: 'square' },
      { label: ja ? `全国平均（${formula('new')}）` : `National average (${formula('new')})`, color: COLORS.national, line: 'none', marker: 'ring' },
      { label: ja ? `目標 ${formatYen(goal.yen, locale)}` : `Goal ${formatYen(goal.yen, locale)}`, color: COLORS.goal, line: 'long-dashed', marker: 'none' },
    ],
    table: {
      caption: ja ? '平均工賃月額（円）' : 'Average monthly wage (¥)',
      columns: [
        { label: ja ? '年度' : 'Fiscal year', kind: 'text' },
        { label: ja ? `${pref}・${formula('old')}（円）` : `${pref}, ${formula('old')} (¥)`, kind: 'count' },
        { label: ja ? `${pref}・${formula('new')}（円）` : `${pref}, ${formula('new')} (¥)`, kind: 'count' },
        { label: ja ? '全国平均（円）' : 'National average (¥)', kind: 'count' },
        { label: ja ? '全国平均の算定式' : 'National formula', kind: 'text' },
        { label: ja ? '目標（円）' : 'Goal (¥)', kind: 'count' },
      ],
      rows: years.map((fy) => {
        const y = yearly.find((r) => r.fiscal_year === fy);
        const n = national.get(fy);
        return [fyLong(fy, locale), y?.average_monthly_wage_yen ?? null, y?.average_monthly_wage_new_yen ?? null, n?.average_monthly_wage_yen ?? null, n ? formula(n.formula) : null, goal.yen];
      }),
    },
    notes: sourceNotes(data, locale, [
      ja
        ? `平均工賃月額（${formula('old')}）＝ 工賃支払総額 ÷ 工賃支払対象延べ人数（円未満四捨五入）。${formula('new')}（令和5年度実績から国が採用）＝ 工賃支払総額 ÷（年間延べ利用者数 ÷ 年間開所日数）÷ 12。${formula('new')}の値は高めに出るため、目標（${formula('old')}で設定）や過去の年度とは直接比較できません。`
        : `Average monthly wage (${formula('old')}) = total wages ÷ person-months paid, rounded half-up to the yen. The ${formula('new')} (used nationally from FY2023 results) = total wages ÷ (user-days ÷ open days) ÷ 12. It gives higher figures, so it cannot be compared directly with the goal (set in the old formula) or with earlier years.`,
      ja ? '全国平均：厚生労働省「工賃（賃金）の実績について」（就労継続支援B型）。令和5年度は新算定式。' : 'National average: MHLW, wage results of Type B continuous employment support offices. FY2023 uses the new formula.',
    ]),
  };
}

export function totalsTrendFigure(data: SiteData, locale: Locale): Figure {
  const ja = locale === 'ja';
  const { yearly } = data;
  const first = yearly[0]!;
  const latest = yearly.find((y) => y.fiscal_year === latestYear(data))!;
  return {
    id: 'totals-trend',
    title: ja ? '延べ人数と工賃支払総額の推移' : 'Person-months and total wages',
    unit: ja ? '延べ人数：人／工賃支払総額：百万円' : 'Person-months; wages in ¥ million',
    charts: (['person_months', 'total_wages_yen'] as const).map((m) => ({
      spec: (size) => totalsTrendSpec(yearly, m, locale, size),
      label: m === 'person_months' ? (ja ? '延べ人数の推移' : 'Person-months over time') : (ja ? '工賃支払総額の推移' : 'Total wages over time'),
      description: m === 'person_months'
        ? (ja ? `延べ人数は${formatCount(first.person_months, locale)}人から${formatCount(latest.person_months, locale)}人に推移。` : `Person-months went from ${formatCount(first.person_months, locale)} to ${formatCount(latest.person_months, locale)}.`)
        : (ja ? `工賃支払総額は${formatYen(first.total_wages_yen, locale)}から${formatYen(latest.total_wages_yen, locale)}に推移。` : `Total wages went from ${formatYen(first.total_wages_yen, locale)} to ${formatYen(latest.total_wages_yen, locale)}.`),
    })),
    table: {
      caption: ja ? '施設数・延べ人数・工賃支払総額' : 'Facilities, person-months and total wages',
      columns: [
        { label: ja ? '年度' : 'Fiscal year', kind: 'text' },
        { label: ja ? '施設数' : 'Facilities', kind: 'count' },
        { label: ja ? '延べ人数（人）' : 'Person-months', kind: 'count' },
        { label: ja ? '工賃支払総額（円）' : 'Total wages (¥)', kind: 'count' },
      ],
      rows: yearly.map((y) => [fyLong(y.fiscal_year, locale), y.facilities, y.person_months, y.total_wages_yen]),
    },
    notes: sourceNotes(data, locale, [ja ? '延べ人数は各月の工賃支払対象者数の年間合計。' : 'Person-months: the sum over 12 months of the people paid each month.']),
  };
}
