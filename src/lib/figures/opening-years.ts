// By years since opening: wage-band shares, wages and person-months per facility.

import { barsSpec, sequentialColors, stackedSharesSpec } from '../charts/plan-charts.ts';
import type { Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import type { OpeningYearRow } from '../views.ts';
import { bandLabel, groupLabel, sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

export function openingYearFigures(site: SiteData, fy: number, words: Words, idPrefix: string): Figure[] {
  const { plan } = site;
  const year = words.fyName(fy); // inside the titles' brackets
  const bandRows = site.openingYearBands.filter((r) => r.fiscal_year === fy);
  const groupNos = [...new Set(bandRows.map((r) => r.group_no))];
  const groups = groupNos.map((g) => groupLabel(plan, g, words));
  const bands = plan.wage_bands.map((b) => bandLabel(plan, b.band_no, words));
  const stack = bandRows.map((r) => ({ row: groupLabel(plan, r.group_no, words), part: bandLabel(plan, r.band_no, words), share: r.share }));
  const colors = sequentialColors(bands.length);
  const notes = sourceNotes(plan, words, [words.t('note.years_since_opening')]);
  const groupColumn = { label: words.t('fig.opening_years.group'), format: 'text' as const };

  const shares: Figure = {
    id: `${idPrefix}opening-year-wage-bands`,
    title: words.t('fig.opening_years.bands_title', { year }),
    unit: words.t('fig.opening_years.bands_unit'),
    charts: [{
      spec: (size) => stackedSharesSpec(stack, groups, bands, { xLabel: words.t('ind.share_of_facilities'), words, size }),
      label: words.t('fig.opening_years.bands_chart_label'),
      description: words.t('fig.opening_years.bands_description'),
    }],
    legend: bands.map((b, i) => ({ label: b, color: colors[i]!, line: 'none', marker: 'square' })),
    table: {
      caption: words.t('fig.opening_years.bands_caption'),
      columns: [
        groupColumn,
        ...bands.flatMap((b) => [
          { ...indicatorColumn('band_facilities', words, plan), label: words.t('fig.band_column', { band: b, label: words.t('ind.band_facilities') }) },
          { ...indicatorColumn('band_share', words, plan), label: words.t('fig.band_column', { band: b, label: words.t('ind.band_share') }) },
        ]),
      ],
      rows: groupNos.map((g) => [
        groupLabel(plan, g, words),
        ...plan.wage_bands.flatMap((b) => {
          const r = bandRows.find((x) => x.group_no === g && x.band_no === b.band_no);
          return [r?.facilities ?? 0, r?.share ?? 0];
        }),
      ]),
    },
    notes,
  };

  const perGroup = site.openingYears.filter((r) => r.fiscal_year === fy && r.facilities > 0);
  const perFacility = (measure: 'wages' | 'person_months'): Figure => {
    const wages = measure === 'wages';
    const key = wages ? 'wages_per_facility_yen' : 'person_months_per_facility';
    const value = (r: OpeningYearRow) => r[key] ?? 0;
    const m = wages ? 'wages' : 'person_months';
    return {
      id: `${idPrefix}opening-year-${wages ? 'wages' : 'person-months'}`,
      title: words.t(`fig.opening_years.${m}_title`, { year }),
      unit: words.t(`fig.opening_years.${m}_unit`),
      charts: [{
        spec: (size) => barsSpec(perGroup.map((r) => ({ label: groupLabel(plan, r.group_no, words), value: value(r) })), {
          xLabel: indicatorColumn(key, words, plan).label, words, size,
          ...(wages ? {} : { format: (v: number) => words.decimal(v) }),
        }),
        label: words.t(`fig.opening_years.${m}_chart_label`),
        description: words.t('fig.opening_years.per_facility_description'),
      }],
      table: {
        caption: words.t(`fig.opening_years.${m}_caption`),
        columns: [groupColumn, indicatorColumn('facilities', words, plan), indicatorColumn(key, words, plan), indicatorColumn('average_monthly_wage_yen', words, plan)],
        rows: perGroup.map((r) => [groupLabel(plan, r.group_no, words), r.facilities, r[key], r.average_monthly_wage_yen]),
      },
      notes,
    };
  };
  return [shares, perFacility('wages'), perFacility('person_months')];
}
