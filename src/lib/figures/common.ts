// What every figure shares: the source line, the sample-data note, and the names of the
// plan's bands, groups, activities and areas in the page's language.

import type { LegendItem } from '../charts/palette.ts';
import { yearGaps, type RowGap } from '../charts/year-gaps.ts';
import type { Words } from '../i18n/words.ts';
import type { Plan } from '../plan.ts';
import { municipalityName } from '../reference.ts';
import type { SiteData } from '../site.ts';
import type { Figure } from './types.ts';

export function sourceNotes(plan: Plan, words: Words, extra: string[] = []): string[] {
  const notes = [...extra, words.t('note.source', { source: words.name(plan.source) }), provenance(plan, words)];
  if (plan.plan_url) notes.push(words.t('note.plan_url', { url: plan.plan_url }));
  if (plan.sample_data) notes.push(words.t('note.sample_short'));
  return notes;
}

/**
 * When the data was compiled and who publishes it: 更新日：2024年3月29日・公表：京都府 障害者支援課.
 * Without a date of the data's own, the day the site was built from it (作成日).
 */
export function provenance(plan: Pick<Plan, 'updated_on' | 'built' | 'publisher'>, words: Words): string {
  const date = words.date(plan.updated_on);
  if (plan.publisher) return words.t(plan.built ? 'note.built_by' : 'note.provenance_by', { date, publisher: words.name(plan.publisher) });
  return words.t(plan.built ? 'note.built' : 'note.provenance', { date });
}

export const bandLabel = (plan: Plan, bandNo: number, words: Words) => plan.wage_bands[bandNo - 1]!.label[words.locale];
export const groupLabel = (plan: Plan, groupNo: number, words: Words) => plan.opening_groups[groupNo - 1]!.label[words.locale];

export function activityLabel(plan: Plan, activity: string, words: Words): string {
  const a = plan.activities.find((x) => x.column === activity);
  return a ? words.name(a) : activity;
}

/**
 * An area's name as a label of its own (a table cell, a chart row, a link): 丹後 / "Tango
 * area", so in English it is not read as a prefecture or a city of the same name.
 */
export function areaLabel(plan: Pick<Plan, 'areas'>, area: string, words: Words): string {
  const a = plan.areas.find((x) => x.name === area);
  return words.t('area.label', { area: a ? words.name(a) : area });
}

export const placeName = (site: Pick<SiteData, 'municipalities'>, name: string, words: Words) => municipalityName(site.municipalities, name, words);

/** Averages as the plan shows them: whole yen or one decimal (plan.json precision), no unit. */
export const averageFormat = (plan: Plan, words: Words) => (value: number) => words.decimal(value, plan.precision.average_monthly_wage);

/**
 * A fiscal year as tables and sentences name it, marked 「（公表値）」 when its figures come
 * from published totals rather than facility rows; `short` for R3（2021）/ FY2021.
 */
export function yearName(yearly: Pick<SiteData['yearly'][number], 'fiscal_year' | 'basis'>[], fy: number, words: Words, short = false): string {
  const year = short ? words.fyShort(fy) : words.fy(fy);
  return yearly.some((y) => y.fiscal_year === fy && y.basis === 'published') ? words.t('published.year', { year }) : year;
}

/** The notes every one of several figures carries (source, sample data): a page says them once. */
export function sharedNotes(figures: Pick<Figure, 'notes'>[]): string[] {
  if (figures.length < 2) return [];
  return figures[0]!.notes.filter((note) => figures.every((f) => f.notes.includes(note)));
}

/** Rows saying which years have no data, between the rows of `years` (ascending) labelled `label(year)`. */
export function missingYearRows(years: number[], label: (fy: number) => string, words: Words): RowGap[] {
  const name = (from: number, to: number) => (from === to ? words.fyMark(from) : words.t('format.range', { from: words.fyMark(from), to: words.fyMark(to) }));
  return yearGaps(years, label, (from, to) => words.t('chart.no_data_years', { years: name(from, to) }));
}

/** The legend entry for years shown from published totals, when a figure has any. */
export function publishedLegend(yearly: Pick<SiteData['yearly'][number], 'basis'>[], words: Words, marker: 'hollow-circle' | 'outline', color: string): LegendItem[] {
  return yearly.some((y) => y.basis === 'published') ? [{ label: words.t('legend.published'), color, line: 'none', marker }] : [];
}
