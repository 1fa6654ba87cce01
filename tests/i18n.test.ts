// The wording catalogue and the formats of Words: every language has every message, none
// is empty by mistake, no English text carries Japanese left over, and numbers, yen and
// fiscal years come out as each language writes them.

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/lib/i18n/catalogue.ts';
import { LOCALES } from '../src/lib/i18n/locales.ts';
import { headingParts } from '../src/lib/i18n/phrases.ts';
import { warekiYear, Words } from '../src/lib/i18n/words.ts';
import { en, ja } from './helpers.ts';

/** English messages may name these Japanese terms, which the English pages explain. */
// Longer terms first: each is removed before the shorter ones it contains.
const JAPANESE_TERMS_IN_ENGLISH = ['令和3年4月1日', '令和元年度', '4月支払対象者数', '和暦', '年度', '未提出', '提出', '有', '済', '未'];
/** Units a language may leave empty (English counts carry no unit word). */
const MAY_BE_EMPTY = new Set(['unit.facilities', 'unit.persons']);

describe('the catalogue', () => {
  it('gives every language every message, and only those', () => {
    const ids = Object.keys(MESSAGES.ja).sort();
    for (const locale of LOCALES) expect(Object.keys(MESSAGES[locale]).sort()).toEqual(ids);
  });

  it('leaves no message empty but the unit words a language does without', () => {
    for (const locale of LOCALES) {
      const empty = Object.entries(MESSAGES[locale]).filter(([id, text]) => text.trim() === '' && !MAY_BE_EMPTY.has(id));
      expect(empty, locale).toEqual([]);
    }
  });

  it('has no Japanese left in English messages but the terms they explain', () => {
    const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
    const leftovers = Object.entries(MESSAGES.en)
      .filter(([, text]) => japanese.test(JAPANESE_TERMS_IN_ENGLISH.reduce((t, term) => t.replaceAll(term, ''), text)));
    expect(leftovers).toEqual([]);
  });

  it('writes every placeholder in a form the filler reads: {name}, or {count|one|other} with two forms', () => {
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      for (const [id, text] of Object.entries(messages)) {
        const braces = text.match(/\{[^{}]*\}/g) ?? [];
        for (const part of braces) expect(part, `${locale} ${id}`).toMatch(/^\{\w+(\|[^|{}]*\|[^|{}]*)?\}$/);
      }
    }
  });

  it('refuses an id it does not have and a missing placeholder value', () => {
    const words = new Words('ja', { 'legend.goal': '目標 {goal}' });
    expect(() => words.t('legend.goal_only')).toThrow('no ja message legend.goal_only');
    expect(() => words.t('legend.goal', {} as never)).toThrow('needs {goal}');
  });
});

