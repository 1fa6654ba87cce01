-- Progress against the plan's goal. The goal is set in the old formula, so only the
-- old-formula average is compared with it; the new-formula figure is shown beside it.
CREATE OR REPLACE VIEW goal_progress AS
SELECT
  y.fiscal_year,
  y.average_monthly_wage_yen,
  y.average_monthly_wage_new_yen,
  p.goal_yen,
  p.goal_fiscal_year,
  p.goal_yen - y.average_monthly_wage_yen AS gap_to_goal_yen,
  y.average_monthly_wage_yen * 100.0 / p.goal_yen AS share_of_goal_pct,
  y.average_monthly_wage_yen >= p.goal_yen AS goal_met,
  -- Compound yearly growth that would reach the goal in the goal year, in percent.
  CASE WHEN y.fiscal_year < p.goal_fiscal_year
    THEN (power(p.goal_yen * 1.0 / y.average_monthly_wage_yen, 1.0 / (p.goal_fiscal_year - y.fiscal_year)) - 1) * 100
  END AS growth_needed_per_year_pct,
  n.average_monthly_wage_yen AS national_average_yen,
  n.formula AS national_formula,
  y.fiscal_year BETWEEN p.start_fiscal_year AND p.end_fiscal_year AS in_plan_period
FROM yearly_indicators y
CROSS JOIN plan p
LEFT JOIN national_averages n ON n.fiscal_year = y.fiscal_year
ORDER BY y.fiscal_year;
