import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, type CsvCell } from '../src/lib/csv-export.ts';
import { CANONICAL_HEADERS, canonicalLines, reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import type { ReportRow } from '../src/lib/schema.ts';
import { cellValue, csvHeader, formatCell } from '../src/lib/figures/types.ts';
import { en, ja } from './helpers.ts';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF, as Excel expects', () => {
    expect(toCsv(['市町村', '施設数'], [['久留米市', 23]])).toBe('\uFEFF市町村,施設数\r\n久留米市,23\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+81', '-cmd', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+81", "'-cmd", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell(-275)).toBe('-275'); // a negative number is data, not a formula
    // …written as text too (a value quoted from a report); anything more after the digits is neutralised.
    expect(['-12', '-0.5', '-12+1', '-1e3', '- 1', '-'].map(csvCell)).toEqual(['-12', '-0.5', "'-12+1", "'-1e3", "'- 1", "'-"]);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('さくら工房,第二')).toBe('"さくら工房,第二"');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });
});

describe('figure cells', () => {
  it('carry in the CSV the value the table shows', () => {
    expect([cellValue(0.34857, 'share'), formatCell(0.34857, { format: 'share' }, ja)]).toEqual([34.9, '34.9%']);
    expect([cellValue(160.6217, 'percent'), formatCell(160.6217, { format: 'percent' }, en)]).toEqual([160.6, '160.6%']);
    expect([cellValue(1_665_122_838, 'count'), formatCell(1_665_122_838, { format: 'count' }, ja)]).toEqual([1_665_122_838, '1,665,122,838']);
    expect([cellValue(-275, 'change'), formatCell(-275, { format: 'change' }, ja)]).toEqual([-275, '−275']);
    expect(formatCell(null, { format: 'yen' }, ja)).toBe('—');
    // Yen columns carry the unit in their header, so cells show the bare number.
    expect([cellValue(14_215, 'yen'), formatCell(14_215, { format: 'yen' }, en), formatCell(-380, { format: 'change_yen' }, ja)]).toEqual([14_215, '14,215', '−380']);
  });

  it('names the unit of shares in the CSV header', () => {
    expect(csvHeader({ label: '割合', format: 'share' }, ja)).toBe('割合（%）');
    expect(csvHeader({ label: 'Share', format: 'share' }, en)).toBe('Share (%)');
    expect(csvHeader({ label: '平均工賃月額（円）', format: 'yen' }, ja)).toBe('平均工賃月額（円）');
  });
});

describe('canonical report lines', () => {
  // Written straight into UTF-8 bytes: each line must be the cells csvCell gives, as TextEncoder encodes them.
  it('are csvCell of every value, joined and encoded', () => {
    const texts = ['さくら工房', 'é', '𠮷野家', '=1+1', '-cmd', '-12', '@x', '\tx', '\rx', 'a,b', 'a "b"', 'two\nlines', "'=x", 'x\ud800y', ''];
    const numbers = [0, 7, 10, 99, 100, 2_147_483_647, 2_147_483_648, 3_000_000_007, 1_000_000_000_000, Number.MAX_SAFE_INTEGER, -275, 1.5];
    const rows = Array.from({ length: 60 }, (_, i): ReportRow => Object.fromEntries(CANONICAL_HEADERS.map((h, k) => {
      const pick = (i * 7 + k * 3) % 5;
      const value = pick === 0 ? null : pick === 1 ? texts[(i + k) % texts.length]! : pick === 2 ? (i + k) % 2 === 0 : numbers[(i * k) % numbers.length]!;
      return [h, value];
    })) as ReportRow);
    const expected = rows.map((r) => `${CANONICAL_HEADERS.map((h) => csvCell(typeof r[h] === 'boolean' ? String(r[h]) : (r[h] as CsvCell))).join(',')}\n`).join('');
    expect(canonicalLines(rows)).toEqual(new TextEncoder().encode(expected));
    expect(reportsToCanonicalCsv(rows)).toBe(`${CANONICAL_HEADERS.join(',')}\n${new TextDecoder().decode(new TextEncoder().encode(expected))}`);
  });
});
