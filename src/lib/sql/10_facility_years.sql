-- Per facility-year: average wage, wage band and years since opening.
-- Needs tables: reports, plan_wage_bands, plan_opening_groups.
CREATE OR REPLACE VIEW facility_years AS
WITH base AS (
  SELECT
    r.*,
    half_up_div(r.total_wages_yen, r.person_months) AS average_monthly_wage_yen,
    -- Counted in fiscal years: opening on 31 March counts in the previous one.
    r.fiscal_year - fiscal_year_of(r.opened_on) + 1 AS years_since_opening,
    CASE WHEN r.user_days > 0 AND r.open_days > 0
      THEN r.user_days / r.open_days
    END AS average_daily_users
  FROM reports r
)
SELECT
  base.*,
  b.band_no AS wage_band_no,
  g.group_no AS opening_group_no
FROM base
LEFT JOIN plan_wage_bands b
  ON base.average_monthly_wage_yen >= b.lower_yen
 AND (b.upper_yen IS NULL OR base.average_monthly_wage_yen < b.upper_yen)
LEFT JOIN plan_opening_groups g
  ON base.years_since_opening >= g.first_year
 AND (g.last_year IS NULL OR base.years_since_opening <= g.last_year);
