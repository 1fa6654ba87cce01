// The report data contract: one definition of every column, used by the reader,
// the validator, the DuckDB table, the canonical CSV and the docs.

export type ColumnType = 'text' | 'office_no' | 'integer' | 'yen' | 'date' | 'count' | 'submitted';

export interface ColumnSpec {
  /** Canonical column name (also the DuckDB column). */
  name: string;
  type: ColumnType;
  /** DuckDB type of the column in table `reports`. */
  sqlType: string;
  /**
   * true: every row needs a value; 'if_submitted': rows of facilities that reported need one
   * (a facility that did not report may leave it empty); false: optional.
   */
  required: boolean | 'if_submitted';
  /** Japanese headers accepted as aliases (compared after header normalisation). */
  aliases: string[];
  ja: string;
  en: string;
}

export const FISCAL_YEAR_COLUMN: ColumnSpec = {
  name: 'fiscal_year',
  type: 'integer',
  sqlType: 'INTEGER',
  required: true,
  aliases: ['年度', '会計年度', '対象年度'],
  ja: '年度',
  en: 'Fiscal year',
};

/** Columns of a report file, in canonical order (fiscal_year first, from the file name or a column). */
export const REPORT_COLUMNS: ColumnSpec[] = [
  FISCAL_YEAR_COLUMN,
  { name: 'office_no', type: 'office_no', sqlType: 'VARCHAR', required: true, aliases: ['事業所番号', '事業者番号'], ja: '事業所番号', en: 'Office number' },
  { name: 'office_name', type: 'text', sqlType: 'VARCHAR', required: true, aliases: ['事業所名', '事業所名称', '施設名'], ja: '事業所名', en: 'Office name' },
  // How the name is read, as 事業所一覧 give it: the search finds a facility by it.
  { name: 'office_name_kana', type: 'text', sqlType: 'VARCHAR', required: false, aliases: ['事業所名フリガナ', '事業所名ふりがな', '事業所名カナ', 'フリガナ', 'ふりがな'], ja: '事業所名フリガナ', en: 'Office name reading' },
  { name: 'corporation_name', type: 'text', sqlType: 'VARCHAR', required: false, aliases: ['法人名', '法人名称', '運営法人'], ja: '法人名', en: 'Corporation' },
  { name: 'municipality', type: 'text', sqlType: 'VARCHAR', required: true, aliases: ['市町村', '市町村名', '所在市町村'], ja: '市町村', en: 'Municipality' },
  { name: 'municipality_code', type: 'text', sqlType: 'VARCHAR', required: false, aliases: ['市町村コード', '団体コード'], ja: '市町村コード', en: 'Municipality code' },
  { name: 'area', type: 'text', sqlType: 'VARCHAR', required: false, aliases: ['圏域', '地域'], ja: '圏域', en: 'Area' },
  { name: 'submitted', type: 'submitted', sqlType: 'BOOLEAN', required: false, aliases: ['報告状況', '提出状況', '報告の有無', '提出の有無'], ja: '報告状況', en: 'Submitted' },
  { name: 'opened_on', type: 'date', sqlType: 'DATE', required: 'if_submitted', aliases: ['指定年月日', '開所年月日', '指定日', '開所日'], ja: '指定年月日', en: 'Opened on' },
  { name: 'capacity', type: 'integer', sqlType: 'INTEGER', required: 'if_submitted', aliases: ['定員', '利用定員'], ja: '定員', en: 'Capacity' },
  { name: 'total_wages_yen', type: 'yen', sqlType: 'BIGINT', required: 'if_submitted', aliases: ['工賃支払総額', '年間工賃支払総額', '工賃総額'], ja: '工賃支払総額', en: 'Total wages paid' },
  { name: 'person_months', type: 'integer', sqlType: 'BIGINT', required: 'if_submitted', aliases: ['工賃支払対象延べ人数', '工賃支払対象延人数', '延べ人数', '延人数', '対象者延人数', '対象者延べ人数', '支払対象者延人数', '支払対象者延べ人数'], ja: '延べ人数', en: 'Person-months paid' },
  { name: 'work_hours', type: 'integer', sqlType: 'BIGINT', required: false, aliases: ['年間延労働時間', '年間延べ労働時間', '延労働時間', '延べ労働時間', '総労働時間'], ja: '年間延労働時間', en: 'Hours worked' },
  { name: 'user_days', type: 'integer', sqlType: 'BIGINT', required: false, aliases: ['年間延べ利用者数', '年間延利用者数', '延べ利用者数'], ja: '年間延べ利用者数', en: 'User-days' },
  { name: 'open_days', type: 'integer', sqlType: 'INTEGER', required: false, aliases: ['年間開所日数', '開所日数'], ja: '年間開所日数', en: 'Open days' },
  { name: 'own_business', type: 'count', sqlType: 'INTEGER', required: false, aliases: ['自主事業'], ja: '自主事業', en: 'Own business' },
  { name: 'contract_work', type: 'count', sqlType: 'INTEGER', required: false, aliases: ['請負・受託', '請負・受託等', '請負受託', '請負・受託作業'], ja: '請負・受託等', en: 'Contract work' },
  { name: 'agri_welfare', type: 'count', sqlType: 'INTEGER', required: false, aliases: ['農福連携'], ja: '農福連携', en: 'Agri-welfare' },
  { name: 'sales_yen', type: 'yen', sqlType: 'BIGINT', required: false, aliases: ['売上総額', '生産活動収入', '売上高'], ja: '売上総額', en: 'Sales' },
  { name: 'main_work', type: 'text', sqlType: 'VARCHAR', required: false, aliases: ['主な作業内容', '作業内容'], ja: '主な作業内容', en: 'Main work' },
];

