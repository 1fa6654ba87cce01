-- Per facility-year: whether it is in the averages, its averages (old and new formula, per
-- hour) and years since opening; facility_years adds its wage band and opening group. Sums
-- over many rows read this one: finding a band compares each row with every band.
-- Needs tables: reports, plan.
CREATE OR REPLACE VIEW facility_averages AS
WITH base AS (
  SELECT
    r.*,
    -- A facility that did not report is only counted among those that should have.
    r.submitted AND r.person_months > 0 AS in_average,
    -- Counted in fiscal years: opening on 31 March counts in the previous one.
    r.fiscal_year - fiscal_year_of(r.opened_on) + 1 AS years_since_opening,
    CASE WHEN r.submitted THEN daily_users_tenths(r.user_days, r.open_days) END AS daily_users_tenths
  FROM reports r
)
SELECT
  base.*,
  CASE WHEN in_average THEN average_yen(total_wages_yen, person_months, p.monthly_decimals) END AS average_monthly_wage_yen,
  daily_users_tenths / 10 AS average_daily_users,
  -- New formula: wages ÷ average daily users ÷ 12, half-up (× 10 because users are in tenths).
  average_yen(10 * total_wages_yen, 12 * daily_users_tenths, p.monthly_decimals) AS average_monthly_wage_new_yen,
  CASE WHEN in_average AND work_hours > 0 THEN half_up_div_1dp(total_wages_yen, work_hours) END AS average_hourly_wage_yen
FROM base CROSS JOIN plan p;

-- Per facility-year: facility_averages with its wage band and its group by years since opening.
-- Needs tables: reports, plan, plan_wage_bands, plan_opening_groups.
CREATE OR REPLACE VIEW facility_years AS
SELECT
  a.*,
  b.band_no AS wage_band_no,
  g.group_no AS opening_group_no
FROM facility_averages a
LEFT JOIN plan_wage_bands b
  ON a.average_monthly_wage_yen >= b.lower_yen
 AND (b.upper_yen IS NULL OR a.average_monthly_wage_yen < b.upper_yen)
LEFT JOIN plan_opening_groups g
  ON a.in_average
 AND a.years_since_opening >= g.first_year
 AND (g.last_year IS NULL OR a.years_since_opening <= g.last_year);
