// The municipality map: each municipality's average monthly wage (old formula) in classes,
// places without a published average in grey, the table of every value beside it.

import { scaleLinear } from 'd3';
import { schemeBlues } from 'd3';
import { choroplethSpec } from '../charts/map-chart.ts';
import { placeShapes } from '../geo.ts';
import type { Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import { areaLabel, placeName, sourceNotes } from './common.ts';
import { indicatorColumn, type Figure } from './types.ts';

/** Grey for no average (nobody reported, or withheld by the disclosure threshold). */
export const NO_AVERAGE = '#b3b3b3';

/** Class limits at round numbers across the values: 3 to 5 classes. */
export function mapClasses(values: number[]): number[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return scaleLinear().domain([lo, hi]).nice(4).ticks(4).filter((t) => t > lo && t <= hi);
}

export function municipalityMapFigure(site: SiteData, fy: number, words: Words, id: string): Figure | null {
  const { plan, geo } = site;
  if (!geo || !plan.map) return null;
  const rows = site.municipalityRows.filter((r) => r.fiscal_year === fy);
  const byCode = new Map(rows.map((r) => [r.municipality_code, r]));
  const decimals = plan.precision.average_monthly_wage;
  const averages = rows.flatMap((r) => (r.average_monthly_wage_yen === null ? [] : [r.average_monthly_wage_yen]));
  const limits = mapClasses(averages);
  // Blues without its lightest shade, so the first class stands apart from the grey of no average.
  const colors = schemeBlues[Math.max(3, limits.length + 2)]!.slice(-(limits.length + 1));
  const classOf = (v: number) => limits.filter((t) => v >= t).length;
  const yen = (v: number) => words.yen(v);
  const classLabel = (i: number) =>
    // One class (a single average, or all alike): its range.
    limits.length === 0 ? (Math.min(...averages) === Math.max(...averages) ? yen(averages[0]!) : words.t('legend.class_range', { from: yen(Math.min(...averages)), to: yen(Math.max(...averages)) }))
      : i === 0 ? words.t('legend.class_below', { to: yen(limits[0]!) })
      : i === limits.length ? words.t('legend.class_above', { from: yen(limits[i - 1]!) })
        : words.t('legend.class_between', { from: yen(limits[i - 1]!), to: yen(limits[i]!) });
  const shapes = placeShapes(geo, plan.map.code_property, site.municipalities).map((shape) => {
    const row = byCode.get(shape.code);
    const average = row?.average_monthly_wage_yen ?? null;
    // A place without facilities has no row: its name comes from municipalities.csv.
    const known = row?.municipality ?? site.municipalities.find((m) => m.code === shape.code)?.name;
    const name = known === undefined ? shape.code : placeName(site, known, words);
    return {
      geometry: shape.geometry,
      fill: average === null ? NO_AVERAGE : colors[classOf(average)]!,
      title: words.t('fig.map.shape_title', { place: name, value: average === null ? words.t('fig.map.no_average') : words.yen(average, decimals) }),
    };
  });
  const year = words.fyShort(fy);
  const sorted = [...rows].sort((a, b) => (a.area_no - b.area_no) || a.municipality_code.localeCompare(b.municipality_code));
  return {
    id,
    title: words.t('fig.map.title', { year }),
    unit: words.t('fig.unit.yen_per_month'),
    charts: [{
      spec: (size) => choroplethSpec(shapes, size),
      label: words.t('fig.map.chart_label', { year }),
      description: words.t('fig.map.description'),
      explorable: true,
    }],
    legend: [
      ...(averages.length === 0 ? [] : colors.map((color, i) => ({ label: classLabel(i), color, line: 'none' as const, marker: 'square' as const }))),
      { label: words.t('fig.map.no_average'), color: NO_AVERAGE, line: 'none', marker: 'square' },
    ],
    table: {
      caption: words.t('fig.map.caption', { year }),
      columns: [
        { label: words.t('fig.municipalities.municipality'), format: 'text' },
        { label: words.t('fig.areas.area'), format: 'text' },
        indicatorColumn('facilities', words, plan),
        indicatorColumn('average_monthly_wage_yen', words, plan),
        indicatorColumn('average_change_yen', words, plan),
      ],
      rows: sorted.map((r) => [placeName(site, r.municipality, words), areaLabel(plan, r.area, words), r.facilities, r.average_monthly_wage_yen, r.average_change_yen]),
      sortable: true,
    },
    notes: sourceNotes(plan, words, [
      words.t('fig.map.note_grey', { min: plan.disclosure.min_facilities }),
      words.name(plan.map.credit),
    ]),
  };
}
