// Interface wording in Japanese (default) and English.

import type { Locale } from './format.ts';

const messages = {
  siteName: { ja: '工賃向上計画ダッシュボード', en: 'Wage Plan Dashboard' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to content' },
  sampleTitle: { ja: 'サンプルデータ', en: 'Sample data' },
  sampleBody: {
    ja: 'この画面の数値は、計画に公表された集計値（図表6・図表12）に合うよう生成した架空の事業所データによるものです。実在の事業所の実績ではありません。',
    en: 'The figures on this page come from generated facility data matched to the totals the plan publishes (Figures 6 and 12). They are not real facilities’ results.',
  },
  sampleShort: { ja: 'サンプルデータ：生成した架空の事業所データによる数値です。', en: 'Sample data: figures from generated facilities, not real ones.' },
  showNumbers: { ja: '数値を表で表示', en: 'Show the numbers as a table' },
  permalink: { ja: 'この図へのリンク', en: 'Link to this chart' },
  download: { ja: 'ダウンロード', en: 'Download' },
  language: { ja: 'English', en: '日本語' },
  languageLabel: { ja: 'English version', en: '日本語版' },
  oldFormula: { ja: '旧算定式', en: 'old formula' },
  newFormula: { ja: '新算定式', en: 'new formula' },
} as const;

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, locale: Locale): string {
  return messages[key][locale];
}
