// Production activities (multiple answers) and the activities outside the answer mix
// (e.g. agri-welfare) over the years.

import { barsSpec, sequentialColors, stackedSharesSpec } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import { activityLabel, missingYearRows, sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

export function activityFigures(site: SiteData, years: number[], words: Words, idPrefix: string): Figure[] {
  const { plan } = site;
  const rows = site.activities.filter((r) => years.includes(r.fiscal_year));
  const mix = rows.filter((r) => r.in_answer_mix);
  const mixActivities = plan.activities.filter((a) => a.in_answer_mix);
  const parts = mixActivities.map((a) => words.name(a));
  const mixYears = years.filter((fy) => mix.some((r) => r.fiscal_year === fy));
  const rowLabels = mixYears.map((fy) => words.fyShort(fy));
  const colors = sequentialColors(parts.length);
  const yearsText = words.fyNameList(mixYears);
  const label = (activity: string) => activityLabel(plan, activity, words);

  const answerMix: Figure = {
    id: `${idPrefix}activity-mix`,
    title: words.t('fig.activities.title', { years: yearsText }),
    unit: words.t('fig.activities.unit'),
    charts: [{
      spec: (size) => stackedSharesSpec(
        mix.map((r) => ({ row: words.fyShort(r.fiscal_year), part: label(r.activity), share: r.share_of_answers ?? 0 })),
        rowLabels, parts, { xLabel: words.t('ind.share_of_answers'), words, size, gaps: missingYearRows(mixYears, (fy) => words.fyShort(fy), words) }),
      label: words.t('fig.activities.chart_label'),
      description: words.t('fig.activities.description', { activities: words.names(parts), years: yearsText }),
    }],
    legend: parts.map((p, i) => ({ label: p, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: words.t('fig.activities.caption'),
      columns: [
        indicatorColumn('fiscal_year', words, plan),
        { label: words.t('fig.activities.activity'), format: 'text' },
        indicatorColumn('answers', words, plan),
        indicatorColumn('share_of_answers', words, plan),
        indicatorColumn('answering_facilities', words, plan),
        indicatorColumn('share_of_facilities', words, plan),
      ],
      rows: mix.map((r) => [words.fyShort(r.fiscal_year), label(r.activity), r.answers, r.share_of_answers, r.facilities, r.share_of_facilities]),
      keys: [{ name: 'fiscal_year', values: mix.map((r) => r.fiscal_year) }],
    },
    notes: sourceNotes(plan, words, [words.t('note.multiple_answers', { activities: words.names(parts) })]),
  };

  const others = plan.activities.filter((a) => !a.in_answer_mix && rows.some((r) => r.activity === a.column));
  const otherFigures: Figure[] = others.map((activity) => {
    const series = rows.filter((r) => r.activity === activity.column);
    const name = words.name(activity);
    return {
      id: `${idPrefix}activity-${activity.column.replaceAll('_', '-')}`,
      title: words.t('fig.activity_share.title', { activity: name }),
      unit: words.t('fig.activity_share.unit'),
      charts: [{
        spec: (size) => barsSpec(series.map((r) => ({ label: words.fyShort(r.fiscal_year), value: Math.round(r.share_of_facilities * 1000) / 10 })), {
          xLabel: words.t('fig.activity_share.axis'), words, size,
          format: (v) => words.percent(v),
          gaps: missingYearRows(series.map((r) => r.fiscal_year), (fy) => words.fyShort(fy), words),
        }),
        label: words.t('fig.activity_share.chart_label', { activity: name }),
        description: words.t('fig.activity_share.description', { activity: name }),
      }],
      table: {
        caption: words.t('fig.activity_share.caption', { activity: name }),
        columns: [indicatorColumn('fiscal_year', words, plan), indicatorColumn('answering_facilities', words, plan), indicatorColumn('share_of_facilities', words, plan)],
        rows: series.map((r) => [words.fyShort(r.fiscal_year), r.facilities, r.share_of_facilities]),
        keys: [{ name: 'fiscal_year', values: series.map((r) => r.fiscal_year) }],
      },
      notes: sourceNotes(plan, words),
    };
  });
  return [answerMix, ...otherFigures];
}
