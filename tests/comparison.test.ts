// The overview's comparison tables as CSV (the plan's baseline table): every number in its
// place, and each change equal to the difference of the two years' values.

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { comparisonCsv, overviewComparisons } from '../src/lib/figures/comparison.ts';
import { cellValue } from '../src/lib/figures/types.ts';
import { HEADLINE_INDICATORS } from '../src/lib/views.ts';
import { en, fixturePaths, ja, siteOf } from './helpers.ts';

describe('comparison tables as CSV', () => {
  it.each(['kyoto', 'hiroshima'] as const)('hold each year’s values and the changes against each earlier year (%s)', async (fixture) => {
    const site = await siteOf(fixturePaths(fixture));
    const comparisons = overviewComparisons(site, ja);
    expect(comparisons.length).toBeGreaterThan(0);
    for (const comparison of comparisons) {
      const text = comparisonCsv(site, comparison, ja);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter: ',' }).data;
      const earlier = comparison.years.filter((y) => y < comparison.target);
      expect(header).toHaveLength(1 + comparison.years.length + 2 * earlier.length);
      expect(rows).toHaveLength(HEADLINE_INDICATORS.length);
      // As the table shows them: averages at the plan's precision, percentages to one decimal, halves away from zero.
      const round = (x: number, digits: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** digits)) / 10 ** digits;
      HEADLINE_INDICATORS.forEach((key, r) => {
        const digits = key === 'average_monthly_wage_yen' ? site.plan.precision.average_monthly_wage : 0;
        const of = (fy: number) => site.yearly.find((y) => y.fiscal_year === fy)![key];
        const cells = rows[r]!.slice(1).map(Number);
        expect(cells.slice(0, comparison.years.length)).toEqual(comparison.years.map((fy) => round(of(fy), digits)));
        earlier.forEach((base, i) => {
          const [change, pct] = cells.slice(comparison.years.length + 2 * i);
          expect(change).toBeCloseTo(round(of(comparison.target) - of(base), digits), 6);
          expect(pct).toBeCloseTo(round(((of(comparison.target) - of(base)) / of(base)) * 100, 1), 6);
        });
      });
    }
  });

  it('names its columns in the reader’s language', async () => {
    const site = await siteOf(fixturePaths('kyoto'));
    const [comparison] = overviewComparisons(site, en);
    const header = comparisonCsv(site, comparison!, en).split('\r\n')[0]!;
    expect(header).toBe('\uFEFFIndicator,FY2021,FY2023,vs FY2021: change,vs FY2021: change (%)');
  });
});

describe('numbers in CSV downloads', () => {
  it('round halves away from zero, as the page writes them (−2.75% → −2.8%)', () => {
    expect([cellValue(-0.0275, 'share'), cellValue(0.0275, 'share'), cellValue(-2.75, 'percent'), cellValue(2.45, 'percent')]).toEqual([-2.8, 2.8, -2.8, 2.5]);
    // What Intl writes for the same numbers on the page.
    expect([ja.percent(-2.75), ja.percent(2.45)]).toEqual(['−2.8%', '2.5%']);
  });
});
