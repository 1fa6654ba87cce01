// The language of the command line and the build's messages: KOUCHIN_LANG (ja, en), else
// Japanese where the system's locale is Japanese (LC_ALL, LC_MESSAGES, LANG), else English.

import { isLocale, type Locale } from '../i18n/locales.ts';

export function processLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const chosen = env.KOUCHIN_LANG;
  if (chosen) {
    if (!isLocale(chosen)) throw new Error(`KOUCHIN_LANG=${chosen}: expected ja or en`);
    return chosen;
  }
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return system.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
