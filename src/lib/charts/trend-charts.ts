// Plot specifications of the overview's trend charts.

import * as Plot from '@observablehq/plot';
import type { Words } from '../i18n/words.ts';
import { indicatorHeader } from '../indicators.ts';
import type { NationalAverage } from '../reference.ts';
import type { TargetPathRow, YearlyIndicators } from '../views.ts';
import { COLORS, TEXT_COLORS, textColor } from './palette.ts';
import type { ChartSize } from './render.ts';
import { CHART_WIDTH as WIDTH, HALO, spreadLabels, textWidth } from './text.ts';

/** Room a two-line year tick needs on the axis, in pixels. */
const TICK_SPACING = 34;

/** The national averages drawn beside the prefecture's: within the prefecture's years only. */
export function nationalWithin(national: NationalAverage[], yearly: YearlyIndicators[], lastYear: number): NationalAverage[] {
  const first = yearly[0]?.fiscal_year ?? Infinity;
  return national.filter((n) => n.fiscal_year >= first && n.fiscal_year <= lastYear);
}

/**
 * The years an axis labels: the `keep` years (whose values the chart labels), then every
 * other year with data that leaves room for its label beside those already chosen.
 */
export function tickYears(years: number[], keep: number[], plotWidth: number): number[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const perYear = plotWidth / (sorted[sorted.length - 1]! - sorted[0]! + 1);
  const gap = Math.ceil(TICK_SPACING / perYear);
  const chosen = sorted.filter((y) => keep.includes(y));
  for (const y of sorted) {
    if (chosen.every((c) => Math.abs(c - y) >= gap)) chosen.push(y);
  }
  return chosen.sort((a, b) => a - b);
}

/** The last year of the trend: the latest year with data, or the end of the phase it is in, so its target line shows whole. */
export function trendLastYear(yearly: YearlyIndicators[], targets: TargetPathRow[]): number {
  const latest = Math.max(...yearly.map((y) => y.fiscal_year));
  const latestPhases = new Set(targets.filter((t) => t.fiscal_year === latest).map((t) => t.phase_no));
  return Math.max(latest, ...targets.filter((t) => latestPhases.has(t.phase_no)).map((t) => t.fiscal_year));
}

