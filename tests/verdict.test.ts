// The overview's answer first: the year's average, the goal in each formula reached or not,
// and the national average in the same formula. Expected sentences are worked out by hand
// from the 鳥取県 fixture (tests/golden/tottori/ja/average-wage-trend.csv: FY2023 17,916 old,
// 22,500 new; targets 17,000 old and 22,000 new; national 23,053, new formula only).

import { beforeAll, describe, expect, it } from 'vitest';
import { yearKpis, yearVerdict } from '../src/lib/figures/kpis.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import type { Site } from '../src/lib/node/site-data.ts';
import { fixturePaths, siteOf } from './helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await siteOf(fixturePaths('tottori'));
});

describe('yearVerdict', () => {
  it('says whether each goal was reached and compares with the national average only in the same formula', () => {
    const verdict = yearVerdict(site, 2023, wordsFor('ja'));
    expect(verdict.headline).toBe('令和5年度の平均工賃月額（旧算定式）は 17,916円 でした。');
    expect(verdict.lines.map((l) => [l.text, l.good])).toEqual([
      ['目標 17,000円（令和5年度・旧算定式）を達成しました。', true],
      // No old-formula national figure for FY2023, so none is set beside 17,916.
      ['新算定式では 22,500円 です。', undefined],
      ['目標 22,000円（令和5年度・新算定式）を達成しました。', true],
      // 23,053 − 22,500 = 553
      ['全国平均 23,053円（新算定式）を 553円 下回っています。', false],
    ]);
    // 17,916 ÷ 17,000 = 105.4%: the bar is full.
    expect(verdict.lines[0]!.sharePct).toBeCloseTo((17_916 * 100) / 17_000, 10);
  });

  it('says how far short a year falls, in English too', () => {
    // FY2022: 16,143 against the old-formula target 17,000 in force (FY2023's), 94.96% → 95.0%,
    // ¥857 to go; national 17,031 (old formula), 888 above it.
    const verdict = yearVerdict(site, 2022, wordsFor('en'));
    expect(verdict.lines.map((l) => l.text)).toEqual([
      'Short of the goal of ¥17,000 (FY2023, old formula): 95.0% of it, ¥857 to go.',
      '¥888 below the national average of ¥17,031 (old formula).',
    ]);
  });
});

describe('yearKpis', () => {
  it('writes each change since the year before with its unit: facilities in 箇所, person-months in 人', () => {
    // FY2022 → FY2023 of the fixture (tests/golden/tottori/ja/totals-trend.csv): facilities 4 → 4, person-months 35 → 36 (1 ÷ 35 = 2.86%).
    const kpis = yearKpis(site, 2023, wordsFor('ja'));
    const detail = (label: string) => kpis.find((k) => k.label === label)!.details.at(-1);
    expect(detail('施設数')).toBe('R4（2022）比 ±0箇所（±0.0%）');
    expect(detail('延べ人数')).toBe('R4（2022）比 +1人（+2.9%）');
  });
});
