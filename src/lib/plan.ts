// The plan configuration (data/plan.json): everything that differs between one prefecture's
// wage plan and another's. The schema below is its one definition: the types come from it,
// and every file is checked against it with errors naming the file, the key and what was
// expected. The indicator SQL reads the resolved plan as the plan_* tables.

import { z } from 'astro/zod';
import { DataError } from './data-error.ts';
import type { PlainMessageId, Words } from './i18n/words.ts';
import { LOCALES, type Locale, type LocalizedText } from './i18n/locales.ts';

const text = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const fiscalYear = z.number().int().min(1900).max(2200);
const years = z.array(fiscalYear);

/** The views a plan may number or annotate: keys of figure_numbers and notes. */
export const VIEW_IDS = ['overview', 'baseline_table', 'goal', 'wage_bands', 'opening_years', 'activities', 'areas', 'years'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** The formulas of the average monthly wage: old (÷ person-months), new (÷ daily users ÷ 12, FY2023 results on). */
export const FORMULAS = ['old', 'new'] as const;
export type Formula = (typeof FORMULAS)[number];

/** Report columns that hold production-activity answers. */
export const ACTIVITY_COLUMNS = ['own_business', 'contract_work', 'agri_welfare'] as const;

const increasing = (edges: number[]) => edges.every((e, i) => i === 0 || e > edges[i - 1]!);
const unique = <T>(values: T[]) => new Set(values).size === values.length;

export const planSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  prefecture: z.strictObject({
    /** JIS X 0401 code, e.g. "40": the first digits of municipality codes and office numbers. */
    code: z.string().regex(/^\d{2}$/),
    /** 京都 / Kyoto: the name without its suffix. */
    name: text,
    /** 県・都・道・府 / Prefecture, Metropolis: 県平均, 府平均… */
    suffix: text,
  }),
  title: text,
  source: text,
  /** Where the plan is published: every figure's notes and the page footer link to it. */
  plan_url: z.url().optional(),
  /** Who publishes the dashboard (the prefecture's department), said with every figure. */
  publisher: text.optional(),
  /** When the report data was compiled (YYYY-MM-DD); by default the day the site is built. */
  data_updated_on: z.iso.date().optional(),
  /** True while data/reports holds generated sample data; every page then says so. */
  sample_data: z.boolean(),
  /** What the sample data was made to match, added to the sample-data notice. */
  sample_note: text.optional(),
  /**
   * The plan's phases (第3期, 第4期…), each with its period and its targets as the plan states
   * them: a target for a fiscal year, in the formula it is set in, optionally per hour too.
   * Targets are compared only within their phase's period, and only with results in their formula.
   */
  phases: z.array(z.strictObject({
    name: text,
    start_fiscal_year: fiscalYear,
    end_fiscal_year: fiscalYear,
    targets: z.array(z.strictObject({
      fiscal_year: fiscalYear,
      average_monthly_wage_yen: z.number().positive(),
      formula: z.enum(FORMULAS).default('old'),
      average_hourly_wage_yen: z.number().positive().optional(),
    })).min(1),
  }).refine((p) => p.start_fiscal_year <= p.end_fiscal_year, { params: { id: 'plan.error.period_order' } })
    .refine((p) => p.targets.every((t) => t.fiscal_year >= p.start_fiscal_year && t.fiscal_year <= p.end_fiscal_year), { params: { id: 'plan.error.target_outside_period' } })
    .refine((p) => unique(p.targets.map((t) => `${t.fiscal_year}:${t.formula}`)), { params: { id: 'plan.error.target_twice' } }))
    .min(1)
    .refine((phases) => phases.every((p, i) => i === 0 || p.start_fiscal_year > phases[i - 1]!.end_fiscal_year), { params: { id: 'plan.error.phases_order' } }),
  /** Decimals of the published monthly averages: 0 (whole yen, the default) or 1 (17,411.8). */
  precision: z.strictObject({ average_monthly_wage: z.union([z.literal(0), z.literal(1)]).default(0) }).default({ average_monthly_wage: 0 }),
  /**
   * Statistical disclosure control: an area or municipality with fewer facilities in the
   * average than `min_facilities` shows its count but no totals or average, so no single
   * facility's wages can be read off. 1 (the default) shows every place.
   */
  disclosure: z.strictObject({ min_facilities: z.number().int().min(1).default(1) }).default({ min_facilities: 1 }),
  /**
   * Whether each facility's yearly figures may be published (as prefectures publish their
   * 工賃実績 lists): adds the facility pages, their lists and search. Off unless said.
   */
  publish_facilities: z.boolean().default(false),
  /**
   * A monthly average below which a facility counts as low-paid (10,000 yen, say): the spread
   * behind the average then says how many facilities are below it. Without it, none is shown.
   */
  low_wage_yen: z.number().positive().optional(),
  /** Years the plan compares its indicators with (its baseline table). */
  baseline_fiscal_years: years,
  /** Years the plan compares in its wage-band figure; the latest year is added. */
  wage_band_comparison_fiscal_years: years.default([]),
  /** Lower bounds of the wage bands after the first; each band includes its lower bound. */
  wage_band_edges_yen: z.array(z.number().int().positive()).min(1)
    .refine(increasing, { params: { id: 'plan.error.edges_increasing' } }),
  /** Years since opening shown one by one; later years form one group (「N年目以降」). */
  opening_year_groups: z.strictObject({ individual_years: z.number().int().min(1).max(20) }),
  activities: z.array(z.strictObject({
    column: z.enum(ACTIVITY_COLUMNS),
    ja: z.string().min(1),
    en: z.string().min(1),
    /** Whether its answers count in the answer mix (shares of all answers). */
    in_answer_mix: z.boolean(),
  })).refine((a) => unique(a.map((x) => x.column)), { params: { id: 'plan.error.unique_activities' } }),
  /** Welfare planning areas (圏域) in the order pages list them; `name` as in municipalities.csv. */
  areas: z.array(z.strictObject({
    name: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    ja: z.string().min(1),
    en: z.string().min(1),
  })).min(1)
    .refine((a) => unique(a.map((x) => x.name)) && unique(a.map((x) => x.slug)), { params: { id: 'plan.error.unique_areas' } }),
  /** The plan's own figure numbers ({"ja": "図表…", "en": "Figure …"}); a view without one shows none. */
  figure_numbers: z.partialRecord(z.enum(VIEW_IDS), text).default({}),
  /** The sheet of report workbooks (.xlsx) to read; by default the first with a header line. */
  report_sheet: z.string().min(1).optional(),
  /** Notes the plan wants under a view, in both languages. */
  notes: z.partialRecord(z.enum(VIEW_IDS), z.array(text)).default({}),
  /**
   * A municipality map: TopoJSON boundaries in the data directory (`file`, relative to it),
   * each shape carrying its municipality code in `code_property`, and the credit line the
   * boundary data requires. Without it, the site has no map.
   */
  map: z.strictObject({
    file: z.string().min(1),
    code_property: z.string().min(1),
    credit: text,
  }).optional(),
});

