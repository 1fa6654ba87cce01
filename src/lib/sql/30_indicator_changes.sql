-- Each year's headline indicators against the previous reported year and against each of
-- the plan's baseline years (the baseline table's Δ and % columns), in long form.
CREATE OR REPLACE VIEW indicator_changes AS
WITH long AS (
  UNPIVOT (
    SELECT fiscal_year,
      CAST(facilities AS DOUBLE) AS facilities,
      CAST(person_months AS DOUBLE) AS person_months,
      CAST(total_wages_yen AS DOUBLE) AS total_wages_yen,
      average_monthly_wage_yen
    FROM yearly_indicators
  )
  ON facilities, person_months, total_wages_yen, average_monthly_wage_yen
  INTO NAME indicator VALUE value
),
comparisons AS (
  SELECT fiscal_year, 'previous_year' AS basis, compared_fiscal_year
  FROM (SELECT fiscal_year, lag(fiscal_year) OVER (ORDER BY fiscal_year) AS compared_fiscal_year FROM yearly_indicators)
  WHERE compared_fiscal_year IS NOT NULL
  UNION ALL
  SELECT y.fiscal_year, 'baseline', b.fiscal_year
  FROM yearly_indicators y JOIN plan_baselines b ON b.fiscal_year < y.fiscal_year
)
SELECT
  c.fiscal_year,
  c.basis,
  c.compared_fiscal_year,
  cur.indicator,
  cur.value,
  base.value AS compared_value,
  cur.value - base.value AS change,
  (cur.value - base.value) * 100.0 / base.value AS change_pct
FROM comparisons c
JOIN long cur ON cur.fiscal_year = c.fiscal_year
JOIN long base ON base.fiscal_year = c.compared_fiscal_year AND base.indicator = cur.indicator
ORDER BY c.fiscal_year, c.basis DESC, c.compared_fiscal_year, cur.indicator;
