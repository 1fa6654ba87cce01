// The indicator SQL on small hand-made data. Every expected value is worked out by hand
// in the comment beside it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeSqlEngine } from '../src/lib/node/duckdb.ts';
import { databaseOf, row } from './helpers.ts';

let db: NodeSqlEngine;

beforeAll(async () => {
  db = await databaseOf([
    // FY2020: rounding and band edges (bands: <5,000 | 5,000–10,000 | … | 20,000–25,000 | ≥25,000).
    row({ fiscal_year: 2020, office_no: '4000000001', total_wages_yen: 15_000, person_months: 2, opened_on: '2020-04-01' }), // 7,500
    row({ fiscal_year: 2020, office_no: '4000000002', total_wages_yen: 10_001, person_months: 2, opened_on: '2020-03-31' }), // 5,000.5 → 5,001
    row({ fiscal_year: 2020, office_no: '4000000003', total_wages_yen: 9_999, person_months: 2, opened_on: '2015-04-01' }), // 4,999.5 → 5,000
    row({ fiscal_year: 2020, office_no: '4000000004', total_wages_yen: 9_997, person_months: 2, opened_on: '2016-03-31' }), // 4,998.5 → 4,999
    row({ fiscal_year: 2020, office_no: '4000000005', total_wages_yen: 40_000, person_months: 2, opened_on: '2016-04-01' }), // 20,000
    row({ fiscal_year: 2020, office_no: '4000000006', total_wages_yen: 39_998, person_months: 2, opened_on: '2010-01-01' }), // 19,999
    row({ fiscal_year: 2020, office_no: '4000000007', total_wages_yen: 0, person_months: 0, opened_on: '2010-01-01' }), // no average
    // FY2021: the new formula and the activity mix.
    row({ fiscal_year: 2021, office_no: '4000000001', total_wages_yen: 120_000, person_months: 12, user_days: 480, open_days: 240, own_business: 2, contract_work: 1, agri_welfare: 0 }),
    row({ fiscal_year: 2021, office_no: '4000000002', total_wages_yen: 60_000, person_months: 6, user_days: 250, open_days: 250, own_business: 0, contract_work: 1, agri_welfare: 1 }),
    row({ fiscal_year: 2021, office_no: '4000000003', total_wages_yen: 30_000, person_months: 6, own_business: 1, contract_work: 0, agri_welfare: 0 }),
    // FY2022: an exact half at the prefecture level: 25 ÷ 10 = 2.5 → 3 (half-even would give 2).
    row({ fiscal_year: 2022, office_no: '4000000001', total_wages_yen: 25, person_months: 10 }),
  ]);
});
afterAll(() => db?.close());

describe('facility_years', () => {
  it('rounds each facility average half-up and puts it in the band whose lower bound it reaches', async () => {
    const rows = await db.query(`SELECT office_no, average_monthly_wage_yen AS avg, wage_band_no AS band
      FROM facility_years WHERE fiscal_year = 2020 ORDER BY office_no`);
    expect(rows).toEqual([
      { office_no: '4000000001', avg: 7_500, band: 2 },
      { office_no: '4000000002', avg: 5_001, band: 2 },
      { office_no: '4000000003', avg: 5_000, band: 2 }, // exactly 5,000 is in 5,000–10,000
      { office_no: '4000000004', avg: 4_999, band: 1 },
      { office_no: '4000000005', avg: 20_000, band: 5 }, // exactly 20,000 is in 20,000–25,000
      { office_no: '4000000006', avg: 19_999, band: 4 },
      { office_no: '4000000007', avg: null, band: null }, // zero person-months: no average, no band
    ]);
  });

  it('counts years since opening by fiscal year, which starts on 1 April', async () => {
    const rows = await db.query(`SELECT office_no, years_since_opening AS years, opening_group_ja AS grp
      FROM facility_years WHERE fiscal_year = 2020 ORDER BY office_no`);
    expect(rows.map((r) => [r.office_no, r.years, r.grp])).toEqual([
      ['4000000001', 1, '1年目'], // opened 2020-04-01: FY2020
      ['4000000002', 2, '2年目'], // opened 2020-03-31: FY2019
      ['4000000003', 6, '6年目以降'], // FY2015 → 2020 − 2015 + 1
      ['4000000004', 6, '6年目以降'], // 2016-03-31 is still FY2015
      ['4000000005', 5, '5年目'], // 2016-04-01 is FY2016
      ['4000000006', 12, '6年目以降'], // 2010-01-01 is FY2009
      ['4000000007', 12, '6年目以降'],
    ]);
  });
});

