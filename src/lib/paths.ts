// Site URLs: Japanese pages at the root, English under /en/, below the configured base.

import type { Locale } from './format.ts';

export const LOCALES: Locale[] = ['ja', 'en'];

/** A path inside the site, below Astro's `base` whether or not it ends with a slash. */
export function siteUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`;
}

export function localePath(locale: Locale, path: string): string {
  return siteUrl(`${locale === 'ja' ? '' : 'en/'}${path}`);
}

/** getStaticPaths entries of a page published in both languages under `[...lang]`. */
export function localeStaticPaths<P extends Record<string, unknown> = Record<string, never>>(extra: P[] = [{} as P]) {
  return LOCALES.flatMap((locale) =>
    extra.map((params) => ({
      params: { lang: locale === 'ja' ? undefined : locale, ...params },
      props: { locale },
    })),
  );
}
