// The language of the command line and the build's messages: KOUCHIN_LANG (ja, en; a locale
// such as ja_JP.UTF-8 names its language), else Japanese where the system's locale is
// Japanese (LC_ALL, LC_MESSAGES, LANG), else English.

import { wordsFor } from '../i18n/catalogue.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { shownValue } from '../reader/issues.ts';

/** KOUCHIN_LANG names no language of the catalogue; the message is in the system's language. */
export class LanguageError extends Error {}

/** The language a locale name such as `ja`, `EN`, `ja_JP.UTF-8` or `en-US` names, if one of ours. */
export function localeNamed(name: string): Locale | null {
  const language = /^([a-z]+)(?:[-_.@]|$)/i.exec(name.trim())?.[1]?.toLowerCase();
  return LOCALES.find((l) => l === language) ?? null;
}

function systemLocale(env: NodeJS.ProcessEnv): Locale {
  return localeNamed(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') === 'ja' ? 'ja' : 'en';
}

export function processLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const chosen = env.KOUCHIN_LANG;
  if (!chosen) return systemLocale(env);
  const locale = localeNamed(chosen);
  if (locale === null) throw notALanguage(`KOUCHIN_LANG=${chosen}`, env);
  return locale;
}

/**
 * The error for `setting` (KOUCHIN_LANG=fr, --lang fr, or --lang with no language), said in
 * KOUCHIN_LANG's language where that is one of ours, else the system's.
 */
export function notALanguage(setting: string, env: NodeJS.ProcessEnv = process.env): LanguageError {
  const words = wordsFor(localeNamed(env.KOUCHIN_LANG ?? '') ?? systemLocale(env));
  const languages = LOCALES.join(', ');
  return new LanguageError(setting === '--lang' ? words.t('cli.lang_missing', { languages }) : words.t('cli.bad_lang', { setting: shownValue(setting), languages }));
}