export type PlanFile = z.infer<typeof planSchema>;
export type PlanPhase = PlanFile['phases'][number];
export type PlanTarget = PlanPhase['targets'][number];
export type PlanArea = PlanFile['areas'][number];
export type PlanActivity = PlanFile['activities'][number];

export interface WageBand {
  band_no: number;
  lower_yen: number;
  /** Exclusive upper bound; null for the top band. */
  upper_yen: number | null;
  label: Record<Locale, string>;
}

export interface OpeningGroup {
  group_no: number;
  first_year: number;
  /** Inclusive; null for the open-ended last group. */
  last_year: number | null;
  label: Record<Locale, string>;
}

/** The plan as every consumer uses it: the file plus its bands and groups, labelled in every language. */
export interface Plan extends PlanFile {
  wage_bands: WageBand[];
  opening_groups: OpeningGroup[];
  /** data_updated_on, or the day the site was built (then `built` is true). */
  updated_on: string;
  built: boolean;
}


/** The value found at a path of the parsed JSON, for error messages. */
function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function shown(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? '—' : json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Checks a parsed plan.json; throws a DataError listing each problem as `file: key: what was expected`. */
export function parsePlanFile(value: unknown, file: string, words: Words, localeError: z.core.$ZodErrorMap): PlanFile {
  const result = planSchema.safeParse(value, { error: localeError });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.length ? issue.path.join('.') : words.t('plan.error.top_level');
    const id = issue.code === 'custom' ? (issue.params as { id?: string } | undefined)?.id : undefined;
    const message = id ? words.t(id as PlainMessageId) : issue.message;
    // An unknown key has no value to show; its name is in the message.
    return issue.code === 'unrecognized_keys'
      ? words.t('plan.error.line', { file, key, message })
      : words.t('plan.error.line_value', { file, key, message, value: shown(valueAt(value, issue.path)) });
  });
  throw new DataError(lines.join('\n'));
}

