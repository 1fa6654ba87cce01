// Everything a page says in one language: messages by id, and the formats of numbers, yen,
// percentages and fiscal years. Built from a locale's messages on the server (catalogue.ts)
// or in the browser from the messages a page embeds (ClientMessages.astro), so figure code
// that runs in both places never imports the catalogue itself.

import { LOCALE_SPECS, type Locale, type LocalizedText } from './locales.ts';
import type { en } from './messages/en.ts';
import type { MessageId } from './messages/ids.ts';
import type { ja } from './messages/ja.ts';

export type { MessageId, Messages } from './messages/ids.ts';
/** The names of the `{placeholders}` of a text; `{count|one|other}` names count. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? (P extends `${infer K}|${string}` ? K : P) | Placeholders<Rest> : never;
/** The values a message needs: every placeholder any language's text uses, so each can choose. */
type MessagePlaceholders<I extends MessageId> = Placeholders<(typeof ja)[I]> | Placeholders<(typeof en)[I]>;
export type MessageParams<I extends MessageId> = Record<MessagePlaceholders<I>, string | number>;
type ParamsArg<I extends MessageId> = [MessagePlaceholders<I>] extends [never] ? [] : [MessageParams<I>];
/** Ids of messages without placeholders: what registries and menus may name. */
export type PlainMessageId = { [I in MessageId]: [MessagePlaceholders<I>] extends [never] ? I : never }[MessageId];

/** `{name}`, or `{count|facility|facilities}`: the word for the number `count` (plural rules of the language). */
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

// A fiscal year is named after the era year in force for most of it: FY2019 (April 2019 –
// March 2020) is 令和元年度 although April 2019 was still 平成. 31 December is in the later
// era for every era change since 1926.
const inFiscalYear = (fy: number) => new Date(Date.UTC(fy, 11, 31, 12));
const eraLong = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
const eraNarrow = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'narrow', year: 'numeric', timeZone: 'UTC' });

// A site names a few dozen fiscal years on tens of thousands of pages: each is formatted once.
const remembered = <T>(compute: (key: number) => T) => {
  const known = new Map<number, T>();
  return (key: number): T => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key)));
    return value;
  };
};

/** 令和元 (the era name and year of most of the fiscal year). */
export const warekiYear = remembered((fy) => eraLong.format(inFiscalYear(fy)).replace(/年$/, ''));

