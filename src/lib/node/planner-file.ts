// Turns canonical report rows into the file a planner receives: Japanese headers in another
// order, 和暦 dates, comma-grouped numbers, ○ flags, Shift_JIS with CRLF.

import iconv from 'iconv-lite';
import type { ReportRow } from '../schema.ts';

const ERA = [
  { start: '2019-05-01', name: '令和', base: 2018 },
  { start: '1989-01-08', name: '平成', base: 1988 },
  { start: '1926-12-25', name: '昭和', base: 1925 },
];

export function wareki(iso: string): string {
  const era = ERA.find((e) => iso >= e.start)!;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const n = y - era.base;
  return `${era.name}${n === 1 ? '元' : n}年${m}月${d}日`;
}

const grouped = (v: unknown) => (v === null || v === '' ? '' : `"${Number(v).toLocaleString('en-US')}"`);
const flag = (v: unknown) => (Number(v) === 0 ? '' : Number(v) === 1 ? '○' : String(v));

export function plannerFile(rows: ReportRow[]): Uint8Array {
  const header = '事業所名,事業所番号,市町村,指定年月日,定員,工賃支払総額（円）,対象者延人数,年間延べ利用者数,年間開所日数,自主事業,請負・受託,農福連携';
  const lines = rows.map((r) => [
    `"${r.office_name}"`, r.office_no, r.municipality, wareki(String(r.opened_on)), r.capacity,
    grouped(r.total_wages_yen), grouped(r.person_months), grouped(r.user_days), r.open_days ?? '',
    flag(r.own_business), flag(r.contract_work), flag(r.agri_welfare),
  ].join(','));
  return new Uint8Array(iconv.encode([header, ...lines, ''].join('\r\n'), 'Shift_JIS'));
}
