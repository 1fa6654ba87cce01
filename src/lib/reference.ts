// The reference tables of a data directory: municipalities (codes, names, the city a ward
// rolls up into, 圏域) and national averages. Parsed and checked the same way by the build,
// the CLI and the browser.

import Papa from 'papaparse';
import type { Words } from './i18n/words.ts';
import { DataError } from './data-error.ts';
import type { Plan } from './plan.ts';

export interface Municipality {
  /** 5-digit local government code (the map's N03_007). */
  code: string;
  /** 宇治市, 京都市左京区 (a ward). */
  name: string;
  name_en: string;
  /** The municipality it is counted under: a ward's city, otherwise itself. */
  municipality: string;
  area: string;
}

export interface NationalAverage {
  fiscal_year: number;
  average_monthly_wage_yen: number;
  formula: 'old' | 'new';
  source: string;
}

/** Totals a prefecture published for a year, for years without facility rows (and to check those with). */
export interface PublishedTotal {
  fiscal_year: number;
  facilities_designated: number | null;
  facilities: number;
  person_months: number;
  total_wages_yen: number;
  work_hours: number | null;
  average_monthly_wage_yen: number | null;
  source: string;
  /** The source in English; optional, the Japanese one stands in for it. */
  source_en: string;
}

export const MUNICIPALITY_COLUMNS = ['code', 'name', 'name_en', 'municipality', 'area'] as const;
export const PUBLISHED_TOTAL_COLUMNS = ['fiscal_year', 'facilities_designated', 'facilities', 'person_months', 'total_wages_yen', 'work_hours', 'average_monthly_wage_yen', 'source', 'source_en'] as const;
/** The header of an empty published_totals.csv, for data directories without one. */
export const NO_PUBLISHED_TOTALS = `${PUBLISHED_TOTAL_COLUMNS.join(',')}\n`;
export const NATIONAL_AVERAGE_COLUMNS = ['fiscal_year', 'average_monthly_wage_yen', 'formula', 'source'] as const;

/**
 * municipalities.csv, checked: the header, a code and names on every line, no code twice,
 * every roll-up target listed itself, and every area one of the plan's.
 */
export function parseMunicipalities(text: string, file: string, plan: Pick<Plan, 'areas'>, words: Words): Municipality[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header = [], ...lines] = parsed.data;
  const problems: string[] = [];
  if (header.join(',') !== MUNICIPALITY_COLUMNS.join(',')) {
    throw new DataError(`${file}:1: ${words.t('reference.error.header', { expected: MUNICIPALITY_COLUMNS.join(','), found: header.join(',') })}`);
  }
  const rows = lines.map(([code = '', name = '', name_en = '', municipality = '', area = '']) => ({ code, name, name_en, municipality, area }));
  const names = new Set(rows.map((r) => r.name));
  const areas = new Set(plan.areas.map((a) => a.name));
  const codes = new Map<string, number>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const problem = (message: string) => problems.push(`${file}:${line}: ${message}`);
    if (!/^\d{5}$/.test(r.code)) problem(words.t('reference.error.code', { value: r.code }));
    else if (codes.has(r.code)) problem(words.t('reference.error.duplicate_code', { value: r.code, line: String(codes.get(r.code)) }));
    else codes.set(r.code, line);
    for (const column of ['name', 'name_en', 'municipality', 'area'] as const) {
      if (r[column].trim() === '') problem(words.t('reference.error.empty', { column }));
    }
    if (r.municipality && !names.has(r.municipality)) problem(words.t('reference.error.rollup', { value: r.municipality }));
    if (r.area && !areas.has(r.area)) problem(words.t('reference.error.area', { value: r.area, areas: [...areas].join(', ') }));
  });
  if (problems.length > 0) throw new DataError(problems.join('\n'));
  return rows;
}

/** The designated cities whose wards are counted under the city, from the municipality list. */
export function rolledUpCities(municipalities: Municipality[]): Municipality[] {
  const cities = new Set(municipalities.filter((m) => m.municipality !== m.name).map((m) => m.municipality));
  return municipalities.filter((m) => cities.has(m.name));
}

/** A municipality's name in the page's language, by its name in the data (the key reports use). */
export function municipalityName(municipalities: Municipality[], name: string, words: Words): string {
  const m = municipalities.find((x) => x.name === name);
  return m ? words.name({ ja: m.name, en: m.name_en }) : name;
}

/**
 * published_totals.csv, checked: the header, a fiscal year once per line, and whole numbers
 * (facilities, person-months and wages required; designated, hours and average optional).
 */
export function parsePublishedTotals(text: string, file: string, words: Words): PublishedTotal[] {
  const [header = [], ...lines] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  // source_en, the last column, may be left out altogether.
  if (header.join(',') !== PUBLISHED_TOTAL_COLUMNS.join(',') && header.join(',') !== PUBLISHED_TOTAL_COLUMNS.slice(0, -1).join(',')) {
    throw new DataError(`${file}:1: ${words.t('reference.error.header', { expected: PUBLISHED_TOTAL_COLUMNS.join(','), found: header.join(',') })}`);
  }
  const problems: string[] = [];
  const years = new Set<number>();
  const rows = lines.map((cells, i) => {
    const line = i + 2;
    const number = (column: (typeof PUBLISHED_TOTAL_COLUMNS)[number], required: boolean) => {
      const raw = (cells[PUBLISHED_TOTAL_COLUMNS.indexOf(column)] ?? '').trim();
      if (raw === '' && !required) return null;
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value) || value < 0 || (column !== 'average_monthly_wage_yen' && !Number.isInteger(value))) {
        problems.push(`${file}:${line}: ${words.t('reference.error.number', { column, value: raw })}`);
      }
      return value;
    };
    const row: PublishedTotal = {
      fiscal_year: number('fiscal_year', true)!,
      facilities_designated: number('facilities_designated', false),
      facilities: number('facilities', true)!,
      person_months: number('person_months', true)!,
      total_wages_yen: number('total_wages_yen', true)!,
      work_hours: number('work_hours', false),
      average_monthly_wage_yen: number('average_monthly_wage_yen', false),
      source: cells[PUBLISHED_TOTAL_COLUMNS.indexOf('source')] ?? '',
      source_en: cells[PUBLISHED_TOTAL_COLUMNS.indexOf('source_en')] ?? '',
    };
    if (years.has(row.fiscal_year)) problems.push(`${file}:${line}: ${words.t('reference.error.year_twice', { value: String(row.fiscal_year) })}`);
    years.add(row.fiscal_year);
    return row;
  });
  if (problems.length > 0) throw new DataError(problems.join('\n'));
  return rows;
}
