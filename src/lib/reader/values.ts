// Parsers for the cell values found in prefectural report exports: full-width digits,
// thousands separators, 和暦 dates, ○/有 flags, and what Excel does to them (serial dates,
// exponents, lost leading zeros). A refusal says what was expected as a message id.

import type { ExpectCode, IssueCode, IssueParams } from './issues.ts';

/** A value read; `note` is a warning worth showing (e.g. a serial date converted). */
export type Parsed<T> =
  | { ok: true; value: T; note?: { code: IssueCode; params: IssueParams } }
  | { ok: false; expected: ExpectCode; params?: IssueParams };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: ExpectCode, params?: IssueParams): Parsed<T> => (params ? { ok: false, expected, params } : { ok: false, expected });

/**
 * Characters NFKC leaves alone, beyond ASCII: hiragana, katakana (not half-width), the unified
 * CJK ideographs, a few punctuation marks and the shapes used as answers (○ ● ◎ △ ×), each of
 * which tests/reader-trust.test.ts checks.
 */
const NFKC_STABLE_BEYOND_ASCII = '\\u00d7\\u2015\\u25a0-\\u25ff\\u3001\\u3002\\u3005\\u3007\\u300c-\\u300f\\u3041-\\u3096\\u30a1-\\u30fc\\u4e00-\\u9fff';
export const NFKC_STABLE = `\\x00-\\x7f${NFKC_STABLE_BEYOND_ASCII}`;
const NFKC_MAY_CHANGE = new RegExp(`[^${NFKC_STABLE}]`);
/** Anything but printable text that NFKC leaves alone: controls (tab and line ends aside), U+FFFD, bidi controls, … */
const NOT_ORDINARY = new RegExp(`[^\\t\\n\\r\\x20-\\x7e${NFKC_STABLE_BEYOND_ASCII}]`);

/**
 * Whether cleanCell keeps a character where it is, told from its code without a pattern:
 * printable ASCII but the space, and the kana and kanji of NFKC_STABLE_BEYOND_ASCII. The
 * reader looks at a line's first character this way (blank? the header again?).
 */
export const isKeptChar = (c: number): boolean =>
  (c > 0x20 && c < 0x7f) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fc) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * Whether a cell is ordinary printable text that cleanCell would only trim: one scan that
 * lets most cells skip the checks for stray bytes, controls and bidi characters, and NFKC.
 */
export const isOrdinaryText = (raw: string): boolean => !NOT_ORDINARY.test(raw);
/** Longer than any number or date: refused before any pattern runs on it. */
const MAX_SCALAR_LENGTH = 40;
// Zero-width characters and the BOM: invisible, and never meant as part of a value.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Whether cleanCell takes out characters of `raw` that do not show (zero-width space, soft hyphen, BOM). */
export const hasZeroWidth = (raw: string): boolean => raw.search(ZERO_WIDTH) >= 0;

/**
 * NFKC turns full-width digits, letters and punctuation into ASCII (and U+3000 into a space);
 * zero-width characters go; spaces at both ends are trimmed. Linear in the cell's length.
 */
export function cleanCell(raw: string): string {
  // NFKC is the reader's slowest step: skip it for text that it leaves as it is (plain ASCII,
  // and ordinary Japanese: kana, kanji, 、。「」ー々〇), as most cells are.
  if (!NFKC_MAY_CHANGE.test(raw)) return raw.trim();
  return raw.normalize('NFKC').replace(ZERO_WIDTH, '').trim();
}

/**
 * A non-negative whole number up to `max`. Accepts `1,234,567`, `１２３４`, a trailing unit
 * (円, 人, 日) and a leading ¥. Refuses decimals and negatives, with a hint for what Excel
 * writes: `1.23E+9` (a number shown in exponent form) and `△1000` (a negative number).
 */
export function parseWholeNumber(raw: string, max = Number.MAX_SAFE_INTEGER): Parsed<number> {
  if (raw.length > MAX_SCALAR_LENGTH) return fail('expect.whole_number');
  // The usual cell, 1234 or 1,234, needs none of the below.
  const plain = plainNumber(raw);
  if (plain >= 0) return plain <= max ? ok(plain) : fail('expect.at_most', { max });
  const text = cleanCell(raw).replace(/^[¥￥]/u, '').replace(/(円|人|日|名|か所|箇所|時間)$/u, '').trim();
  if (!/^-?\d{1,3}(,\d{3})+$|^-?\d+$/.test(text)) {
    if (/^[▲△]\s*[\d,]+$/u.test(text)) return fail('expect.triangle_negative');
    if (/^\d+(\.\d+)?e\+?\d+$/i.test(text)) return fail('expect.exponent');
    return fail('expect.whole_number');
  }
  const value = Number(text.replace(/,/g, ''));
  if (value < 0) return fail('expect.non_negative');
  if (!Number.isSafeInteger(value) || value > max) return fail('expect.at_most', { max });
  return ok(value);
}