export type ReportValue = string | number | boolean | null;
/** One facility-year, keyed by canonical column name. */
export type ReportRow = Record<string, ReportValue>;

const OPENING = new Set(['(', '[', '【']);
const CLOSING = new Set([')', ']', '】']);
// Zero-width characters and the BOM, which a header may carry unseen.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

// Brackets that say how the name before them is read, not its unit: 「事業所名（フリガナ）」.
const READING = new Set(['フリガナ', 'ふりがな', 'カナ']);

/**
 * Drops a trailing unit in brackets, 「工賃支払総額（円）」 → 「工賃支払総額」, and keeps a reading
 * without its brackets, 「事業所名（フリガナ）」 → 「事業所名フリガナ」; a scan, not a pattern, so linear.
 */
function dropTrailingUnit(text: string): string {
  const end = text.trimEnd();
  if (!CLOSING.has(end.at(-1) ?? '')) return text;
  for (let i = end.length - 2; i >= 0; i--) {
    const c = end[i]!;
    if (CLOSING.has(c)) return text;
    if (OPENING.has(c)) {
      const inside = end.slice(i + 1, -1).trim();
      return READING.has(inside) ? end.slice(0, i) + inside : end.slice(0, i);
    }
  }
  return text;
}

/**
 * Header normalisation: NFKC (full-width → half-width), drop invisible characters and a
 * trailing unit in brackets such as 「（円）」, drop white space, lower-case Latin letters.
 */
export function normalizeHeader(header: string): string {
  return dropTrailingUnit(header.normalize('NFKC').replace(INVISIBLE, ''))
    .replace(/\s+/gu, '')
    .toLowerCase();
}

const headerIndex = new Map<string, ColumnSpec>();
for (const column of REPORT_COLUMNS) {
  for (const key of [column.name, ...column.aliases]) {
    const normalized = normalizeHeader(key);
    if (headerIndex.has(normalized)) throw new Error(`schema: header ${key} is defined twice`);
    headerIndex.set(normalized, column);
  }
}

/** The column a header names, by canonical name or Japanese alias; undefined when unknown. */
export function columnForHeader(header: string): ColumnSpec | undefined {
  return headerIndex.get(normalizeHeader(header));
}

export function columnSpec(name: string): ColumnSpec {
  const column = REPORT_COLUMNS.find((c) => c.name === name);
  if (!column) throw new Error(`schema: no column ${name}`);
  return column;
}

/** A monthly column of a report kept month by month: 4月支払対象者数, 工賃支払額（5月）… */
export interface MonthlyColumn {
  /** The annual column its twelve months add up to. */
  measure: 'person_months' | 'total_wages_yen';
  /** Calendar month, 1–12. */
  month: number;
}

/** Names of the monthly measures, after header normalisation (units in brackets dropped). */
const MONTHLY_MEASURES: [RegExp, MonthlyColumn['measure']][] = [
  [/^(工賃)?支払(対象者|対象人|人)数$|^(工賃)?支払対象者$/, 'person_months'],
  [/^(工賃)?支払(金)?額$|^工賃(支払)?(金)?額$|^工賃$/, 'total_wages_yen'],
];

/** The fiscal year's months in order, April first. */
export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

/** The monthly column a header names (`4月支払対象者数`, `支払対象者数(4月)`), if any. */
export function monthlyColumnForHeader(header: string): MonthlyColumn | undefined {
  if (header.length > 100) return undefined; // no month header is this long
  const text = header.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, '');
  const before = /^(\d{1,2})月(.+)$/u.exec(text); // 4月支払対象者数
  const monthAfter = /^([^(\[【]+)[(\[【](\d{1,2})月[)\]】]$/u;
  const after = monthAfter.exec(text) ?? monthAfter.exec(dropTrailingUnit(text)); // 支払対象者数(4月), 工賃支払額(4月)(円)
  const [monthText, name] = before ? [before[1]!, before[2]!] : after ? [after[2]!, after[1]!] : [];
  const month = Number(monthText);
  if (name === undefined || !(month >= 1 && month <= 12)) return undefined;
  const normalized = normalizeHeader(name);
  const measure = MONTHLY_MEASURES.find(([pattern]) => pattern.test(normalized))?.[1];
  return measure ? { measure, month } : undefined;
}
