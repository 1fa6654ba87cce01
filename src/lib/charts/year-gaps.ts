// Years missing between shown years. A chart with one row per year must not draw 2006 and
// 2014 side by side as if they were consecutive: the run of missing years gets a row of its
// own, saying so.

import * as Plot from '@observablehq/plot';
import { HALO } from './text.ts';

/** A row standing for years without data, placed just before the row `before`. */
export interface RowGap {
  before: string;
  text: string;
}

/** Grey that reads at 7:1 on white: a note, not data. */
const GAP_COLOR = '#595959';

/**
 * One gap per run of missing years between `years`, before the row labelled
 * `label(year)` that ends it; `text(from, to)` says which years are missing.
 */
export function yearGaps(unsorted: number[], label: (fy: number) => string, text: (from: number, to: number) => string): RowGap[] {
  const years = [...unsorted].sort((a, b) => a - b);
  const gaps: RowGap[] = [];
  for (let i = 1; i < years.length; i++) {
    const [before, after] = [years[i - 1]!, years[i]!];
    if (after - before > 1) gaps.push({ before: label(after), text: text(before + 1, after - 1) });
  }
  return gaps;
}

// The key of a gap row in the chart's domain: no year label starts with a NUL.
const keyOf = (gap: RowGap) => `\u0000${gap.before}`;

/** The rows of a chart, with each gap's row just before the row it precedes. */
export function withGapRows(rows: string[], gaps: RowGap[]): string[] {
  return rows.flatMap((row) => [...gaps.filter((g) => g.before === row).map(keyOf), row]);
}

/** A row's tick label: a gap row has none (its text, in the row, says what it is). */
export function rowTick(row: string, label: (row: string) => string = (r) => r): string {
  return row.startsWith('\u0000') ? '' : label(row);
}

/** What the gap rows show: their text, from the left edge of the chart's frame. */
export function gapMarks(gaps: RowGap[], fontPx: number): Plot.Markish[] {
  if (gaps.length === 0) return [];
  return [Plot.text(gaps, { y: keyOf, text: 'text', frameAnchor: 'left', dx: 4, textAnchor: 'start', fill: GAP_COLOR, fontStyle: 'italic', fontSize: fontPx, ...HALO })];
}
