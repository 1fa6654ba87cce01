// The headline figures of a fiscal year, as cards: facilities (with who reported),
// person-months, wages, the averages in each formula against the target in force in that
// formula, the previous reported year and the national average in the same formula, and the
// hourly average where facilities report hours. Every number is a view row's.

import type { Words } from '../i18n/words.ts';
import { formatIndicator, indicatorLabel } from '../indicators.ts';
import type { Formula } from '../plan.ts';
import type { SiteData } from '../site.ts';
import type { HeadlineIndicator } from '../views.ts';
import { yearName } from './common.ts';

export interface Kpi {
  label: string;
  value: string;
  /** Lines of context under the value (goal, national average, change). */
  details: string[];
}

export function yearKpis(site: SiteData, fy: number, words: Words): Kpi[] {
  const { plan } = site;
  const year = site.yearly.find((y) => y.fiscal_year === fy)!;
  const decimals = plan.precision.average_monthly_wage;
  const national = (formula: Formula) => site.nationalAverages.find((n) => n.fiscal_year === fy && n.formula === formula);
  const formulaName = (formula: Formula) => words.t(formula === 'old' ? 'formula.old' : 'formula.new');

  const vsPrevious = (key: HeadlineIndicator) => {
    const c = site.changes.find((x) => x.basis === 'previous_year' && x.fiscal_year === fy && x.indicator === key);
    if (!c) return [];
    const yen = key === 'total_wages_yen' || key === 'average_monthly_wage_yen';
    const change = words.change(c.change, yen ? 'yen' : 'count', key === 'average_monthly_wage_yen' ? decimals : undefined);
    return [words.t('kpi.vs_previous', { year: yearName(site.yearly, c.compared_fiscal_year, words, true), change, pct: words.percent(c.change_pct, true) })];
  };
  const headline = (key: HeadlineIndicator, details: string[] = []): Kpi =>
    ({ label: indicatorLabel(key, words), value: formatIndicator(key, year[key], words, plan), details: [...details, ...vsPrevious(key)] });

  /** The target in force in this formula this year, if the year is in a phase that has one. */
  const goalLines = (formula: Formula) => {
    const p = site.goalProgress.find((g) => g.fiscal_year === fy && g.formula === formula);
    if (!p) return [];
    const target = { goal: words.yen(p.target_yen, decimals), year: words.fyShort(p.target_fiscal_year), phase: words.name(plan.phases[p.phase_no - 1]!.name) };
    return [p.goal_met
      ? words.t('kpi.goal_met', target)
      : words.t('kpi.share_of_goal', { ...target, pct: words.percent(p.share_of_goal_pct), gap: words.yen(p.gap_to_goal_yen, decimals) })];
  };
  const nationalLine = (formula: Formula) => {
    const n = national(formula);
    return n ? [words.t('kpi.national_formula', { value: words.yen(n.average_monthly_wage_yen), formula: formulaName(formula) })] : [];
  };

  const kpis: Kpi[] = [
    headline('facilities', [words.t('kpi.reporting', {
      designated: words.count(year.facilities_designated), reported: words.count(year.facilities_reported), rate: words.percent(year.reporting_rate_pct),
    })]),
    headline('person_months'),
    headline('total_wages_yen'),
    {
      label: words.t('kpi.average_formula', { formula: formulaName('old') }),
      value: words.yen(year.average_monthly_wage_yen, decimals),
      details: [...goalLines('old'), ...vsPrevious('average_monthly_wage_yen'), ...nationalLine('old')],
    },
  ];
  if (year.average_monthly_wage_new_yen !== null) {
    kpis.push({
      label: words.t('kpi.average_formula', { formula: formulaName('new') }),
      value: words.yen(year.average_monthly_wage_new_yen, decimals),
      details: [
        words.t('kpi.new_formula_facilities', { count: year.facilities_new_formula }),
        ...goalLines('new'),
        ...nationalLine('new'),
        words.t('kpi.not_comparable'),
      ],
    });
  }
  if (year.average_hourly_wage_yen !== null) {
    const hourlyTarget = site.goalProgress.find((g) => g.fiscal_year === fy && g.hourly_target_yen !== null);
    kpis.push({
      label: indicatorLabel('average_hourly_wage_yen', words),
      value: formatIndicator('average_hourly_wage_yen', year.average_hourly_wage_yen, words, plan),
      details: [
        words.t('kpi.hourly_facilities', { count: year.facilities_with_hours, hours: formatIndicator('work_hours', year.work_hours, words, plan) }),
        ...(hourlyTarget ? [words.t('kpi.share_of_hourly_goal', { goal: words.yen(hourlyTarget.hourly_target_yen!, 1), pct: words.percent(hourlyTarget.share_of_hourly_goal_pct!) })] : []),
      ],
    });
  }
  return kpis;
}
