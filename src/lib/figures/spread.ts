// The spread behind the average (place_spread): how the facilities' own averages are spread
// around the prefecture's or an area's average, and how far each area is from the goal.

import { COLORS, type LegendItem } from '../charts/palette.ts';
import { spreadSpec, type SpreadDatum } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import { prefectureAverageLabel, prefectureName } from '../plan.ts';
import { indicatorLabel } from '../indicators.ts';
import type { SiteData } from '../site.ts';
import type { SpreadRow } from '../views.ts';
import { areaLabel, missingYearRows, sourceNotes, yearName } from './common.ts';
import { indicatorColumn, textColumn, type Column, type Figure } from './types.ts';

const QUANTILES = ['p10_yen', 'p25_yen', 'median_yen', 'p75_yen', 'p90_yen'] as const;

/** Rows with quantiles only: a place below the disclosure threshold has none to draw. */
const drawn = (rows: SpreadRow[]) => rows.filter((r) => r.median_yen !== null);

const datum = (r: SpreadRow, label: string): SpreadDatum => ({
  label, p10: r.p10_yen!, p25: r.p25_yen!, median: r.median_yen!, p75: r.p75_yen!, p90: r.p90_yen!,
  average: r.average_monthly_wage_yen, target: r.target_yen,
});

function legend(words: Words, average: string, goal: boolean): LegendItem[] {
  return [
    { label: words.t('legend.spread_80'), color: COLORS.ink, line: 'solid', marker: 'none' },
    { label: words.t('legend.spread_50'), color: COLORS.neutral, line: 'none', marker: 'outline' },
    { label: words.t('legend.median'), color: COLORS.ink, line: 'none', marker: 'hollow-circle' },
    { label: average, color: COLORS.prefecture, line: 'none', marker: 'circle' },
    ...(goal ? [{ label: words.t('legend.goal_only'), color: COLORS.goal, line: 'solid' as const, marker: 'none' as const }] : []),
  ];
}

const quantileColumns = (site: SiteData, words: Words): Column[] => QUANTILES.map((q) => indicatorColumn(q, words, site.plan));

/** The share below the plan's low-wage line, as a column and its note: only for a plan that sets one. */
function lowWage(plan: SiteData['plan'], words: Words) {
  const line = plan.low_wage_yen;
  return line === undefined
    ? { columns: [], cells: () => [], notes: [] }
    : {
      columns: [indicatorColumn('share_below_low_wage_pct', words, plan)],
      cells: (r: SpreadRow) => [r.share_below_low_wage_pct],
      notes: [words.t('note.low_wage', { yen: words.yen(line) })],
    };
}

/** The prefecture's facilities, every reported year. */
export function spreadFigure(site: SiteData, words: Words, id: string): Figure | null {
  const rows = drawn(site.spread.filter((r) => r.level === 'prefecture'));
  if (rows.length === 0) return null;
  const average = prefectureAverageLabel(site.plan, words);
  const label = (r: SpreadRow) => yearName(site.yearly, r.fiscal_year, words, true);
  const low = lowWage(site.plan, words);
  return {
    id,
    title: words.t('fig.spread.title', { from: words.fyName(rows[0]!.fiscal_year), to: words.fyName(rows.at(-1)!.fiscal_year) }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => spreadSpec(rows.map((r) => datum(r, label(r))), {
        xLabel: indicatorColumn('average_monthly_wage_yen', words, site.plan).label, words, size,
        gaps: missingYearRows(rows.map((r) => r.fiscal_year), (fy) => yearName(site.yearly, fy, words, true), words),
      }),
      label: words.t('fig.spread.chart_label'),
      description: words.t('fig.spread.description', { average }),
    }],
    legend: legend(words, average, rows.some((r) => r.target_yen !== null)),
    table: {
      caption: words.t('fig.spread.caption'),
      columns: [
        indicatorColumn('fiscal_year', words, site.plan), indicatorColumn('facilities', words, site.plan), ...quantileColumns(site, words),
        indicatorColumn('average_monthly_wage_yen', words, site.plan), indicatorColumn('goal_yen', words, site.plan), indicatorColumn('share_at_goal_pct', words, site.plan),
        ...low.columns,
      ],
      rows: rows.map((r) => [label(r), r.facilities, ...QUANTILES.map((q) => r[q]), r.average_monthly_wage_yen, r.target_yen, r.share_at_goal_pct, ...low.cells(r)]),
      keys: [{ name: 'fiscal_year', values: rows.map((r) => r.fiscal_year) }],
    },
    notes: sourceNotes(site.plan, words, [words.t('note.spread'), ...low.notes]),
  };
}

/** Each area in `fy` (the prefecture first), against the goal in force and the growth it needs. */
export function areaProgressFigure(site: SiteData, fy: number, words: Words, id: string): Figure | null {
  // The prefecture first, then its areas in plan order.
  const rows = site.spread.filter((r) => r.fiscal_year === fy && r.level !== 'municipality')
    .sort((a, b) => Number(b.level === 'prefecture') - Number(a.level === 'prefecture') || (a.area_no ?? 0) - (b.area_no ?? 0));
  const charted = drawn(rows);
  if (charted.length === 0) return null;
  const { plan } = site;
  const label = (r: SpreadRow) => (r.level === 'prefecture' ? prefectureName(plan, words) : areaLabel(plan, r.area!, words));
  const final = rows.find((r) => r.final_target_yen !== null);
  const year = words.fyName(fy); // inside the titles' brackets
  const low = lowWage(plan, words);
  return {
    id,
    title: words.t('fig.area_progress.title', { year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => spreadSpec(charted.map((r) => datum(r, label(r))), { xLabel: indicatorColumn('average_monthly_wage_yen', words, plan).label, words, size }),
      label: words.t('fig.area_progress.chart_label'),
      description: words.t('fig.area_progress.description'),
    }],
    legend: legend(words, indicatorLabel('average_monthly_wage_yen', words), charted.some((r) => r.target_yen !== null)),
    table: {
      caption: words.t('fig.area_progress.caption', { year }),
      columns: [
        textColumn(words.t('fig.area_progress.place')), indicatorColumn('facilities', words, plan),
        indicatorColumn('p25_yen', words, plan), indicatorColumn('median_yen', words, plan), indicatorColumn('p75_yen', words, plan),
        indicatorColumn('average_monthly_wage_yen', words, plan), indicatorColumn('share_at_goal_pct', words, plan), ...low.columns,
        indicatorColumn('growth_needed_per_year_pct', words, plan),
      ],
      rows: rows.map((r) => [label(r), r.facilities, r.p25_yen, r.median_yen, r.p75_yen, r.average_monthly_wage_yen, r.share_at_goal_pct, ...low.cells(r), r.growth_needed_per_year_pct]),
    },
    notes: sourceNotes(plan, words, [
      words.t('note.spread'),
      ...low.notes,
      ...(rows.some((r) => r.suppressed) ? [words.t('note.disclosure', { min: plan.disclosure.min_facilities })] : []),
      ...(final ? [words.t('note.area_progress', { goal: words.yen(final.final_target_yen!), year: words.fyName(final.final_target_fiscal_year!) })] : []),
    ]),
  };
}
