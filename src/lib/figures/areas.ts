// 圏域 and municipalities: facilities, person-months, wages, average, change vs previous year.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import type { Words } from '../i18n/words.ts';
import { prefectureAverageLabel } from '../plan.ts';
import { rolledUpCities } from '../reference.ts';
import type { SiteData } from '../site.ts';
import type { PlaceRow } from '../views.ts';
import { areaLabel, averageFormat, placeName, sourceNotes } from './common.ts';
import { indicatorColumn, type Column, type Figure } from './types.ts';

const PLACE_COLUMNS = [
  'facilities_designated', 'facilities_reported', 'reporting_rate_pct', 'facilities', 'person_months', 'total_wages_yen',
  'average_monthly_wage_yen', 'previous_average_monthly_wage_yen', 'average_change_yen',
] as const;

const placeColumns = (site: SiteData, words: Words): Column[] => PLACE_COLUMNS.map((id) => indicatorColumn(id, words, site.plan));

/** Said under a table where the plan's disclosure threshold withheld a place's figures. */
const disclosureNote = (site: SiteData, rows: PlaceRow[], words: Words) =>
  rows.some((r) => r.suppressed) ? [words.t('note.disclosure', { min: site.plan.disclosure.min_facilities })] : [];
const placeCells = (r: PlaceRow) => PLACE_COLUMNS.map((id) => r[id]);

/** The old-formula target in force in a year (area averages are old-formula ones), as a reference line. */
function targetReference(site: SiteData, fy: number, words: Words) {
  const target = site.targetPath.find((t) => t.fiscal_year === fy && t.formula === 'old');
  if (!target) return [];
  const goal = words.yen(target.target_yen);
  return [{ value: target.target_yen, label: words.t('legend.goal', { goal }), color: COLORS.goal }];
}

export function areaFigure(site: SiteData, fy: number, words: Words, idPrefix: string): Figure {
  const { plan } = site;
  const rows = site.areas.filter((r) => r.fiscal_year === fy);
  const charted = rows.filter((r) => r.average_monthly_wage_yen !== null);
  const prefecture = site.yearly.find((y) => y.fiscal_year === fy)!;
  const goal = targetReference(site, fy, words);
  const decimals = plan.precision.average_monthly_wage;
  const prev = rows.find((r) => r.previous_fiscal_year !== null)?.previous_fiscal_year ?? null;
  const average = prefectureAverageLabel(plan, words);
  const year = words.fyName(fy); // inside the titles' brackets
  return {
    id: `${idPrefix}areas`,
    title: words.t('fig.areas.title', { year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => barsSpec(charted.map((r) => ({ label: areaLabel(plan, r.area, words), value: r.average_monthly_wage_yen! })), {
        xLabel: indicatorColumn('average_monthly_wage_yen', words, plan).label, words, size, format: averageFormat(plan, words),
        references: [
          ...goal,
          { value: prefecture.average_monthly_wage_yen, label: words.t('legend.value', { series: average, value: words.yen(prefecture.average_monthly_wage_yen, decimals) }), color: COLORS.prefecture },
        ],
      }),
      label: words.t('fig.areas.chart_label'),
      description: words.t('fig.areas.description', { average }),
    }],
    legend: [
      ...(goal.length > 0 ? [{ label: words.t('legend.goal_only'), color: COLORS.goal, line: 'long-dashed' as const, marker: 'none' as const }] : []),
      { label: average, color: COLORS.prefecture, line: 'dashed', marker: 'none' },
    ],
    table: {
      caption: prev === null ? words.t('fig.areas.caption', { year }) : words.t('fig.areas.caption_previous', { year, previous: words.fyName(prev) }),
      columns: [{ label: words.t('fig.areas.area'), format: 'text' }, ...placeColumns(site, words)],
      rows: rows.map((r) => [areaLabel(plan, r.area, words), ...placeCells(r)]),
      sortable: true,
    },
    notes: sourceNotes(plan, words, [words.t('note.areas'), ...disclosureNote(site, rows, words)]),
  };
}

export function municipalityFigure(site: SiteData, fy: number, area: string | null, words: Words, id: string): Figure {
  const { plan } = site;
  const rows = site.municipalityRows.filter((r) => r.fiscal_year === fy && (area === null || r.area === area));
  // Highest average first; places where nobody reported last.
  const byAverage = [...rows].sort((a, b) => (b.average_monthly_wage_yen ?? -Infinity) - (a.average_monthly_wage_yen ?? -Infinity));
  const charted = byAverage.filter((r) => r.average_monthly_wage_yen !== null);
  const where = area === null ? words.t('fig.municipalities.all') : words.t('fig.municipalities.in_area', { area: areaLabel(plan, area, words) });
  const goal = targetReference(site, fy, words);
  const year = words.fyName(fy); // inside the titles' brackets
  const cities = rolledUpCities(site.municipalities).map((c) => words.name({ ja: c.name, en: c.name_en }));
  return {
    id,
    title: words.t('fig.municipalities.title', { where, year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => barsSpec(charted.map((r) => ({ label: placeName(site, r.municipality, words), value: r.average_monthly_wage_yen! })), {
        xLabel: indicatorColumn('average_monthly_wage_yen', words, plan).label, words, size, format: averageFormat(plan, words),
        references: goal,
      }),
      label: words.t('fig.municipalities.chart_label', { where }),
      description: words.t('fig.municipalities.description'),
    }],
    legend: goal.length > 0 ? [{ label: words.t('legend.goal_only'), color: COLORS.goal, line: 'long-dashed', marker: 'none' }] : [],
    table: {
      caption: words.t('fig.municipalities.caption', { where, year }),
      columns: [{ label: words.t('fig.municipalities.municipality'), format: 'text' }, { label: words.t('fig.areas.area'), format: 'text' }, ...placeColumns(site, words)],
      rows: byAverage.map((r) => [placeName(site, r.municipality, words), areaLabel(plan, r.area, words), ...placeCells(r)]),
      keys: [{ name: 'municipality_code', values: byAverage.map((r) => r.municipality_code) }],
      sortable: true,
    },
    notes: sourceNotes(plan, words, [
      ...(cities.length > 0 ? [words.t('note.wards_rolled_up', { cities: words.names(cities) })] : []),
      words.t('note.few_facilities'),
      ...disclosureNote(site, rows, words),
    ]),
  };
}
