-- Per fiscal year: the plan's headline indicators.
--   facilities_designated  every row of the year: the facilities that should report (対象事業所数)
--   facilities_reported    rows that reported (報告事業所数); reporting_rate_pct = reported ÷ designated
--   facilities             facilities in the average (reported, person-months > 0)
-- Averages: old formula Σ wages ÷ Σ person-months; new formula (FY2023+) Σ wages ÷ Σ average
-- daily users (each rounded up to 0.1) ÷ 12 over facilities reporting both; per hour
-- Σ wages ÷ Σ hours over facilities reporting hours, to one decimal.
-- basis: 'reports' (summed from facility rows) or 'published' (a year without facility rows,
-- from reference/published_totals.csv).
CREATE OR REPLACE VIEW yearly_indicators AS
WITH sums AS (
  SELECT
    fiscal_year,
    count(*) AS facilities_designated,
    count(*) FILTER (WHERE submitted) AS facilities_reported,
    count(*) FILTER (WHERE in_average) AS facilities,
    sum(person_months) FILTER (WHERE in_average) AS person_months,
    sum(total_wages_yen) FILTER (WHERE in_average) AS total_wages_yen,
    count(*) FILTER (WHERE average_hourly_wage_yen IS NOT NULL) AS facilities_with_hours,
    sum(work_hours) FILTER (WHERE average_hourly_wage_yen IS NOT NULL) AS work_hours,
    sum(total_wages_yen) FILTER (WHERE average_hourly_wage_yen IS NOT NULL) AS wages_with_hours,
    count(*) FILTER (WHERE daily_users_tenths IS NOT NULL) AS facilities_new_formula,
    sum(total_wages_yen) FILTER (WHERE daily_users_tenths IS NOT NULL) AS wages_new_formula,
    sum(daily_users_tenths) AS daily_users_tenths
  FROM facility_averages
  GROUP BY fiscal_year
)
SELECT
  fiscal_year,
  'reports' AS basis,
  CAST(facilities_designated AS INTEGER) AS facilities_designated,
  CAST(facilities_reported AS INTEGER) AS facilities_reported,
  facilities_reported * 100.0 / facilities_designated AS reporting_rate_pct,
  CAST(facilities AS INTEGER) AS facilities,
  CAST(person_months AS BIGINT) AS person_months,
  CAST(total_wages_yen AS BIGINT) AS total_wages_yen,
  average_yen(total_wages_yen, person_months, p.monthly_decimals) AS average_monthly_wage_yen,
  average_yen(10 * wages_new_formula, 12 * daily_users_tenths, p.monthly_decimals) AS average_monthly_wage_new_yen,
  CAST(facilities_new_formula AS INTEGER) AS facilities_new_formula,
  CAST(work_hours AS BIGINT) AS work_hours,
  half_up_div_1dp(wages_with_hours, work_hours) AS average_hourly_wage_yen,
  CAST(facilities_with_hours AS INTEGER) AS facilities_with_hours
FROM sums CROSS JOIN plan p
UNION ALL
SELECT
  t.fiscal_year,
  'published',
  CAST(coalesce(t.facilities_designated, t.facilities) AS INTEGER),
  CAST(t.facilities AS INTEGER),
  t.facilities * 100.0 / coalesce(t.facilities_designated, t.facilities),
  CAST(t.facilities AS INTEGER),
  CAST(t.person_months AS BIGINT),
  CAST(t.total_wages_yen AS BIGINT),
  average_yen(t.total_wages_yen, t.person_months, p.monthly_decimals),
  NULL,
  0,
  CAST(t.work_hours AS BIGINT),
  half_up_div_1dp(t.total_wages_yen, t.work_hours),
  CAST(CASE WHEN t.work_hours IS NOT NULL THEN t.facilities ELSE 0 END AS INTEGER)
FROM published_totals t CROSS JOIN plan p
WHERE t.fiscal_year NOT IN (SELECT fiscal_year FROM sums)
ORDER BY fiscal_year;

-- Every published figure the data does not reproduce (the build and the CLI warn about each):
-- basis 'reports', a year that also has facility rows, whose sums differ; basis 'published', a
-- year known only from its totals, whose published average is not Σ wages ÷ Σ person-months.
CREATE OR REPLACE VIEW published_total_checks AS
WITH reported AS (SELECT * FROM yearly_indicators WHERE basis = 'reports'),
pairs AS (
  SELECT t.fiscal_year, 'facilities_designated' AS field, CAST(t.facilities_designated AS DOUBLE) AS published, CAST(r.facilities_designated AS DOUBLE) AS from_reports FROM published_totals t JOIN reported r USING (fiscal_year)
  UNION ALL SELECT t.fiscal_year, 'facilities', t.facilities, r.facilities FROM published_totals t JOIN reported r USING (fiscal_year)
  UNION ALL SELECT t.fiscal_year, 'person_months', t.person_months, r.person_months FROM published_totals t JOIN reported r USING (fiscal_year)
  UNION ALL SELECT t.fiscal_year, 'total_wages_yen', t.total_wages_yen, r.total_wages_yen FROM published_totals t JOIN reported r USING (fiscal_year)
  UNION ALL SELECT t.fiscal_year, 'work_hours', t.work_hours, r.work_hours FROM published_totals t JOIN reported r USING (fiscal_year)
  UNION ALL SELECT t.fiscal_year, 'average_monthly_wage_yen', t.average_monthly_wage_yen, r.average_monthly_wage_yen FROM published_totals t JOIN reported r USING (fiscal_year)
)
SELECT fiscal_year, 'reports' AS basis, field, published, from_reports AS computed
FROM pairs
WHERE published IS NOT NULL AND from_reports IS DISTINCT FROM published
UNION ALL
SELECT t.fiscal_year, 'published', 'average_monthly_wage_yen', t.average_monthly_wage_yen, y.average_monthly_wage_yen
FROM published_totals t JOIN yearly_indicators y USING (fiscal_year)
WHERE y.basis = 'published' AND t.average_monthly_wage_yen IS DISTINCT FROM y.average_monthly_wage_yen
  AND t.average_monthly_wage_yen IS NOT NULL
ORDER BY fiscal_year, field;
