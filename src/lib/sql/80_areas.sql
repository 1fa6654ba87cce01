-- By 圏域 and by municipality (wards of designated cities rolled up into their city),
-- with the change against the previous reported fiscal year.
CREATE OR REPLACE VIEW area_indicators AS
WITH sums AS (
  SELECT fiscal_year, area,
    count(*) AS facilities,
    sum(person_months) AS person_months,
    sum(total_wages_yen) AS total_wages_yen
  FROM facility_years
  WHERE person_months > 0 AND area IS NOT NULL
  GROUP BY fiscal_year, area
),
averaged AS (
  SELECT *,
    (2 * total_wages_yen + person_months) // (2 * person_months) AS average_monthly_wage_yen
  FROM sums
)
SELECT
  fiscal_year,
  area,
  CAST(facilities AS INTEGER) AS facilities,
  CAST(person_months AS BIGINT) AS person_months,
  CAST(total_wages_yen AS BIGINT) AS total_wages_yen,
  CAST(average_monthly_wage_yen AS BIGINT) AS average_monthly_wage_yen,
  lag(fiscal_year) OVER by_area AS previous_fiscal_year,
  CAST(lag(average_monthly_wage_yen) OVER by_area AS BIGINT) AS previous_average_monthly_wage_yen,
  CAST(average_monthly_wage_yen - lag(average_monthly_wage_yen) OVER by_area AS BIGINT) AS average_change_yen
FROM averaged
WINDOW by_area AS (PARTITION BY area ORDER BY fiscal_year)
ORDER BY fiscal_year, area;

CREATE OR REPLACE VIEW municipality_indicators AS
WITH sums AS (
  SELECT f.fiscal_year, m.municipality, m.area,
    min(coalesce(c.code, m.code)) AS code,
    count(*) AS facilities,
    sum(f.person_months) AS person_months,
    sum(f.total_wages_yen) AS total_wages_yen
  FROM facility_years f
  JOIN municipalities m ON m.code = f.municipality_code
  LEFT JOIN municipalities c ON c.name = m.municipality
  WHERE f.person_months > 0
  GROUP BY f.fiscal_year, m.municipality, m.area
),
averaged AS (
  SELECT *,
    (2 * total_wages_yen + person_months) // (2 * person_months) AS average_monthly_wage_yen
  FROM sums
)
SELECT
  fiscal_year,
  code AS municipality_code,
  municipality,
  area,
  CAST(facilities AS INTEGER) AS facilities,
  CAST(person_months AS BIGINT) AS person_months,
  CAST(total_wages_yen AS BIGINT) AS total_wages_yen,
  CAST(average_monthly_wage_yen AS BIGINT) AS average_monthly_wage_yen,
  lag(fiscal_year) OVER by_municipality AS previous_fiscal_year,
  CAST(lag(average_monthly_wage_yen) OVER by_municipality AS BIGINT) AS previous_average_monthly_wage_yen,
  CAST(average_monthly_wage_yen - lag(average_monthly_wage_yen) OVER by_municipality AS BIGINT) AS average_change_yen
FROM averaged
WINDOW by_municipality AS (PARTITION BY municipality ORDER BY fiscal_year)
ORDER BY fiscal_year, code;
