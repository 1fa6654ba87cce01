// Wage-band moves between two reported years: how many facilities, matched by office
// number, moved up or down a band, stayed, joined the list or left it (band_moves), for any
// two years, and from the year before on each year page (band_transitions).

import { barsSpec } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import { previousYear, type SiteData } from '../site.ts';
import { sourceNotes } from './common.ts';
import { indicatorColumn, textColumn, type Figure } from './types.ts';
import type { Transition } from '../facilities.ts';

export const transitionLabel = (transition: Transition, words: Words) => words.t(`transition.${transition as 'up'}`);

/** The moves into `fy` from the reported year before it; null for the first reported year. */
export function bandTransitionFigure(site: SiteData, fy: number, words: Words, id: string): Figure | null {
  const previous = previousYear(site, fy);
  return previous === null ? null : bandMoveFigure(site, previous, fy, words, id);
}

/** Reported years that can be compared: each earlier one with each later one. */
export function movePairs(site: Pick<SiteData, 'bandMoves'>): [from: number, to: number][] {
  return [...new Map(site.bandMoves.map((r) => [`${r.from_fiscal_year}-${r.fiscal_year}`, [r.from_fiscal_year, r.fiscal_year] as [number, number]])).values()];
}

/** The page of the moves from one year to another (below the locale root). */
export const bandMovesPath = 'band-moves/';
export const bandMovePath = (from: number, to: number) => `${bandMovesPath}fy${from}-fy${to}/`;

/** The moves from `from` into `to`, any two reported years; null where either has no reports. */
export function bandMoveFigure(site: SiteData, from: number, to: number, words: Words, id: string): Figure | null {
  const rows = site.bandMoves.filter((r) => r.from_fiscal_year === from && r.fiscal_year === to);
  if (rows.length === 0) return null;
  const years = { from: words.fyName(from), to: words.fyName(to) };
  const kind = words.t('fig.band_transitions.kind');
  const facilities = indicatorColumn('facilities', words, site.plan);
  return {
    id,
    title: words.t('fig.band_transitions.title', years),
    unit: words.t('fig.unit.facilities'),
    charts: [{
      spec: (size) => barsSpec(rows.map((r) => ({ label: transitionLabel(r.transition, words), value: r.facilities })), { xLabel: facilities.label, words, size }),
      label: words.t('fig.band_transitions.chart_label', years),
      description: words.t('fig.band_transitions.description', years),
    }],
    table: {
      caption: words.t('fig.band_transitions.caption', years),
      columns: [textColumn(kind), facilities],
      rows: rows.map((r) => [transitionLabel(r.transition, words), r.facilities]),
    },
    notes: sourceNotes(site.plan, words, [words.t('note.band_transitions', years)]),
  };
}