describe('yearly_indicators', () => {
  it('sums wages and person-months over facilities with person-months, and rounds Σ÷Σ half-up', async () => {
    const rows = await db.query('SELECT * FROM yearly_indicators ORDER BY fiscal_year');
    expect(rows[0]).toMatchObject({
      fiscal_year: 2020,
      facilities: 6, // the zero person-month facility is reported but not in the average
      facilities_reported: 7,
      person_months: 12,
      total_wages_yen: 124_995, // 15,000 + 10,001 + 9,999 + 9,997 + 40,000 + 39,998
      average_monthly_wage_yen: 10_416, // 124,995 ÷ 12 = 10,416.25
      average_monthly_wage_new_yen: null, // nobody reported user-days and open days
    });
    expect(rows[1]).toMatchObject({
      fiscal_year: 2021,
      average_monthly_wage_yen: 8_750, // 210,000 ÷ 24
      // (120,000 + 60,000) ÷ (480/240 + 250/250) ÷ 12 = 180,000 ÷ 3 ÷ 12
      average_monthly_wage_new_yen: 5_000,
      facilities_new_formula: 2,
    });
    expect(rows[2]).toMatchObject({ fiscal_year: 2022, average_monthly_wage_yen: 3 });
  });
});

describe('wage_band_distribution', () => {
  it('lists every band, with zero where no facility falls, and shares of facilities with an average', async () => {
    const rows = await db.query('SELECT band_no, facilities, share FROM wage_band_distribution WHERE fiscal_year = 2020');
    expect(rows.map((r) => r.facilities)).toEqual([1, 3, 0, 1, 1, 0]);
    expect(rows.map((r) => r.share)).toEqual([1 / 6, 3 / 6, 0, 1 / 6, 1 / 6, 0]);
  });
});

describe('opening_year_indicators', () => {
  it('gives wages and person-months per facility for each group', async () => {
    const rows = await db.query('SELECT group_no, facilities, wages_per_facility_yen AS w, person_months_per_facility AS pm FROM opening_year_indicators WHERE fiscal_year = 2020');
    expect(rows).toEqual([
      { group_no: 1, facilities: 1, w: 15_000, pm: 2 },
      { group_no: 2, facilities: 1, w: 10_001, pm: 2 },
      { group_no: 3, facilities: 0, w: null, pm: null },
      { group_no: 4, facilities: 0, w: null, pm: null },
      { group_no: 5, facilities: 1, w: 40_000, pm: 2 },
      // 9,999 + 9,997 + 39,998 = 59,994 over 3 facilities = 19,998; the zero person-month one is left out
      { group_no: 6, facilities: 3, w: 19_998, pm: 2 },
    ]);
  });
});

describe('activity_mix', () => {
  it('counts answers and facilities; shares of answers only within the answer mix', async () => {
    const rows = await db.query('SELECT activity, answers, facilities, share_of_answers, share_of_facilities FROM activity_mix WHERE fiscal_year = 2021');
    expect(rows).toEqual([
      { activity: 'own_business', answers: 3, facilities: 2, share_of_answers: 3 / 5, share_of_facilities: 2 / 3 },
      { activity: 'contract_work', answers: 2, facilities: 2, share_of_answers: 2 / 5, share_of_facilities: 2 / 3 },
      { activity: 'agri_welfare', answers: 1, facilities: 1, share_of_answers: null, share_of_facilities: 1 / 3 },
    ]);
  });
});

describe('goal_progress', () => {
  it('gives the gap to the goal and the compound growth a year needed to reach it', async () => {
    const [fy2021] = await db.query('SELECT * FROM goal_progress WHERE fiscal_year = 2021');
    expect(fy2021).toMatchObject({ goal_yen: 20_000, gap_to_goal_yen: 11_250, goal_met: false, in_plan_period: true, national_average_yen: 16_507 });
    // 8,750 × (1 + g)² = 20,000 over FY2022 and FY2023
    expect(fy2021!.growth_needed_per_year as number).toBeCloseTo(Math.sqrt(20_000 / 8_750) - 1, 12);
  });
});
