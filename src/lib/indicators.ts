// The indicator registry: what each figure of the indicator views is called, its unit and
// how it is shown. KPI cards, table headers, CSV headers and the CLI take their words here,
// so a figure is named the same wherever it appears. Adding an indicator: a column in a view
// (src/lib/sql), its row type (views.ts), and an entry here.

import type { PlainMessageId, Words } from './i18n/words.ts';
import type { PlanFile } from './plan.ts';

/**
 * How a value is shown. `share` holds a fraction (0.349 → 34.9%); `percent` a percentage
 * (160.62 → 160.6%); `decimal` one decimal; `change` and `change_yen` carry a sign.
 */
export type Format = 'text' | 'count' | 'yen' | 'share' | 'percent' | 'decimal' | 'change' | 'change_yen';

export interface IndicatorSpec {
  label: PlainMessageId;
  format: Format;
  /** Unit of a count, shown after the label in headers and after the value on cards. */
  unit?: PlainMessageId;
  /** Decimals shown: a fixed number, or the plan's precision of monthly averages. */
  decimals?: number | 'monthly_average';
}

/** The decimals an indicator is shown with under a plan (undefined: as the number is). */
export function indicatorDecimals(id: IndicatorId, plan: Pick<PlanFile, 'precision'>): number | undefined {
  const decimals = (INDICATORS[id] as IndicatorSpec).decimals;
  return decimals === 'monthly_average' ? plan.precision.average_monthly_wage : decimals;
}

export const INDICATORS = {
  fiscal_year: { label: 'ind.fiscal_year', format: 'text' },
  facilities_designated: { label: 'ind.facilities_designated', format: 'count', unit: 'unit.facilities' },
  facilities_reported: { label: 'ind.facilities_reported', format: 'count', unit: 'unit.facilities' },
  reporting_rate_pct: { label: 'ind.reporting_rate_pct', format: 'percent' },
  facilities: { label: 'ind.facilities', format: 'count', unit: 'unit.facilities' },
  person_months: { label: 'ind.person_months', format: 'count', unit: 'unit.persons' },
  total_wages_yen: { label: 'ind.total_wages_yen', format: 'yen' },
  average_monthly_wage_yen: { label: 'ind.average_monthly_wage_yen', format: 'yen', decimals: 'monthly_average' },
  average_monthly_wage_new_yen: { label: 'ind.average_monthly_wage_new_yen', format: 'yen', decimals: 'monthly_average' },
  facilities_new_formula: { label: 'ind.facilities_new_formula', format: 'count', unit: 'unit.facilities' },
  work_hours: { label: 'ind.work_hours', format: 'count', unit: 'unit.hours' },
  average_hourly_wage_yen: { label: 'ind.average_hourly_wage_yen', format: 'yen', decimals: 1 },
  facilities_with_hours: { label: 'ind.facilities_with_hours', format: 'count', unit: 'unit.facilities' },
  // Targets are amounts as the plan states them (18,500円), not averages to the plan's precision.
  goal_yen: { label: 'ind.goal_yen', format: 'yen' },
  gap_to_goal_yen: { label: 'ind.gap_to_goal_yen', format: 'yen', decimals: 'monthly_average' },
  share_of_goal_pct: { label: 'ind.share_of_goal_pct', format: 'percent' },
  growth_needed_per_year_pct: { label: 'ind.growth_needed_per_year_pct', format: 'percent' },
  national_average_yen: { label: 'ind.national_average_yen', format: 'yen' },
  national_formula: { label: 'ind.national_formula', format: 'text' },
  change: { label: 'ind.change', format: 'change' },
  change_pct: { label: 'ind.change_pct', format: 'percent' },
  previous_average_monthly_wage_yen: { label: 'ind.previous_average_monthly_wage_yen', format: 'yen', decimals: 'monthly_average' },
  average_change_yen: { label: 'ind.average_change_yen', format: 'change_yen', decimals: 'monthly_average' },
  wages_per_facility_yen: { label: 'ind.wages_per_facility_yen', format: 'yen' },
  person_months_per_facility: { label: 'ind.person_months_per_facility', format: 'decimal', unit: 'unit.persons' },
  band_facilities: { label: 'ind.band_facilities', format: 'count' },
  band_share: { label: 'ind.band_share', format: 'share' },
  answers: { label: 'ind.answers', format: 'count' },
  share_of_answers: { label: 'ind.share_of_answers', format: 'share' },
  answering_facilities: { label: 'ind.answering_facilities', format: 'count' },
  share_of_facilities: { label: 'ind.share_of_facilities', format: 'share' },
  // The spread of facility averages (place_spread): interpolated quantiles, shown as averages are.
  p10_yen: { label: 'ind.p10_yen', format: 'yen', decimals: 'monthly_average' },
  p25_yen: { label: 'ind.p25_yen', format: 'yen', decimals: 'monthly_average' },
  median_yen: { label: 'ind.median_yen', format: 'yen', decimals: 'monthly_average' },
  p75_yen: { label: 'ind.p75_yen', format: 'yen', decimals: 'monthly_average' },
  p90_yen: { label: 'ind.p90_yen', format: 'yen', decimals: 'monthly_average' },
  share_at_goal_pct: { label: 'ind.share_at_goal_pct', format: 'percent' },
  share_below_low_wage_pct: { label: 'ind.share_below_low_wage_pct', format: 'percent' },
} as const satisfies Record<string, IndicatorSpec>;

export type IndicatorId = keyof typeof INDICATORS;

/** The indicator's name: 施設数, Total wages paid. */
export function indicatorLabel(id: IndicatorId, words: Words): string {
  return words.t(INDICATORS[id].label);
}

/** The indicator's name with its unit, for table and CSV headers: 延べ人数（人）, Total wages (¥). */
export function indicatorHeader(id: IndicatorId, words: Words): string {
  const spec: IndicatorSpec = INDICATORS[id];
  const label = indicatorLabel(id, words);
  const unit = spec.unit ? words.t(spec.unit) : spec.format === 'yen' || spec.format === 'change_yen' ? words.t('unit.yen') : '';
  return unit ? words.t('format.with_unit', { label, unit }) : label;
}

/** A value as the format shows it, with `decimals` if given; — for no value. */
export function formatValue(value: number | string | null, format: Format, words: Words, decimals?: number): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'yen':
      return words.yen(value, decimals);
    case 'share':
      return words.share(value);
    case 'percent':
      return words.percent(value);
    case 'decimal':
      return words.decimal(value, decimals ?? 1);
    case 'change':
      return words.change(value, 'count', decimals);
    case 'change_yen':
      return words.change(value, 'yen', decimals);
    default:
      return decimals === undefined ? words.count(value) : words.decimal(value, decimals);
  }
}

/** A value with its unit, as a headline card shows it: 589箇所, 14,215円, 253.2円. */
export function formatIndicator(id: IndicatorId, value: number | null, words: Words, plan: Pick<PlanFile, 'precision'>): string {
  const spec: IndicatorSpec = INDICATORS[id];
  const text = formatValue(value, spec.format, words, indicatorDecimals(id, plan));
  const unit = spec.unit && value !== null ? words.t(spec.unit) : '';
  return unit ? words.t('format.value_with_unit', { value: text, unit }) : text;
}
