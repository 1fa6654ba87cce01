// Checks that need more than one row or more than one file: plausibility warnings and the
// comparison with what was published for earlier years. Used by `kouchin validate`, the
// import page and the build alike.

import { columnSpec, type ReportRow } from '../schema.ts';
import type { IssueCode, IssueParams, ReportIssue } from './issues.ts';
import type { ReportFile } from './read-report.ts';

/** B型 facilities must pay ¥3,000 a month on average; above this an entry error is likely. */
export const PLAUSIBLE_AVERAGE_YEN = { min: 3_000, max: 60_000 } as const;
/** A facility's average moving more than this share from its previous year is worth a look. */
export const BIG_JUMP = 0.5;
/** How many facilities a summary names before "…"; the full list is in its details. */
const NAMED = 5;

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
 * other files — facilities that reported last year but are missing (one summary with the
 * list), and big jumps. Rows of the file's own years in `published` are taken as the other
 * parts of the same year.
 */
export function crossCheckReport(report: ReportFile, published: ReportRow[]): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const col = (name: string) => report.columnNumbers[name] ?? 1;
  const header = (name: string) => report.columnHeaders[name] ?? name;
  const warn = (line: number, field: string, code: IssueCode, params: IssueParams, value?: string, details?: string[]) => {
    const issue: ReportIssue = { severity: 'warning', file: report.file, line, column: col(field), field, header: header(field), code, params };
    if (report.sheet !== null) issue.sheet = report.sheet;
    if (value !== undefined) issue.value = value;
    if (details !== undefined) issue.details = details;
    issues.push(issue);
  };

  report.rows.forEach((row, i) => {
    const line = report.rowLines[i]!;
    const avg = average(row);
    if (avg !== null && (avg < PLAUSIBLE_AVERAGE_YEN.min || avg > PLAUSIBLE_AVERAGE_YEN.max)) {
      warn(line, 'total_wages_yen', 'check.implausible_average',
        { average: avg, wages: header('total_wages_yen'), persons: header('person_months'), min: PLAUSIBLE_AVERAGE_YEN.min, max: PLAUSIBLE_AVERAGE_YEN.max },
        String(row.total_wages_yen));
    }
    if (typeof row.capacity === 'number' && typeof row.person_months === 'number' && row.person_months > row.capacity * 12) {
      warn(line, 'person_months', 'check.over_capacity',
        { column: header('person_months'), months: row.person_months, capacity: header('capacity'), limit: row.capacity * 12 }, String(row.person_months));
    }
    if ((row.user_days === null) !== (row.open_days === null)) {
      const [given, missing] = row.user_days === null ? ['open_days', 'user_days'] : ['user_days', 'open_days'];
      warn(line, missing, 'check.half_new_formula', { given: header(given), missing: report.columnHeaders[missing] ?? columnSpec(missing).ja });
    }
  });

  const years = [...new Set(report.rows.map((r) => r.fiscal_year as number))];
  for (const fy of years) {
    const previous = new Map(published.filter((r) => r.fiscal_year === fy - 1).map((r) => [r.office_no as string, r]));
    if (previous.size === 0) continue;
    // Last year's facilities found this year, in this file or (the year spread over several
    // files) in `published`: looked up in last year's few hundred, not indexed by this year's million.
    const found = new Set<string>();
    for (const r of published) if (r.fiscal_year === fy && previous.has(r.office_no as string)) found.add(r.office_no as string);
    const jumps: [line: number, row: ReportRow, was: number, now: number, change: number][] = [];
    report.rows.forEach((row, i) => {
      if (row.fiscal_year !== fy) return;
      const before = previous.get(row.office_no as string);
      if (before === undefined) return;
      found.add(row.office_no as string);
      const [was, now] = [average(before), average(row)];
      if (was === null || now === null || was === 0) return;
      const change = (now - was) / was;
      if (Math.abs(change) > BIG_JUMP) jumps.push([report.rowLines[i]!, row, was, now, change]);
    });
    const missing = [...previous].filter(([officeNo]) => !found.has(officeNo)).map(([officeNo, row]) => `${officeNo} ${String(row.office_name)}`);
    if (missing.length > 0) {
      warn(report.headerLine, 'office_no', 'check.missing_since',
        { count: missing.length, previous: String(fy - 1), year: String(fy), offices: missing.slice(0, NAMED).join(', ') + (missing.length > NAMED ? ', …' : '') },
        undefined, missing);
    }
    for (const [line, row, was, now, change] of jumps) {
      warn(line, 'total_wages_yen', 'check.big_jump',
        { was, now, previous: String(fy - 1), change: `${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)}` },
        String(row.total_wages_yen));
    }
  }
  return issues;
}

/**
 * One fiscal year may come in several files (one per area, say): their facilities are
 * merged. A facility in two of them would be counted twice: an error at its line in the
 * later file, naming the other file and the office numbers they share.
 */
export function crossFileConflicts(files: Pick<ReportFile, 'file' | 'sheet' | 'rows' | 'rowLines' | 'columnNumbers' | 'columnHeaders'>[]): ReportIssue[] {
  const seen = new Map<unknown, Map<unknown, string>>(); // fiscal year → office number → file
  const issues: ReportIssue[] = [];
  for (const [index, f] of files.entries()) {
    const shared = new Map<string, { offices: string[]; line: number; year: number }>(); // other file → duplicates
    f.rows.forEach((row, i) => {
      const other = seen.get(row.fiscal_year)?.get(row.office_no);
      if (other === undefined) return;
      const entry = shared.get(other) ?? { offices: [], line: f.rowLines[i]!, year: row.fiscal_year as number };
      entry.offices.push(String(row.office_no));
      shared.set(other, entry);
    });
    for (const [other, { offices, line, year }] of shared) {
      const issue: ReportIssue = {
        severity: 'error', file: f.file, line, column: f.columnNumbers.office_no ?? 1, field: 'office_no', header: f.columnHeaders.office_no ?? 'office_no',
        code: 'reader.duplicate_year',
        params: { year: String(year), other, offices: offices.slice(0, NAMED).join(', ') + (offices.length > NAMED ? ', …' : '') },
        details: offices,
      };
      if (f.sheet !== null) issue.sheet = f.sheet;
      issues.push(issue);
    }
    // The last file is compared with no later one: one file of a million rows is not indexed.
    if (index < files.length - 1) {
      for (const row of f.rows) {
        const offices = seen.get(row.fiscal_year) ?? seen.set(row.fiscal_year, new Map()).get(row.fiscal_year)!;
        offices.set(row.office_no, f.file);
      }
    }
  }
  return issues;
}
