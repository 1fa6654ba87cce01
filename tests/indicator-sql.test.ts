// The indicator SQL on the 京都府 fixture (tests/fixtures/plans/kyoto): 8 facilities over
// FY2021–FY2023, 7 wage bands (3千円 | 5千円 | 10千円 | 15千円 | 20千円 | 30千円 edges), opening
// groups 1年目, 2年目, 3年目, 4年目以降, baseline FY2021, goal ¥19,000 in FY2026. Every expected
// value is worked out by hand in the comment beside it, from the report files:
//
//        opened      FY2021 W / P         FY2022 W / P        FY2023 W / P
//   K1   2015-04-01  150,001 / 10         160,000 / 10        170,000 / 10   京都市北区   京都・乙訓
//   K2   2020-03-31   29,995 / 10          40,010 / 10         45,000 / 10   京都市左京区 京都・乙訓
//   K3   2021-04-01   98,000 / 8          110,000 / 10        121,000 / 11   宇治市       山城北
//   K4   2018-06-01  240,000 / 12         250,000 / 12        262,000 / 12   舞鶴市       中丹
//   K5   2010-01-15   60,000 / 12          66,000 / 12         72,000 / 12   京丹後市     丹後
//   K6   2019-04-01  371,998 / 12         (not reporting)     396,117 / 12   亀岡市       南丹
//   K7   2005-10-01   44,999 / 11          45,028 / 10         50,000 / 10   木津川市     山城南
//   K8   2022-04-01  —                     90,015 / 10         99,000 / 10   長岡京市     京都・乙訓

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDatabase } from '../src/lib/node/indicators.ts';
import { openIndicatorDatabase } from '../src/lib/node/indicators.ts';
import type { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { NO_PUBLISHED_TOTALS } from '../src/lib/reference.ts';
import { databaseOf, fixturePaths, row } from './helpers.ts';

let kyoto: IndicatorDatabase;
let db: NodeSqlEngine;
beforeAll(async () => {
  kyoto = await openIndicatorDatabase(fixturePaths('kyoto'), 'en');
  db = kyoto.engine;
});
afterAll(() => kyoto?.engine.close());

const q = (sql: string) => db.query(sql);

describe('macros', () => {
  it('rounds half-up in exact integer arithmetic, and to one decimal', async () => {
    const [r] = await q(`SELECT half_up_div(5, 2) AS a, half_up_div(7, 2) AS b, half_up_div(9999, 2) AS c,
      half_up_div(1, 0) AS zero, half_up_div_1dp(41, 4) AS d, half_up_div_1dp(123, 12) AS e,
      fiscal_year_of(DATE '2020-03-31') AS before_april, fiscal_year_of(DATE '2020-04-01') AS april`);
    // 2.5 → 3 and 3.5 → 4 (half-even would give 2 and 4); 4,999.5 → 5,000; 10.25 → 10.3; 10.25 → 10.3
    expect(r).toEqual({ a: 3, b: 4, c: 5_000, zero: null, d: 10.3, e: 10.3, before_april: 2019, april: 2020 });
  });
});

describe('facility_years', () => {
  it('rounds each facility average half-up and puts it in the band whose lower bound it reaches', async () => {
    const rows = await q(`SELECT office_no, average_monthly_wage_yen AS avg, wage_band_no AS band,
        years_since_opening AS years, opening_group_no AS grp
      FROM facility_years WHERE fiscal_year = 2021 ORDER BY office_no`);
    expect(rows).toEqual([
      { office_no: '2610000001', avg: 15_000, band: 5, years: 7, grp: 4 }, // 15,000.1; opened FY2015
      { office_no: '2610000002', avg: 3_000, band: 2, years: 3, grp: 3 }, // 2,999.5 → 3,000, the band's lower bound; 31 March 2020 is FY2019
      { office_no: '2610000003', avg: 12_250, band: 4, years: 1, grp: 1 }, // opened 1 April 2021: its first year
      { office_no: '2610000004', avg: 20_000, band: 6, years: 4, grp: 4 }, // exactly 20,000 is in 20千円以上
      { office_no: '2610000005', avg: 5_000, band: 3, years: 13, grp: 4 }, // 15 January 2010 is FY2009
      { office_no: '2610000006', avg: 31_000, band: 7, years: 3, grp: 3 },
      { office_no: '2610000007', avg: 4_091, band: 2, years: 17, grp: 4 }, // 44,999 ÷ 11 = 4,090.8
    ]);
  });

  it('gives no average, band or group to a row without person-months or opening date', async () => {
    const engine = await databaseOf([row({ fiscal_year: 2021, office_no: '2600000001', total_wages_yen: 0, person_months: 0 })], 'kyoto', NO_PUBLISHED_TOTALS);
    try {
      expect(await engine.query('SELECT average_monthly_wage_yen AS a, wage_band_no AS b, opening_group_no AS g FROM facility_years'))
        .toEqual([{ a: null, b: null, g: null }]);
      // …and it is reported, but not counted in the average.
      expect(await engine.query('SELECT facilities, facilities_reported FROM yearly_indicators')).toEqual([{ facilities: 0, facilities_reported: 1 }]);
    } finally {
      engine.close();
    }
  });
});

describe('yearly_indicators', () => {
  it('sums wages and person-months and rounds Σ ÷ Σ half-up; the new formula over the facilities reporting both', async () => {
    const all = { facilities_new_formula: 0, work_hours: null, average_hourly_wage_yen: null, facilities_with_hours: 0 };
    expect(await q("SELECT * FROM yearly_indicators WHERE basis = 'reports' ORDER BY fiscal_year")).toEqual([
      // 994,993 ÷ 75 = 13,266.6; every facility reported
      { fiscal_year: 2021, basis: 'reports', facilities_designated: 7, facilities_reported: 7, reporting_rate_pct: 100, facilities: 7, person_months: 75, total_wages_yen: 994_993, average_monthly_wage_yen: 13_267, average_monthly_wage_new_yen: null, ...all },
      // 761,053 ÷ 74 = 10,284.5 exactly: half-up gives 10,285 (half-even would give 10,284)
      { fiscal_year: 2022, basis: 'reports', facilities_designated: 7, facilities_reported: 7, reporting_rate_pct: 100, facilities: 7, person_months: 74, total_wages_yen: 761_053, average_monthly_wage_yen: 10_285, average_monthly_wage_new_yen: null, ...all },
      // 1,215,117 ÷ 87 = 13,966.9. New formula: K1, K2, K4, K6 wages 873,117 over daily users
      // 250/250 + 120/240 + 240/240 + 240/240 = 3.5, so 873,117 ÷ 3.5 ÷ 12 = 20,788.5 → 20,789
      { fiscal_year: 2023, basis: 'reports', facilities_designated: 8, facilities_reported: 8, reporting_rate_pct: 100, facilities: 8, person_months: 87, total_wages_yen: 1_215_117, average_monthly_wage_yen: 13_967, average_monthly_wage_new_yen: 20_789, ...all, facilities_new_formula: 4 },
    ]);
  });

  it('counts who should report and who did, and averages per hour over the facilities reporting hours', async () => {
    const engine = await databaseOf([
      row({ fiscal_year: 2024, office_no: '2600000001', total_wages_yen: 120_000, person_months: 10, work_hours: 800 }), // ¥150.0 an hour
      row({ fiscal_year: 2024, office_no: '2600000002', total_wages_yen: 100_005, person_months: 10, work_hours: 399 }),
      row({ fiscal_year: 2024, office_no: '2600000003', total_wages_yen: 50_000, person_months: 5 }), // no hours reported
      row({ fiscal_year: 2024, office_no: '2600000004', submitted: false }), // 未提出, amounts empty
      row({ fiscal_year: 2024, office_no: '2600000005', submitted: false, total_wages_yen: 999_999, person_months: 1, work_hours: 1 }), // 未提出: not counted
    ], 'kyoto', NO_PUBLISHED_TOTALS);
    try {
      const [y] = await engine.query('SELECT * FROM yearly_indicators');
      expect(y).toEqual({
        fiscal_year: 2024, basis: 'reports',
        facilities_designated: 5, facilities_reported: 3, reporting_rate_pct: 60, facilities: 3,
        person_months: 25, total_wages_yen: 270_005,
        average_monthly_wage_yen: 10_800, // 270,005 ÷ 25 = 10,800.2
        average_monthly_wage_new_yen: null, facilities_new_formula: 0,
        // (120,000 + 100,005) ÷ (800 + 399) = 183.49… → 183.5, over two facilities
        work_hours: 1_199, average_hourly_wage_yen: 183.5, facilities_with_hours: 2,
      });
      // Per facility: 100,005 ÷ 399 = 250.64 → 250.6; the one that did not report has no average.
      expect(await engine.query('SELECT office_no, in_average, average_hourly_wage_yen AS hourly FROM facility_years ORDER BY office_no')).toEqual([
        { office_no: '2600000001', in_average: true, hourly: 150 },
        { office_no: '2600000002', in_average: true, hourly: 250.6 },
        { office_no: '2600000003', in_average: true, hourly: null },
        { office_no: '2600000004', in_average: false, hourly: null },
        { office_no: '2600000005', in_average: false, hourly: null },
      ]);
    } finally {
      engine.close();
    }
  });

  it('keeps average daily users to one decimal, rounded up, per facility (MHLW’s Q&A), in the new formula', async () => {
    const engine = await databaseOf([
      // 1,756 ÷ 210 = 8.36… → 8.4; 1,751 ÷ 210 = 8.33… → 8.4 too (rounding to nearest would give 8.3)
      row({ fiscal_year: 2024, office_no: '2600000001', total_wages_yen: 1_008_000, person_months: 100, user_days: 1_756, open_days: 210 }),
      row({ fiscal_year: 2024, office_no: '2600000002', total_wages_yen: 1_008_000, person_months: 100, user_days: 1_751, open_days: 210 }),
    ], 'kyoto', NO_PUBLISHED_TOTALS);
    try {
      // Each: 1,008,000 ÷ 8.4 ÷ 12 = 10,000 (with 8.3 it would be 10,120.5)
      expect(await engine.query('SELECT average_daily_users AS users, average_monthly_wage_new_yen AS yen FROM facility_years ORDER BY office_no'))
        .toEqual([{ users: 8.4, yen: 10_000 }, { users: 8.4, yen: 10_000 }]);
      // The prefecture: 2,016,000 ÷ (8.4 + 8.4) ÷ 12 = 10,000
      expect(await engine.query('SELECT average_monthly_wage_new_yen AS yen, facilities_new_formula AS n FROM yearly_indicators')).toEqual([{ yen: 10_000, n: 2 }]);
    } finally {
      engine.close();
    }
  });

  it('adds the years a prefecture published totals for but has no facility rows of, marked as published', async () => {
    // published_totals.csv: FY2020 has no report file. 840,000 ÷ 70 = 12,000; ÷ 5,600 hours = 150.0; 6 of 7 reported.
    expect(await q("SELECT * FROM yearly_indicators WHERE fiscal_year = 2020")).toEqual([{
      fiscal_year: 2020, basis: 'published', facilities_designated: 7, facilities_reported: 6, reporting_rate_pct: 600 / 7, facilities: 6,
      person_months: 70, total_wages_yen: 840_000, average_monthly_wage_yen: 12_000, average_monthly_wage_new_yen: null, facilities_new_formula: 0,
      work_hours: 5_600, average_hourly_wage_yen: 150, facilities_with_hours: 6,
    }]);
    // FY2021's published totals are what its facility rows add up to: nothing to check.
    expect(await q('SELECT * FROM published_total_checks')).toEqual([]);
  });

  it('lists every published figure the facility rows, or the published totals themselves, do not add up to', async () => {
    const engine = await databaseOf(
      [row({ fiscal_year: 2021, office_no: '2600000001', total_wages_yen: 100_000, person_months: 10 })],
      'kyoto',
      // FY2020 has no facility rows: its published average, 12,500, is not 840,000 ÷ 70 = 12,000.
      `${NO_PUBLISHED_TOTALS}2020,,6,70,840000,,12500,test\n2021,2,1,11,100000,,10000,test\n`,
    );
    try {
      expect(await engine.query('SELECT * FROM published_total_checks')).toEqual([
        { fiscal_year: 2020, basis: 'published', field: 'average_monthly_wage_yen', published: 12_500, computed: 12_000 },
        { fiscal_year: 2021, basis: 'reports', field: 'facilities_designated', published: 2, computed: 1 },
        { fiscal_year: 2021, basis: 'reports', field: 'person_months', published: 11, computed: 10 },
      ]);
    } finally {
      engine.close();
    }
  });

  it('gives averages to one decimal where the plan says so (広島県 fixture: its published FY2021 totals)', async () => {
    const hiroshima = await openIndicatorDatabase(fixturePaths('hiroshima'), 'en');
    try {
      // 広島県 令和3年度: 1,424,251,305 ÷ 81,798 = 17,411.8; ÷ 5,626,039 hours = 253.2; 319 of 342 reported = 93.3 %
      const [y] = await hiroshima.engine.query('SELECT * FROM yearly_indicators WHERE fiscal_year = 2021');
      expect(y).toMatchObject({ facilities_designated: 342, facilities_reported: 319, facilities: 319, person_months: 81_798, total_wages_yen: 1_424_251_305, work_hours: 5_626_039, average_monthly_wage_yen: 17_411.8, average_hourly_wage_yen: 253.2 });
      expect(Math.round((y!.reporting_rate_pct as number) * 10) / 10).toBe(93.3);
    } finally {
      hiroshima.engine.close();
    }
  });
});

describe('wage_band_distribution', () => {
  it('lists every band, with zero where no facility falls, and shares of the year’s facilities', async () => {
    const rows = await q('SELECT fiscal_year, band_no, lower_yen, upper_yen, facilities, share FROM wage_band_distribution ORDER BY fiscal_year, band_no');
    const year = (fy: number) => rows.filter((r) => r.fiscal_year === fy);
    expect(year(2021).map((r) => [r.lower_yen, r.upper_yen])).toEqual([[0, 3_000], [3_000, 5_000], [5_000, 10_000], [10_000, 15_000], [15_000, 20_000], [20_000, 30_000], [30_000, null]]);
    // K2, K7 | K5 | K3 | K1 | K4 | K6
    expect(year(2021).map((r) => r.facilities)).toEqual([0, 2, 1, 1, 1, 1, 1]);
    expect(year(2021).map((r) => r.share)).toEqual([0, 2 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7]);
    // FY2022: K2 4,001 and K7 4,503 | K5 5,500 and K8 9,002 (90,015 ÷ 10 = 9,001.5) | K3 | K1 | K4 20,833 | none
    expect(year(2022).map((r) => r.facilities)).toEqual([0, 2, 2, 1, 1, 1, 0]);
    // FY2023: K2 4,500 | K5, K7 5,000, K8 | K3 | K1 | K4 | K6 33,010
    expect(year(2023).map((r) => r.facilities)).toEqual([0, 1, 3, 1, 1, 1, 1]);
  });
});

describe('opening_year_indicators', () => {
  it('gives wages and person-months per facility for each group, rounded half-up', async () => {
    expect(await q('SELECT * EXCLUDE (fiscal_year) FROM opening_year_indicators WHERE fiscal_year = 2021 ORDER BY group_no')).toEqual([
      { group_no: 1, facilities: 1, wages_per_facility_yen: 98_000, person_months_per_facility: 8, average_monthly_wage_yen: 12_250 }, // K3
      { group_no: 2, facilities: 0, wages_per_facility_yen: null, person_months_per_facility: null, average_monthly_wage_yen: null },
      // K2 + K6: 401,993 ÷ 2 = 200,996.5 → 200,997 (half-even would give 200,996); 22 ÷ 2 = 11.0;
      // 401,993 ÷ 22 = 18,272.4
      { group_no: 3, facilities: 2, wages_per_facility_yen: 200_997, person_months_per_facility: 11, average_monthly_wage_yen: 18_272 },
      // K1 + K4 + K5 + K7: 495,000 ÷ 4 = 123,750; 45 ÷ 4 = 11.25 → 11.3; 495,000 ÷ 45 = 11,000
      { group_no: 4, facilities: 4, wages_per_facility_yen: 123_750, person_months_per_facility: 11.3, average_monthly_wage_yen: 11_000 },
    ]);
  });
});

describe('opening_year_wage_bands', () => {
  it('gives the share of each band within each group that has facilities', async () => {
    const rows = await q('SELECT group_no, band_no, facilities, share FROM opening_year_wage_bands WHERE fiscal_year = 2021 AND facilities > 0 ORDER BY group_no, band_no');
    expect(rows).toEqual([
      { group_no: 1, band_no: 4, facilities: 1, share: 1 }, // K3
      { group_no: 3, band_no: 2, facilities: 1, share: 0.5 }, // K2 of K2, K6
      { group_no: 3, band_no: 7, facilities: 1, share: 0.5 }, // K6
      { group_no: 4, band_no: 2, facilities: 1, share: 0.25 }, // K7 of K1, K4, K5, K7
      { group_no: 4, band_no: 3, facilities: 1, share: 0.25 }, // K5
      { group_no: 4, band_no: 5, facilities: 1, share: 0.25 }, // K1
      { group_no: 4, band_no: 6, facilities: 1, share: 0.25 }, // K4
    ]);
    // Every band of every group with facilities appears (groups 1, 3 and 4 × 7 bands); group 2 is empty.
    const [{ n }] = (await q('SELECT count(*) AS n FROM opening_year_wage_bands WHERE fiscal_year = 2021')) as [{ n: number }];
    expect(n).toBe(21);
  });
});

describe('activity_mix', () => {
  it('counts answers and facilities; shares of answers only within the answer mix', async () => {
    // FY2021 own business: K1 1, K3 2, K4 1, K6 1 = 5 answers, 4 facilities;
    // contract work: K1 2, K2 1, K4 1, K7 2 = 6 answers, 4 facilities. The plan lists no agri-welfare.
    expect(await q('SELECT activity, answers, facilities, share_of_answers, share_of_facilities FROM activity_mix WHERE fiscal_year = 2021 ORDER BY sort_no')).toEqual([
      { activity: 'own_business', answers: 5, facilities: 4, share_of_answers: 5 / 11, share_of_facilities: 4 / 7 },
      { activity: 'contract_work', answers: 6, facilities: 4, share_of_answers: 6 / 11, share_of_facilities: 4 / 7 },
    ]);
  });
});

describe('activity_mix: not reported is not "no"', () => {
  it('leaves out the facilities that answered no activity question, and those that did not report', async () => {
    const engine = await databaseOf([
      row({ fiscal_year: 2024, office_no: '2600000001', total_wages_yen: 1, person_months: 1, own_business: 1, contract_work: 0, agri_welfare: 0 }),
      row({ fiscal_year: 2024, office_no: '2600000002', total_wages_yen: 1, person_months: 1 }), // answered none
      row({ fiscal_year: 2024, office_no: '2600000003', submitted: false, own_business: 1, contract_work: 1 }),
    ], 'kyoto', NO_PUBLISHED_TOTALS);
    try {
      // One facility answered: own business 1 of 1, contract work 0 of 1.
      expect(await engine.query('SELECT activity, answers, facilities, share_of_facilities FROM activity_mix ORDER BY sort_no')).toEqual([
        { activity: 'own_business', answers: 1, facilities: 1, share_of_facilities: 1 },
        { activity: 'contract_work', answers: 0, facilities: 0, share_of_facilities: 0 },
      ]);
    } finally {
      engine.close();
    }
  });
});

describe('disclosure threshold', () => {
  it('withholds the totals and average of a place with fewer facilities than plan.json says, and keeps its counts', async () => {
    const engine = await databaseOf([
      row({ fiscal_year: 2024, office_no: '2600000001', municipality_code: '26204', total_wages_yen: 120_000, person_months: 12 }), // 宇治市 (山城北)
      row({ fiscal_year: 2024, office_no: '2600000002', municipality_code: '26204', total_wages_yen: 240_000, person_months: 12 }),
      row({ fiscal_year: 2024, office_no: '2600000003', municipality: '亀岡市', municipality_code: '26206', total_wages_yen: 300_000, person_months: 12 }), // 南丹
    ], 'kyoto', NO_PUBLISHED_TOTALS);
    try {
      await engine.run('UPDATE plan SET min_facilities = 2');
      expect(await engine.query('SELECT municipality, facilities, person_months, total_wages_yen, average_monthly_wage_yen AS avg, suppressed FROM municipality_indicators ORDER BY municipality_code')).toEqual([
        // 360,000 ÷ 24 = 15,000
        { municipality: '宇治市', facilities: 2, person_months: 24, total_wages_yen: 360_000, avg: 15_000, suppressed: false },
        { municipality: '亀岡市', facilities: 1, person_months: null, total_wages_yen: null, avg: null, suppressed: true },
      ]);
      expect(await engine.query('SELECT area, facilities, avg, suppressed FROM (SELECT *, average_monthly_wage_yen AS avg FROM area_indicators) ORDER BY area_no')).toEqual([
        { area: '南丹', facilities: 1, avg: null, suppressed: true },
        { area: '山城北', facilities: 2, avg: 15_000, suppressed: false },
      ]);
      // The prefecture's own figures are never withheld: 660,000 ÷ 36 = 18,333.3 → 18,333
      expect(await engine.query('SELECT average_monthly_wage_yen AS avg FROM yearly_indicators')).toEqual([{ avg: 18_333 }]);
    } finally {
      engine.close();
    }
  });
});

describe('target_path and goal_progress', () => {
  it('puts each phase’s target in force on each year of its period, and nothing outside', async () => {
    const path = await q('SELECT phase_no, fiscal_year, formula, target_fiscal_year, target_yen, hourly_target_yen, final_target_yen FROM target_path ORDER BY fiscal_year');
    expect(path).toEqual([
      // 第1期 states a target for each year; 第2期 only for its last, which its years work towards.
      { phase_no: 1, fiscal_year: 2021, formula: 'old', target_fiscal_year: 2021, target_yen: 13_000, hourly_target_yen: null, final_target_yen: 15_000 },
      { phase_no: 1, fiscal_year: 2022, formula: 'old', target_fiscal_year: 2022, target_yen: 14_000, hourly_target_yen: null, final_target_yen: 15_000 },
      { phase_no: 1, fiscal_year: 2023, formula: 'old', target_fiscal_year: 2023, target_yen: 15_000, hourly_target_yen: null, final_target_yen: 15_000 },
      { phase_no: 2, fiscal_year: 2024, formula: 'old', target_fiscal_year: 2026, target_yen: 19_000, hourly_target_yen: 250, final_target_yen: 19_000 },
      { phase_no: 2, fiscal_year: 2025, formula: 'old', target_fiscal_year: 2026, target_yen: 19_000, hourly_target_yen: 250, final_target_yen: 19_000 },
      { phase_no: 2, fiscal_year: 2026, formula: 'old', target_fiscal_year: 2026, target_yen: 19_000, hourly_target_yen: 250, final_target_yen: 19_000 },
    ]);
  });

  it('sets no new-formula target before the new formula has results, nationally or in the reports', async () => {
    // Tottori's 第4期 (FY2021–2023) sets FY2023 targets in both formulas; the national
    // new-formula series starts in FY2023, so only the old-formula target runs back to FY2021.
    const rows = (at: number) => [
      row({ fiscal_year: at, office_no: '3100000001', municipality: '鳥取市', total_wages_yen: 180_000, person_months: 12, user_days: 2_400, open_days: 240 }),
    ];
    const newPath = async (engine: Awaited<ReturnType<typeof databaseOf>>) =>
      (await engine.query("SELECT fiscal_year FROM target_path WHERE formula = 'new' ORDER BY fiscal_year")).map((r) => r.fiscal_year);
    const national = await databaseOf(rows(2023), 'tottori', NO_PUBLISHED_TOTALS);
    try {
      expect(await newPath(national)).toEqual([2023]);
      expect((await national.query("SELECT fiscal_year FROM target_path WHERE formula = 'old' ORDER BY fiscal_year")).map((r) => r.fiscal_year)).toEqual([2021, 2022, 2023]);
    } finally {
      national.close();
    }
    // A prefecture whose facilities reported user-days and open days in FY2022 has a
    // new-formula average that year, so the target in force applies to it too.
    const early = await databaseOf(rows(2022), 'tottori', NO_PUBLISHED_TOTALS);
    try {
      expect(await newPath(early)).toEqual([2022, 2023]);
    } finally {
      early.close();
    }
  });

  it('compares each year with its target in the same formula: the gap, the share and the growth still needed', async () => {
    const rows = await q('SELECT * FROM goal_progress ORDER BY fiscal_year');
    // FY2020 (published) is outside every phase: no target, no comparison.
    expect(rows.map((r) => [r.fiscal_year, r.formula, r.average_yen, r.target_yen, r.gap_to_goal_yen, r.goal_met, r.national_average_yen])).toEqual([
      [2021, 'old', 13_267, 13_000, -267, true, 16_507],
      [2022, 'old', 10_285, 14_000, 3_715, false, 17_031],
      // FY2023's national figure is a new-formula one: not set beside an old-formula result.
      [2023, 'old', 13_967, 15_000, 1_033, false, null],
    ]);
    expect(rows[1]!.share_of_goal_pct as number).toBeCloseTo((10_285 * 100) / 14_000, 12);
    // From FY2021 to the phase's last target, 15,000 in FY2023: 13,267 × (1 + g)² = 15,000
    expect(rows[0]!.growth_needed_per_year_pct as number).toBeCloseTo((Math.sqrt(15_000 / 13_267) - 1) * 100, 10);
    expect(rows[2]!.growth_needed_per_year_pct).toBeNull();
  });
});

describe('area and municipality indicators', () => {
  it('lists the areas in the plan’s order, averages rounded half-up, against the previous reported year', async () => {
    const rows = await q(`SELECT fiscal_year, area_no, area, facilities, average_monthly_wage_yen AS avg, previous_fiscal_year AS prev,
        previous_average_monthly_wage_yen AS prev_avg, average_change_yen AS change
      FROM area_indicators WHERE fiscal_year >= 2022 ORDER BY fiscal_year, area_no`);
    expect(rows).toEqual([
      { fiscal_year: 2022, area_no: 1, area: '丹後', facilities: 1, avg: 5_500, prev: 2021, prev_avg: 5_000, change: 500 },
      { fiscal_year: 2022, area_no: 2, area: '中丹', facilities: 1, avg: 20_833, prev: 2021, prev_avg: 20_000, change: 833 },
      // 南丹 (K6 only) did not report in FY2022.
      // K1 + K2 + K8: 290,025 ÷ 30 = 9,667.5 → 9,668; FY2021: 179,996 ÷ 20 = 8,999.8 → 9,000
      { fiscal_year: 2022, area_no: 4, area: '京都・乙訓', facilities: 3, avg: 9_668, prev: 2021, prev_avg: 9_000, change: 668 },
      { fiscal_year: 2022, area_no: 5, area: '山城北', facilities: 1, avg: 11_000, prev: 2021, prev_avg: 12_250, change: -1_250 },
      { fiscal_year: 2022, area_no: 6, area: '山城南', facilities: 1, avg: 4_503, prev: 2021, prev_avg: 4_091, change: 412 },
      { fiscal_year: 2023, area_no: 1, area: '丹後', facilities: 1, avg: 6_000, prev: 2022, prev_avg: 5_500, change: 500 },
      { fiscal_year: 2023, area_no: 2, area: '中丹', facilities: 1, avg: 21_833, prev: 2022, prev_avg: 20_833, change: 1_000 },
      // 396,117 ÷ 12 = 33,009.75 → 33,010, compared with FY2021, its last reported year
      { fiscal_year: 2023, area_no: 3, area: '南丹', facilities: 1, avg: 33_010, prev: 2021, prev_avg: 31_000, change: 2_010 },
      // 314,000 ÷ 30 = 10,466.7
      { fiscal_year: 2023, area_no: 4, area: '京都・乙訓', facilities: 3, avg: 10_467, prev: 2022, prev_avg: 9_668, change: 799 },
      { fiscal_year: 2023, area_no: 5, area: '山城北', facilities: 1, avg: 11_000, prev: 2022, prev_avg: 11_000, change: 0 },
      { fiscal_year: 2023, area_no: 6, area: '山城南', facilities: 1, avg: 5_000, prev: 2022, prev_avg: 4_503, change: 497 },
    ]);
  });

  it('counts the wards of a designated city under the city, each municipality against its own previous year', async () => {
    const rows = await q(`SELECT fiscal_year, municipality_code AS code, municipality, facilities, person_months AS pm, total_wages_yen AS w,
        average_monthly_wage_yen AS avg, previous_fiscal_year AS prev, average_change_yen AS change
      FROM municipality_indicators WHERE area = '京都・乙訓' OR municipality = '亀岡市' ORDER BY fiscal_year, code`);
    expect(rows).toEqual([
      // K1 (北区) + K2 (左京区) under 京都市: 179,996 ÷ 20 = 8,999.8 → 9,000
      { fiscal_year: 2021, code: '26100', municipality: '京都市', facilities: 2, pm: 20, w: 179_996, avg: 9_000, prev: null, change: null },
      { fiscal_year: 2021, code: '26206', municipality: '亀岡市', facilities: 1, pm: 12, w: 371_998, avg: 31_000, prev: null, change: null }, // 30,999.8
      // 200,010 ÷ 20 = 10,000.5 → 10,001
      { fiscal_year: 2022, code: '26100', municipality: '京都市', facilities: 2, pm: 20, w: 200_010, avg: 10_001, prev: 2021, change: 1_001 },
      // 90,015 ÷ 10 = 9,001.5 → 9,002; its first year, so nothing to compare with
      { fiscal_year: 2022, code: '26209', municipality: '長岡京市', facilities: 1, pm: 10, w: 90_015, avg: 9_002, prev: null, change: null },
      { fiscal_year: 2023, code: '26100', municipality: '京都市', facilities: 2, pm: 20, w: 215_000, avg: 10_750, prev: 2022, change: 749 },
      { fiscal_year: 2023, code: '26206', municipality: '亀岡市', facilities: 1, pm: 12, w: 396_117, avg: 33_010, prev: 2021, change: 2_010 },
      { fiscal_year: 2023, code: '26209', municipality: '長岡京市', facilities: 1, pm: 10, w: 99_000, avg: 9_900, prev: 2022, change: 898 },
    ]);
  });

  it('adds up: each area’s facilities and totals are the sum of its municipalities’ and of the prefecture’s', async () => {
    const [check] = await q(`SELECT
        (SELECT sum(facilities) FROM area_indicators WHERE fiscal_year = 2023) AS area_facilities,
        (SELECT sum(facilities) FROM municipality_indicators WHERE fiscal_year = 2023) AS municipality_facilities,
        (SELECT sum(total_wages_yen) FROM area_indicators WHERE fiscal_year = 2023) AS area_wages`);
    expect(check).toEqual({ area_facilities: 8, municipality_facilities: 8, area_wages: 1_215_117 });
  });
});
