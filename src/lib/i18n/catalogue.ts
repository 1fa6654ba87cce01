// The wording catalogue: every sentence a reader or planner sees, by message id, in every
// language. Server side only (the build, the CLI, tests); a browser page gets the messages
// of its own language embedded (ClientMessages.astro).

import { LOCALES, type Locale } from './locales.ts';
import { en } from './messages/en.ts';
import { ja } from './messages/ja.ts';
import { Words, type Messages } from './words.ts';

export const MESSAGES: Record<Locale, Messages> = { ja, en };

const cache = new Map<Locale, Words>();

export function wordsFor(locale: Locale): Words {
  let words = cache.get(locale);
  if (!words) cache.set(locale, (words = new Words(locale, MESSAGES[locale])));
  return words;
}

export function wordsByLocale(): Record<Locale, Words> {
  return Object.fromEntries(LOCALES.map((l) => [l, wordsFor(l)])) as Record<Locale, Words>;
}