describe('formats', () => {
  it.each([
    [1988, '昭和63'], // April 1988 – March 1989
    [1989, '平成元'],
    [2006, '平成18'],
    [2018, '平成30'],
    [2019, '令和元'], // April 2019 was still 平成31年, but the fiscal year is named 令和元年度
    [2023, '令和5'],
  ])('names FY%i in 和暦 %s', (fy, era) => {
    expect(warekiYear(fy)).toBe(era);
  });

  it('writes fiscal years the way each language does', () => {
    expect([ja.fy(2019), ja.fyName(2019), ja.fyShort(2006), ja.fyShort(2019), ja.fyTick(2017)]).toEqual(['令和元年度（2019年度）', '令和元年度', 'H18（2006）', 'R1（2019）', 'H29\n2017']);
    expect([en.fy(2019), en.fyName(2019), en.fyShort(2019), en.fyTick(2017)]).toEqual(['FY2019', 'FY2019', 'FY2019', 'FY\n2017']);
    // A range only for more than three years with none missing between them.
    expect([ja.fyNameList([2019, 2020]), ja.fyNameList([2019, 2020, 2021, 2022]), ja.fyNameList([2006, 2014, 2017, 2019])])
      .toEqual(['令和元年度・令和2年度', '令和元年度〜令和4年度', '平成18年度・平成26年度・平成29年度・令和元年度']);
    expect([en.fyNameList([2019, 2020, 2021, 2022]), en.fyNameList([2019, 2022, 2023, 2024])]).toEqual(['FY2019–FY2022', 'FY2019, FY2022, FY2023, FY2024']);
  });

  it('formats yen, counts, percentages and signed changes', () => {
    expect([ja.yen(1_665_122_838), en.yen(14_215), ja.yen(-5)]).toEqual(['1,665,122,838円', '¥14,215', '−5円']);
    expect([ja.change(310), en.change(-1_234, 'yen'), ja.change(0)]).toEqual(['+310', '−¥1,234', '±0']);
    expect([ja.percent(160.62), en.percent(-2.75, true), ja.share(0.349), en.decimal(11.25)]).toEqual(['160.6%', '−2.8%', '34.9%', '11.3']);
  });

  it('rounds a hundred million yen or more to the units readers use, and leaves smaller amounts exact', () => {
    // 21.0815億 and 1.4626億 to three significant digits; in English, billions and millions.
    expect([ja.yenRounded(2_108_150_000), ja.yenRounded(146_260_000), ja.yenRounded(99_999_999), ja.yenRounded(-12_345_678_901)]).toEqual(['21.1億円', '1.46億円', '99,999,999円', '−123億円']);
    expect([en.yenRounded(2_108_150_000), en.yenRounded(146_260_000), en.yenRounded(1e8)]).toEqual(['¥2.11 billion', '¥146 million', '¥100 million']);
    // A change beside a rounded amount is rounded from ten thousand yen: 2434.7万 → 2430万.
    // English rounds from a million only: "¥146,000", never "¥146 thousand".
    expect([ja.change(146_260_000, 'rounded_yen'), en.change(-146_260_000, 'rounded_yen'), ja.change(24_347_162, 'rounded_yen'), en.change(24_347_162, 'rounded_yen'), ja.change(9_999, 'rounded_yen'), en.change(146_000, 'rounded_yen')])
      .toEqual(['+1.46億円', '−¥146 million', '+2430万円', '+¥24.3 million', '+9,999円', '+¥146,000']);
  });

  it('takes the word that goes with a number: 1 facility, 2 facilities; Japanese has one form', () => {
    expect([en.t('facilities.count', { count: 1 }), en.t('facilities.count', { count: 2 }), en.t('facilities.count', { count: 0 }), en.t('facilities.count', { count: 1_234 })])
      .toEqual(['1 facility', '2 facilities', '0 facilities', '1,234 facilities']);
    expect([ja.t('facilities.count', { count: 1 }), ja.t('facilities.count', { count: 2 })]).toEqual(['1事業所', '2事業所']);
    expect(en.t('reader.repeated_header', { first: 1, count: 1, lines: '3' })).toBe('the header (line 1) is repeated 1 time, on line 3; that line is skipped');
  });

  it('fills placeholders, formatting numbers as counts', () => {
    expect(ja.t('import.counts_all', { lines: 12_345 })).toBe('事業所の行 12,345 行をすべて読み込みました。');
    expect(en.t('kpi.vs_previous', { year: 'FY2022', change: '+23', pct: '+4.1%' })).toBe('vs FY2022: +23 (+4.1%)');
  });
});

describe('headingParts', () => {
  it('keeps each era year of a heading whole and loses no character', () => {
    const title = '工賃区分の移動（令和元年度→令和5年度）';
    const parts = headingParts(title);
    expect(parts).toEqual([
      { text: '工賃区分の移動（', whole: false },
      { text: '令和元年度', whole: true },
      { text: '→', whole: false },
      { text: '令和5年度', whole: true },
      { text: '）', whole: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(title);
    expect(headingParts('平成18年度（2006年度）の状況')[0]).toEqual({ text: '平成18年度', whole: true });
    expect(headingParts('FY2023 overview')).toEqual([{ text: 'FY2023 overview', whole: false }]);
  });
});