export function averageWageTrendSpec(
  yearly: YearlyIndicators[],
  national: NationalAverage[],
  /** The targets in force, year by year within each phase (view target_path). */
  targets: TargetPathRow[],
  /** Years whose values are labelled on the chart (the plan's baselines and the latest), as room allows. */
  labelledYears: number[],
  words: Words,
  size: ChartSize,
  /** Averages as the plan shows them (whole yen or one decimal). */
  format: (value: number) => string = (v) => words.count(v),
): Plot.PlotOptions {
  const narrow = size === 'narrow';
  const fontPx = narrow ? 11 : 12;
  const years = yearly.map((y) => y.fiscal_year);
  const first = Math.min(...years);
  const latest = Math.max(...years);
  const last = trendLastYear(yearly, targets);
  const shown = nationalWithin(national, yearly, last);
  const nationalOld = shown.filter((n) => n.formula === 'old');
  const nationalNew = shown.filter((n) => n.formula === 'new');
  const prefNew = yearly.filter((y) => y.average_monthly_wage_new_yen !== null);
  // The prefecture's line breaks where a year has no data rather than bridging it.
  const byYear = new Map(yearly.map((y) => [y.fiscal_year, y.average_monthly_wage_yen]));
  const line = Array.from({ length: latest - first + 1 }, (_, i) => ({ fiscal_year: first + i, value: byYear.get(first + i) ?? NaN }));
  const drawn = targets.filter((t) => t.fiscal_year >= first && t.fiscal_year <= last);
  // Each target spans its whole year, so a one-year target shows and steps fall between years.
  const steps = drawn.flatMap((t) => [{ ...t, x: t.fiscal_year - 0.5 }, { ...t, x: t.fiscal_year + 0.5 }]);
  const max = Math.max(...drawn.map((t) => t.target_yen), ...yearly.map((y) => y.average_monthly_wage_new_yen ?? y.average_monthly_wage_yen), ...shown.map((n) => n.average_monthly_wage_yen));
  const yMax = Math.ceil((max * 1.08) / 5000) * 5000;
  const [height, marginTop, marginBottom] = [narrow ? 320 : 380, 24, 44];
  const targetColor = (t: TargetPathRow) => (t.formula === 'new' ? COLORS.newFormula : COLORS.goal);
  // Each phase's last target is labelled where its line ends: at the chart's right edge, or
  // above the line's end with the target's year. Edge labels are spread so they never overlap.
  const ends = new Map<string, TargetPathRow>();
  for (const t of drawn) {
    const key = `${t.phase_no}:${t.formula}`;
    if ((ends.get(key)?.fiscal_year ?? -Infinity) < t.fiscal_year) ends.set(key, t);
  }
  const atEdge = [...ends.values()].filter((t) => t.fiscal_year === last);
  const inside = [...ends.values()].filter((t) => t.fiscal_year !== last);
  const edgeText = (t: TargetPathRow) => words.count(t.final_target_yen);
  const yPx = (v: number) => marginTop + (1 - v / yMax) * (height - marginTop - marginBottom);
  const offsets = spreadLabels(atEdge.map((t) => yPx(t.final_target_yen)), fontPx + 2);
  const marginLeft = narrow ? 52 : 60;
  const marginRight = Math.max(narrow ? 12 : 20, ...atEdge.map((t) => Math.ceil(textWidth(edgeText(t), fontPx) * 1.1) + 8));
  const plotWidth = WIDTH[size] - marginLeft - marginRight;
  // Value labels that would touch are thinned: the latest year first, then the baselines in order.
  const perYear = plotWidth / (last - first + 1);
  const room = (d: YearlyIndicators) => Math.max(textWidth(format(d.average_monthly_wage_yen), 10), TICK_SPACING) + 4;
  const labelled: YearlyIndicators[] = [];
  for (const d of yearly.filter((y) => labelledYears.includes(y.fiscal_year)).sort((a, b) => (a.fiscal_year === latest ? -1 : b.fiscal_year === latest ? 1 : a.fiscal_year - b.fiscal_year))) {
    if (labelled.every((l) => Math.abs(l.fiscal_year - d.fiscal_year) * perYear >= (room(l) + room(d)) / 2)) labelled.push(d);
  }
  // New-formula averages are labelled left of their diamonds, or below one where a diamond of the
  // year before stands in the way; the latest first, then each earlier one whose label touches
  // none placed (two years side by side collided).
  const newText = (d: YearlyIndicators) => format(d.average_monthly_wage_new_yen!);
  const xPx = (fy: number) => (fy - first + 0.5) * perYear;
  const DIAMOND = 8; // half a diamond, its outline and a gap
  const newLabels: { d: YearlyIndicators; below: boolean; box: [number, number, number, number] }[] = [];
  for (const d of [...prefNew].sort((a, b) => b.fiscal_year - a.fiscal_year)) {
    const [x, y, w] = [xPx(d.fiscal_year), yPx(d.average_monthly_wage_new_yen!), textWidth(newText(d), 10)];
    const below = prefNew.some((o) => o.fiscal_year < d.fiscal_year && xPx(o.fiscal_year) + DIAMOND > x - 10 - w
      && Math.abs(yPx(o.average_monthly_wage_new_yen!) - y) < DIAMOND + 5);
    const box: [number, number, number, number] = below ? [x - w / 2, y + 11, x + w / 2, y + 21] : [x - 10 - w, y - 5, x - 10, y + 5];
    const clear = newLabels.every(({ box: b }) => box[2] + 2 <= b[0] || b[2] + 2 <= box[0] || box[3] + 2 <= b[1] || b[3] + 2 <= box[1]);
    if (clear) newLabels.push({ d, below, box });
  }
  const ticks = tickYears([...years, ...shown.map((n) => n.fiscal_year)], labelled.map((d) => d.fiscal_year), plotWidth);
  const nearAxis = (d: YearlyIndicators) => xPx(d.fiscal_year) < textWidth(format(d.average_monthly_wage_yen), 10) / 2 + 2;
  const targetLabel = (t: TargetPathRow) => words.t('chart.goal_in_year', { goal: words.yen(t.final_target_yen), year: words.fyName(t.final_target_fiscal_year) });
  const measured = yearly.filter((y) => y.basis !== 'published');
  const published = yearly.filter((y) => y.basis === 'published');
  return {
    width: WIDTH[size],
    height,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom,
    style: { fontSize: `${fontPx}px` },
    x: { domain: [first - 0.5, last + 0.5], ticks, tickFormat: (fy: number) => words.fyTick(fy), label: null },
    y: { domain: [0, yMax], grid: true, label: indicatorHeader('average_monthly_wage_yen', words), tickFormat: (v: number) => words.count(v) },
    marks: [
      Plot.ruleY([0]),
      Plot.line(steps, { x: 'x', y: 'target_yen', z: (t: TargetPathRow) => `${t.phase_no}:${t.formula}`, stroke: targetColor, strokeWidth: 2, strokeDasharray: '8,4' }),
      Plot.text(inside, { x: (t: TargetPathRow) => t.fiscal_year + 0.5, y: 'final_target_yen', text: targetLabel, textAnchor: 'end', dx: 0, dy: -8, fill: (t: TargetPathRow) => textColor(targetColor(t)), fontWeight: 'bold' }),
      ...atEdge.map((t, i) => Plot.text([t], { x: () => last + 0.5, y: 'final_target_yen', text: edgeText, textAnchor: 'start', dx: 4, dy: offsets[i]!, fill: textColor(targetColor(t)), fontWeight: 'bold' })),
      Plot.line(nationalOld, { x: 'fiscal_year', y: 'average_monthly_wage_yen', stroke: COLORS.national, strokeWidth: 2, strokeDasharray: '3,3' }),
      Plot.dot(nationalOld, { x: 'fiscal_year', y: 'average_monthly_wage_yen', fill: COLORS.national, symbol: 'square', r: 3 }),
      Plot.dot(nationalNew, { x: 'fiscal_year', y: 'average_monthly_wage_yen', stroke: COLORS.national, strokeWidth: 2, symbol: 'square', r: 5, fill: 'white' }),
      Plot.line(line, { x: 'fiscal_year', y: 'value', stroke: COLORS.prefecture, strokeWidth: 2.5 }),
      Plot.dot(measured, { x: 'fiscal_year', y: 'average_monthly_wage_yen', fill: COLORS.prefecture, r: 4 }),
      // Years known only from published totals: hollow, as the legend says.
      Plot.dot(published, { x: 'fiscal_year', y: 'average_monthly_wage_yen', fill: 'white', stroke: COLORS.prefecture, strokeWidth: 2, r: 4 }),
      // Centred under their points, except where that would run into the y axis's numbers.
      ...[labelled.filter((d) => !nearAxis(d)), labelled.filter(nearAxis)].map((group, i) => Plot.text(group, {
        x: 'fiscal_year', y: 'average_monthly_wage_yen', text: (d: YearlyIndicators) => format(d.average_monthly_wage_yen),
        dy: 14, dx: i === 0 ? 0 : -4, textAnchor: i === 0 ? 'middle' : 'start', fill: TEXT_COLORS.prefecture, fontSize: 10, ...HALO,
      })),
      Plot.dot(prefNew, { x: 'fiscal_year', y: 'average_monthly_wage_new_yen', stroke: COLORS.newFormula, strokeWidth: 2.5, symbol: 'diamond', r: 6, fill: 'white' }),
      Plot.text(newLabels.filter((l) => !l.below).map((l) => l.d), { x: 'fiscal_year', y: 'average_monthly_wage_new_yen', text: newText, dx: -10, textAnchor: 'end', fill: TEXT_COLORS.newFormula, fontSize: 10, ...HALO }),
      Plot.text(newLabels.filter((l) => l.below).map((l) => l.d), { x: 'fiscal_year', y: 'average_monthly_wage_new_yen', text: newText, dy: 16, textAnchor: 'middle', fill: TEXT_COLORS.newFormula, fontSize: 10, ...HALO }),
    ],
  };
}

