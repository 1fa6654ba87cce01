// Wording shared by every figure: source line, sample-data notice, year labels.

import { formatFiscalYear, formatFiscalYearShort, type Locale } from '../format.ts';
import { t } from '../i18n.ts';
import type { SiteData } from '../node/site-data.ts';

export function sourceNotes(data: SiteData, locale: Locale, extra: string[] = []): string[] {
  const notes = [...extra, `${locale === 'ja' ? '出典' : 'Source'}: ${data.plan.source[locale]}`];
  if (data.plan.sample_data) notes.push(t('sampleShort', locale));
  return notes;
}

export const fyLong = (fy: number, locale: Locale) => formatFiscalYear(fy, locale);
export const fyShort = (fy: number, locale: Locale) => formatFiscalYearShort(fy, locale);

export const latestYear = (data: SiteData) => data.yearly[data.yearly.length - 1]!.fiscal_year;

/** The fiscal year reported before `fy`, if any (years can be sparse). */
export function previousYear(data: SiteData, fy: number): number | null {
  const earlier = data.yearly.map((y) => y.fiscal_year).filter((y) => y < fy);
  return earlier.length ? earlier[earlier.length - 1]! : null;
}

export const label = (row: { label_ja: string; label_en: string }, locale: Locale) => (locale === 'ja' ? row.label_ja : row.label_en);

export function areaLabel(data: SiteData, area: string, locale: Locale): string {
  return data.plan.areas.find((a) => a.name === area)?.[locale] ?? area;
}
