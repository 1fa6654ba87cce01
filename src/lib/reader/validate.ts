// Checks that need more than one row or more than one file: plausibility warnings and the
// comparison with what was published for earlier years. Used by `kouchin validate`, the
// import page and the build alike.

import { columnSpec, type ReportRow } from '../schema.ts';
import type { IssueCode, IssueParams, ReportIssue } from './issues.ts';
import { distinct, numbersOf, type ReportFile } from './read-report.ts';
import { OfficeLines } from './office-lines.ts';
import { asNumber, officeText } from './row-columns.ts';

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
const averageOf = (wages: number, persons: number) => (wages === wages && persons > 0 ? Math.round(wages / persons) : null);
/** A row's number, NaN where not reported: as numbersOf gives a column. */
const numberIn = (r: ReportRow, name: string) => asNumber(r[name]);
const average = (r: ReportRow) => averageOf(numberIn(r, 'total_wages_yen'), numberIn(r, 'person_months'));

/**
 * Warnings for a file read without errors in its rows: implausible averages, person-months
 * above capacity, half-filled new-formula columns, and — against `published`, the rows of
 * other files, and `others`, other files checked with it — facilities that reported last year
 * but are missing (one summary with the list), and big jumps. Rows of the file's own years
 * in `published` or `others` are taken as the other parts of the same year.
 *
 * `others` are read by column: a large file's rows are made only where it holds the previous
 * year of this one, not to look up its office numbers.
 */
export function crossCheckReport(report: ReportFile, published: ReportRow[], others: readonly Pick<ReportFile, 'rows' | 'columns'>[] = []): ReportIssue[] {
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

  // The file's rows by column, as doubles (NaN: not reported): a million rows make no values.
  const number = (name: string) => numbersOf(report, name);
  const [years, offices, wages, persons] = [number('fiscal_year'), number('office_no'), number('total_wages_yen'), number('person_months')];
  const [capacities, userDays, openDays] = [number('capacity'), number('user_days'), number('open_days')];
  const rows = report.rowLines.length;
  for (let i = 0; i < rows; i++) {
    const line = report.rowLines[i]!;
    const avg = averageOf(wages[i]!, persons[i]!);
    if (avg !== null && (avg < PLAUSIBLE_AVERAGE_YEN.min || avg > PLAUSIBLE_AVERAGE_YEN.max)) {
      warn(line, 'total_wages_yen', 'check.implausible_average',
        { average: avg, wages: header('total_wages_yen'), persons: header('person_months'), min: PLAUSIBLE_AVERAGE_YEN.min, max: PLAUSIBLE_AVERAGE_YEN.max },
        String(wages[i]));
    }
    const [capacity, personMonths] = [capacities[i]!, persons[i]!];
    if (personMonths > capacity * 12) {
      warn(line, 'person_months', 'check.over_capacity',
        { column: header('person_months'), months: personMonths, capacity: header('capacity'), limit: capacity * 12 }, String(personMonths));
    }
    const [noUserDays, noOpenDays] = [Number.isNaN(userDays[i]), Number.isNaN(openDays[i])];
    if (noUserDays !== noOpenDays) {
      const [given, missing] = noUserDays ? ['open_days', 'user_days'] : ['user_days', 'open_days'];
      warn(line, missing, 'check.half_new_formula', { given: header(given), missing: report.columnHeaders[missing] ?? columnSpec(missing).ja });
    }
  }

  const otherColumns = others.map((o) => ({ file: o, years: numbersOf(o, 'fiscal_year'), offices: numbersOf(o, 'office_no') }));
  for (const fy of distinct(years)) {
    // Last year's rows by office number (ten digits: an exact double), the later given winning.
    // A table of doubles, not a Map: a million look-ups of a double each made a number to
    // look it up with.
    const previous = new PreviousRows();
    for (const r of published) if (r.fiscal_year === fy - 1) previous.set(numberIn(r, 'office_no'), r);
    for (const o of otherColumns) {
      if (!o.years.includes(fy - 1)) continue;
      for (const r of o.file.rows) if (r.fiscal_year === fy - 1) previous.set(numberIn(r, 'office_no'), r);
    }
    if (previous.rows.length === 0) continue;
    // Last year's facilities found this year, in this file or (the year spread over several
    // files) in `published` or `others`: looked up in last year's few hundred, not indexed by this year's million.
    const found = new Uint8Array(previous.rows.length);
    for (const r of published) if (r.fiscal_year === fy) previous.found(numberIn(r, 'office_no'), found);
    for (const o of otherColumns) {
      for (let i = 0; i < o.years.length; i++) if (o.years[i] === fy) previous.found(o.offices[i]!, found);
    }
    // A facility whose line is held back for an error is in the file: its error says what is wrong.
    const held = report.heldOffices ?? [];
    for (let k = 0; k < held.length; k += 2) if (held[k] === fy) previous.found(held[k + 1]!, found);
    const jumps: [line: number, wages: number, was: number, now: number, change: number][] = [];
    for (let i = 0; i < rows; i++) {
      if (years[i] !== fy) continue;
      const at = previous.found(offices[i]!, found);
      if (at < 0) continue;
      const [was, now] = [average(previous.rows[at]!), averageOf(wages[i]!, persons[i]!)];
      if (was === null || now === null || was === 0) continue;
      const change = (now - was) / was;
      if (Math.abs(change) > BIG_JUMP) jumps.push([report.rowLines[i]!, wages[i]!, was, now, change]);
    }
    const missing = previous.rows.filter((_, k) => found[k] === 0).map((row) => `${String(row.office_no)} ${String(row.office_name)}`);
    if (missing.length > 0) {
      const params = { count: missing.length, previous: String(fy - 1), year: String(fy), offices: missing.slice(0, NAMED).join(', ') + (missing.length > NAMED ? ', …' : '') };
      // Lines held back without an office number read may be some of them.
      const unnamed = report.heldUnnamed ?? 0;
      if (unnamed > 0) warn(report.headerLine, 'office_no', 'check.missing_since_unnamed', { ...params, held: unnamed }, undefined, missing);
      else warn(report.headerLine, 'office_no', 'check.missing_since', params, undefined, missing);
    }
    for (const [line, value, was, now, change] of jumps) {
      warn(line, 'total_wages_yen', 'check.big_jump',
        { was, now, previous: String(fy - 1), change: `${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)}` },
        String(value));
    }
  }
  return issues;
}

