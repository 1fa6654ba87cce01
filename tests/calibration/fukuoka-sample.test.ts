// Calibration: the shipped Fukuoka sample (data/, 福岡県工賃向上計画（第4期）) reproduces the
// figures the plan publishes. Expected values are typed from the plan's 図表6 and 図表12.
// Runs only when the data directory under test is that sample; every other test runs on
// the fixture plans of tests/fixtures/plans.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataDirectory } from '../../src/lib/node/project.ts';
import { openIndicatorDatabase, type IndicatorDatabase } from '../../src/lib/node/indicators.ts';
import { DATA_PATHS } from '../helpers.ts';

const isFukuokaSample = existsSync(join(DATA_PATHS.dataDir, 'plan.json'))
  && (() => {
    const { plan } = loadDataDirectory(DATA_PATHS, 'en');
    return plan.id === 'fukuoka-phase4' && plan.sample_data;
  })();

const FIGURE_6 = [
  { fiscal_year: 2006, facilities: 193, person_months: 67_850, total_wages_yen: 791_398_746, average_monthly_wage_yen: 11_664 },
  { fiscal_year: 2017, facilities: 464, person_months: 100_539, total_wages_yen: 1_391_557_260, average_monthly_wage_yen: 13_841 },
  { fiscal_year: 2019, facilities: 503, person_months: 117_135, total_wages_yen: 1_665_122_838, average_monthly_wage_yen: 14_215 },
];

// 図表6's change columns: R1 against H18 and against H29 (Δ, % to one decimal).
const FIGURE_6_CHANGES = [
  { baseline: 2006, indicator: 'facilities', change: 310, pct: 160.6 },
  { baseline: 2006, indicator: 'person_months', change: 49_285, pct: 72.6 },
  { baseline: 2006, indicator: 'total_wages_yen', change: 873_724_092, pct: 110.4 },
  { baseline: 2006, indicator: 'average_monthly_wage_yen', change: 2_551, pct: 21.9 },
  { baseline: 2017, indicator: 'facilities', change: 39, pct: 8.4 },
  { baseline: 2017, indicator: 'person_months', change: 16_596, pct: 16.5 },
  { baseline: 2017, indicator: 'total_wages_yen', change: 273_565_578, pct: 19.7 },
  { baseline: 2017, indicator: 'average_monthly_wage_yen', change: 374, pct: 2.7 },
];

describe.runIf(isFukuokaSample)('calibration of the Fukuoka sample', () => {
  let db: IndicatorDatabase;
  beforeAll(async () => {
    db = await openIndicatorDatabase(DATA_PATHS, 'en');
  });
  afterAll(() => db?.engine.close());

  describe('図表6 各計画策定時点における指標の比較', () => {
    it.each(FIGURE_6)('FY$fiscal_year matches the plan to the yen', async (expected) => {
      const [actual] = await db.engine.query(`SELECT * FROM yearly_indicators WHERE fiscal_year = ${expected.fiscal_year}`);
      expect(actual).toMatchObject(expected);
    });

    it.each(FIGURE_6_CHANGES)('R1 vs FY$baseline: $indicator $change ($pct%)', async ({ baseline, indicator, change, pct }) => {
      const [actual] = await db.engine.query(`SELECT change, change_pct FROM indicator_changes
        WHERE fiscal_year = 2019 AND basis = 'baseline' AND compared_fiscal_year = ${baseline} AND indicator = '${indicator}'`);
      expect(actual!.change).toBe(change);
      expect(Math.round((actual!.change_pct as number) * 10) / 10).toBe(pct);
    });
  });

  describe('図表12 事業所の生産活動の状況 (R1, multiple answers)', () => {
    it('gives 343 自主事業 (34.9%) and 641 請負・受託等 (65.1%)', async () => {
      const rows = await db.engine.query(`SELECT activity, answers, share_of_answers FROM activity_mix
        WHERE fiscal_year = 2019 AND in_answer_mix ORDER BY sort_no`);
      expect(rows.map((r) => [r.activity, r.answers, Math.round((r.share_of_answers as number) * 1000) / 10])).toEqual([
        ['own_business', 343, 34.9],
        ['contract_work', 641, 65.1],
      ]);
    });
  });

  describe('the sample panel', () => {
    it('keeps the same offices across years, with openings and closings', async () => {
      const [counts] = await db.engine.query(`SELECT
          count(DISTINCT office_no) FILTER (WHERE fiscal_year = 2019 AND office_no IN (SELECT office_no FROM reports WHERE fiscal_year = 2017)) AS stayed,
          count(DISTINCT office_no) FILTER (WHERE fiscal_year = 2017 AND office_no NOT IN (SELECT office_no FROM reports WHERE fiscal_year = 2019)) AS closed
        FROM reports`);
      expect(counts!.stayed as number).toBeGreaterThan(400);
      expect(counts!.closed as number).toBeGreaterThan(0);
    });

    it('carries user-days and open days from FY2023 only', async () => {
      const rows = await db.engine.query('SELECT fiscal_year, facilities_new_formula FROM yearly_indicators ORDER BY fiscal_year');
      for (const r of rows) {
        if ((r.fiscal_year as number) < 2023) expect(r.facilities_new_formula).toBe(0);
        else expect(r.facilities_new_formula as number).toBeGreaterThan(500);
      }
    });
  });
});
