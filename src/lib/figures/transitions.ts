// Wage-band moves between two reported years: how many facilities, matched by office
// number, moved up or down a band, stayed, joined the list or left it (band_transitions).

import { barsSpec } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import { sourceNotes } from './common.ts';
import { indicatorColumn, textColumn, type Figure } from './types.ts';
import type { Transition } from '../facilities.ts';

export const transitionLabel = (transition: Transition, words: Words) => words.t(`transition.${transition as 'up'}`);

/** The moves into `fy` from the reported year before it; null for the first reported year. */
export function bandTransitionFigure(site: SiteData, fy: number, words: Words, id: string): Figure | null {
  const rows = site.bandTransitions.filter((r) => r.fiscal_year === fy);
  if (rows.length === 0) return null;
  const years = { from: words.fyShort(rows[0]!.previous_fiscal_year), to: words.fyShort(fy) };
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
