// Checks that need more than one row or more than one file: plausibility warnings and the
// comparison with what was published for earlier years. Used by `kouchin validate`, the
// import page and the build alike.

import type { ReportRow } from '../schema.ts';
import type { ReportFile, ReportIssue } from './read-report.ts';

/** B型 facilities must pay ¥3,000 a month on average; above this an entry error is likely. */
export const PLAUSIBLE_AVERAGE_YEN = { min: 3_000, max: 60_000 } as const;
/** A facility's average moving more than this share from its previous year is worth a look. */
export const BIG_JUMP = 0.5;

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;
/**
 * A facility's average as the site shows it (the indicator SQL's half_up_div). Math.round
 * gives the same whole yen: W ÷ P ending in .5 is exact in binary, and any other quotient
 * is at least 1 ÷ 2P away from .5, far more than a double's error for person-months < 10^11.
 */
const average = (r: ReportRow) =>
  typeof r.total_wages_yen === 'number' && typeof r.person_months === 'number' && r.person_months > 0
    ? Math.round(r.total_wages_yen / r.person_months)
    : null;

/**
 * Warnings for a file read without errors in its rows: implausible averages, person-months
 * above capacity, half-filled new-formula columns, and — against `published`, the rows of
 * other years — facilities that reported last year but are missing, and big jumps.
 */
export function crossCheckReport(report: ReportFile, published: ReportRow[]): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const col = (name: string) => report.columnNumbers[name] ?? 1;
  const warn = (line: number, field: string, message: string, value?: string) => {
    const issue: ReportIssue = { severity: 'warning', file: report.file, line, column: col(field), field, message };
    if (value !== undefined) issue.value = value;
    issues.push(issue);
  };

  report.rows.forEach((row, i) => {
    const line = report.rowLines[i]!;
    const avg = average(row);
    if (avg !== null && (avg < PLAUSIBLE_AVERAGE_YEN.min || avg > PLAUSIBLE_AVERAGE_YEN.max)) {
      warn(line, 'total_wages_yen',
        `average monthly wage ${yen(avg)} (工賃支払総額 ÷ 延べ人数) is outside ${yen(PLAUSIBLE_AVERAGE_YEN.min)}–${yen(PLAUSIBLE_AVERAGE_YEN.max)}: check both figures`,
        String(row.total_wages_yen));
    }
    if (typeof row.capacity === 'number' && typeof row.person_months === 'number' && row.person_months > row.capacity * 12) {
      warn(line, 'person_months',
        `延べ人数 (person_months) ${row.person_months} is above 定員 × 12 = ${row.capacity * 12}`, String(row.person_months));
    }
    if ((row.user_days === null) !== (row.open_days === null)) {
      const [given, missing] = row.user_days === null ? ['年間開所日数 (open_days)', '年間延べ利用者数 (user_days)'] : ['年間延べ利用者数 (user_days)', '年間開所日数 (open_days)'];
      warn(line, row.user_days === null ? 'user_days' : 'open_days',
        `${given} is given but ${missing} is empty: the new-formula average needs both`);
    }
  });

  const years = [...new Set(report.rows.map((r) => r.fiscal_year as number))];
  for (const fy of years) {
    const previous = new Map(published.filter((r) => r.fiscal_year === fy - 1).map((r) => [r.office_no as string, r]));
    if (previous.size === 0) continue;
    const current = new Set(report.rows.filter((r) => r.fiscal_year === fy).map((r) => r.office_no as string));
    for (const [officeNo, row] of previous) {
      if (!current.has(officeNo)) {
        warn(report.headerLine, 'office_no',
          `事業所番号 (office_no) ${officeNo} (${row.office_name}) reported for FY${fy - 1} is missing from FY${fy}: closed, or left out?`, officeNo);
      }
    }
    report.rows.forEach((row, i) => {
      if (row.fiscal_year !== fy) return;
      const before = previous.get(row.office_no as string);
      const [was, now] = [before ? average(before) : null, average(row)];
      if (was === null || now === null || was === 0) return;
      const change = (now - was) / was;
      if (Math.abs(change) > BIG_JUMP) {
        warn(report.rowLines[i]!, 'total_wages_yen',
          `average monthly wage went from ${yen(was)} in FY${fy - 1} to ${yen(now)} (${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)}%): check wages and person-months`,
          String(row.total_wages_yen));
      }
    });
  }
  return issues;
}