/**
 * Quick readers: the value of a cell written in its usual form (10 digits, 1,234, ○, a date
 * already met), else undefined. They allocate nothing, so a million-row file takes them for
 * most cells; anything else goes through the parser of its type, which says what is wrong.
 */
export function quickWholeNumber(raw: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const plain = plainNumber(raw);
  return plain >= 0 && plain <= max ? plain : undefined;
}

export function quickOfficeNo(raw: string): string | undefined {
  if (raw.length !== 10) return undefined;
  for (let i = 0; i < 10; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return raw;
}

export function quickFlagOrCount(raw: string): number | undefined {
  // An empty cell is not an answer: the reader decides what it means beside the others.
  if (raw === '') return undefined;
  return YES.has(raw) ? 1 : NO.has(raw) ? 0 : undefined;
}

export function quickDate(raw: string): string | undefined {
  const parsed = parseDate(raw);
  return parsed.ok && !parsed.note ? parsed.value : undefined;
}

/**
 * The value of up to 15 plain digits (`1234`) or of digits grouped by thousands (`1,234,567`),
 * else -1. A loop over the characters: this runs on most cells of a million-row file.
 */
function plainNumber(raw: string): number {
  const n = raw.length;
  const grouped = n >= 5 && raw.charCodeAt(n - 4) === 44;
  // Digits before the first comma of a grouped number: 1 to 3.
  const lead = grouped ? n % 4 : n;
  if (lead === 0 || n > (grouped ? 19 : 15)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (grouped && i >= lead && (i - lead) % 4 === 0) {
      if (c !== 44) return -1;
    } else if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else return -1;
  }
  return value;
}

const ERAS: Record<string, { start: [number, number, number]; end?: [number, number, number] }> = {
  明治: { start: [1868, 1, 25], end: [1912, 7, 29] },
  大正: { start: [1912, 7, 30], end: [1926, 12, 24] },
  昭和: { start: [1926, 12, 25], end: [1989, 1, 7] },
  平成: { start: [1989, 1, 8], end: [2019, 4, 30] },
  令和: { start: [2019, 5, 1] },
};
const ERA_INITIALS: Record<string, string> = { m: '明治', t: '大正', s: '昭和', h: '平成', r: '令和' };


function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

function compareYmd(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Eras are written in full (令和3年4月1日, 令和元年) or by initial (R3.4.1, H29/4/1). */
function eraYear(eraText: string, yearText: string): { era: string; year: number } | undefined {
  const era = eraText.length === 1 ? ERA_INITIALS[eraText.toLowerCase()] : eraText;
  const spec = era ? ERAS[era] : undefined;
  if (!era || !spec) return undefined;
  const n = yearText === '元' ? 1 : Number(yearText);
  return { era, year: spec.start[0] + n - 1 };
}

// Excel's serial dates (days since 1899-12-30) from 1950 to 2099: a 5-digit number in a
// date column is one of these, so it is read as the date it stands for, with a warning.
const SERIAL_RANGE = { min: 18_264, max: 73_050 } as const;

// A file's dates repeat (a million rows hold a few thousand distinct ones): each is read once.
const datesRead = new Map<string, Parsed<string>>();
const DATES_KEPT = 1 << 16;

/** A calendar date, returned as ISO `YYYY-MM-DD`. A time of day (`2019/4/1 0:00`) is ignored. */
export function parseDate(raw: string): Parsed<string> {
  if (raw.length > MAX_SCALAR_LENGTH) return fail('expect.date');
  let parsed = datesRead.get(raw);
  if (parsed === undefined) {
    parsed = readDate(raw);
    if (datesRead.size >= DATES_KEPT) datesRead.clear();
    datesRead.set(raw, parsed);
  }
  return parsed;
}

function readDate(raw: string): Parsed<string> {
  const text = cleanCell(raw).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? ok(isoDate(y, mo, d)) : fail('expect.date_exists', { text });
  }
  m = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text);
  if (m) {
    const era = eraYear(m[1]!, m[2]!);
    if (!era) return fail('expect.date');
    const [y, mo, d] = [era.year, Number(m[3]), Number(m[4])];
    if (!validDay(y, mo, d)) return fail('expect.date_exists', { text });
    const spec = ERAS[era.era]!;
    const ymd: [number, number, number] = [y, mo, d];
    if (compareYmd(ymd, spec.start) < 0 || (spec.end && compareYmd(ymd, spec.end) > 0)) {
      return fail('expect.date_in_era', { era: era.era, text });
    }
    return ok(isoDate(y, mo, d));
  }
  if (/^\d{5}$/.test(text) && Number(text) >= SERIAL_RANGE.min && Number(text) <= SERIAL_RANGE.max) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000).toISOString().slice(0, 10);
    return { ok: true, value: date, note: { code: 'reader.serial_date', params: { date } } };
  }
  return fail('expect.date');
}

