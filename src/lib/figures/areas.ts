// 圏域 and municipalities: facilities, person-months, wages, average, change vs previous year.

import { barsSpec } from '../charts/plan-charts.ts';
import { COLORS } from '../charts/palette.ts';
import type { Words } from '../i18n/words.ts';
import { prefectureAverageLabel } from '../plan.ts';
import { rolledUpCities } from '../reference.ts';
import type { SiteData } from '../site.ts';
import type { PlaceRow } from '../views.ts';
import { areaLabel, placeName, sourceNotes } from './common.ts';
import { indicatorColumn, type Column, type Figure } from './types.ts';

function placeColumns(words: Words): Column[] {
  return (['facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen', 'previous_average_monthly_wage_yen', 'average_change_yen'] as const)
    .map((id) => indicatorColumn(id, words));
}

const placeCells = (r: PlaceRow) => [r.facilities, r.person_months, r.total_wages_yen, r.average_monthly_wage_yen, r.previous_average_monthly_wage_yen, r.average_change_yen];

export function areaFigure(site: SiteData, fy: number, words: Words, idPrefix: string): Figure {
  const { plan } = site;
  const rows = site.areas.filter((r) => r.fiscal_year === fy);
  const prefecture = site.yearly.find((y) => y.fiscal_year === fy)!;
  const goal = plan.goal.average_monthly_wage_yen;
  const prev = rows.find((r) => r.previous_fiscal_year !== null)?.previous_fiscal_year ?? null;
  const average = prefectureAverageLabel(plan, words);
  const year = words.fyShort(fy);
  return {
    id: `${idPrefix}areas`,
    title: words.t('fig.areas.title', { year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => barsSpec(rows.map((r) => ({ label: areaLabel(plan, r.area, words), value: r.average_monthly_wage_yen })), {
        xLabel: indicatorColumn('average_monthly_wage_yen', words).label, words, size,
        references: [
          { value: goal, label: words.t('legend.goal', { goal: words.yen(goal) }), color: COLORS.goal },
          { value: prefecture.average_monthly_wage_yen, label: words.t('legend.value', { series: average, value: words.yen(prefecture.average_monthly_wage_yen) }), color: COLORS.prefecture },
        ],
      }),
      label: words.t('fig.areas.chart_label'),
      description: words.t('fig.areas.description', { average }),
    }],
    legend: [
      { label: words.t('legend.goal_only'), color: COLORS.goal, line: 'long-dashed', marker: 'none' },
      { label: average, color: COLORS.prefecture, line: 'dashed', marker: 'none' },
    ],
    table: {
      caption: prev === null ? words.t('fig.areas.caption', { year }) : words.t('fig.areas.caption_previous', { year, previous: words.fyShort(prev) }),
      columns: [{ label: words.t('fig.areas.area'), format: 'text' }, ...placeColumns(words)],
      rows: rows.map((r) => [areaLabel(plan, r.area, words), ...placeCells(r)]),
      sortable: true,
    },
    notes: sourceNotes(plan, words, [words.t('note.areas')]),
  };
}

export function municipalityFigure(site: SiteData, fy: number, area: string | null, words: Words, id: string): Figure {
  const { plan } = site;
  const rows = site.municipalityRows.filter((r) => r.fiscal_year === fy && (area === null || r.area === area));
  const byAverage = [...rows].sort((a, b) => b.average_monthly_wage_yen - a.average_monthly_wage_yen);
  const where = area === null ? words.t('fig.municipalities.all') : words.t('fig.municipalities.in_area', { area: areaLabel(plan, area, words) });
  const goal = plan.goal.average_monthly_wage_yen;
  const year = words.fyShort(fy);
  const cities = rolledUpCities(site.municipalities).map((c) => words.name({ ja: c.name, en: c.name_en }));
  return {
    id,
    title: words.t('fig.municipalities.title', { where, year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => barsSpec(byAverage.map((r) => ({ label: placeName(site, r.municipality, words), value: r.average_monthly_wage_yen })), {
        xLabel: indicatorColumn('average_monthly_wage_yen', words).label, words, size,
        references: [{ value: goal, label: words.t('legend.goal', { goal: words.yen(goal) }), color: COLORS.goal }],
      }),
      label: words.t('fig.municipalities.chart_label', { where }),
      description: words.t('fig.municipalities.description'),
    }],
    legend: [{ label: words.t('legend.goal_only'), color: COLORS.goal, line: 'long-dashed', marker: 'none' }],
    table: {
      caption: words.t('fig.municipalities.caption', { where, year }),
      columns: [{ label: words.t('fig.municipalities.municipality'), format: 'text' }, { label: words.t('fig.areas.area'), format: 'text' }, ...placeColumns(words)],
      rows: byAverage.map((r) => [placeName(site, r.municipality, words), areaLabel(plan, r.area, words), ...placeCells(r)]),
      sortable: true,
    },
    notes: sourceNotes(plan, words, [
      ...(cities.length > 0 ? [words.t('note.wards_rolled_up', { cities: words.names(cities) })] : []),
      words.t('note.few_facilities'),
    ]),
  };
}
