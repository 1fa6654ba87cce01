// Plot specifications of the plan's figures (wage bands, years since opening, activities,
// areas, goal). Pure: the build renders them to SVG, and the browser renders the same specs.

import * as Plot from '@observablehq/plot';
import { color, interpolateYlGnBu, quantize, scaleLinear } from 'd3';
import type { Words } from '../i18n/words.ts';
import { COLORS, textColor } from './palette.ts';
import type { ChartSize } from './render.ts';
import { CHART_WIDTH as WIDTH, fittedOffset, fittingTicks, HALO, textWidth, twoLines } from './text.ts';
import { gapMarks, rowTick, withGapRows, type RowGap } from './year-gaps.ts';

const FONT_PX: Record<ChartSize, number> = { wide: 12, narrow: 11 };
const font = (size: ChartSize) => ({ fontSize: `${FONT_PX[size]}px` });

/**
 * Room for the longest category label left of the bars, estimated from its characters (a
 * full-width character takes about 1 em, others about 0.6 em), at least `least` and at most
 * 45% of the chart, so long English labels such as "¥10,000 to under ¥15,000" are not cut.
 */
export function labelMargin(labels: string[], size: ChartSize, least: number): number {
  const widest = Math.max(0, ...labels.map((label) => textWidth(label, FONT_PX[size])));
  return Math.round(Math.min(Math.max(least, widest + 14), WIDTH[size] * 0.45));
}

/** Ticks of a count axis: whole numbers only, so 3 facilities never get a tick at 2.5. */
const countTicks = (max: number, most: number) => Math.max(1, Math.min(most, Math.floor(max)));

/** Up to this many ordered categories take shades of one hue; more need distinct hues. */
export const MOST_SHADES = 5;

/**
 * Ordered categories (years, wage bands) take light-to-dark colours, so their order survives
 * colour-blindness and greyscale printing. Up to five take shades of one blue, past the
 * palest; more would repeat or blur shades, so they run yellow-green to dark blue (YlGnBu,
 * colour-blind safe), each step a different hue as well as a darker one.
 */
export function sequentialColors(n: number): string[] {
  const shades = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
  if (n <= 1) return [shades[5]!];
  if (n > MOST_SHADES) return quantize((t) => color(interpolateYlGnBu(0.3 + 0.7 * t))!.formatHex(), n);
  return Array.from({ length: n }, (_, i) => shades[Math.round(1 + (i * (shades.length - 2)) / (n - 1))]!);
}

export interface GroupedBarDatum {
  group: string;
  series: string;
  value: number;
}

/**
 * Horizontal grouped bars: one block per group (e.g. wage band), one bar per series (year).
 * With more series than MOST_SHADES, each value label starts with its series' short name
 * (`seriesMarks`), so no bar depends on telling colours apart.
 */
export function groupedBarsSpec(
  data: GroupedBarDatum[],
  groups: string[],
  series: string[],
  options: { xLabel: string; words: Words; size: ChartSize; percent?: boolean; seriesMarks?: string[] },
): Plot.PlotOptions {
  const format = (v: number) => (options.percent ? options.words.share(v) : options.words.count(v));
  const narrow = options.size === 'narrow';
  const marks = series.length > MOST_SHADES ? new Map(series.map((s, i) => [s, options.seriesMarks?.[i] ?? s])) : null;
  const valueLabel = (d: GroupedBarDatum) => (marks ? `${marks.get(d.series)} ${format(d.value)}` : format(d.value));
  const widestLabel = Math.max(0, ...data.map((d) => textWidth(valueLabel(d), 10)));
  return {
    width: WIDTH[options.size],
    height: 56 + groups.length * (series.length * (narrow ? 13 : 15) + 14),
    marginBottom: 44,
    marginLeft: labelMargin(groups, options.size, narrow ? 80 : 100),
    // The longest bar's label stays inside the chart.
    marginRight: Math.max(48, Math.ceil(widestLabel) + 8),
    style: font(options.size),
    x: {
      grid: true, nice: true, label: options.xLabel, labelAnchor: 'center', labelOffset: 34, tickFormat: format,
      ticks: options.percent ? (narrow ? 4 : 6) : countTicks(Math.max(0, ...data.map((d) => d.value)), narrow ? 4 : 6),
    },
    y: { domain: series, axis: null },
    fy: { domain: groups, label: null, padding: 0.25 },
    color: { domain: series, range: sequentialColors(series.length) },
    marks: [
      Plot.frame({ anchor: 'left' }),
      Plot.barX(data, { fy: 'group', y: 'series', x: 'value', fill: 'series' }),
      Plot.text(data, { fy: 'group', y: 'series', x: 'value', text: valueLabel, dx: 4, textAnchor: 'start', fontSize: 10 }),
    ],
  };
}

