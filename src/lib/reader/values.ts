// Parsers for the cell values found in prefectural report exports:
// full-width digits, thousands separators, 和暦 dates, ○/有 flags.

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC turns full-width digits, letters and punctuation into ASCII; trim both kinds of space. */
export function cleanCell(raw: string): string {
  // Most cells are plain ASCII; NFKC is the reader's slowest step, so skip it for them.
  if (!NON_ASCII.test(raw)) return raw.trim();
  return raw.normalize('NFKC').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/**
 * A non-negative whole number. Accepts `1,234,567`, `１２３４`, a trailing unit (円, 人, 日)
 * and a leading ¥. Refuses decimals, negatives and anything beyond 2^53.
 */
export function parseWholeNumber(raw: string): Parsed<number> {
  const text = cleanCell(raw).replace(/^[¥￥]/u, '').replace(/(円|人|日|名|か所|箇所)$/u, '').trim();
  if (!/^-?\d{1,3}(,\d{3})+$|^-?\d+$/.test(text)) {
    return fail('a whole number such as 1234 or 1,234');
  }
  const value = Number(text.replace(/,/g, ''));
  if (value < 0) return fail('a number of 0 or more');
  if (!Number.isSafeInteger(value)) return fail('a whole number below 9,007,199,254,740,992');
  return ok(value);
}

const ERAS: Record<string, { start: [number, number, number]; end?: [number, number, number] }> = {
  明治: { start: [1868, 1, 25], end: [1912, 7, 29] },
  大正: { start: [1912, 7, 30], end: [1926, 12, 24] },
  昭和: { start: [1926, 12, 25], end: [1989, 1, 7] },
  平成: { start: [1989, 1, 8], end: [2019, 4, 30] },
  令和: { start: [2019, 5, 1] },
};
const ERA_INITIALS: Record<string, string> = { m: '明治', t: '大正', s: '昭和', h: '平成', r: '令和' };

const DATE_EXPECTED = 'a date such as 2021-04-01, 2021/4/1, 令和3年4月1日 or R3.4.1';

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** A calendar date, returned as ISO `YYYY-MM-DD`. */
export function parseDate(raw: string): Parsed<string> {
  const text = cleanCell(raw).replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? ok(isoDate(y, mo, d)) : fail(`a date that exists (${text} does not)`);
  }
  m = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text);
  if (m) {
    const era = eraYear(m[1]!, m[2]!);
    if (!era) return fail(DATE_EXPECTED);
    const [y, mo, d] = [era.year, Number(m[3]), Number(m[4])];
    if (!validDay(y, mo, d)) return fail(`a date that exists (${text} does not)`);
    const spec = ERAS[era.era]!;
    const ymd: [number, number, number] = [y, mo, d];
    if (compareYmd(ymd, spec.start) < 0 || (spec.end && compareYmd(ymd, spec.end) > 0)) {
      return fail(`a date within the ${era.era} era (${text} is outside it)`);
    }
    return ok(isoDate(y, mo, d));
  }
  return fail(DATE_EXPECTED);
}

/** The fiscal year (April–March) a date falls in, named by the calendar year it starts in. */
export function fiscalYearOfDate(iso: string): number {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** A fiscal year: `2019`, `FY2019`, `2019年度`, `令和元年度`, `R1`, `H29年度`. */
export function parseFiscalYear(raw: string): Parsed<number> {
  const text = cleanCell(raw).replace(/\s+/g, '');
  let m = /^(?:FY|fy)?(\d{4})(?:年度)?$/.exec(text);
  if (m) return ok(Number(m[1]));
  m = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(元|\d{1,2})(?:年度|年)?$/u.exec(text);
  if (m) {
    const era = eraYear(m[1]!, m[2]!);
    if (era) return ok(era.year);
  }
  return fail('a fiscal year such as 2019, FY2019 or 令和元年度');
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
  return fail('a flag (○, 1, true, 有, or empty for no) or a count of answers');
}

/** 事業所番号: exactly 10 digits, kept as text so leading zeros survive. */
export function parseOfficeNo(raw: string): Parsed<string> {
  const text = cleanCell(raw).replace(/[-\s]/g, '');
  return /^\d{10}$/.test(text) ? ok(text) : fail('a 10-digit office number such as 4010100001');
}

const SUBMITTED = new Set(['', '提出', '提出済', '提出済み', '済', '報告', '報告済', '報告済み', '有', 'あり', '○', '〇', '◯', 'yes', 'y', 'true', '1']);
const NOT_SUBMITTED = new Set(['未提出', '未', '未報告', '無', 'なし', '×', '✕', 'no', 'n', 'false', '0']);

/** Whether the facility reported (報告状況): 提出, 済, ○, yes → yes; 未提出, 未, ×, no → no; empty → yes. */
export function parseSubmitted(raw: string): Parsed<boolean> {
  const text = cleanCell(raw).toLowerCase();
  if (SUBMITTED.has(text)) return ok(true);
  if (NOT_SUBMITTED.has(text)) return ok(false);
  return fail('提出 or 未提出 (also 済, ○, yes / 未, ×, no; empty means submitted)');
}
