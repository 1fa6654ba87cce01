// The sample facility panel: a seeded, deterministic set of facilities reporting year after
// year (the same office_no across years; facilities open every year and a few close), made
// to match a calibration file's yearly targets exactly: totals are apportioned to facilities
// by the largest-remainder method. Used by scripts/generate-sample-data.ts and the bench.

import { z } from 'astro/zod';
import { randomLcg, randomLogNormal, randomNormal, shuffler } from 'd3';
import type { Municipality } from './reference.ts';
import { fiscalYearOfDate } from './reader/values.ts';
import { REPORT_COLUMNS, type ReportRow } from './schema.ts';

const fiscalYear = z.number().int().min(1900).max(2200);
const count = z.number().int().nonnegative();

/** data/calibration.json: what the sample must reproduce, and how to spread it. */
export const calibrationSchema = z.strictObject({
  seed: z.number().int(),
  /** Facilities of the first year opened between this fiscal year and the first year. */
  first_opened_fiscal_year: fiscalYear,
  /** Relative weights of where facilities are, by municipality (as in municipalities.csv); 1 if absent. */
  municipality_weights: z.record(z.string(), z.number().positive()).default({}),
  years: z.array(z.strictObject({
    fiscal_year: fiscalYear,
    facilities: count,
    /** Exact totals where a publication gives them; otherwise targets for a plausible year. */
    person_months: count,
    total_wages_yen: count,
    /** Published numbers of activity answers, else null for a plausible split. */
    own_business_answers: count.nullable().default(null),
    contract_work_answers: count.nullable().default(null),
    /** Facilities report user-days and open days (the new formula) this year. */
    new_formula: z.boolean(),
    /** Facilities that should report, when more than `facilities` did: the rest did not (未提出). */
    facilities_designated: count.optional(),
    /** Hours worked in all (年間延労働時間), when facilities report them. */
    work_hours: count.optional(),
    /** Where the year's figures are published; absent for plausible in-between years. */
    source: z.string().optional(),
  })).min(1),
});

export type Calibration = z.infer<typeof calibrationSchema>;
export type YearTarget = Omit<Calibration['years'][number], 'source'>;

const OWN_WORKS = ['パン・菓子製造', '弁当製造', '手工芸品製作', '喫茶運営', '農作物栽培', 'リサイクル'];
const CONTRACT_WORKS = ['部品組立', '清掃', '封入・発送', '農作業受託', 'クリーニング', 'データ入力', '公園管理'];
const AGRI_WORKS = new Set(['農作物栽培', '農作業受託']);
const NAME_STEMS = ['ひまわり', 'さくら', 'あおぞら', 'つばさ', 'みらい', 'わかば', 'ほほえみ', 'なごみ', 'こすもす', 'すみれ', 'やまびこ', 'たんぽぽ', 'かがやき', 'ひだまり', 'あゆみ', 'はばたき', 'いずみ', 'のぞみ', 'けやき', 'ふれあい'];
const NAME_KINDS = ['作業所', '工房', 'ワークセンター', 'の家', 'ファーム', '共働舎', 'ワークス', '就労支援センター'];
/** How each kind of name is read (事業所名フリガナ), as lists of facilities give it. */
const KIND_READINGS: Record<string, string> = {
  作業所: 'サギョウショ', 工房: 'コウボウ', ワークセンター: 'ワークセンター', の家: 'ノイエ',
  ファーム: 'ファーム', 共働舎: 'キョウドウシャ', ワークス: 'ワークス', 就労支援センター: 'シュウロウシエンセンター',
};
const katakana = (hiragana: string) => hiragana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const CORP_KINDS = ['社会福祉法人', '特定非営利活動法人', '一般社団法人', '株式会社', '合同会社'];

interface Facility {
  office_no: string;
  office_name: string;
  office_name_kana: string;
  corporation_name: string;
  place: Municipality;
  opened_on: string;
  opened_fy: number;
  /** Last fiscal year it reports; null while open. */
  closed_after_fy: number | null;
  size: number;
  base_capacity: number;
  wage_effect: number;
  attendance: number;
}

/** Integers proportional to `weights` that sum exactly to `total` (largest remainder). */
export function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]! += 1;
  return out;
}

/**
 * The yearly targets at a scale: ×k facilities and totals (published figures then no longer
 * match). `everyYear` fills the years between the calibrated ones by linear interpolation.
 */
