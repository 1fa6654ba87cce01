// The municipality map, on the 京都府 fixture's hand-made boundaries (tests/fixtures/plans/kyoto/geo):
// two adjacent ward squares of 京都市 (merged into one city shape, as reports count them),
// 宇治市 and 舞鶴市 with facilities, and 南山城村 with none.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlotSvg } from '../src/lib/charts/render.ts';
import { MAP_INDICATORS, mapClasses, mapPath, municipalityMapFigure, NO_AVERAGE, type MapIndicator } from '../src/lib/figures/map.ts';
import { sitePages } from '../src/lib/figures/site-pages.ts';
import { placeShapes } from '../src/lib/geo.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import type { Site } from '../src/lib/node/site-data.ts';
import { fixtureDir, fixturePaths, siteOf } from './helpers.ts';

let kyoto: Site;
beforeAll(async () => {
  kyoto = await siteOf(fixturePaths('kyoto'));
});

/** Σ wages ÷ Σ person-months of the FY2023 rows in `places`, half up: a recomputation from the report file. */
function averageOf(places: string[]): number {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(fixtureDir('kyoto'), 'reports', 'fy2023.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
    .filter((r) => places.includes(r.municipality!));
  const wages = rows.reduce((s, r) => s + Number(r.total_wages_yen), 0);
  const months = rows.reduce((s, r) => s + Number(r.person_months), 0);
  return Math.round(wages / months);
}

describe('placeShapes', () => {
  it("merges a city's wards into one shape under the city's code, and keeps the rest apart", () => {
    const shapes = placeShapes(kyoto.geo!, 'code', kyoto.municipalities);
    expect(shapes.map((s) => s.code).sort()).toEqual(['26100', '26202', '26204', '26367']);
    const kyotoCity = shapes.find((s) => s.code === '26100')!.geometry;
    // The shared edge is gone: one polygon with one ring (5 points), not two squares.
    expect(kyotoCity.coordinates).toHaveLength(1);
    expect(kyotoCity.coordinates[0]).toHaveLength(1);
  });
});

describe('municipality map', () => {
  it('shades each place by its average, greys the one without, and names each with its value', () => {
    const words = wordsFor('ja');
    const figure = municipalityMapFigure(kyoto, 2023, words, 'map')!;
    const { document } = parseHTML(`<!doctype html><html><body>${renderPlotSvg(figure.charts[0]!.spec('narrow'), figure.charts[0]!)}</body></html>`);
    const paths = [...document.querySelectorAll('path')].filter((p) => p.querySelector('title'));
    const titles = paths.map((p) => p.querySelector('title')!.textContent);
    const kyotoAverage = averageOf(['京都市北区', '京都市左京区']);
    expect(titles.sort()).toEqual([
      `京都市：${kyotoAverage.toLocaleString('ja-JP')}円`,
      `宇治市：${averageOf(['宇治市']).toLocaleString('ja-JP')}円`,
      `舞鶴市：${averageOf(['舞鶴市']).toLocaleString('ja-JP')}円`,
      '南山城村：平均なし',
    ].sort());
    const fill = (name: string) => paths.find((p) => p.querySelector('title')!.textContent!.startsWith(name))!.getAttribute('fill');
    expect(fill('南山城村')).toBe(NO_AVERAGE);
    expect(fill('京都市')).not.toBe(NO_AVERAGE);
    // Every shaded colour is in the legend, and so is the grey; the credit line is under the map.
    const legend = figure.legend!.map((l) => l.color);
    expect(paths.map((p) => p.getAttribute('fill')).every((c) => legend.includes(c!))).toBe(true);
    expect(figure.notes).toContain('出典：テスト用の境界データ');
    // The table holds every municipality of the year with its average.
    expect(figure.table.rows.find((r) => r[0] === '京都市')![3]).toBe(kyotoAverage);
  });

  it('has a legend whatever the averages: one class for one value, none without any', () => {
    const words = wordsFor('ja');
    const only = (average: number | null) => ({
      ...kyoto,
      municipalityRows: kyoto.municipalityRows.filter((r) => r.fiscal_year === 2023).map((r) => ({ ...r, average_monthly_wage_yen: average })),
    });
    expect(municipalityMapFigure(only(12_000), 2023, words, 'map')!.legend!.map((l) => l.label)).toEqual(['12,000円', '平均なし']);
    expect(municipalityMapFigure(only(null), 2023, words, 'map')!.legend!.map((l) => l.label)).toEqual(['平均なし']);
  });

  it('puts round class limits between the lowest and highest average', () => {
    expect(mapClasses([8_200, 11_000, 14_900, 21_300])).toEqual([10_000, 15_000, 20_000]);
    expect(mapClasses([12_000])).toEqual([]);
  });

  it('has a page of its own and is on each year page, but not for a data directory without boundaries', async () => {
    const tottori = await siteOf(fixturePaths('tottori'));
    expect(tottori.geo).toBeNull();
    const maps = (site: Site) => sitePages(site).flatMap((p) => p.figures(wordsFor('ja')).filter((f) => f.id.endsWith('municipality-map')).map((f) => `${p.path}#${f.id}`));
    expect(maps(tottori)).toEqual([]);
    expect(maps(kyoto)).toEqual(['map/#municipality-map', ...[2021, 2022, 2023].map((fy) => `years/fy${fy}/#fy${fy}-municipality-map`)]);
  });
});

describe('the other indicators of the map', () => {
  /** Each place's title on the map of `indicator`, by its Japanese name. */
  function titles(indicator: MapIndicator, fy = 2023): Record<string, string> {
    const figure = municipalityMapFigure(kyoto, fy, wordsFor('ja'), 'map', indicator)!;
    const { document } = parseHTML(`<!doctype html><html><body>${renderPlotSvg(figure.charts[0]!.spec('narrow'), figure.charts[0]!)}</body></html>`);
    return Object.fromEntries([...document.querySelectorAll('path title')].map((t) => t.textContent!.split('：') as [string, string]));
  }
  /** Σ wages ÷ Σ person-months of a year's rows in `places`, half up. */
  function averageIn(fy: number, places: string[]): number {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(fixtureDir('kyoto'), 'reports', `fy${fy}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data
      .filter((r) => places.includes(r.municipality!));
    return Math.floor(rows.reduce((s, r) => s + Number(r.total_wages_yen), 0) / rows.reduce((s, r) => s + Number(r.person_months), 0) + 0.5);
  }

  it('counts the facilities of each place, wards in their city', () => {
    expect(titles('facilities')).toEqual({ 京都市: '2事業所', 宇治市: '1事業所', 舞鶴市: '1事業所', 南山城村: '値なし' });
  });

  it('shows the change from the year before with its sign, falls and rises in different hues', () => {
    const kyotoCity = ['京都市北区', '京都市左京区'];
    const change = averageIn(2023, kyotoCity) - averageIn(2022, kyotoCity);
    expect(titles('change')['京都市']).toBe(`${change > 0 ? '+' : '−'}${Math.abs(change).toLocaleString('ja-JP')}円`);
    const figure = municipalityMapFigure(kyoto, 2023, wordsFor('ja'), 'map', 'change')!;
    expect(figure.notes).toContain('出典：テスト用の境界データ');
  });

  it('gives the share of facilities at or above the goal in force (15,000 in FY2023)', () => {
    // 舞鶴市 262,000 ÷ 12 = 21,833 ≥ 15,000; 宇治市 121,000 ÷ 11 = 11,000 < 15,000;
    // 京都市 17,000 (北区) ≥ 15,000 and 4,500 (左京区) < 15,000.
    expect(titles('at_goal')).toMatchObject({ 舞鶴市: '100.0%', 宇治市: '0.0%', 京都市: '50.0%', 南山城村: '値なし' });
  });

  it('has a page for each indicator, chosen by links', () => {
    expect(sitePages(kyoto).filter((p) => p.path.startsWith('map/')).map((p) => p.path)).toEqual(MAP_INDICATORS.map((i) => mapPath(i)));
  });
});

describe('the map for the keyboard', () => {
  it('is a group of places, each focusable and named with its value', () => {
    const figure = municipalityMapFigure(kyoto, 2023, wordsFor('en'), 'map')!;
    const { document } = parseHTML(`<!doctype html><html><body>${renderPlotSvg(figure.charts[0]!.spec('wide'), figure.charts[0]!)}</body></html>`);
    expect(document.querySelector('svg')!.getAttribute('role')).toBe('group');
    const places = [...document.querySelectorAll('path[tabindex="0"][role="img"]')].map((p) => p.getAttribute('aria-label'));
    expect(places.sort()).toEqual([
      `Kyoto City: ¥${averageOf(['京都市北区', '京都市左京区']).toLocaleString('en-US')}`,
      `Maizuru City: ¥${averageOf(['舞鶴市']).toLocaleString('en-US')}`,
      'Minamiyamashiro Village: No average',
      `Uji City: ¥${averageOf(['宇治市']).toLocaleString('en-US')}`,
    ]);
  });
});
