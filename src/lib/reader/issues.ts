// Problems found in report files, as codes with their values: the reader runs where no
// language is chosen (the import page's worker, the CLI before it knows its reader), so it
// names each problem by a message id of the wording catalogue, and whoever shows the problem
// puts it into words, in Japanese or English.

import type { MessageId, Words } from '../i18n/words.ts';
import { cellAddress } from './workbook.ts';

export type Severity = 'error' | 'warning';

/** Messages about a report file: the `reader.*` and `check.*` ids of the catalogue. */
export type IssueCode = Extract<MessageId, `reader.${string}` | `check.${string}`>;
/** What a value should have been: the `expect.*` ids. */
export type ExpectCode = Extract<MessageId, `expect.${string}`>;
export type IssueParams = Record<string, string | number>;

export interface ReportIssue {
  severity: Severity;
  file: string;
  /** The sheet of a workbook; absent for CSV. */
  sheet?: string;
  /** 1-based physical line (CSV) or row (workbook). */
  line: number;
  /** 1-based column (field) number. */
  column: number;
  /** Canonical column name, when the problem belongs to one. */
  field?: string;
  /** The column's header as the file writes it. */
  header?: string;
  /** The value found, shortened and with invisible characters made visible. */
  value?: string;
  code: IssueCode;
  params: IssueParams;
  /** For a bad value: what was expected, as a message id and its values. */
  expected?: { code: ExpectCode; params: IssueParams };
  /** A list behind a summary (e.g. the facilities missing since last year). */
  details?: string[];
}

/** What a problem is about, for filtering a long list. */
export const ISSUE_KINDS = ['file', 'row', 'value', 'place', 'comparison'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** Every code's kind (the type makes sure a new code gets one). */
export const KIND_OF: Record<IssueCode, IssueKind> = {
  'reader.workbook_as_csv': 'file', 'reader.xls': 'file', 'reader.binary': 'file', 'reader.workbook_unreadable': 'file',
  'reader.no_sheet': 'file', 'reader.empty_file': 'file', 'reader.no_header': 'file', 'reader.no_rows': 'file',
  'reader.unclosed_quote': 'file', 'reader.text_after_quote': 'file', 'reader.utf8_line': 'file', 'reader.unknown_column': 'file',
  'reader.duplicate_column': 'file', 'reader.months_missing': 'file', 'reader.no_fiscal_year': 'file', 'reader.missing_column': 'file', 'reader.missing_column_unknown': 'file',
  'reader.repeated_header': 'file', 'reader.sum_too_large': 'file',
  'reader.field_count': 'row', 'reader.field_count_number': 'row', 'reader.data_above_header': 'row', 'reader.duplicate_office': 'row',
  'reader.duplicate_year': 'row', 'reader.year_mismatch': 'row', 'reader.opened_after_year': 'row',
  'reader.bad_bytes': 'value', 'reader.control_char': 'value', 'reader.bidi_char': 'value', 'reader.invisible_removed': 'value', 'reader.formula_like': 'value', 'reader.too_long': 'value',
  'reader.empty_required': 'value', 'reader.bad_value': 'value', 'reader.negative_value': 'value', 'reader.serial_date': 'value', 'reader.sum_mismatch': 'value',
  'reader.paid_nobody': 'value', 'reader.empty_every_month': 'value', 'reader.zero_person_months': 'value',
  'reader.unknown_municipality': 'place', 'reader.unknown_municipality_plain': 'place', 'reader.code_mismatch': 'place',
  'reader.code_not_of': 'place', 'reader.area_mismatch': 'place',
  'check.implausible_average': 'comparison', 'check.over_capacity': 'comparison', 'check.half_new_formula': 'comparison',
  'check.missing_since': 'comparison', 'check.missing_since_unnamed': 'comparison', 'check.big_jump': 'comparison',
};

const MAX_SHOWN = 60;
// C0 controls, DEL, and the characters that reorder or hide text (a soft hyphen too).
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A value as a message may quote it: at most 60 characters, and every control, zero-width or
 * direction character written as its code point, so a value can neither break a line of the
 * output nor make text read differently from what it is.
 */
export function shownValue(raw: string): string {
  const cut = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
  return cut.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The problem in words (`{expected}` is the expectation's own message, so no code has a param of that name). */
export function issueMessage(issue: Pick<ReportIssue, 'code' | 'params' | 'expected'>, words: Words): string {
  const t = words.t.bind(words) as (id: MessageId, params?: IssueParams) => string;
  const expected = issue.expected ? t(issue.expected.code, issue.expected.params) : '';
  return t(issue.code, { ...issue.params, expected });
}

/** Where the problem is: `FILE:LINE:COLUMN` (the form editors and CI logs link to), or `FILE:SHEET!CELL`. */
export function issueLocation(issue: Pick<ReportIssue, 'file' | 'sheet' | 'line' | 'column'>): string {
  return issue.sheet === undefined ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file}:${issue.sheet}!${cellAddress(issue.column, issue.line)}`;
}

/** `FILE:LINE:COLUMN: message`, warnings marked as such, in the words' language. */
export function formatIssue(issue: ReportIssue, words: Words): string {
  const kind = issue.severity === 'warning' ? `${words.t('import.warning')}: ` : '';
  return `${issueLocation(issue)}: ${kind}${issueMessage(issue, words)}`;
}

/**
 * Many problems as a short report: grouped by kind, each group counted and its first few
 * shown in full, so a build log stays readable with a thousand warnings.
 */
export function summariseIssues(issues: ReportIssue[], words: Words, shown = 5): string[] {
  const groups = new Map<IssueCode, ReportIssue[]>();
  for (const issue of issues) {
    const group = groups.get(issue.code);
    if (group) group.push(issue);
    else groups.set(issue.code, [issue]);
  }
  return [...groups.values()].flatMap((group) => [
    ...group.slice(0, shown).map((i) => formatIssue(i, words)),
    ...(group.length > shown ? [words.t('data.more_of_kind', { count: group.length - shown })] : []),
  ]);
}
