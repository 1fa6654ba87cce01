// The headline figures of a fiscal year, as cards: facilities (with who reported),
// person-months, wages, the averages in each formula against the target in force in that
// formula, the previous reported year and the national average in the same formula, and the
// hourly average where facilities report hours. Every number is a view row's.

import { ROUNDED_YEN_FROM, type Words } from '../i18n/words.ts';
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
    const unit = key === 'total_wages_yen' ? (roundedTotal ? 'rounded_yen' : 'yen') : key === 'average_monthly_wage_yen' ? 'yen' : 'count';
    // Counts with their unit (+23箇所, +6,330人), so no number on a card stands bare.
    const change = unit === 'count'
      ? words.signed(c.change, formatIndicator(key, Math.abs(c.change), words, plan))
      : words.change(c.change, unit, key === 'average_monthly_wage_yen' ? decimals : undefined);
    return [words.t('kpi.vs_previous', { year: yearName(site.yearly, c.compared_fiscal_year, words, true), change, pct: words.percent(c.change_pct, true) })];
  };
  // Total wages read as 21.1億円, not ten digits, and their change alike; the tables keep every yen.
  const roundedTotal = year.total_wages_yen >= ROUNDED_YEN_FROM;
  const value = (key: HeadlineIndicator) => (key === 'total_wages_yen' ? words.yenRounded(year[key]) : formatIndicator(key, year[key], words, plan));
  const headline = (key: HeadlineIndicator, details: string[] = []): Kpi =>
    ({ label: indicatorLabel(key, words), value: value(key), details: [...details, ...vsPrevious(key)] });

  /** The target in force in this formula this year, if the year is in a phase that has one. */
  const goalLines = (formula: Formula) => {
    const p = site.goalProgress.find((g) => g.fiscal_year === fy && g.formula === formula);
    if (!p) return [];
    const target = { goal: words.yen(p.target_yen), year: words.fyName(p.target_fiscal_year), phase: words.name(plan.phases[p.phase_no - 1]!.name) };
    return [p.goal_met
      ? words.t('kpi.goal_met', target)
      : words.t('kpi.share_of_goal', { ...target, pct: words.percent(p.share_of_goal_pct), gap: words.yen(p.gap_to_goal_yen, decimals) })];
  };
  const nationalLine = (formula: Formula) => {
    const n = national(formula);
    return n ? [words.t('kpi.national_formula', { value: words.yen(n.average_monthly_wage_yen), formula: formulaName(formula) })] : [];
  };

  // The averages first: they are what the plan is about; the totals behind them follow.
  const kpis: Kpi[] = [{
    label: words.t('kpi.average_formula', { formula: formulaName('old') }),
    value: words.yen(year.average_monthly_wage_yen, decimals),
    details: [...goalLines('old'), ...vsPrevious('average_monthly_wage_yen'), ...nationalLine('old')],
  }];
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
  kpis.push(
    headline('facilities', [words.t('kpi.reporting', {
      designated: words.count(year.facilities_designated), reported: words.count(year.facilities_reported), rate: words.percent(year.reporting_rate_pct),
    })]),
    headline('person_months'),
    headline('total_wages_yen'),
  );
  return kpis;
}

export interface VerdictLine {
  text: string;
  /** The share of the goal reached, for a progress bar (goal lines only). */
  sharePct?: number;
  /** Good news (goal reached, at or above the national average), bad news, or neither. */
  good?: boolean;
}

export interface Verdict {
  /** 令和5年度の平均工賃月額（旧算定式）は 15,110円 */
  headline: string;
  lines: VerdictLine[];
}

/**
 * The year's answer in plain words, before any card or chart: the average in each formula
 * the year has, whether it reached the target in force in that formula, and where it stands
 * against the national average in the same formula (never across formulas).
 */
export function yearVerdict(site: SiteData, fy: number, words: Words): Verdict {
  const { plan } = site;
  const year = site.yearly.find((y) => y.fiscal_year === fy)!;
  const decimals = plan.precision.average_monthly_wage;
  const formulaName = (formula: Formula) => words.t(formula === 'old' ? 'formula.old' : 'formula.new');
  const lines: VerdictLine[] = [];
  for (const formula of ['old', 'new'] as const) {
    const average = formula === 'old' ? year.average_monthly_wage_yen : year.average_monthly_wage_new_yen;
    if (average === null) continue;
    // The new formula's own figure first, so the comparisons after it say which average they are about.
    if (formula === 'new') lines.push({ text: words.t('verdict.average_new', { formula: formulaName(formula), value: words.yen(average, decimals) }) });
    const p = site.goalProgress.find((g) => g.fiscal_year === fy && g.formula === formula);
    if (p) {
      const goal = { goal: words.yen(p.target_yen), year: words.fyName(p.target_fiscal_year), formula: formulaName(formula) };
      lines.push(p.goal_met
        ? { text: words.t('verdict.goal_met', goal), sharePct: p.share_of_goal_pct, good: true }
        : { text: words.t('verdict.goal_short', { ...goal, pct: words.percent(p.share_of_goal_pct), gap: words.yen(p.gap_to_goal_yen, decimals) }), sharePct: p.share_of_goal_pct, good: false });
    }
    const n = site.nationalAverages.find((x) => x.fiscal_year === fy && x.formula === formula);
    if (n) {
      const difference = average - n.average_monthly_wage_yen;
      const params = { national: words.yen(n.average_monthly_wage_yen), formula: formulaName(formula), gap: words.yen(Math.abs(difference), decimals) };
      const id = difference < 0 ? 'verdict.national_below' : difference > 0 ? 'verdict.national_above' : 'verdict.national_equal';
      lines.push({ text: words.t(id, params), good: difference >= 0 });
    }
  }
  return {
    headline: words.t('verdict.average', { year: words.fyName(fy), formula: formulaName('old'), value: words.yen(year.average_monthly_wage_yen, decimals) }),
    lines,
  };
}
