-- Facilities per wage band and year; every band appears, with 0 where empty.
-- share is of the year's facilities that have an average.
CREATE OR REPLACE VIEW wage_band_distribution AS
WITH years AS (
  SELECT fiscal_year, count(*) FILTER (WHERE wage_band_no IS NOT NULL) AS year_facilities
  FROM facility_years GROUP BY fiscal_year
),
counts AS (
  SELECT fiscal_year, wage_band_no, count(*) AS facilities
  FROM facility_years WHERE wage_band_no IS NOT NULL
  GROUP BY fiscal_year, wage_band_no
)
SELECT
  y.fiscal_year,
  b.band_no,
  b.lower_yen,
  b.upper_yen,
  CAST(coalesce(c.facilities, 0) AS INTEGER) AS facilities,
  coalesce(c.facilities, 0) * 1.0 / nullif(y.year_facilities, 0) AS share
FROM years y
CROSS JOIN plan_wage_bands b
LEFT JOIN counts c ON c.fiscal_year = y.fiscal_year AND c.wage_band_no = b.band_no
ORDER BY y.fiscal_year, b.band_no;
