-- Each facility-year with the place it is counted in: its 圏域 and municipality, a ward
-- rolled up into its city as municipalities.csv says. Areas, municipalities and each
-- facility's page all count a facility in the same place.
CREATE OR REPLACE VIEW facility_places AS
SELECT f.* EXCLUDE (area, municipality, municipality_code),
  coalesce(m.area, f.area) AS area,
  m.municipality,
  coalesce(c.code, m.code) AS municipality_code
FROM facility_years f
LEFT JOIN municipalities m ON m.code = f.municipality_code
LEFT JOIN municipalities c ON c.name = m.municipality;

-- By 圏域 and by municipality (wards of designated cities rolled up into their city, as
-- municipalities.csv says), with the facilities that should report and did, and the change
-- against the previous reported fiscal year (a place where nobody reported has no average). Both levels come from one aggregation (GROUPING
-- SETS), so they always add up the same way. Areas are ordered as the plan lists them.
CREATE OR REPLACE VIEW place_indicators AS
WITH sums AS (
  SELECT fiscal_year,
    CASE WHEN grouping(municipality) = 0 THEN 'municipality' ELSE 'area' END AS level,
    area, municipality, min(municipality_code) AS municipality_code,
    count(*) AS facilities_designated,
    count(*) FILTER (WHERE submitted) AS facilities_reported,
    count(*) FILTER (WHERE in_average) AS facilities,
    sum(person_months) FILTER (WHERE in_average) AS person_months,
    sum(total_wages_yen) FILTER (WHERE in_average) AS total_wages_yen
  FROM facility_places
  WHERE area IS NOT NULL
  GROUP BY GROUPING SETS ((fiscal_year, area), (fiscal_year, area, municipality))
  HAVING grouping(municipality) = 1 OR municipality IS NOT NULL
),
-- A place with facilities in the average, but fewer than the plan's disclosure threshold
-- (plan.json disclosure.min_facilities), keeps its counts and withholds its totals and average.
withheld AS (
  SELECT sums.*, facilities > 0 AND facilities < p.min_facilities AS suppressed, p.monthly_decimals
  FROM sums CROSS JOIN plan p
),
averaged AS (
  SELECT * EXCLUDE (person_months, total_wages_yen, monthly_decimals),
    CASE WHEN NOT suppressed THEN person_months END AS person_months,
    CASE WHEN NOT suppressed THEN total_wages_yen END AS total_wages_yen,
    CASE WHEN NOT suppressed THEN average_yen(total_wages_yen, person_months, monthly_decimals) END AS average_monthly_wage_yen
  FROM withheld
)
SELECT
  a.fiscal_year, a.level, pa.area_no, a.area, a.municipality, a.municipality_code,
  CAST(a.facilities_designated AS INTEGER) AS facilities_designated,
  CAST(a.facilities_reported AS INTEGER) AS facilities_reported,
  a.facilities_reported * 100.0 / a.facilities_designated AS reporting_rate_pct,
  CAST(a.facilities AS INTEGER) AS facilities,
  CAST(a.person_months AS BIGINT) AS person_months,
  CAST(a.total_wages_yen AS BIGINT) AS total_wages_yen,
  a.average_monthly_wage_yen,
  lag(a.fiscal_year) OVER by_place AS previous_fiscal_year,
  lag(a.average_monthly_wage_yen) OVER by_place AS previous_average_monthly_wage_yen,
  a.average_monthly_wage_yen - lag(a.average_monthly_wage_yen) OVER by_place AS average_change_yen,
  a.suppressed
FROM averaged a
LEFT JOIN plan_areas pa ON pa.area = a.area
WINDOW by_place AS (PARTITION BY a.level, a.area, a.municipality ORDER BY a.fiscal_year);

CREATE OR REPLACE VIEW area_indicators AS
SELECT * EXCLUDE (level, municipality, municipality_code)
FROM place_indicators WHERE level = 'area'
ORDER BY fiscal_year, area_no;

CREATE OR REPLACE VIEW municipality_indicators AS
SELECT fiscal_year, municipality_code, municipality, area_no, area,
  * EXCLUDE (fiscal_year, level, area_no, area, municipality, municipality_code)
FROM place_indicators WHERE level = 'municipality'
ORDER BY fiscal_year, area_no, municipality_code;