/** Last year's rows, each under its office number, in the order first met (as a Map keeps them). */
class PreviousRows {
  readonly rows: ReportRow[] = [];
  private readonly at = new OfficeLines();
  /** Where the row without an office number (NaN) is, which the table cannot hold. */
  private nanAt: number | undefined;

  /** `row` under `office`, in place of any given before it. */
  set(office: number, row: ReportRow): void {
    const at = office === office ? this.at.firstOrSet(office, this.rows.length) : this.nanAt;
    if (at !== undefined) {
      this.rows[at] = row;
      return;
    }
    if (office !== office) this.nanAt = this.rows.length;
    this.rows.push(row);
  }

  /** Where `office`'s row is (marked in `found`), or -1. */
  found(office: number, found: Uint8Array): number {
    const at = office === office ? this.at.get(office) : this.nanAt;
    if (at === undefined) return -1;
    found[at] = 1;
    return at;
  }
}

/** How many rows of `file` hold a facility another file of the year holds too (crossFileConflicts): rows not to be counted as read. */
export const conflictingRows = (conflicts: readonly ReportIssue[], file: string): number =>
  conflicts.reduce((n, c) => n + (c.file === file ? (c.details?.length ?? 0) : 0), 0);

/**
 * One fiscal year may come in several files (one per area, say): their facilities are
 * merged. A facility in two of them would be counted twice: an error at its line in the
 * later file, naming the other file and the office numbers they share.
 */
export function crossFileConflicts(files: Pick<ReportFile, 'file' | 'sheet' | 'rows' | 'columns' | 'rowLines' | 'columnNumbers' | 'columnHeaders'>[]): ReportIssue[] {
  const seen = new Map<number, Map<number, string>>(); // fiscal year → office number (exact: ten digits) → file
  const issues: ReportIssue[] = [];
  for (const [index, f] of files.entries()) {
    const shared = new Map<string, { offices: string[]; line: number; year: number }>(); // other file → duplicates
    const [years, offices] = [numbersOf(f, 'fiscal_year'), numbersOf(f, 'office_no')];
    // The first file has no earlier one to share facilities with.
    for (let i = 0; index > 0 && i < f.rowLines.length; i++) {
      const other = seen.get(years[i]!)?.get(offices[i]!);
      if (other === undefined) continue;
      const entry = shared.get(other) ?? { offices: [], line: f.rowLines[i]!, year: years[i]! };
      entry.offices.push(officeText(offices[i]!));
      shared.set(other, entry);
    }
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
      for (let i = 0; i < f.rowLines.length; i++) {
        const yearOffices = seen.get(years[i]!) ?? seen.set(years[i]!, new Map()).get(years[i]!)!;
        yearOffices.set(offices[i]!, f.file);
      }
    }
  }
  return issues;
}
