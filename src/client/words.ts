// The page's words in the browser: the messages of its language, embedded by
// ClientMessages.astro, so browser code never carries the whole catalogue.

import { isLocale } from '../lib/i18n/locales.ts';
import { Words } from '../lib/i18n/words.ts';

let words: Words | undefined;

export function pageWords(): Words {
  if (words) return words;
  const element = document.getElementById('page-messages');
  const locale = document.documentElement.dataset.locale;
  if (!element?.textContent || !isLocale(locale)) throw new Error('the page embeds no messages (ClientMessages.astro)');
  return (words = new Words(locale, JSON.parse(element.textContent) as Record<string, string>));
}
