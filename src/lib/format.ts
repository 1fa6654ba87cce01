// The one formatter for yen, counts, shares and fiscal years (和暦 via Intl's Japanese calendar).

export type Locale = 'ja' | 'en';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', options)));
  return f;
}

/** 11,664円 in Japanese, ¥11,664 in English. */
export function formatYen(yen: number, locale: Locale): string {
  const digits = numberFormat(locale).format(yen);
  return locale === 'ja' ? `${digits}円` : numberFormat(locale, { style: 'currency', currency: 'JPY' }).format(yen);
}

export function formatCount(n: number, locale: Locale): string {
  return numberFormat(locale).format(n);
}

/** A signed change: +310, −1,234 (true minus sign). */
export function formatChange(n: number, locale: Locale, unit: 'yen' | 'count' = 'count'): string {
  const body = unit === 'yen' ? formatYen(Math.abs(n), locale) : formatCount(Math.abs(n), locale);
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${body}`;
}

/** A percentage with one decimal, e.g. 160.6%; `share` 0.349 → 34.9%. */
export function formatPercent(percent: number, locale: Locale, signed = false): string {
  const text = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(percent));
  const sign = signed ? (percent > 0 ? '+' : percent < 0 ? '−' : '±') : percent < 0 ? '−' : '';
  return `${sign}${text}%`;
}

export const formatShare = (share: number, locale: Locale) => formatPercent(share * 100, locale);

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
const warekiNarrow = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'narrow', year: 'numeric', timeZone: 'UTC' });

/**
 * A fiscal year is named after the era year in force for most of it: FY2019 (April 2019 –
 * March 2020) is 令和元年度 although April 2019 was still 平成. 31 December is in the
 * later era for every era change since 1926.
 */
const inFiscalYear = (fy: number) => new Date(Date.UTC(fy, 11, 31, 12));

/** 令和元年度 */
export function warekiFiscalYear(fy: number): string {
  return `${warekiFormat.format(inFiscalYear(fy)).replace(/年$/, '')}年度`;
}

/** R1, H29: the short form the plan's tables use. */
export function warekiFiscalYearShort(fy: number): string {
  const parts = warekiNarrow.formatToParts(inFiscalYear(fy));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year === '元' ? '1' : year}`;
}

/** 令和元年度（2019年度） in Japanese; FY2019 in English. */
export function formatFiscalYear(fy: number, locale: Locale): string {
  return locale === 'ja' ? `${warekiFiscalYear(fy)}（${fy}年度）` : `FY${fy}`;
}

/** Short axis/table label: R1 (2019) in Japanese, FY2019 in English. */
export function formatFiscalYearShort(fy: number, locale: Locale): string {
  return locale === 'ja' ? `${warekiFiscalYearShort(fy)}（${fy}）` : `FY${fy}`;
}