export interface StackDatum {
  row: string;
  part: string;
  share: number;
}

/** 100% stacked horizontal bars: one bar per row, parts in order. */
export function stackedSharesSpec(
  data: StackDatum[],
  rows: string[],
  parts: string[],
  options: { xLabel: string; words: Words; size: ChartSize; gaps?: RowGap[] },
): Plot.PlotOptions {
  const narrow = options.size === 'narrow';
  const colors = sequentialColors(parts.length);
  const gaps = options.gaps ?? [];
  const marginLeft = labelMargin(rows, options.size, narrow ? 60 : 80);
  // Room for half of the last tick label (100%), which is centred on the chart's right edge.
  const marginRight = Math.max(16, Math.ceil(textWidth(options.words.share(1).replace('.0', ''), FONT_PX[options.size]) / 2) + 4);
  const plotWidth = WIDTH[options.size] - marginLeft - marginRight;
  // A share is written inside its segment only where the segment is wider than the label.
  const label = (d: StackDatum) => {
    const text = options.words.share(d.share);
    return d.share * plotWidth >= textWidth(text, 10) + 4 ? text : '';
  };
  return {
    width: WIDTH[options.size],
    height: 66 + (rows.length + gaps.length) * (narrow ? 30 : 34),
    marginBottom: 44,
    marginLeft,
    marginRight,
    style: font(options.size),
    x: { domain: [0, 1], label: options.xLabel, labelAnchor: 'center', labelOffset: 34, tickFormat: (v: number) => options.words.share(v).replace('.0', ''), ticks: 5, grid: true },
    y: { domain: withGapRows(rows, gaps), label: null, tickFormat: (row: string) => rowTick(row) },
    color: { domain: parts, range: colors },
    marks: [
      Plot.barX(data, Plot.stackX({ y: 'row', x: 'share', fill: 'part', order: parts, inset: 0.5 })),
      // In a colour that reads on the segment; the table has every share.
      Plot.text(data, Plot.stackX({
        y: 'row', x: 'share', order: parts,
        text: label,
        fill: (d: StackDatum) => (parts.indexOf(d.part) >= parts.length / 2 ? 'white' : 'black'),
        fontSize: 10,
      })),
      Plot.ruleX([0]),
      ...gapMarks(gaps, 10),
    ],
  };
}

export interface BarDatum {
  label: string;
  value: number;
  /** Highlighted bars (e.g. the plan's years) in the accent colour. */
  accent?: boolean;
  /** A target of this bar alone, drawn as a mark across it. */
  target?: number;
  /** Outlined instead of filled: a year known only from published totals. */
  hollow?: boolean;
}

/** Horizontal bars with their values, and optional reference lines (goal, average). */
export function barsSpec(
  data: BarDatum[],
  options: {
    xLabel: string;
    words: Words;
    size: ChartSize;
    references?: { value: number; label: string; color: string }[];
    /** Value labels; whole numbers with separators by default. */
    format?: (value: number) => string;
    /** Rows for years without data between the bars (a time axis). */
    gaps?: RowGap[];
  },
): Plot.PlotOptions {
  const narrow = options.size === 'narrow';
  const refs = options.references ?? [];
  const gaps = options.gaps ?? [];
  const max = Math.max(...data.map((d) => d.value), ...data.map((d) => d.target ?? 0), ...refs.map((r) => r.value));
  const targets = data.filter((d) => d.target !== undefined);
  const format = options.format ?? ((v: number) => options.words.count(v));
  const ticks = narrow ? 4 : 6;
  // A nice domain, so the axis reaches past the longest bar and every target with a tick.
  const domain = scaleLinear().domain([0, max * 1.05]).nice(ticks).domain() as [number, number];
  const width = WIDTH[options.size];
  // A label wider than the room left of the bars (45% of the chart) takes two lines.
  const shown = new Map(data.map((d) => [d.label, twoLines(d.label, width * 0.45 - 14, FONT_PX[options.size])]));
  const twoLined = [...shown.values()].some((label) => label.includes('\n'));
  const marginLeft = labelMargin([...shown.values()].flatMap((label) => label.split('\n')), options.size, narrow ? 60 : 90);
  const marginRight = 56;
  const px = (v: number) => marginLeft + (v / domain[1]) * (width - marginLeft - marginRight);
  // Reference labels sit above their lines, shifted sideways just enough to stay whole.
  const refDx = refs.map((r) => fittedOffset(px(r.value), textWidth(r.label, FONT_PX[options.size]) * 1.08, width));
  return {
    width,
    height: 72 + (data.length + gaps.length) * (twoLined ? (narrow ? 30 : 32) : narrow ? 22 : 24) + refs.length * 14,
    marginLeft,
    marginRight,
    marginTop: 20 + refs.length * 14,
    marginBottom: 44,
    style: font(options.size),
    x: {
      domain, grid: true, label: options.xLabel, labelAnchor: 'center', labelOffset: 34, tickFormat: (v: number) => options.words.count(v),
      ticks: fittingTicks(domain, width - marginLeft - marginRight, (v) => options.words.count(v), FONT_PX[options.size], ticks),
    },
    y: { domain: withGapRows(data.map((d) => d.label), gaps), label: null, tickFormat: (row: string) => rowTick(row, (label) => shown.get(label) ?? label) },
    marks: [
      Plot.barX(data, {
        y: 'label', x: 'value', inset: 1,
        fill: (d: BarDatum) => (d.hollow ? 'white' : d.accent ? COLORS.prefecture : COLORS.neutral),
        stroke: (d: BarDatum) => (d.accent ? COLORS.prefecture : COLORS.neutral), strokeWidth: 1.5,
      }),
      Plot.tickX(targets, { y: 'label', x: 'target', stroke: COLORS.goal, strokeWidth: 3 }),
      Plot.ruleX([0]),
      ...refs.map((r, i) => Plot.ruleX([r.value], { stroke: r.color, strokeWidth: 2, strokeDasharray: i === 0 ? '8,4' : '3,3' })),
      // Values over the lines, with a white halo, so a goal or average line never cuts through one.
      Plot.text(data, { y: 'label', x: 'value', text: (d: BarDatum) => format(d.value), dx: 4, textAnchor: 'start', fontSize: 10, fill: 'currentColor', ...HALO }),
      ...gapMarks(gaps, 10),
      ...refs.map((r, i) => Plot.text([r.value], { x: (v: number) => v, frameAnchor: 'top', dy: -14 - 14 * (refs.length - 1 - i), dx: refDx[i]!, text: () => r.label, fill: textColor(r.color), fontWeight: 'bold', textAnchor: 'start' })),
    ],
  };
}

