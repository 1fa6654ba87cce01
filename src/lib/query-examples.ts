// Example queries of the SQL console, made from the plan: its baseline table, its wage-band
// comparison years and the latest year, each from the published views.

import type { Words } from './i18n/words.ts';
import { numberedTitle, type Plan } from './plan.ts';

export interface QueryExample {
  label: string;
  sql: string;
}

export function queryExamples(plan: Plan, years: number[], words: Words): QueryExample[] {
  const latest = years[years.length - 1]!;
  const labelColumn = `label_${words.locale}`;
  const baselines = plan.baseline_fiscal_years.filter((y) => years.includes(y));
  // The plan's baseline table compares its last baseline with the earlier ones; with one
  // baseline, the latest year is compared with it.
  const compared = baselines.length > 1 ? baselines[baselines.length - 1]! : latest;
  const bandYears = [...new Set([...plan.wage_band_comparison_fiscal_years.filter((y) => years.includes(y)), latest])].sort((a, b) => a - b);
  const examples: QueryExample[] = [
    { label: words.t('console.example.yearly'), sql: 'SELECT *\nFROM yearly_indicators\nORDER BY fiscal_year;' },
  ];
  if (baselines.some((b) => b < compared)) {
    examples.push({
      label: numberedTitle(plan, 'baseline_table', words.t('console.example.baselines', { year: words.fyName(compared) }), words),
      sql: `SELECT indicator, value, compared_fiscal_year, compared_value,
       change, round(change_pct, 1) AS change_pct
FROM indicator_changes
WHERE fiscal_year = ${compared} AND basis = 'baseline'
ORDER BY compared_fiscal_year, indicator;`,
    });
  }
  examples.push(
    {
      label: numberedTitle(plan, 'wage_bands', words.t('console.example.wage_bands'), words),
      sql: `SELECT b.${labelColumn} AS band,
${bandYears.map((y) => `       sum(d.facilities) FILTER (WHERE d.fiscal_year = ${y}) AS fy${y}`).join(',\n')}
FROM wage_band_distribution d
JOIN plan_wage_bands b USING (band_no)
GROUP BY b.band_no, band
ORDER BY b.band_no;`,
    },
    {
      label: numberedTitle(plan, 'activities', words.t('console.example.activities', { year: words.fyName(latest) }), words),
      sql: `SELECT a.${labelColumn} AS activity, m.answers,
       round(100 * m.share_of_answers, 1) AS share_of_answers_pct
FROM activity_mix m
JOIN plan_activities a USING (activity)
WHERE m.fiscal_year = ${latest} AND m.in_answer_mix
ORDER BY m.sort_no;`,
    },
    {
      label: words.t('console.example.municipalities'),
      sql: `SELECT municipality, area, facilities, average_monthly_wage_yen, average_change_yen
FROM municipality_indicators
WHERE fiscal_year = (SELECT max(fiscal_year) FROM yearly_indicators)
ORDER BY average_monthly_wage_yen DESC;`,
    },
  );
  return examples;
}