/** The fiscal year (April–March) an ISO date falls in, named by the calendar year it starts in. */
export function fiscalYearOfDate(iso: string): number {
  // Digits read in place: this runs once per row.
  const digit = (i: number) => iso.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return digit(5) * 10 + digit(6) >= 4 ? year : year - 1;
}

/** A fiscal year: `2019`, `FY2019`, `2019年度`, `令和元年度`, `R1`, `H29年度`. */
export function parseFiscalYear(raw: string): Parsed<number> {
  if (raw.length > MAX_SCALAR_LENGTH) return fail('expect.fiscal_year');
  const text = cleanCell(raw).replace(/\s+/g, '');
  let m = /^(?:FY|fy)?(\d{4})(?:年度)?$/.exec(text);
  if (m) return ok(Number(m[1]));
  m = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(元|\d{1,2})(?:年度|年)?$/u.exec(text);
  if (m) {
    const era = eraYear(m[1]!, m[2]!);
    if (era) return ok(era.year);
  }
  return fail('expect.fiscal_year');
}

const YES = new Set(['○', '〇', '◯', '●', '◎', '有', 'あり', '有り', 'はい', 'true', 'yes', 'y']);
const NO = new Set(['', '-', '－', '―', '×', '無', 'なし', '無し', 'いいえ', 'false', 'no', 'n']);

/**
 * An activity answer: a flag (○, 有, true; empty = no) or the number of the facility's
 * main works (主な作業内容) of that kind, so `2` counts two answers.
 */
export function parseFlagOrCount(raw: string): Parsed<number> {
  const text = cleanCell(raw).toLowerCase();
  if (YES.has(text)) return ok(1);
  if (NO.has(text)) return ok(0);
  if (/^\d{1,2}$/.test(text)) return ok(Number(text));
  return fail('expect.flag');
}

/**
 * 事業所番号: exactly 10 digits, kept as text so leading zeros survive. Office numbers start
 * with the prefecture's code; for 01–09 Excel turns 0123456789 into the number 123456789,
 * so 9 digits that make the prefecture's code with a 0 before them get that hint.
 */
export function parseOfficeNo(raw: string, prefectureCode?: string): Parsed<string> {
  if (quickOfficeNo(raw) !== undefined) return ok(raw);
  const text = cleanCell(raw).replace(/[-\s]/g, '');
  if (/^\d{10}$/.test(text)) return ok(text);
  if (/^\d{9}$/.test(text) && prefectureCode !== undefined && `0${text}`.startsWith(prefectureCode)) return fail('expect.office_no_zero', { fixed: `0${text}` });
  // 4.01E+09: Excel showed the number in exponent form, and saved it so.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return fail('expect.office_no_exponent');
  return fail('expect.office_no');
}

const SUBMITTED = new Set(['', '提出', '提出済', '提出済み', '済', '報告', '報告済', '報告済み', '有', 'あり', '○', '〇', '◯', 'yes', 'y', 'true', '1']);
const NOT_SUBMITTED = new Set(['未提出', '未', '未報告', '無', 'なし', '×', '✕', 'no', 'n', 'false', '0']);

/** Whether the facility reported (報告状況): 提出, 済, ○, yes → yes; 未提出, 未, ×, no → no; empty → yes. */
export function parseSubmitted(raw: string): Parsed<boolean> {
  const text = cleanCell(raw).toLowerCase();
  if (SUBMITTED.has(text)) return ok(true);
  if (NOT_SUBMITTED.has(text)) return ok(false);
  return fail('expect.submitted');
}
