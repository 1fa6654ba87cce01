// The blank report a prefecture sends its facilities: every column of the data contract
// with its Japanese header, and one example row, generated from the schema so that the
// template and the reader always agree. Offered on the import page, by `kouchin template`
// and in the docs.

import { toCsv, type CsvCell } from './csv-export.ts';
import type { PlanFile } from './plan.ts';
import type { Municipality } from './reference.ts';
import { REPORT_COLUMNS, type ColumnSpec, type ReportValue } from './schema.ts';

/** What the example row says in each column. */
function example(spec: ColumnSpec, plan: Pick<PlanFile, 'prefecture'>, place: Municipality | undefined): ReportValue {
  const values: Record<string, ReportValue> = {
    office_no: `${plan.prefecture.code}00000001`,
    office_name: 'ひまわり作業所',
    office_name_kana: 'ヒマワリサギョウショ',
    corporation_name: '社会福祉法人ひまわり会',
    municipality: place?.name ?? null,
    municipality_code: place?.code ?? null,
    area: place?.area ?? null,
    submitted: '提出',
    opened_on: '令和3年4月1日',
    capacity: 20,
    total_wages_yen: 3_000_000,
    person_months: 200,
    work_hours: 14_000,
    user_days: 4_300,
    open_days: 245,
    own_business: '○',
    contract_work: '○',
    agri_welfare: null,
    sales_yen: 4_500_000,
    main_work: 'パン・菓子製造、部品組立',
  };
  return values[spec.name] ?? null;
}

/** The template's columns (every report column but the fiscal year, which the file name gives). */
export const TEMPLATE_COLUMNS = REPORT_COLUMNS.filter((c) => c.name !== 'fiscal_year');

export interface Template {
  header: string[];
  example: CsvCell[];
}

/** Headers and the example row, for a data directory's plan and municipalities. */
export function reportTemplate(plan: Pick<PlanFile, 'prefecture'>, municipalities: Municipality[]): Template {
  // A municipality that is not a designated city counted through its wards.
  const place = municipalities.find((m) => m.municipality === m.name && !municipalities.some((w) => w !== m && w.municipality === m.name));
  return {
    header: TEMPLATE_COLUMNS.map((c) => c.ja),
    example: TEMPLATE_COLUMNS.map((c) => {
      const value = example(c, plan, place);
      return typeof value === 'boolean' ? String(value) : value;
    }),
  };
}

/** The template as CSV: UTF-8 with BOM and CRLF, as Excel opens it. */
export const templateCsv = (template: Template) => toCsv(template.header, [template.example]);
