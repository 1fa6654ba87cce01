// Site URLs: each language's pages under its path prefix (Japanese at the root, English
// under /en/), below the configured base.

import { LOCALES, LOCALE_SPECS, type Locale } from './i18n/locales.ts';

/** A path inside the site, below Astro's `base` whether or not it ends with a slash. */
export function siteUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`;
}

export function localePath(locale: Locale, path: string): string {
  return siteUrl(`${LOCALE_SPECS[locale].pathPrefix}${path}`);
}

/** getStaticPaths entries of a page published in every language under `[...lang]`. */
export function localeStaticPaths<P extends Record<string, unknown> = Record<string, never>>(extra: P[] = [{} as P]) {
  return LOCALES.flatMap((locale) =>
    extra.map((params) => ({
      params: { lang: LOCALE_SPECS[locale].pathPrefix.replace(/\/$/, '') || undefined, ...params },
      props: { locale },
    })),
  );
}
