// The municipality map: each municipality's average monthly wage (old formula), facilities,
// change from the previous year or share at the goal, in classes; places without a value in
// grey, the table of every value beside it.

import { scaleLinear } from 'd3';
import { schemeBlues, schemeOranges } from 'd3';
import { choroplethSpec } from '../charts/map-chart.ts';
import { placeShapes } from '../geo.ts';
import type { PlainMessageId, Words } from '../i18n/words.ts';
import type { SiteData } from '../site.ts';
import type { MunicipalityRow, SpreadRow } from '../views.ts';
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

/** What a map can show, chosen by links (one page each): the average is the default. */
export const MAP_INDICATORS = ['average', 'facilities', 'change', 'at_goal'] as const;
export type MapIndicator = (typeof MAP_INDICATORS)[number];

/** An indicator in URLs and figure ids: at-goal. */
export const mapSlug = (indicator: MapIndicator) => indicator.replace('_', '-');

/** The map page of an indicator, below the locale root. */
export const mapPath = (indicator: MapIndicator) => (indicator === 'average' ? 'map/' : `map/${mapSlug(indicator)}/`);

interface MapValue {
  of: (row: MunicipalityRow, spread: SpreadRow | undefined) => number | null;
  format: (value: number, words: Words, decimals: number) => string;
  unit: PlainMessageId;
  /** Changes: falls in oranges, rises in blues, classes split at zero. */
  diverging?: boolean;
}

const MAP_VALUES: Record<MapIndicator, MapValue> = {
  average: { of: (r) => r.average_monthly_wage_yen, format: (v, w, d) => w.yen(v, d), unit: 'fig.unit.yen_per_month' },
  facilities: { of: (r) => (r.facilities > 0 ? r.facilities : null), format: (v, w) => w.t('facilities.count', { count: v }), unit: 'fig.unit.facilities' },
  change: { of: (r) => r.average_change_yen, format: (v, w, d) => w.change(v, 'yen', d), diverging: true, unit: 'fig.unit.yen_per_month' },
  at_goal: { of: (_, s) => s?.share_at_goal_pct ?? null, format: (v, w) => w.percent(v), unit: 'fig.unit.percent' },
};

/** Shades for the classes: one hue rising, or oranges below zero and blues above. */
function classColors(limits: number[], diverging: boolean): string[] {
  const n = limits.length + 1;
  // Without its lightest shade, so the first class stands apart from the grey of no value.
  const shades = (scheme: readonly (readonly string[])[], k: number) => scheme[Math.max(3, k + 2)]!.slice(-k);
  if (!diverging) return shades(schemeBlues, n);
  const below = limits.filter((t) => t <= 0).length;
  return [...(below > 0 ? shades(schemeOranges, below).reverse() : []), ...shades(schemeBlues, n - below)];
}

