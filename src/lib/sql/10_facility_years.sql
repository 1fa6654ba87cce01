-- Per facility-year: average wage, wage band and years since opening.
-- Needs tables: reports, plan_wage_bands, plan_opening_groups.
CREATE OR REPLACE VIEW facility_years AS
WITH base AS (
  SELECT
    r.*,
    -- Σ wages ÷ person-months, rounded half-up to whole yen in exact integer arithmetic.
    CASE WHEN r.person_months > 0
      THEN (2 * r.total_wages_yen + r.person_months) // (2 * r.person_months)
    END AS average_monthly_wage_yen,
    -- A fiscal year starts on 1 April: opening on 31 March counts in the previous one.
    CASE WHEN r.opened_on IS NOT NULL
      THEN r.fiscal_year - (year(r.opened_on) - CASE WHEN month(r.opened_on) < 4 THEN 1 ELSE 0 END) + 1
    END AS years_since_opening,
    CASE WHEN r.user_days > 0 AND r.open_days > 0
      THEN r.user_days / r.open_days
    END AS average_daily_users
  FROM reports r
)
SELECT
  base.*,
  b.band_no AS wage_band_no,
  b.label_ja AS wage_band_ja,
  b.label_en AS wage_band_en,
  g.group_no AS opening_group_no,
  g.label_ja AS opening_group_ja,
  g.label_en AS opening_group_en
FROM base
LEFT JOIN plan_wage_bands b
  ON base.average_monthly_wage_yen >= b.lower_yen
 AND (b.upper_yen IS NULL OR base.average_monthly_wage_yen < b.upper_yen)
LEFT JOIN plan_opening_groups g
  ON base.years_since_opening >= g.first_year
 AND (g.last_year IS NULL OR base.years_since_opening <= g.last_year);
