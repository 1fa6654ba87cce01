-- Per fiscal year: the plan's headline indicators, both wage formulas.
-- facilities counts the facilities in the average (person_months > 0);
-- facilities_reported counts every row of the year.
CREATE OR REPLACE VIEW yearly_indicators AS
WITH sums AS (
  SELECT
    fiscal_year,
    count(*) AS facilities_reported,
    count(*) FILTER (WHERE person_months > 0) AS facilities,
    sum(person_months) FILTER (WHERE person_months > 0) AS person_months,
    sum(total_wages_yen) FILTER (WHERE person_months > 0) AS total_wages_yen,
    count(*) FILTER (WHERE average_daily_users IS NOT NULL) AS facilities_new_formula,
    sum(total_wages_yen) FILTER (WHERE average_daily_users IS NOT NULL) AS wages_new_formula,
    sum(average_daily_users) AS daily_users
  FROM facility_years
  GROUP BY fiscal_year
)
SELECT
  fiscal_year,
  CAST(facilities AS INTEGER) AS facilities,
  CAST(facilities_reported AS INTEGER) AS facilities_reported,
  CAST(person_months AS BIGINT) AS person_months,
  CAST(total_wages_yen AS BIGINT) AS total_wages_yen,
  -- Old formula: Σ wages ÷ Σ person-months.
  CAST(half_up_div(total_wages_yen, person_months) AS BIGINT) AS average_monthly_wage_yen,
  -- FY2023+ formula: Σ wages ÷ Σ(user_days ÷ open_days) ÷ 12, over facilities reporting both.
  CAST(round(wages_new_formula / daily_users / 12) AS BIGINT) AS average_monthly_wage_new_yen,
  CAST(facilities_new_formula AS INTEGER) AS facilities_new_formula
FROM sums
ORDER BY fiscal_year;
