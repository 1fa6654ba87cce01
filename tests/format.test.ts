import { describe, expect, it } from 'vitest';
import {
  formatChange, formatFiscalYear, formatFiscalYearShort, formatPercent, formatYen, warekiFiscalYear,
} from '../src/lib/format.ts';

describe('fiscal years in 和暦', () => {
  it.each([
    [1988, '昭和63年度'], // April 1988 – March 1989
    [1989, '平成元年度'],
    [2006, '平成18年度'],
    [2018, '平成30年度'],
    [2019, '令和元年度'], // April 2019 was still 平成31年, but the fiscal year is named 令和元年度
    [2023, '令和5年度'],
  ])('FY%i is %s', (fy, label) => {
    expect(warekiFiscalYear(fy)).toBe(label);
  });

  it('gives the short labels the plan uses, with the Western year', () => {
    expect(formatFiscalYearShort(2006, 'ja')).toBe('H18（2006）');
    expect(formatFiscalYearShort(2019, 'ja')).toBe('R1（2019）');
    expect(formatFiscalYear(2019, 'ja')).toBe('令和元年度（2019年度）');
    expect(formatFiscalYear(2019, 'en')).toBe('FY2019');
  });
});

describe('numbers', () => {
  it('formats yen per locale', () => {
    expect(formatYen(1_665_122_838, 'ja')).toBe('1,665,122,838円');
    expect(formatYen(14_215, 'en')).toBe('¥14,215');
  });

  it('signs changes and percentages', () => {
    expect(formatChange(310, 'ja')).toBe('+310');
    expect(formatChange(-1_234, 'en', 'yen')).toBe('−¥1,234');
    expect(formatPercent(160.62, 'ja')).toBe('160.6%');
    expect(formatPercent(-2.75, 'en', true)).toBe('−2.8%');
  });
});