export function scaledYears(calibrated: YearTarget[], factor: number, everyYear: boolean): YearTarget[] {
  let years = calibrated;
  if (everyYear) {
    years = [];
    const newFormulaFrom = calibrated.find((y) => y.new_formula)?.fiscal_year ?? Infinity;
    for (let fy = calibrated[0]!.fiscal_year; fy <= calibrated[calibrated.length - 1]!.fiscal_year; fy++) {
      const after = calibrated.find((y) => y.fiscal_year >= fy)!;
      const before = [...calibrated].reverse().find((y) => y.fiscal_year <= fy)!;
      const t = after === before ? 0 : (fy - before.fiscal_year) / (after.fiscal_year - before.fiscal_year);
      const mix = (key: 'facilities' | 'person_months' | 'total_wages_yen') => Math.round(before[key] + (after[key] - before[key]) * t);
      years.push({ fiscal_year: fy, facilities: mix('facilities'), person_months: mix('person_months'), total_wages_yen: mix('total_wages_yen'), own_business_answers: null, contract_work_answers: null, new_formula: fy >= newFormulaFrom });
    }
  }
  if (factor === 1) return years;
  return years.map((y) => ({
    ...y,
    facilities: Math.round(y.facilities * factor),
    person_months: Math.round(y.person_months * factor),
    total_wages_yen: Math.round(y.total_wages_yen * factor),
    own_business_answers: null,
    contract_work_answers: null,
  }));
}

export interface PanelOptions {
  seed: number;
  municipalities: Municipality[];
  years: YearTarget[];
  /** The prefecture's 2-digit code: office numbers start with it. */
  prefectureCode: string;
  firstOpenedFiscalYear: number;
  /** Relative weights of where facilities are, by municipality (a city's wards share its weight); 1 if absent. */
  municipalityWeights: Record<string, number>;
}

