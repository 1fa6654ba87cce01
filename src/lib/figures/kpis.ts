// The headline figures of a fiscal year, as cards: facilities, person-months, wages and the
// average against the goal, the previous reported year and the national average in the
// same formula. Every number is a view row's (indicator_changes, goal_progress).

import type { Words } from '../i18n/words.ts';
import { formatIndicator, indicatorLabel } from '../indicators.ts';
import type { SiteData } from '../site.ts';
import type { HeadlineIndicator } from '../views.ts';

export interface Kpi {
  label: string;
  value: string;
  /** Lines of context under the value (goal, national average, change). */
  details: string[];
}

export function yearKpis(site: SiteData, fy: number, words: Words): Kpi[] {
  const year = site.yearly.find((y) => y.fiscal_year === fy)!;
  const progress = site.goalProgress.find((g) => g.fiscal_year === fy)!;
  const goal = site.plan.goal;
  const national = (formula: 'old' | 'new') => site.nationalAverages.find((n) => n.fiscal_year === fy && n.formula === formula);

  const vsPrevious = (key: HeadlineIndicator) => {
    const c = site.changes.find((x) => x.basis === 'previous_year' && x.fiscal_year === fy && x.indicator === key);
    if (!c) return [];
    const change = words.change(c.change, key === 'total_wages_yen' || key === 'average_monthly_wage_yen' ? 'yen' : 'count');
    return [words.t('kpi.vs_previous', { year: words.fyShort(c.compared_fiscal_year), change, pct: words.percent(c.change_pct, true) })];
  };
  const headline = (key: HeadlineIndicator): Kpi => ({ label: indicatorLabel(key, words), value: formatIndicator(key, year[key], words), details: vsPrevious(key) });

  const goalText = { goal: words.yen(goal.average_monthly_wage_yen), year: words.fyShort(goal.fiscal_year) };
  const nationalOld = national('old');
  const kpis: Kpi[] = [
    headline('facilities'),
    headline('person_months'),
    headline('total_wages_yen'),
    {
      label: words.t('kpi.average_formula', { formula: words.t('formula.old') }),
      value: words.yen(year.average_monthly_wage_yen),
      details: [
        progress.goal_met
          ? words.t('kpi.goal_met', goalText)
          : words.t('kpi.share_of_goal', { ...goalText, pct: words.percent(progress.share_of_goal_pct), gap: words.yen(progress.gap_to_goal_yen) }),
        ...vsPrevious('average_monthly_wage_yen'),
        ...(nationalOld ? [words.t('kpi.national_formula', { value: words.yen(nationalOld.average_monthly_wage_yen), formula: words.t('formula.old') })] : []),
      ],
    },
  ];
  if (year.average_monthly_wage_new_yen !== null) {
    const nationalNew = national('new');
    kpis.push({
      label: words.t('kpi.average_formula', { formula: words.t('formula.new') }),
      value: words.yen(year.average_monthly_wage_new_yen),
      details: [
        words.t('kpi.new_formula_facilities', { count: year.facilities_new_formula }),
        ...(nationalNew ? [words.t('kpi.national_formula', { value: words.yen(nationalNew.average_monthly_wage_yen), formula: words.t('formula.new') })] : []),
        words.t('kpi.not_comparable'),
      ],
    });
  }
  return kpis;
}
