-- Each year's indicators against each baseline year of the plan (図表6's Δ and % columns).
CREATE OR REPLACE VIEW baseline_changes AS
WITH long AS (
  UNPIVOT (
    SELECT fiscal_year,
      CAST(facilities AS BIGINT) AS facilities,
      person_months,
      total_wages_yen,
      average_monthly_wage_yen
    FROM yearly_indicators
  )
  ON facilities, person_months, total_wages_yen, average_monthly_wage_yen
  INTO NAME indicator VALUE value
)
SELECT
  cur.fiscal_year,
  base.fiscal_year AS baseline_fiscal_year,
  cur.indicator,
  cur.value,
  base.value AS baseline_value,
  cur.value - base.value AS change,
  (cur.value - base.value) * 100.0 / base.value AS change_pct
FROM long cur
JOIN plan_baselines pb ON pb.fiscal_year < cur.fiscal_year
JOIN long base ON base.fiscal_year = pb.fiscal_year AND base.indicator = cur.indicator
ORDER BY cur.fiscal_year, baseline_fiscal_year, cur.indicator;