/** Facility-years' totals as bars, one chart per measure; wages in millions of yen. */
export function totalsTrendSpec(
  yearly: YearlyIndicators[],
  measure: 'person_months' | 'total_wages_yen',
  words: Words,
  size: ChartSize,
): Plot.PlotOptions {
  const millions = measure === 'total_wages_yen';
  const label = millions ? words.t('chart.total_wages_millions') : indicatorHeader('person_months', words);
  const value = (d: YearlyIndicators) => (millions ? d[measure] / 1e6 : d[measure]);
  const color = millions ? COLORS.prefecture : COLORS.neutral;
  const width = WIDTH[size] / (size === 'wide' ? 2 : 1);
  // A slot for every year from the first to the last, so missing years show as gaps, not as
  // neighbours; years with data labelled where there is room, always the latest.
  const years = yearly.map((y) => y.fiscal_year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const slots = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    width,
    height: 260,
    marginLeft: 56,
    marginBottom: 44,
    style: { fontSize: '11px' },
    x: { type: 'band', domain: slots, ticks: tickYears(years, [last], width - 56 - 20), tickFormat: (fy: number) => words.fyTick(fy), label: null },
    y: { grid: true, label, tickFormat: (v: number) => words.count(v) },
    marks: [
      // Years known only from published totals are outlined, as the legend says.
      Plot.barY(yearly, { x: 'fiscal_year', y: value, fill: (d: YearlyIndicators) => (d.basis === 'published' ? 'white' : color), stroke: color, strokeWidth: 1.5, inset: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