export function municipalityMapFigure(site: SiteData, fy: number, words: Words, id: string, indicator: MapIndicator = 'average'): Figure | null {
  const { plan, geo } = site;
  if (!geo || !plan.map) return null;
  const spec = MAP_VALUES[indicator];
  const rows = site.municipalityRows.filter((r) => r.fiscal_year === fy);
  const spread = new Map(site.spread.filter((r) => r.fiscal_year === fy && r.level === 'municipality').map((r) => [r.municipality, r]));
  const valueOf = (r: MunicipalityRow) => spec.of(r, spread.get(r.municipality));
  const byCode = new Map(rows.map((r) => [r.municipality_code, r]));
  const decimals = plan.precision.average_monthly_wage;
  const values = rows.flatMap((r) => { const v = valueOf(r); return v === null ? [] : [v]; });
  const limits = spec.diverging && values.some((v) => v < 0) && values.some((v) => v > 0)
    ? [...new Set([...mapClasses(values).filter((t) => t !== 0), 0])].sort((a, b) => a - b)
    : mapClasses(values);
  const colors = classColors(limits, spec.diverging === true);
  const classOf = (v: number) => limits.filter((t) => v >= t).length;
  const show = (v: number) => spec.format(v, words, decimals);
  const classLabel = (i: number) =>
    // One class (a single value, or all alike): its range.
    limits.length === 0 ? (Math.min(...values) === Math.max(...values) ? show(values[0]!) : words.t('legend.class_range', { from: show(Math.min(...values)), to: show(Math.max(...values)) }))
      : i === 0 ? words.t('legend.class_below', { to: show(limits[0]!) })
      : i === limits.length ? words.t('legend.class_above', { from: show(limits[i - 1]!) })
        : words.t('legend.class_between', { from: show(limits[i - 1]!), to: show(limits[i]!) });
  const noValue = words.t(indicator === 'average' ? 'fig.map.no_average' : 'fig.map.no_value');
  const shapes = placeShapes(geo, plan.map.code_property, site.municipalities).map((shape) => {
    const row = byCode.get(shape.code);
    const value = row ? valueOf(row) : null;
    // A place without facilities has no row: its name comes from municipalities.csv.
    const known = row?.municipality ?? site.municipalities.find((m) => m.code === shape.code)?.name;
    const name = known === undefined ? shape.code : placeName(site, known, words);
    return {
      geometry: shape.geometry,
      fill: value === null ? NO_AVERAGE : colors[classOf(value)]!,
      title: words.t('fig.map.shape_title', { place: name, value: value === null ? noValue : show(value) }),
    };
  });
  const year = words.fyName(fy); // inside the titles' brackets
  const what = words.t(`map.indicator.${indicator}`);
  const sorted = [...rows].sort((a, b) => (a.area_no - b.area_no) || a.municipality_code.localeCompare(b.municipality_code));
  return {
    id,
    title: indicator === 'average' ? words.t('fig.map.title', { year }) : words.t('fig.map.title_of', { indicator: what, year }),
    unit: words.t(spec.unit),
    charts: [{
      spec: (size) => choroplethSpec(shapes, size),
      label: indicator === 'average' ? words.t('fig.map.chart_label', { year }) : words.t('fig.map.chart_label_of', { indicator: what, year }),
      description: indicator === 'average' ? words.t('fig.map.description') : words.t(spec.diverging ? 'fig.map.description_change' : 'fig.map.description_of', { indicator: what }),
      explorable: true,
    }],
    legend: [
      ...(values.length === 0 ? [] : colors.map((color, i) => ({ label: classLabel(i), color, line: 'none' as const, marker: 'square' as const }))),
      { label: noValue, color: NO_AVERAGE, line: 'none', marker: 'square' },
    ],
    table: {
      caption: indicator === 'average' ? words.t('fig.map.caption', { year }) : words.t('fig.map.caption_of', { indicator: what, year }),
      columns: [
        { label: words.t('fig.municipalities.municipality'), format: 'text' },
        { label: words.t('fig.areas.area'), format: 'text' },
        indicatorColumn('facilities', words, plan),
        indicatorColumn('average_monthly_wage_yen', words, plan),
        indicatorColumn('average_change_yen', words, plan),
        ...(indicator === 'at_goal' ? [indicatorColumn('share_at_goal_pct', words, plan)] : []),
      ],
      keys: [{ name: 'municipality_code', values: sorted.map((r) => r.municipality_code) }],
      rows: sorted.map((r) => [
        placeName(site, r.municipality, words), areaLabel(plan, r.area, words), r.facilities, r.average_monthly_wage_yen, r.average_change_yen,
        ...(indicator === 'at_goal' ? [valueOf(r)] : []),
      ]),
      sortable: true,
    },
    notes: sourceNotes(plan, words, [
      words.t(indicator === 'average' ? 'fig.map.note_grey' : 'fig.map.note_grey_value', { min: plan.disclosure.min_facilities }),
      words.name(plan.map.credit),
    ]),
  };
}