export function generatePanel({ seed, municipalities, years, prefectureCode, firstOpenedFiscalYear, municipalityWeights }: PanelOptions): Map<number, ReportRow[]> {
  const rng = randomLcg(seed);
  const uniform = (a: number, b: number) => a + (b - a) * rng();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const normal = randomNormal.source(rng);
  const logNormal = randomLogNormal.source(rng);
  const wageEffect = logNormal(0, 0.42);
  const sizeEffect = logNormal(0, 0.35);
  const yearNoise = normal(0, 0.08);

  // Facilities sit in wards, not in the city rows above them; wards carry their city's weight.
  const places = municipalities.filter((m) => !municipalities.some((o) => o !== m && o.municipality === m.name));
  const placeWeights = places.map((m) => municipalityWeights[m.municipality] ?? 1);
  const placeTotal = placeWeights.reduce((a, b) => a + b, 0);
  const pickPlace = () => {
    let r = rng() * placeTotal;
    for (let i = 0; i < places.length; i++) if ((r -= placeWeights[i]!) < 0) return places[i]!;
    return places[places.length - 1]!;
  };

  const usedNos = new Set<string>();
  const newFacility = (openedFrom: number, openedTo: number): Facility => {
    let office_no: string;
    do office_no = `${prefectureCode}${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`;
    while (usedNos.has(office_no));
    usedNos.add(office_no);
    const fy = Math.floor(uniform(openedFrom, openedTo + 1));
    const day = new Date(Date.UTC(fy, 3, 1) + Math.floor(rng() * 365) * 86_400_000);
    const opened_on = day.toISOString().slice(0, 10);
    const stem = pick(NAME_STEMS);
    const kind = pick(NAME_KINDS);
    return {
      office_no,
      office_name: `${stem}${kind}`,
      office_name_kana: `${katakana(stem)}${KIND_READINGS[kind]!}`,
      corporation_name: `${pick(CORP_KINDS)}${pick(NAME_STEMS)}会`,
      place: pickPlace(),
      opened_on,
      opened_fy: fiscalYearOfDate(opened_on),
      closed_after_fy: null,
      size: sizeEffect(),
      base_capacity: pick([10, 14, 20, 20, 20, 20, 25, 30, 40]),
      wage_effect: Math.min(3.2, Math.max(0.28, wageEffect())),
      attendance: uniform(0.72, 0.88),
    };
  };

  const panel: Facility[] = [];
  const active = (fy: number) => panel.filter((f) => f.opened_fy <= fy && (f.closed_after_fy === null || f.closed_after_fy >= fy));
  const rowsByYear = new Map<number, ReportRow[]>();
  let previousFy: number | null = null;

  for (const target of years) {
    const fy = target.fiscal_year;
    if (previousFy === null) {
      for (let i = 0; i < target.facilities; i++) panel.push(newFacility(firstOpenedFiscalYear, fy));
    } else {
      // A few facilities close in the years between; new ones open to reach the count.
      const open = active(previousFy);
      const closing = Math.max(1, Math.round(open.length * 0.008 * (fy - previousFy)));
      for (let i = 0; i < closing; i++) {
        const f = pick(open.filter((x) => x.closed_after_fy === null));
        f.closed_after_fy = Math.floor(uniform(previousFy, fy));
      }
      const needed = target.facilities - active(fy).length;
      for (let i = 0; i < needed; i++) panel.push(newFacility(previousFy + 1, fy));
    }
    const facilities = active(fy).sort((a, b) => a.office_no.localeCompare(b.office_no));
    if (facilities.length !== target.facilities) throw new Error(`FY${fy}: ${facilities.length} facilities, expected ${target.facilities}`);

    // Months open in the year: a facility opening mid-year reports only its months.
    const months = facilities.map((f) => {
      if (f.opened_fy < fy) return 12;
      const [, m] = f.opened_on.split('-').map(Number) as [number, number];
      return Math.max(1, 12 - ((m + 8) % 12));
    });
    const personMonths = apportion(facilities.map((f, i) => f.size * months[i]!), target.person_months);
    const yearMean = target.total_wages_yen / target.person_months;
    const wageWeights = facilities.map((f, i) => {
      const yearsOpen = fy - f.opened_fy + 1;
      const maturity = 0.66 + 0.068 * Math.min(yearsOpen, 5);
      const avg = Math.max(3_000, yearMean * f.wage_effect * maturity * Math.exp(yearNoise()));
      return avg * personMonths[i]!;
    });
    const wages = apportion(wageWeights, target.total_wages_yen);

    // Main works (up to three per facility), split into own business and contract work.
    const workCounts: number[] = facilities.map(() => (rng() < 0.22 ? 1 : rng() < 0.8 ? 2 : 3));
    if (target.own_business_answers !== null && target.contract_work_answers !== null) {
      // Adjust facility work counts (1–3) until they sum to the published answers.
      const want = target.own_business_answers + target.contract_work_answers;
      let sum = workCounts.reduce((a, b) => a + b, 0);
      for (let i = 0; sum !== want; i = (i + 1) % workCounts.length) {
        const step = sum > want ? -1 : 1;
        const next = workCounts[i]! + step;
        if (next < 1 || next > 3) continue;
        workCounts[i] = next;
        sum += step;
      }
    }
    const slots = workCounts.flatMap((n, i) => Array.from({ length: n }, () => i));
    const ownTotal = target.own_business_answers ?? Math.round(slots.length * uniform(0.32, 0.37));
    const ownSlots = new Set(shuffler(rng)(slots.map((_, k) => k)).slice(0, ownTotal));
    const works = facilities.map(() => ({ own: [] as string[], contract: [] as string[] }));
    slots.forEach((facilityIndex, k) => {
      const w = works[facilityIndex]!;
      if (ownSlots.has(k)) w.own.push(pick(OWN_WORKS));
      else w.contract.push(pick(CONTRACT_WORKS));
    });

    const rows: ReportRow[] = facilities.map((f, i) => {
      const pm = personMonths[i]!;
      const capacity = Math.max(f.base_capacity, Math.ceil(pm / months[i]! / 0.9 / 5) * 5);
      const allWorks = [...works[i]!.own, ...works[i]!.contract];
      const row: ReportRow = {
        fiscal_year: fy,
        office_no: f.office_no,
        office_name: f.office_name,
        office_name_kana: f.office_name_kana,
        corporation_name: f.corporation_name,
        municipality: f.place.name,
        municipality_code: f.place.code,
        area: f.place.area,
        opened_on: f.opened_on,
        capacity,
        total_wages_yen: wages[i]!,
        person_months: pm,
        user_days: null,
        open_days: null,
        own_business: works[i]!.own.length,
        contract_work: works[i]!.contract.length,
        agri_welfare: allWorks.some((w) => AGRI_WORKS.has(w)) ? 1 : 0,
        sales_yen: Math.round(wages[i]! * uniform(1.25, 2.4)),
        main_work: [...new Set(allWorks)].join('、'),
        submitted: true,
        work_hours: null,
      };
      // From FY2023 facilities report user-days and open days; a few leave them blank.
      if (target.new_formula && rng() > 0.03) {
        const openDays = Math.round(uniform(235, 252) * (months[i]! / 12));
        const dailyUsers = (pm / months[i]!) * f.attendance;
        row.open_days = Math.max(1, openDays);
        row.user_days = Math.max(1, Math.round(dailyUsers * openDays));
      }
      return row;
    });
    // Hours worked: some 55–85 hours per person-month, adding up to the year's hours exactly.
    if (target.work_hours !== undefined) {
      const hours = apportion(personMonths.map((pm) => pm * uniform(55, 85)), target.work_hours);
      rows.forEach((row, i) => (row.work_hours = hours[i]!));
    }
    // Facilities that should have reported but did not: listed, their amounts left empty.
    for (let i = 0; i < (target.facilities_designated ?? target.facilities) - target.facilities; i++) {
      const f = newFacility(firstOpenedFiscalYear, fy);
      rows.push({
        ...Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, null])),
        fiscal_year: fy, office_no: f.office_no, office_name: f.office_name, office_name_kana: f.office_name_kana, corporation_name: f.corporation_name,
        municipality: f.place.name, municipality_code: f.place.code, area: f.place.area, submitted: false,
      });
    }
    rowsByYear.set(fy, rows);
    previousFy = fy;
  }
  return rowsByYear;
}