/** The plan with its wage bands and opening-year groups labelled in every language. */
export function resolvePlan(file: PlanFile, words: Record<Locale, Words>, today = dayInJapan(new Date())): Plan {
  const label = (make: (w: Words) => string) => Object.fromEntries(LOCALES.map((l) => [l, make(words[l])])) as Record<Locale, string>;
  const amount = (w: Words, yen: number) => w.t('band.amount', { yen: w.count(yen), thousands: w.count(yen / 1000) });
  const edges = file.wage_band_edges_yen;
  const wage_bands = [0, ...edges].map((lower, i): WageBand => {
    const upper = edges[i] ?? null;
    return {
      band_no: i + 1,
      lower_yen: lower,
      upper_yen: upper,
      label: label((w) => upper === null
        ? w.t('band.at_least', { lower: amount(w, lower) })
        : lower === 0
          ? w.t('band.under', { upper: amount(w, upper) })
          : w.t('band.between', { lower: amount(w, lower), upper: amount(w, upper) })),
    };
  });
  const n = file.opening_year_groups.individual_years;
  const opening_groups: OpeningGroup[] = [
    ...Array.from({ length: n }, (_, i) => ({ group_no: i + 1, first_year: i + 1, last_year: i + 1, label: label((w) => w.t('opening.year', { n: i + 1 })) })),
    { group_no: n + 1, first_year: n + 1, last_year: null, label: label((w) => w.t('opening.year_or_later', { n: n + 1 })) },
  ];
  return { ...file, wage_bands, opening_groups, updated_on: file.data_updated_on ?? today, built: file.data_updated_on === undefined };
}

/** The date in Japan (YYYY-MM-DD): a build at 08:00 JST is dated that day, not the day before (UTC). */
export function dayInJapan(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** 京都府 / Kyoto Prefecture: the name and its suffix. */
export function prefectureName(plan: Pick<PlanFile, 'prefecture'>, words: Words): string {
  return words.t('plan.prefecture_name', { name: words.name(plan.prefecture.name), suffix: words.name(plan.prefecture.suffix) });
}

/** The view's figure number in the plan, if the plan gives one. */
export function figureNumber(plan: PlanFile, view: ViewId, words: Words): string | null {
  const number = plan.figure_numbers[view];
  return number ? words.name(number) : null;
}

/** A title with the plan's figure number for the view, when it has one: 〇〇（図表…）. */
export function numberedTitle(plan: PlanFile, view: ViewId, title: string, words: Words): string {
  const number = figureNumber(plan, view, words);
  return number ? words.t('figure.numbered_title', { title, number }) : title;
}

/** The plan's own notes for a view, in the page's language. */
export function planNotes(plan: PlanFile, view: ViewId, words: Words): string[] {
  return (plan.notes[view] ?? []).map((n: LocalizedText) => words.name(n));
}

/** 県平均 / Prefecture average (府平均, 都平均… by the plan's suffix). */
export function prefectureAverageLabel(plan: Pick<PlanFile, 'prefecture'>, words: Words): string {
  return words.t('plan.prefecture_average', { suffix: words.name(plan.prefecture.suffix) });
}

/**
 * The phase the site reports on: the one whose period holds `fiscalYear` (the latest year
 * with data), else the last one that has started, else the first.
 */
export function currentPhase(plan: Pick<PlanFile, 'phases'>, fiscalYear: number): PlanPhase {
  return plan.phases.find((p) => p.start_fiscal_year <= fiscalYear && fiscalYear <= p.end_fiscal_year)
    ?? [...plan.phases].reverse().find((p) => p.start_fiscal_year <= fiscalYear)
    ?? plan.phases[0]!;
}

/** A phase's goal in a formula: its last target in that formula, if it has one. */
export function phaseGoal(phase: PlanPhase, formula: Formula = 'old'): PlanTarget | undefined {
  return phase.targets.filter((t) => t.formula === formula).sort((a, b) => a.fiscal_year - b.fiscal_year).at(-1);
}
