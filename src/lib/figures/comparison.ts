// The overview's comparison tables (the plan's baseline table, then the latest year against
// every baseline): which years they hold, and their numbers as the CSV people download.
// Values and changes are rows of the yearly_indicators and indicator_changes views.

import { toCsv, type CsvCell } from '../csv-export.ts';
import type { Words } from '../i18n/words.ts';
import { indicatorHeader } from '../indicators.ts';
import { figureNumber } from '../plan.ts';
import type { SiteData } from '../site.ts';
import { HEADLINE_INDICATORS, type HeadlineIndicator } from '../views.ts';
import { yearName } from './common.ts';
import { cellValue, indicatorColumn } from './types.ts';

export interface Comparison {
  id: string;
  caption: string;
  years: number[];
  /** The year compared with each earlier year in `years`. */
  target: number;
  /** One column per comparison (change and % on two lines) instead of two. */
  compact: boolean;
}

type ComparisonSite = Pick<SiteData, 'plan' | 'yearly' | 'changes'>;
type ComparisonRows = Pick<SiteData, 'yearly' | 'changes'>;

/** The tables the overview shows: none without a baseline with data; the first only with two baselines or more. */
export function overviewComparisons(site: ComparisonSite, words: Words): Comparison[] {
  const { plan, yearly } = site;
  const latest = yearly[yearly.length - 1]!.fiscal_year;
  const baselines = plan.baseline_fiscal_years.filter((fy) => yearly.some((y) => y.fiscal_year === fy));
  const planTarget = baselines[baselines.length - 1];
  if (planTarget === undefined) return [];
  const latestYears = [...baselines.filter((fy) => fy < latest), latest];
  const number = figureNumber(plan, 'baseline_table', words);
  const numbered = (caption: string) => (number ? words.t('figure.numbered_caption', { number, caption }) : caption);
  return [
    // The plan's table compares its baselines with each other; one baseline has nothing to compare.
    ...(baselines.length > 1
      ? [{ id: 'baseline-table', caption: numbered(words.t('table.baselines_caption', { years: words.list(baselines.map((y) => words.fyShort(y))) })), years: baselines, target: planTarget, compact: false }]
      : []),
    ...(latest > planTarget
      ? [{
        id: 'latest-vs-baselines',
        caption: latestYears.length > 2
          ? words.t('table.latest_vs_baselines', { year: words.fyShort(latest) })
          : words.t('table.latest_vs_baseline', { year: words.fyShort(latest), baseline: words.fyName(planTarget) }),
        years: latestYears, target: latest, compact: true,
      }]
      : []),
  ];
}

/** A headline indicator of a year, and its change since an earlier year, from the views' rows. */
export function comparisonValues(site: ComparisonRows, target: number) {
  return {
    value: (fy: number, key: HeadlineIndicator) => site.yearly.find((y) => y.fiscal_year === fy)?.[key],
    change: (base: number, key: HeadlineIndicator) =>
      site.changes.find((c) => c.basis === 'baseline' && c.fiscal_year === target && c.compared_fiscal_year === base && c.indicator === key),
  };
}

/**
 * The table as CSV: a row per indicator, a column per year, then the change and its
 * percentage against each earlier year, every number rounded as the table shows it.
 */
export function comparisonCsv(site: ComparisonSite, comparison: Comparison, words: Words): string {
  const { years, target } = comparison;
  const compared = years.filter((y) => y < target);
  const { value, change } = comparisonValues(site, target);
  const vs = (fy: number) => words.t('table.versus', { year: yearName(site.yearly, fy, words, true) });
  const header = [
    words.t('table.indicator'),
    ...years.map((fy) => yearName(site.yearly, fy, words, true)),
    ...compared.flatMap((fy) => [words.t('table.csv_change', { versus: vs(fy) }), words.t('table.csv_change_pct', { versus: vs(fy) })]),
  ];
  // Values and changes at the plan's precision, percentages to one decimal, as the table shows them.
  const rows = HEADLINE_INDICATORS.map((key): CsvCell[] => {
    const column = indicatorColumn(key, words, site.plan);
    const at = (v: number | null) => cellValue(v, column.format, column.decimals);
    return [
      indicatorHeader(key, words),
      ...years.map((fy) => at(value(fy, key) ?? null)),
      ...compared.flatMap((fy) => {
        const c = change(fy, key);
        return [c ? at(c.change) : null, c ? cellValue(c.change_pct, 'percent') : null];
      }),
    ];
  });
  return toCsv(header, rows);
}
