// Where chart labels go: their estimated width, and offsets that keep them whole and apart.

import { ticks } from 'd3';
import type { ChartSize } from './render.ts';

/** A chart's width in px at each size (here, not in render.ts, which browser code must not load). */
export const CHART_WIDTH: Record<ChartSize, number> = { wide: 720, narrow: 360 };

/** Text drawn over a white outline of itself, so lines behind it do not cut through it. */
export const HALO = { stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Room for a label of `text` in pixels at `fontPx`: about 1 em per full-width character, 0.6 em for others. */
export function textWidth(text: string, fontPx: number): number {
  return [...text].reduce((w, c) => w + (/[\u0000-\u02ff]/.test(c) ? 0.6 : 1) * fontPx, 0);
}

/**
 * A category label in at most two lines, where it is wider than `width` px: broken at the
 * space (or before a bracket) nearest its middle, so a long English label such as "Not
 * comparable (no report, etc.)" is not cut at the chart's left edge on a phone.
 */
export function twoLines(label: string, width: number, fontPx: number): string {
  if (textWidth(label, fontPx) <= width) return label;
  const breaks = [...label.matchAll(/ (?! )|(?=[（(])/g)].map((m) => m.index).filter((i) => i > 0);
  if (breaks.length === 0) return label;
  const middle = label.length / 2;
  const at = breaks.reduce((a, b) => (Math.abs(b - middle) < Math.abs(a - middle) ? b : a));
  return `${label.slice(0, at).trimEnd()}\n${label.slice(at).trimStart()}`;
}

/**
 * Vertical offsets that keep labels at pixel heights `ys` at least `gap` apart, moving each
 * as little as possible downwards from the one above it (labels in any order).
 */
export function spreadLabels(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = new Array<number>(ys.length);
  let previous = -Infinity;
  for (const [y, i] of order) {
    const at = Math.max(y, previous + gap);
    placed[i] = at - y;
    previous = at;
  }
  return placed;
}

/**
 * Where a label centred on `x` (pixels) goes so that all `width` pixels of it stay inside a
 * chart `chartWidth` wide: the offset of its left end from `x`.
 */
export function fittedOffset(x: number, width: number, chartWidth: number): number {
  const left = Math.min(Math.max(2, x - width / 2), chartWidth - 2 - width);
  return left - x;
}

/**
 * Ticks of a linear axis `domain` whose labels (as `format` writes them, at `fontPx`) fit
 * side by side in `plotWidth` pixels: the most of d3's nice ticks, up to `most`, that leave
 * each label its width and a gap.
 */
export function fittingTicks(domain: [number, number], plotWidth: number, format: (v: number) => string, fontPx: number, most: number): number[] {
  let fallback: number[] = [];
  for (let n = most; n >= 1; n--) {
    const values = ticks(domain[0], domain[1], n);
    const widest = Math.max(0, ...values.map((v) => textWidth(format(v), fontPx)));
    const stepPx = values.length < 2 ? Infinity : ((values[1]! - values[0]!) / (domain[1] - domain[0])) * plotWidth;
    if (stepPx >= widest + 8) return values;
    fallback = values;
  }
  return fallback;
}
