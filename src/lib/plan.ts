// The plan configuration (data/plan.json): everything that differs between one
// prefecture's wage plan and another's. Indicator SQL reads it as the plan_* tables.

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface PlanActivity extends LocalizedText {
  /** A flag/count column of table `reports`. */
  column: 'own_business' | 'contract_work' | 'agri_welfare';
  /** Whether its answers count in the answer mix (the plan's 図表12 shares). */
  in_answer_mix: boolean;
}

export interface PlanConfig {
  id: string;
  prefecture: LocalizedText;
  title: LocalizedText;
  source: LocalizedText;
  /** True while data/reports holds generated sample data; pages then say so. */
  sample_data: boolean;
  period: { start_fiscal_year: number; end_fiscal_year: number };
  goal: { average_monthly_wage_yen: number; fiscal_year: number };
  baseline_fiscal_years: number[];
  /** Years the plan compares in its wage-band chart (図表8); the latest year is added. */
  wage_band_comparison_fiscal_years: number[];
  /** Lower bounds of the wage bands after the first; each band includes its lower bound. */
  wage_band_edges_yen: number[];
  /** Years since opening shown one by one; later years form one 「N年目以降」 group. */
  opening_year_groups: { individual_years: number };
  activities: PlanActivity[];
  /** Welfare planning areas (圏域), as named in data/reference/municipalities.csv. */
  areas: PlanArea[];
}

export interface PlanArea extends LocalizedText {
  /** The area column's value. */
  name: string;
  /** URL segment of the area's page. */
  slug: string;
}

export interface WageBand extends LocalizedText {
  band_no: number;
  lower_yen: number;
  /** Exclusive upper bound; null for the top band. */
  upper_yen: number | null;
}

export interface OpeningGroup extends LocalizedText {
  group_no: number;
  first_year: number;
  /** Inclusive; null for the open-ended last group. */
  last_year: number | null;
}

const thousands = (yen: number) => `${yen / 1000}千円`;
const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export function wageBands(plan: PlanConfig): WageBand[] {
  const edges = plan.wage_band_edges_yen;
  const bounds = [0, ...edges];
  return bounds.map((lower, i) => {
    const upper = i < edges.length ? edges[i]! : null;
    const band_no = i + 1;
    if (upper === null) return { band_no, lower_yen: lower, upper_yen: null, ja: `${thousands(lower)}以上`, en: `${yen(lower)} and over` };
    if (lower === 0) return { band_no, lower_yen: 0, upper_yen: upper, ja: `${thousands(upper)}未満`, en: `Under ${yen(upper)}` };
    return { band_no, lower_yen: lower, upper_yen: upper, ja: `${thousands(lower)}以上${thousands(upper)}未満`, en: `${yen(lower)} to under ${yen(upper)}` };
  });
}

export function openingGroups(plan: PlanConfig): OpeningGroup[] {
  const n = plan.opening_year_groups.individual_years;
  const groups: OpeningGroup[] = [];
  for (let year = 1; year <= n; year++) {
    groups.push({ group_no: year, first_year: year, last_year: year, ja: `${year}年目`, en: ordinalYear(year) });
  }
  groups.push({ group_no: n + 1, first_year: n + 1, last_year: null, ja: `${n + 1}年目以降`, en: `${ordinalYear(n + 1)} or later` });
  return groups;
}

function ordinalYear(n: number): string {
  const suffix = new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n);
  const ending = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' }[suffix];
  return `${n}${ending} year`;
}

/** Checks a parsed plan.json; throws with the field at fault. */
export function checkPlan(value: unknown, source = 'plan.json'): PlanConfig {
  const plan = value as PlanConfig;
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`${source}: ${what}`);
  };
  need(typeof plan === 'object' && plan !== null, 'expected a JSON object');
  need(typeof plan.sample_data === 'boolean', 'sample_data must be true or false');
  need(Number.isInteger(plan.goal?.average_monthly_wage_yen) && plan.goal.average_monthly_wage_yen > 0, 'goal.average_monthly_wage_yen must be a positive whole number');
  need(Number.isInteger(plan.goal?.fiscal_year), 'goal.fiscal_year must be a year');
  need(Number.isInteger(plan.period?.start_fiscal_year) && Number.isInteger(plan.period?.end_fiscal_year), 'period needs start_fiscal_year and end_fiscal_year');
  need(Array.isArray(plan.baseline_fiscal_years) && plan.baseline_fiscal_years.every(Number.isInteger), 'baseline_fiscal_years must be a list of years');
  const edges = plan.wage_band_edges_yen;
  need(Array.isArray(edges) && edges.length > 0 && edges.every((e, i) => Number.isInteger(e) && e > (i ? edges[i - 1]! : 0)), 'wage_band_edges_yen must be increasing positive whole numbers');
  need(Number.isInteger(plan.opening_year_groups?.individual_years) && plan.opening_year_groups.individual_years > 0, 'opening_year_groups.individual_years must be a positive whole number');
  need(Array.isArray(plan.wage_band_comparison_fiscal_years) && plan.wage_band_comparison_fiscal_years.every(Number.isInteger), 'wage_band_comparison_fiscal_years must be a list of years');
  need(Array.isArray(plan.areas) && plan.areas.every((a) => a.name && /^[a-z0-9-]+$/.test(a.slug)), 'areas need a name and a lower-case slug');
  need(Array.isArray(plan.activities), 'activities must be a list');
  for (const a of plan.activities) {
    need(['own_business', 'contract_work', 'agri_welfare'].includes(a.column), `activity column ${a.column} is not a report column`);
  }
  return plan;
}
