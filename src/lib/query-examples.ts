// Example queries of the SQL console: the plan's own tables, from the published views.

import type { Locale } from './format.ts';

export interface QueryExample {
  label: Record<Locale, string>;
  sql: string;
}

export const QUERY_EXAMPLES: QueryExample[] = [
  {
    label: { ja: '年度別の指標（yearly_indicators）', en: 'Indicators per fiscal year (yearly_indicators)' },
    sql: 'SELECT *\nFROM yearly_indicators\nORDER BY fiscal_year;',
  },
  {
    label: { ja: '図表6：各計画策定時点の指標の比較', en: 'Figure 6: indicators at each plan baseline' },
    sql: `SELECT indicator, value AS r1, baseline_fiscal_year, baseline_value,
       change, round(change_pct, 1) AS change_pct
FROM baseline_changes
WHERE fiscal_year = 2019
ORDER BY baseline_fiscal_year, indicator;`,
  },
  {
    label: { ja: '図表8：平均工賃月額別の事業所数', en: 'Figure 8: facilities by wage band' },
    sql: `SELECT label_ja AS band,
       sum(facilities) FILTER (WHERE fiscal_year = 2014) AS fy2014,
       sum(facilities) FILTER (WHERE fiscal_year = 2017) AS fy2017,
       sum(facilities) FILTER (WHERE fiscal_year = 2019) AS fy2019
FROM wage_band_distribution
GROUP BY band_no, label_ja
ORDER BY band_no;`,
  },
  {
    label: { ja: '図表12：事業所の生産活動の状況（令和元年度）', en: 'Figure 12: production activities (FY2019)' },
    sql: `SELECT label_ja AS activity, answers,
       round(100 * share_of_answers, 1) AS share_of_answers_pct
FROM activity_mix
WHERE fiscal_year = 2019 AND in_answer_mix
ORDER BY sort_no;`,
  },
  {
    label: { ja: '市町村別の平均工賃月額（最新年度）', en: 'Average wage by municipality (latest year)' },
    sql: `SELECT municipality, area, facilities, average_monthly_wage_yen, average_change_yen
FROM municipality_indicators
WHERE fiscal_year = (SELECT max(fiscal_year) FROM reports)
ORDER BY average_monthly_wage_yen DESC;`,
  },
];
