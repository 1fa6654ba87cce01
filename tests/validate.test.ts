// Warnings that need more than one row or file, each with its exact message and location.

import { describe, expect, it } from 'vitest';
import { loadDataDirectory } from '../src/lib/node/project.ts';
import { readReport } from '../src/lib/reader/read-report.ts';
import { issueMessage } from '../src/lib/reader/issues.ts';
import { crossCheckReport } from '../src/lib/reader/validate.ts';
import { en, fixturePaths, ja, row } from './helpers.ts';

const { municipalities } = loadDataDirectory(fixturePaths('kyoto'), 'en');
const HEADER = 'office_no,office_name,municipality,opened_on,capacity,total_wages_yen,person_months,user_days,open_days';
const read = (lines: string[]) => readReport(new TextEncoder().encode([HEADER, ...lines].join('\n')), 'fy2023.csv', { municipalities });

// Published FY2022: three offices; 4000000003 does not report in FY2023.
const PUBLISHED = [
  row({ fiscal_year: 2022, office_no: '4000000001', total_wages_yen: 100_000, person_months: 10 }), // ¥10,000
  row({ fiscal_year: 2022, office_no: '4000000002', total_wages_yen: 100_000, person_months: 10 }),
  row({ fiscal_year: 2022, office_no: '4000000003', office_name: '閉所した作業所', total_wages_yen: 100_000, person_months: 10 }),
];

describe('crossCheckReport', () => {
  it('names every kind of warning with its line, column and value', () => {
    const report = read([
      '4000000001,jump,宇治市,2010-04-01,20,"160,000",10,,',      // line 2: ¥16,000, +60% on ¥10,000
      '4000000002,fine,宇治市,2010-04-01,20,"110,000",10,2000,240', // line 3: +10%, both new-formula columns
      '4000000004,low,宇治市,2010-04-01,20,"25,000",10,,',          // line 4: ¥2,500 a month
      '4000000005,over capacity,宇治市,2010-04-01,10,"1,300,000",130,,', // line 5: 130 > 10 × 12
      '4000000006,half new formula,宇治市,2010-04-01,20,"100,000",10,1500,', // line 6: user_days only
    ]);
    expect(report.issues).toEqual([]);
    const issues = crossCheckReport(report, PUBLISHED);
    expect(issues.map((i) => [i.severity, i.line, i.column, i.field, i.value ?? null, issueMessage(i, en)])).toEqual([
      ['warning', 4, 6, 'total_wages_yen', '25000', 'average monthly wage ¥2,500 (total_wages_yen ÷ person_months) is outside ¥3,000–¥60,000: check both figures'],
      ['warning', 5, 7, 'person_months', '130', '"person_months" 130 is above "capacity" × 12 = 120'],
      // points at the empty cell
      ['warning', 6, 9, 'open_days', null, '"user_days" is given but "open_days" is empty: the new-formula average needs both'],
      // one summary for all the facilities missing since last year, with the list behind it
      ['warning', 1, 1, 'office_no', null, '1 facility that reported for FY2022 is missing from FY2023 (closed, or left out?): 4000000003 閉所した作業所'],
      ['warning', 2, 6, 'total_wages_yen', '160000', 'average monthly wage went from ¥10,000 in FY2022 to ¥16,000 (+60%): check wages and person-months'],
    ]);
    expect(issues[3]!.details).toEqual(['4000000003 閉所した作業所']);
    expect(issueMessage(issues[3]!, ja)).toBe('2022 年度に報告した 1 事業所が 2023 年度のファイルにありません（廃止か、記入漏れか）：4000000003 閉所した作業所');
  });

  it('does not call a facility missing whose line is held back for an error: the error says what is wrong', () => {
    const report = read([
      '4000000001,a,宇治市,2010-04-01,20,"100,000",10,,',
      '4000000002,b,宇治市,2010-04-01,x,"100,000",10,,', // line 3: capacity is not a number
      '4000000003,c,宇治市,2010-04-01,20,"100,000"', // line 4: too few fields
    ]);
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([[3, 'reader.bad_value'], [4, 'reader.field_count']]);
    expect(report.rows.map((r) => r.office_no)).toEqual(['4000000001']);
    expect(crossCheckReport(report, PUBLISHED)).toEqual([]);
    // The same lines, the office numbers not read: both are missing, and may be those two lines.
    const unread = read(['4000000001,a,宇治市,2010-04-01,20,"100,000",10,,', '40000000２x,b,宇治市,2010-04-01,x,"100,000",10,,', 'c,"100,000"']);
    const missing = crossCheckReport(unread, PUBLISHED);
    expect(missing.map((i) => i.details)).toEqual([['4000000002 事業所4000000002', '4000000003 閉所した作業所']]);
    expect(issueMessage(missing[0]!, en)).toBe('2 facilities that reported for FY2022 are missing from FY2023 (closed, left out, or on one of the 2 lines held back whose office number could not be read?): 4000000002 事業所4000000002, 4000000003 閉所した作業所');
    expect(issueMessage(missing[0]!, ja)).toBe('2022 年度に報告した 2 事業所が 2023 年度のファイルにありません（廃止か、記入漏れか。事業所番号が読めずに取り込まなかった 2 行の中にあるかもしれません）：4000000002 事業所4000000002, 4000000003 閉所した作業所');
  });

  it('says nothing when there is no previous year to compare with', () => {
    const report = read(['4000000001,a,宇治市,2010-04-01,20,"160,000",10,,']);
    expect(crossCheckReport(report, [])).toEqual([]);
  });
});
