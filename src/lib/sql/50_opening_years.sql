-- By years since opening: per group, facilities, wages and person-months per facility;
-- and the share of each wage band within each group.
CREATE OR REPLACE VIEW opening_year_indicators AS
WITH per_group AS (
  SELECT fiscal_year, opening_group_no,
    count(*) AS facilities,
    sum(total_wages_yen) AS total_wages_yen,
    sum(person_months) AS person_months
  FROM facility_years
  WHERE opening_group_no IS NOT NULL
  GROUP BY fiscal_year, opening_group_no
)
SELECT
  y.fiscal_year,
  g.group_no,
  CAST(coalesce(p.facilities, 0) AS INTEGER) AS facilities,
  -- Means per facility: whole yen, and person-months to one decimal.
  CAST(half_up_div(p.total_wages_yen, p.facilities) AS BIGINT) AS wages_per_facility_yen,
  half_up_div_1dp(p.person_months, p.facilities) AS person_months_per_facility,
  average_yen(p.total_wages_yen, p.person_months, pl.monthly_decimals) AS average_monthly_wage_yen
FROM (SELECT DISTINCT fiscal_year FROM facility_averages) y
CROSS JOIN plan pl
CROSS JOIN plan_opening_groups g
LEFT JOIN per_group p ON p.fiscal_year = y.fiscal_year AND p.opening_group_no = g.group_no
ORDER BY y.fiscal_year, g.group_no;

CREATE OR REPLACE VIEW opening_year_wage_bands AS
WITH counts AS (
  SELECT fiscal_year, opening_group_no, wage_band_no, count(*) AS facilities
  FROM facility_years
  WHERE opening_group_no IS NOT NULL AND wage_band_no IS NOT NULL
  GROUP BY ALL
),
totals AS (
  SELECT fiscal_year, opening_group_no, sum(facilities) AS group_facilities
  FROM counts GROUP BY ALL
)
SELECT
  t.fiscal_year,
  g.group_no,
  b.band_no,
  CAST(coalesce(c.facilities, 0) AS INTEGER) AS facilities,
  -- Share of the group's facilities.
  coalesce(c.facilities, 0) * 1.0 / t.group_facilities AS share
FROM totals t
JOIN plan_opening_groups g ON g.group_no = t.opening_group_no
CROSS JOIN plan_wage_bands b
LEFT JOIN counts c
  ON c.fiscal_year = t.fiscal_year AND c.opening_group_no = t.opening_group_no AND c.wage_band_no = b.band_no
ORDER BY t.fiscal_year, g.group_no, b.band_no;
