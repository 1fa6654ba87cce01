-- The spread behind each average, and how far each place is from the goal: for the
-- prefecture, each 圏域 and each municipality, every reported year. Quantiles are of the
-- facilities' own average monthly wages (old formula), interpolated (quantile_cont); the
-- average is the place's Σ wages ÷ Σ person-months, as in yearly_indicators and
-- place_indicators. Quantiles are rounded as the plan's averages are (plan.json precision),
-- so tables and downloads show one value. The goal is the old-formula target in force (target_path). A place below
-- the disclosure threshold keeps its count and withholds everything else.
--   level                        prefecture | area | municipality
--   facilities                   facilities in the average
--   p10_yen                      10th percentile of the facilities' averages (p25, median, p75, p90 likewise)
--   target_yen                   the old-formula target in force that year (NULL outside the plan's phases)
--   facilities_at_goal           facilities whose own average is at or above target_yen
--   share_at_goal_pct            facilities_at_goal as a percentage of facilities
--   low_wage_yen                 the plan's low-wage line (plan.json low_wage_yen; NULL without one)
--   facilities_below_low_wage    facilities whose own average is below low_wage_yen
--   share_below_low_wage_pct     facilities_below_low_wage as a percentage of facilities
--   growth_needed_per_year_pct   compound yearly growth that takes the place's average to the phase's last old-formula target in its year
CREATE OR REPLACE VIEW place_spread AS
WITH facilities AS (
  SELECT f.fiscal_year, f.area, f.municipality, f.average_monthly_wage_yen AS yen, t.target_yen, t.final_target_yen, t.final_target_fiscal_year
  FROM facility_places f
  LEFT JOIN target_path t ON t.fiscal_year = f.fiscal_year AND t.formula = 'old'
  WHERE f.in_average
),
grouped AS (
  SELECT fiscal_year,
    CASE WHEN grouping(area) = 1 THEN 'prefecture' WHEN grouping(municipality) = 1 THEN 'area' ELSE 'municipality' END AS level,
    area, municipality,
    CAST(count(*) AS INTEGER) AS facilities,
    quantile_cont(yen, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q,
    any_value(target_yen) AS target_yen,
    any_value(final_target_yen) AS final_target_yen,
    any_value(final_target_fiscal_year) AS final_target_fiscal_year,
    CAST(count(*) FILTER (WHERE yen >= target_yen) AS INTEGER) AS at_goal,
    CAST(count(*) FILTER (WHERE yen < (SELECT low_wage_yen FROM plan)) AS INTEGER) AS below_low_wage
  FROM facilities
  GROUP BY GROUPING SETS ((fiscal_year), (fiscal_year, area), (fiscal_year, area, municipality))
  HAVING grouping(area) = 1 OR (area IS NOT NULL AND (grouping(municipality) = 1 OR municipality IS NOT NULL))
),
placed AS (
  SELECT g.*,
    coalesce(p.suppressed, false) AS suppressed,
    CASE g.level WHEN 'prefecture' THEN y.average_monthly_wage_yen ELSE p.average_monthly_wage_yen END AS average_monthly_wage_yen
  FROM grouped g
  LEFT JOIN yearly_indicators y ON g.level = 'prefecture' AND y.fiscal_year = g.fiscal_year
  LEFT JOIN place_indicators p ON p.fiscal_year = g.fiscal_year AND p.level = g.level AND p.area = g.area
    AND p.municipality IS NOT DISTINCT FROM g.municipality
)
SELECT
  p.fiscal_year, p.level, pa.area_no, p.area, p.municipality, p.facilities,
  CASE WHEN NOT p.suppressed THEN round(p.q[1], pl.monthly_decimals) END AS p10_yen,
  CASE WHEN NOT p.suppressed THEN round(p.q[2], pl.monthly_decimals) END AS p25_yen,
  CASE WHEN NOT p.suppressed THEN round(p.q[3], pl.monthly_decimals) END AS median_yen,
  CASE WHEN NOT p.suppressed THEN round(p.q[4], pl.monthly_decimals) END AS p75_yen,
  CASE WHEN NOT p.suppressed THEN round(p.q[5], pl.monthly_decimals) END AS p90_yen,
  p.average_monthly_wage_yen,
  p.target_yen,
  CASE WHEN NOT p.suppressed AND p.target_yen IS NOT NULL THEN p.at_goal END AS facilities_at_goal,
  CASE WHEN NOT p.suppressed AND p.target_yen IS NOT NULL THEN p.at_goal * 100.0 / p.facilities END AS share_at_goal_pct,
  pl.low_wage_yen,
  CASE WHEN NOT p.suppressed AND pl.low_wage_yen IS NOT NULL THEN p.below_low_wage END AS facilities_below_low_wage,
  CASE WHEN NOT p.suppressed AND pl.low_wage_yen IS NOT NULL THEN p.below_low_wage * 100.0 / p.facilities END AS share_below_low_wage_pct,
  p.final_target_yen,
  p.final_target_fiscal_year,
  growth_needed_pct(p.average_monthly_wage_yen, p.final_target_yen, p.final_target_fiscal_year - p.fiscal_year) AS growth_needed_per_year_pct,
  p.suppressed
FROM placed p
CROSS JOIN plan pl
LEFT JOIN plan_areas pa ON pa.area = p.area
ORDER BY p.fiscal_year, p.level = 'prefecture' DESC, pa.area_no, p.level = 'area' DESC, p.municipality;
