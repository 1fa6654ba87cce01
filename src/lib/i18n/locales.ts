// The site's languages. A language is an entry here and a messages file beside ja.ts and
// en.ts (src/lib/i18n/messages/); components and browser code never test for a language.

export const LOCALE_SPECS = {
  ja: {
    /** The html lang attribute. */
    lang: 'ja',
    /** Locale of Intl number and date formats. */
    intl: 'ja-JP',
    /** Where the language's pages live below the site root. */
    pathPrefix: '',
    /** Which of the data directory's names (plan.json, municipalities.csv) the language shows. */
    names: 'ja',
    /** zod's locale, for the plan's validation messages. */
    zod: 'ja',
    /** The language's own name, on the links that switch to it. */
    endonym: '日本語',
  },
  en: { lang: 'en', intl: 'en-US', pathPrefix: 'en/', names: 'en', zod: 'en', endonym: 'English' },
} as const;

export type Locale = keyof typeof LOCALE_SPECS;
export const LOCALES = Object.keys(LOCALE_SPECS) as Locale[];
export const DEFAULT_LOCALE: Locale = 'ja';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALE_SPECS, value);
}

/** A name given in the data directory, in Japanese and English. */
export interface LocalizedText {
  ja: string;
  en: string;
}