/** R1, H29: the short form plans use in tables. */
export const warekiYearShort = remembered((fy) => {
  const parts = eraNarrow.formatToParts(inFiscalYear(fy));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year === '元' ? '1' : year}`;
});

/** From a hundred million yen, headline amounts are rounded to the units readers use (21.1億円). */
export const ROUNDED_YEN_FROM = 1e8;

const MINUS = '−';
const sign = (n: number) => (n > 0 ? '+' : n < 0 ? MINUS : '±');

export class Words {
  readonly locale: Locale;
  readonly intl: string;
  private readonly messages: Readonly<Record<string, string>>;
  private readonly numberFormats = new Map<number, Intl.NumberFormat>();
  private dateFormat: Intl.DateTimeFormat | undefined;
  private compactFormat: Intl.NumberFormat | undefined;
  private pluralRules: Intl.PluralRules | undefined;

  constructor(locale: Locale, messages: Readonly<Record<string, string>>) {
    this.locale = locale;
    this.intl = LOCALE_SPECS[locale].intl;
    this.messages = messages;
  }

  /**
   * The message `id`, with its `{placeholders}` filled; numbers are formatted as counts, and
   * `{count|facility|facilities}` takes the word that goes with the number (1 facility).
   */
  t<I extends MessageId>(id: I, ...params: ParamsArg<I>): string {
    const text = this.messages[id];
    if (text === undefined) throw new Error(`no ${this.locale} message ${id}`);
    const values = (params[0] ?? {}) as Record<string, string | number>;
    return text.replace(PLACEHOLDER, (_, key: string, one: string | undefined, other: string | undefined) => {
      const value = values[key];
      if (value === undefined) throw new Error(`message ${id} needs {${key}}`);
      if (one !== undefined) {
        this.pluralRules ??= new Intl.PluralRules(this.intl);
        return this.pluralRules.select(Number(value)) === 'one' ? one : other!;
      }
      return typeof value === 'number' ? this.count(value) : value;
    });
  }

  /** A name from the data directory in this language (or the one the language falls back to). */
  name(text: LocalizedText): string {
    return text[LOCALE_SPECS[this.locale].names];
  }

  /** Whole numbers (no `digits`) or exactly `digits` decimals; each format is made once. */
  private numberFormat(digits?: number): Intl.NumberFormat {
    let format = this.numberFormats.get(digits ?? -1);
    if (!format) {
      format = new Intl.NumberFormat(this.intl, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits });
      this.numberFormats.set(digits ?? -1, format);
    }
    return format;
  }

  /** A calendar date (YYYY-MM-DD): 2010年8月8日 / August 8, 2010. */
  date(iso: string): string {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    this.dateFormat ??= new Intl.DateTimeFormat(this.intl, { dateStyle: 'long', timeZone: 'UTC' });
    return this.dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
  }

  /** 1,234 and −916 (a true minus sign, as in the plan's tables). */
  count(n: number): string {
    return this.numberFormat().format(n).replace('-', MINUS);
  }

  /** A number with exactly `digits` decimals: 12.0, 253.2. */
  decimal(n: number, digits = 1): string {
    return this.numberFormat(digits).format(n).replace('-', MINUS);
  }

  /** 11,664円 / ¥11,664; with `decimals`, exactly that many (253.2円). */
  yen(n: number, decimals?: number): string {
    const digits = decimals === undefined ? this.count(Math.abs(n)) : this.decimal(Math.abs(n), decimals);
    const body = this.t('format.yen', { n: digits });
    return n < 0 ? `${MINUS}${body}` : body;
  }

  /**
   * An amount of `from` yen (a hundred million) or more in the units readers use, to three
   * significant digits: 21.1億円 / ¥2.11 billion. Headlines only: tables and CSV keep every yen.
   */
  yenRounded(n: number, from = ROUNDED_YEN_FROM): string {
    // Japanese rounds from 万 (10,000); English from a million, so no "¥24.3 thousand".
    if (Math.abs(n) < Math.max(from, this.locale === 'ja' ? 1e4 : 1e6)) return this.yen(n);
    this.compactFormat ??= new Intl.NumberFormat(this.intl, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 });
    const body = this.t('format.yen', { n: this.compactFormat.format(Math.abs(n)) });
    return n < 0 ? `${MINUS}${body}` : body;
  }

  /** A percentage to one decimal (160.6%); `signed` adds + or − before it. */
  percent(percent: number, signed = false): string {
    const body = `${this.decimal(Math.abs(percent))}%`;
    return signed ? `${sign(percent)}${body}` : `${percent < 0 ? MINUS : ''}${body}`;
  }

  /** A fraction as a percentage: 0.349 → 34.9%. */
  share(fraction: number): string {
    return this.percent(fraction * 100);
  }

  /** A magnitude as written (23箇所) with the sign of `n`: +23箇所, −5人, ±0人. */
  signed(n: number, body: string): string {
    return `${sign(n)}${body}`;
  }

  /** A signed change: +310, −¥1,234, ±0; with `decimals`, exactly that many; `rounded_yen` as yenRounded from ten thousand yen (+2430万円), beside a rounded amount. */
  change(n: number, unit: 'count' | 'yen' | 'rounded_yen' = 'count', decimals?: number): string {
    const size = Math.abs(n);
    const body = unit === 'rounded_yen' ? this.yenRounded(size, 1e4) : unit === 'yen' ? this.yen(size, decimals) : decimals === undefined ? this.count(size) : this.decimal(size, decimals);
    return this.signed(n, body);
  }

  private fyParams(fy: number) {
    return { era: warekiYear(fy), eraShort: warekiYearShort(fy), year: String(fy) };
  }

  /** 令和元年度（2019年度） / FY2019. */
  fy(fy: number): string {
    return this.t('format.fy', this.fyParams(fy));
  }

  /**
   * 令和元年度 / FY2019: a year inside a sentence or inside brackets (a title's （令和5年度）),
   * so brackets never nest as in （R5（2023））. Headings take fy, table cells and axes fyShort.
   */
  fyName(fy: number): string {
    return this.t('format.fy_name', this.fyParams(fy));
  }

  /** R1（2019） / FY2019: tables and axes. */
  fyShort(fy: number): string {
    return this.t('format.fy_short', this.fyParams(fy));
  }

  /** Two short lines for a time axis, so neighbouring years never collide: H29 / 2017. */
  fyTick(fy: number): string {
    return this.t('format.fy_tick', this.fyParams(fy));
  }

  /** The shortest name of a year, beside a value in a chart: R5 / FY2023. */
  fyMark(fy: number): string {
    return this.t('format.fy_mark', this.fyParams(fy));
  }

  /** Short items (years, labels) joined the way the language lists them: A・B・C / A, B, C. */
  list(items: string[]): string {
    return items.join(this.t('format.list_separator'));
  }

  /** Names that may themselves hold a ・ (自主事業・請負・受託等), joined: A、B / A, B. */
  names(items: string[]): string {
    return items.join(this.t('format.name_separator'));
  }

  /**
   * Years (ascending) inside brackets or a sentence: a list, or a range when there are more
   * than three and none is missing between them: 令和元年度〜令和5年度 / FY2019–FY2023.
   */
  fyNameList(years: number[]): string {
    const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
    if (years.length <= 3 || !consecutive) return this.list(years.map((y) => this.fyName(y)));
    return this.t('format.range', { from: this.fyName(years[0]!), to: this.fyName(years[years.length - 1]!) });
  }
}
