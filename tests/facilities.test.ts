// The facility explorer's data (facility_history, facility_transitions, band_transitions and
// src/lib/facilities.ts) on the 京都府 fixture: eight facilities over FY2021–FY2023, one
// missing from FY2022 and back in FY2023, one new in FY2022, wards of 京都市 rolled up.
// Expected values are recomputed here from the report files, and the cases that matter are
// also written out by hand.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { facilitiesByMunicipality, facility, facilityHistory, facilitySearchIndex, searchKey, transitionsInto } from '../src/lib/facilities.ts';
import { sitePages } from '../src/lib/figures/site-pages.ts';
import { bandMoveFigure, bandTransitionFigure, movePairs } from '../src/lib/figures/transitions.ts';
import type { Site } from '../src/lib/node/site-data.ts';
import { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import { selectView, type ViewRow } from '../src/lib/views.ts';
import { projectPaths } from '../src/lib/node/project.ts';
import { en, fixtureDir, fixturePaths, ja, ROOT, siteOf } from './helpers.ts';

interface Reported { fy: number; office: string; municipality: string; wages: number; months: number }

const YEARS = [2021, 2022, 2023];
const EDGES = [3000, 5000, 10000, 15000, 20000, 30000]; // the fixture's plan.json wage_band_edges_yen
const CITY_WARDS: Record<string, string> = { 京都市北区: '京都市', 京都市左京区: '京都市' };

const reported: Reported[] = YEARS.flatMap((fy) =>
  Papa.parse<Record<string, string>>(readFileSync(join(fixtureDir('kyoto'), 'reports', `fy${fy}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data
    .map((r) => ({ fy, office: r.office_no!, municipality: CITY_WARDS[r.municipality!] ?? r.municipality!, wages: Number(r.total_wages_yen), months: Number(r.person_months) })));

/** Σ wages ÷ Σ person-months, half up (every fixture row is submitted with person-months). */
const average = (rows: Reported[]) => Math.floor(rows.reduce((s, r) => s + r.wages, 0) / rows.reduce((s, r) => s + r.months, 0) + 0.5);
/** Band numbers count from 1; a band includes its lower edge. */
const band = (yen: number) => EDGES.filter((e) => yen >= e).length + 1;

let site: Site;
/** The band_transitions view, which the site derives from band_moves and the console shows as it is. */
let bandTransitions: ViewRow<'band_transitions'>[];
beforeAll(async () => {
  site = await siteOf(fixturePaths('kyoto'));
  const db = await openIndicatorDatabase(fixturePaths('kyoto'), 'en');
  try {
    bandTransitions = await db.engine.query(selectView('band_transitions', 'fiscal_year, sort_no')) as ViewRow<'band_transitions'>[];
  } finally {
    db.engine.close();
  }
});

describe('facility_history', () => {
  it('holds every reported facility-year with its average, band and the averages around it', () => {
    expect(site.facilityYears).toHaveLength(reported.length);
    for (const r of reported) {
      const row = site.facilityYears.find((f) => f.office_no === r.office && f.fiscal_year === r.fy)!;
      const own = average([r]);
      expect({ office: r.office, fy: r.fy, average: row.average_monthly_wage_yen, band: row.wage_band_no, municipality: row.municipality, municipalityAverage: row.municipality_average_yen, prefectureAverage: row.prefecture_average_yen })
        .toEqual({ office: r.office, fy: r.fy, average: own, band: band(own), municipality: r.municipality,
          municipalityAverage: average(reported.filter((x) => x.fy === r.fy && x.municipality === r.municipality)),
          prefectureAverage: average(reported.filter((x) => x.fy === r.fy)) });
    }
  });

  it('rounds half up before banding, and counts a ward under its city (by hand)', () => {
    // さくら作業所 FY2021: 29,995 ÷ 10 = 2,999.5 → 3,000, the lower edge of band 2 (3,000–5,000).
    const row = site.facilityYears.find((f) => f.office_no === '2610000002' && f.fiscal_year === 2021)!;
    expect([row.average_monthly_wage_yen, row.wage_band_no, row.municipality, row.municipality_code]).toEqual([3000, 2, '京都市', '26100']);
    // 京都市 = 北区 150,001 + 左京区 29,995 over 20 person-months = 8,999.8 → 9,000.
    expect(row.municipality_average_yen).toBe(9000);
  });
});

describe('facility_transitions and band_transitions', () => {
  /** The transition of each facility between consecutive years, recomputed from the files. */
  function expected(fy: number, previous: number) {
    const now = new Map(reported.filter((r) => r.fy === fy).map((r) => [r.office, band(average([r]))]));
    const before = new Map(reported.filter((r) => r.fy === previous).map((r) => [r.office, band(average([r]))]));
    return [...new Set([...now.keys(), ...before.keys()])].sort().map((office) => {
      const [b, n] = [before.get(office), now.get(office)];
      return { office, transition: b === undefined ? 'new' : n === undefined ? 'gone' : n > b ? 'up' : n < b ? 'down' : 'same' };
    });
  }

  it.each([[2022, 2021], [2023, 2022]])('match a recomputation for FY%i against FY%i', (fy, previous) => {
    const rows = site.facilityTransitions.filter((t) => t.fiscal_year === fy);
    expect(rows.every((t) => t.previous_fiscal_year === previous)).toBe(true);
    expect(rows.map((t) => ({ office: t.office_no, transition: t.transition }))).toEqual(expected(fy, previous));
    const counts = Object.fromEntries(bandTransitions.filter((t) => t.fiscal_year === fy).map((t) => [t.transition, t.facilities]));
    const recount = Object.fromEntries(['up', 'same', 'down', 'not_comparable', 'new', 'gone'].map((k) => [k, expected(fy, previous).filter((e) => e.transition === k).length]));
    expect(counts).toEqual(recount);
  });

  it('names the facility that left and came back, the new one and the one that moved up (by hand)', () => {
    const of = (fy: number, office: string) => site.facilityTransitions.find((t) => t.fiscal_year === fy && t.office_no === office)?.transition;
    expect([of(2022, '2610000006'), of(2023, '2610000006'), of(2022, '2610000008')]).toEqual(['gone', 'new', 'new']);
    // なごみ: 4,503 (band 2) in FY2022 → 5,000 (band 3, lower edge) in FY2023.
    expect(of(2023, '2610000007')).toBe('up');
    expect(bandTransitions.filter((t) => t.fiscal_year === 2023).map((t) => [t.transition, t.facilities]))
      .toEqual([['up', 1], ['same', 6], ['down', 0], ['not_comparable', 0], ['new', 1], ['gone', 0]]);
    expect(bandTransitions.some((t) => t.fiscal_year === 2021)).toBe(false);
  });

  it.each([[2021, 2022], [2021, 2023], [2022, 2023]])('count the moves from FY%i to FY%i, any two years, as a recomputation does', (from, to) => {
    const counts = Object.fromEntries(site.bandMoves.filter((m) => m.from_fiscal_year === from && m.fiscal_year === to).map((m) => [m.transition, m.facilities]));
    const recount = Object.fromEntries(['up', 'same', 'down', 'not_comparable', 'new', 'gone'].map((k) => [k, expected(to, from).filter((e) => e.transition === k).length]));
    expect(counts).toEqual(recount);
  });

  it('compares the two years chosen directly, not through the years between (by hand)', async () => {
    // わかば共働舎: 31,000 in FY2021, absent in FY2022, 33,010 in FY2023: gone, then new, year
    // by year; from FY2021 to FY2023 it stayed in the top band (30千円以上).
    const db = await openIndicatorDatabase(fixturePaths('kyoto'), 'en');
    try {
      const moves = await db.engine.query("SELECT from_fiscal_year, fiscal_year, transition FROM facility_moves WHERE office_no = '2610000006' ORDER BY ALL");
      expect(moves.map((m) => [m.from_fiscal_year, m.fiscal_year, m.transition])).toEqual([[2021, 2022, 'gone'], [2021, 2023, 'same'], [2022, 2023, 'new']]);
    } finally {
      db.engine.close();
    }
    // FY2021 → FY2023 by hand: なごみ 44,999 ÷ 11 = 4,091 → 50,000 ÷ 10 = 5,000 moved up; のぞみ園 is
    // new; the six others stayed (さくら 29,995 ÷ 10 = 3,000 (half up) → 4,500, both ¥3,000–¥5,000).
    const figure = bandMoveFigure(site, 2021, 2023, en, 'x')!;
    expect([figure.title, figure.table.rows]).toEqual(['Wage-band moves (FY2021 → FY2023)',
      [['Moved up', 1], ['Same band', 6], ['Moved down', 0], ['Not comparable (no report, etc.)', 0], ['New to the list', 1], ['Left the list', 0]]]);
    expect(movePairs(site)).toEqual([[2021, 2022], [2021, 2023], [2022, 2023]]);
  });

  it('is a figure on each year page after the first, with the counts as its table', () => {
    expect(bandTransitionFigure(site, 2021, ja, 'x')).toBeNull();
    const figure = bandTransitionFigure(site, 2022, en, 'x')!;
    expect(figure.title).toBe('Wage-band moves (FY2021 → FY2022)');
    expect(figure.table.rows).toEqual([['Moved up', 0], ['Same band', 6], ['Moved down', 0], ['Not comparable (no report, etc.)', 0], ['New to the list', 1], ['Left the list', 1]]);
    const yearPage = sitePages(site).find((p) => p.path === 'years/fy2023/')!;
    expect(yearPage.figures(ja).map((f) => f.id)).toContain('fy2023-band-transitions');
  });
});

describe('the facility explorer', () => {
  it('shows a year a facility is missing from as a gap, not a bridge', () => {
    const history = facilityHistory(site, facility(site, '2610000006')!);
    expect(history.map((h) => [h.fiscal_year, h.row?.average_monthly_wage_yen ?? null])).toEqual([[2021, 31000], [2022, null], [2023, 33010]]);
    // のぞみ園 first appears in FY2022: its history starts there.
    expect(facilityHistory(site, facility(site, '2610000008')!).map((h) => h.fiscal_year)).toEqual([2022, 2023]);
  });

  it('lists each facility once, under the municipality of its latest report, wards under their city', () => {
    const lists = facilitiesByMunicipality(site);
    expect(lists.flatMap((m) => m.facilities.map((f) => f.office_no)).sort()).toEqual([...new Set(reported.map((r) => r.office))].sort());
    const kyoto = lists.find((m) => m.code === '26100')!;
    expect([kyoto.municipality, kyoto.facilities.map((f) => f.latest.office_name)]).toEqual(['京都市', ['さくら作業所', 'ひまわり工房']]);
  });

  it('says how each facility of the latest year moved into it', () => {
    expect(Object.fromEntries(transitionsInto(site, 2023))).toEqual(Object.fromEntries(site.facilityTransitions.filter((t) => t.fiscal_year === 2023).map((t) => [t.office_no, t.transition])));
    expect(transitionsInto(site, 2021).size).toBe(0);
  });

  it('has a search index with every facility and the names of its municipalities', () => {
    const index = facilitySearchIndex(site);
    expect(index.facilities).toHaveLength(8);
    expect(index.facilities.find((f) => f[0] === '2610000001')).toEqual(['2610000001', 'ひまわり工房', '', '26100', 2023]);
    // The reading, where the latest report gives one (the fixture's FY2023 file does for two).
    expect(index.facilities.find((f) => f[0] === '2610000006')).toEqual(['2610000006', 'わかば共働舎', '', '26206', 2023, 'ワカバキョウドウシャ']);
    expect(index.facilities.filter((f) => f.length === 6).map((f) => f[0])).toEqual(['2610000006', '2610000008']);
    expect(index.municipalities['26100']).toEqual(['京都市', 'Kyoto City']);
  });

  it('compares names in one form: width, case, katakana and spaces do not matter', () => {
    expect(searchKey('ﾐﾗｲ ﾜｰｸｽ')).toBe(searchKey('みらいワークス'));
    expect(searchKey('ＡＢＣ　２６１０')).toBe('abc2610');
    expect(searchKey('ヒマワリ')).toBe('ひまわり');
  });

  it('is published only where the plan says so', async () => {
    const tottori = await siteOf(fixturePaths('tottori'));
    expect(tottori.plan.publish_facilities).toBe(false);
    expect([tottori.facilityYears.length, tottori.facilityTransitions.length]).toEqual([0, 0]);
    expect(sitePages(tottori).some((p) => p.path === 'facilities/')).toBe(false);
    expect(sitePages(site).some((p) => p.path === 'facilities/')).toBe(true);
  });
});

describe('place_spread', () => {
  const TARGETS: Record<number, number> = { 2021: 13000, 2022: 14000, 2023: 15000 }; // the fixture's phase 1, old formula
  const AREAS: Record<string, string> = { 京都市: '京都・乙訓', 長岡京市: '京都・乙訓', 宇治市: '山城北', 舞鶴市: '中丹', 京丹後市: '丹後', 亀岡市: '南丹', 木津川市: '山城南' };

  /** Interpolated quantile (the R-7 definition): sorted values, position (n − 1)·p. */
  function quantile(values: number[], p: number): number {
    const xs = [...values].sort((a, b) => a - b);
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < xs.length ? xs[lo]! + (h - lo) * (xs[lo + 1]! - xs[lo]!) : xs[lo]!;
  }

  it.each(YEARS)('recomputes the quantiles, the share at the goal and the growth needed in FY%i', (fy) => {
    const places = [
      { level: 'prefecture', area: null, municipality: null, rows: reported.filter((r) => r.fy === fy) },
      ...[...new Set(Object.values(AREAS))].map((area) => ({ level: 'area', area, municipality: null, rows: reported.filter((r) => r.fy === fy && AREAS[r.municipality] === area) })),
      ...Object.keys(AREAS).map((m) => ({ level: 'municipality', area: AREAS[m]!, municipality: m, rows: reported.filter((r) => r.fy === fy && r.municipality === m) })),
    ].filter((p) => p.rows.length > 0);
    const rows = site.spread.filter((s) => s.fiscal_year === fy);
    expect(rows).toHaveLength(places.length);
    for (const place of places) {
      const row = rows.find((s) => s.level === place.level && s.area === place.area && s.municipality === place.municipality)!;
      const own = place.rows.map((r) => average([r]));
      const avg = average(place.rows);
      const atGoal = own.filter((y) => y >= TARGETS[fy]!).length;
      expect(row, `${place.level} ${place.area} ${place.municipality}`).toMatchObject({
        facilities: own.length,
        average_monthly_wage_yen: avg,
        target_yen: TARGETS[fy],
        facilities_at_goal: atGoal,
        suppressed: false,
      });
      for (const [column, p] of [['p10_yen', 0.1], ['p25_yen', 0.25], ['median_yen', 0.5], ['p75_yen', 0.75], ['p90_yen', 0.9]] as const) {
        // Rounded to whole yen (the fixture's precision), half up.
        expect(row[column]).toBe(Math.floor(quantile(own, p) + 0.5));
      }
      expect(row.share_at_goal_pct).toBeCloseTo((atGoal * 100) / own.length, 9);
      // The fixture's low-wage line is 10,000 yen (its boundary is checked below).
      const below = own.filter((y) => y < 10000).length;
      expect([row.low_wage_yen, row.facilities_below_low_wage]).toEqual([10000, below]);
      expect(row.share_below_low_wage_pct).toBeCloseTo((below * 100) / own.length, 9);
      // The phase's last target, 15,000 in FY2023: none left to grow in its own year.
      if (fy === 2023) expect(row.growth_needed_per_year_pct).toBeNull();
      else expect(row.growth_needed_per_year_pct).toBeCloseTo(((15000 / avg) ** (1 / (2023 - fy)) - 1) * 100, 9);
    }
  });

  it('gives the FY2021 prefecture quantiles worked by hand', () => {
    // FY2021 facility averages, sorted: 3,000 · 4,091 · 5,000 · 12,250 · 15,000 · 20,000 · 31,000 (n = 7);
    // the lower quartile 4,091 + 0.5 × (5,000 − 4,091) = 4,545.5 is published as 4,546.
    const row = site.spread.find((s) => s.fiscal_year === 2021 && s.level === 'prefecture')!;
    expect([row.p25_yen, row.median_yen, row.p75_yen]).toEqual([4546, 12250, 17500]);
    // At or above the 13,000 target: 15,000, 20,000 and 31,000. Below 10,000: 3,000, 4,091, 5,000.
    expect(row.facilities_at_goal).toBe(3);
    expect(row.facilities_below_low_wage).toBe(3);
  });
});

describe('place_spread without a low-wage line', () => {
  it('shows no share below it, in the view or in the tables', async () => {
    const tottori = await siteOf(fixturePaths('tottori'));
    expect(tottori.plan.low_wage_yen).toBeUndefined();
    expect(tottori.spread.length).toBeGreaterThan(0);
    expect(tottori.spread.every((r) => r.low_wage_yen === null && r.facilities_below_low_wage === null && r.share_below_low_wage_pct === null)).toBe(true);
    const headers = sitePages(tottori).flatMap((p) => p.figures(en)).flatMap((f) => f.table?.columns.map((c) => c.label) ?? []);
    expect(headers.some((h) => /low-wage/.test(h))).toBe(false);
  });

  it('counts a facility exactly at the line as not below it', async () => {
    // FY2021 with the line at 5,000 yen: みらいファーム is at 5,000 exactly (60,000 ÷ 12); below it
    // are なごみ (44,999 ÷ 11 = 4,090.8) and さくら作業所 (29,995 ÷ 10 = 2,999.5, shown as 3,000).
    const dir = mkdtempSync(join(tmpdir(), 'kouchin-low-wage-'));
    try {
      cpSync(fixtureDir('kyoto'), dir, { recursive: true });
      const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
      writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, low_wage_yen: 5000 }));
      const moved = await siteOf(projectPaths(ROOT, dir));
      const row = moved.spread.find((r) => r.fiscal_year === 2021 && r.level === 'prefecture')!;
      expect([row.facilities_below_low_wage, row.facilities]).toEqual([2, 7]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds the share as a column with its note where the plan sets one', () => {
    const figures = sitePages(site).flatMap((p) => p.figures(ja)).filter((f) => f.id === 'wage-spread' || f.id === 'area-progress');
    expect(figures.length).toBe(2);
    for (const f of figures) {
      expect(f.table!.columns.map((c) => c.label)).toContain('低工賃の事業所の割合');
      expect(f.notes.join('\n')).toContain('10,000円未満');
    }
  });
});

describe('the published database and report files', () => {
  /** Runs `check` on a fresh engine with the published database file attached read-only as `pub`. */
  async function withPublished(file: Uint8Array, check: (engine: NodeSqlEngine) => Promise<void>) {
    const dir = mkdtempSync(join(tmpdir(), 'kouchin-published-'));
    const engine = await NodeSqlEngine.create();
    try {
      writeFileSync(join(dir, 'kouchin.duckdb'), file);
      await engine.run(`ATTACH '${join(dir, 'kouchin.duckdb')}' AS pub (READ_ONLY)`);
      await check(engine);
    } finally {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('publishes no facility-level rows: no report files, and a database of aggregates only', async () => {
    const tottori = await siteOf(fixturePaths('tottori'));
    expect(tottori.plan.publish_facilities).toBe(false);
    expect(tottori.reportsCsvByYear).toEqual([]);
    expect(tottori.facilityYears).toEqual([]);
    await withPublished(tottori.databaseFile, async (engine) => {
      const columns = await engine.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'pub'");
      const tables = new Set(columns.map((c) => c.table_name));
      // Not one relation that names a facility; the aggregates and the plan are all there.
      expect(columns.filter((c) => /office|facility_(years|history|transitions|places)|^reports$/.test(String(c.column_name)) || /^reports$|^facility_/.test(String(c.table_name)))).toEqual([]);
      for (const t of ['yearly_indicators', 'place_indicators', 'place_spread', 'band_transitions', 'plan_targets', 'municipalities']) expect(tables, t).toContain(t);
      // A view published as a table of its rows holds the same rows.
      const yearly = await engine.query('SELECT * FROM pub.yearly_indicators ORDER BY fiscal_year');
      expect(yearly).toEqual(JSON.parse(JSON.stringify(tottori.yearly)));
    });
  });

  it('publishes every table and view where the plan publishes facilities', async () => {
    await withPublished(site.databaseFile, async (engine) => {
      const tables = (await engine.query("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'pub'")).map((t) => t.table_name);
      expect(tables).toEqual(expect.arrayContaining(['reports', 'facility_history', 'facility_transitions', 'yearly_indicators']));
      expect((await engine.query('SELECT count(*) AS n FROM pub.reports'))[0]!.n).toBe(reported.length);
    });
  });
});
