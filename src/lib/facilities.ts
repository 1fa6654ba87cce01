// The facility explorer: each facility followed across the reported years by its office
// number, the lists by municipality, and the search index, all from the facility_history
// view (site.facilityYears). Only built where plan.json says `publish_facilities`.

import { reportedYears, type SiteData } from './site.ts';
import type { FacilityTransition, FacilityYear } from './views.ts';

export interface Facility {
  office_no: string;
  /** Its latest row: its name, corporation and place as last reported. */
  latest: FacilityYear;
  /** Its rows, oldest first. */
  years: FacilityYear[];
}

/** One reported year of a facility's history: its row, or null where it was not in that year's list. */
export interface HistoryYear {
  fiscal_year: number;
  row: FacilityYear | null;
}

export interface MunicipalityFacilities {
  /** The municipality's code (a ward's city), or UNKNOWN_PLACE where the build knows none. */
  code: string;
  municipality: string | null;
  area: string | null;
  /** Every facility last reported here, by name. */
  facilities: Facility[];
}

export type Transition = FacilityTransition['transition'];

/** Below the locale root, with a trailing slash. */
export const facilitiesPath = 'facilities/';
export const facilityPath = (officeNo: string) => `facilities/${officeNo}/`;
/** The list of facilities whose municipality the build could not place (none, as the reader checks names). */
export const UNKNOWN_PLACE = 'unknown';
export const municipalityFacilitiesPath = (code: string) => `facilities/in/${code}/`;

/** Names sort as a Japanese reader expects (kana order), the same in every language. */
const byName = new Intl.Collator('ja-JP', { numeric: true });

// Built once per site: every facility page and list asks for the same groupings.
const byOffice = new WeakMap<object, Map<string, Facility>>();
const byMunicipality = new WeakMap<object, MunicipalityFacilities[]>();
const transitionsByYear = new WeakMap<object, Map<number, Map<string, Transition>>>();

function memo<T>(cache: WeakMap<object, T>, site: object, make: () => T): T {
  let value = cache.get(site);
  if (value === undefined) cache.set(site, (value = make()));
  return value;
}

// facilityYears come ordered by office number, then year.
const byOfficeNo = (site: Pick<SiteData, 'facilityYears'>) => memo(byOffice, site, () =>
  new Map([...Map.groupBy(site.facilityYears, (r) => r.office_no)].map(([office_no, years]) => [office_no, { office_no, latest: years.at(-1)!, years }])));

/** Every facility in the reports, by office number. */
export const facilities = (site: Pick<SiteData, 'facilityYears'>): Facility[] => [...byOfficeNo(site).values()];

export const facility = (site: Pick<SiteData, 'facilityYears'>, officeNo: string): Facility | undefined => byOfficeNo(site).get(officeNo);

/**
 * A facility's reported years from its first to the site's latest: a year without its row
 * is a gap (not in that year's list), so a closed or missing year is never bridged.
 */
export function facilityHistory(site: Pick<SiteData, 'yearly'>, f: Facility): HistoryYear[] {
  const rows = new Map(f.years.map((r) => [r.fiscal_year, r]));
  return reportedYears(site).filter((fy) => fy >= f.years[0]!.fiscal_year).map((fiscal_year) => ({ fiscal_year, row: rows.get(fiscal_year) ?? null }));
}

/** Facilities by the municipality of their latest report: areas in plan order, then codes; names within. */
export function facilitiesByMunicipality(site: Pick<SiteData, 'facilityYears'>): MunicipalityFacilities[] {
  return memo(byMunicipality, site, () => {
    const groups = Map.groupBy(facilities(site), (f) => f.latest.municipality_code ?? UNKNOWN_PLACE);
    return [...groups].map(([code, list]) => ({
      code,
      municipality: list[0]!.latest.municipality,
      area: list[0]!.latest.area,
      areaNo: list[0]!.latest.area_no ?? Number.MAX_SAFE_INTEGER,
      facilities: list.sort((a, b) => byName.compare(a.latest.office_name, b.latest.office_name) || a.office_no.localeCompare(b.office_no)),
    }))
      .sort((a, b) => a.areaNo - b.areaNo || a.code.localeCompare(b.code))
      .map(({ areaNo: _, ...m }) => m);
  });
}

/** How each facility moved from the reported year before `fy` into it (facility_transitions); empty for the first year. */
export function transitionsInto(site: Pick<SiteData, 'facilityTransitions'>, fy: number): Map<string, Transition> {
  const byYear = memo(transitionsByYear, site, () => new Map([...Map.groupBy(site.facilityTransitions, (t) => t.fiscal_year)]
    .map(([year, rows]) => [year, new Map(rows.map((t) => [t.office_no, t.transition]))])));
  return byYear.get(fy) ?? new Map();
}

/**
 * What the search box loads (`data/facilities.json`): one short row per facility and the
 * municipality names once, so the index stays small at national scale (~16,000 facilities).
 */
export interface FacilitySearchIndex {
  /** code → [name, English name] */
  municipalities: Record<string, [string, string]>;
  /** [office number, name, corporation, municipality code, last reported fiscal year, and the name's reading where reported] */
  facilities: ([string, string, string, string, number] | [string, string, string, string, number, string])[];
}

export function facilitySearchIndex(site: Pick<SiteData, 'facilityYears' | 'municipalities'>): FacilitySearchIndex {
  const list = facilities(site);
  const codes = new Set(list.map((f) => f.latest.municipality_code ?? ''));
  return {
    municipalities: Object.fromEntries(site.municipalities.filter((m) => codes.has(m.code)).map((m) => [m.code, [m.name, m.name_en]])),
    facilities: list.map((f) => {
      const entry: [string, string, string, string, number] = [f.office_no, f.latest.office_name, f.latest.corporation_name ?? '', f.latest.municipality_code ?? '', f.latest.fiscal_year];
      // The reading only where the reports give one: most do not, and the index stays small.
      return f.latest.office_name_kana === null ? entry : [...entry, f.latest.office_name_kana];
    }),
  };
}

/**
 * The form names and queries are compared in: NFKC (full-width letters and digits, half-width
 * kana), lower case, katakana as hiragana, and no spaces, so 「ﾐﾗｲ ﾜｰｸｽ」 finds みらいワークス.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)).replace(/[\s\u3000・･]/g, '');
}
