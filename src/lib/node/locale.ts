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

/** The error for `setting` (KOUCHIN_LANG=fr, --lang fr), in the system's language: the one chosen is not ours. */
export function notALanguage(setting: string, env: NodeJS.ProcessEnv = process.env): LanguageError {
  return new LanguageError(wordsFor(systemLocale(env)).t('cli.bad_lang', { setting: shownValue(setting), languages: LOCALES.join(', ') }));
}