export interface SpreadDatum {
  label: string;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  /** Σ wages ÷ Σ person-months of the same facilities. */
  average: number | null;
  target: number | null;
}

/**
 * The spread behind an average, one row per category (year, area): 10th–90th percentile as
 * a line, quartiles as a box, the median as a white dot, the average as a filled one and the
 * target as a mark across the row. No value labels: the table beside it holds every number.
 */
export function spreadSpec(data: SpreadDatum[], options: { xLabel: string; words: Words; size: ChartSize; gaps?: RowGap[] }): Plot.PlotOptions {
  const narrow = options.size === 'narrow';
  const gaps = options.gaps ?? [];
  const max = Math.max(...data.flatMap((d) => [d.p90, d.average ?? 0, d.target ?? 0]));
  const domain = scaleLinear().domain([0, max * 1.05]).nice(narrow ? 4 : 6).domain() as [number, number];
  const width = WIDTH[options.size];
  const marginLeft = labelMargin(data.map((d) => d.label), options.size, narrow ? 60 : 90);
  const marginRight = 24;
  const format = (v: number) => options.words.count(v);
  return {
    width,
    height: 64 + (data.length + gaps.length) * (narrow ? 26 : 28),
    marginLeft,
    marginRight,
    marginTop: 12,
    marginBottom: 44,
    style: font(options.size),
    x: {
      domain, grid: true, label: options.xLabel, labelAnchor: 'center', labelOffset: 34, tickFormat: format,
      ticks: fittingTicks(domain, width - marginLeft - marginRight, format, FONT_PX[options.size], narrow ? 4 : 6),
    },
    y: { domain: withGapRows(data.map((d) => d.label), gaps), label: null, tickFormat: (row: string) => rowTick(row) },
    marks: [
      ...gapMarks(gaps, 10),
      Plot.ruleY(data, { y: 'label', x1: 'p10', x2: 'p90', stroke: COLORS.ink, strokeWidth: 1.5 }),
      // A pale box with a strong edge, so the dots on it keep their contrast.
      Plot.barX(data, { y: 'label', x1: 'p25', x2: 'p75', fill: '#e3eef8', stroke: COLORS.neutral, strokeWidth: 1.5, insetTop: 5, insetBottom: 5 }),
      Plot.tickX(data.filter((d) => d.target !== null), { y: 'label', x: 'target', stroke: COLORS.goal, strokeWidth: 3 }),
      Plot.dot(data, { y: 'label', x: 'median', r: 4.5, fill: 'white', stroke: COLORS.ink, strokeWidth: 2 }),
      Plot.dot(data.filter((d) => d.average !== null), { y: 'label', x: 'average', r: 4, fill: COLORS.prefecture, stroke: 'white', strokeWidth: 1 }),
    ],
  };
}
