-- Each facility in each reported fiscal year, as its page shows it: what it reported, its
-- average and wage band, beside the averages of its municipality and of the prefecture
-- that year. A facility is followed across years by its office number (事業所番号).
--   office_no                  事業所番号: the same facility year after year
--   municipality               the municipality it is counted in (a ward's city)
--   in_average                 reported with person-months, so counted in the averages
--   average_monthly_wage_yen   its average monthly wage, old formula (NULL when not in the average)
--   wage_band_no               its wage band (plan_wage_bands); NULL when not in the average
--   municipality_average_yen   its municipality's average that year; NULL where withheld (disclosure threshold)
--   prefecture_average_yen     the prefecture's average that year (old formula)
CREATE OR REPLACE VIEW facility_history AS
SELECT
  f.office_no, f.fiscal_year, f.office_name, f.office_name_kana, f.corporation_name,
  f.municipality_code, f.municipality, pa.area_no, f.area,
  f.submitted, f.in_average, f.opened_on, CAST(f.years_since_opening AS INTEGER) AS years_since_opening,
  f.capacity, CAST(f.person_months AS BIGINT) AS person_months, CAST(f.total_wages_yen AS BIGINT) AS total_wages_yen,
  f.average_monthly_wage_yen, f.wage_band_no,
  f.own_business, f.contract_work, f.agri_welfare, f.main_work,
  m.average_monthly_wage_yen AS municipality_average_yen,
  y.average_monthly_wage_yen AS prefecture_average_yen
FROM facility_places f
LEFT JOIN plan_areas pa ON pa.area = f.area
LEFT JOIN municipality_indicators m ON m.fiscal_year = f.fiscal_year AND m.municipality_code = f.municipality_code
LEFT JOIN yearly_indicators y ON y.fiscal_year = f.fiscal_year
ORDER BY f.office_no, f.fiscal_year;

-- Each facility between two reported fiscal years, any two (from_fiscal_year before
-- fiscal_year): new to the list, gone from it, or up, down or in the same wage band.
--   from_fiscal_year   the earlier reported year compared with
--   from_band_no       its wage band that year (NULL: not in the list, or not in the average)
--   band_no            its wage band in fiscal_year (NULL likewise)
--   transition         new | gone | up | same | down | not_comparable (in both lists, not in both averages)
CREATE OR REPLACE VIEW facility_moves AS
WITH years AS (SELECT DISTINCT fiscal_year FROM reports),
pairs AS (
  SELECT a.fiscal_year AS from_fiscal_year, b.fiscal_year FROM years a JOIN years b ON a.fiscal_year < b.fiscal_year
),
this_year AS (
  SELECT p.from_fiscal_year, p.fiscal_year, f.office_no, f.office_name, f.municipality, f.wage_band_no
  FROM pairs p JOIN facility_history f ON f.fiscal_year = p.fiscal_year
),
year_before AS (
  SELECT p.from_fiscal_year, p.fiscal_year, f.office_no, f.office_name, f.municipality, f.wage_band_no
  FROM pairs p JOIN facility_history f ON f.fiscal_year = p.from_fiscal_year
)
SELECT
  coalesce(n.from_fiscal_year, b.from_fiscal_year) AS from_fiscal_year,
  coalesce(n.fiscal_year, b.fiscal_year) AS fiscal_year,
  coalesce(n.office_no, b.office_no) AS office_no,
  coalesce(n.office_name, b.office_name) AS office_name,
  coalesce(n.municipality, b.municipality) AS municipality,
  b.wage_band_no AS from_band_no,
  n.wage_band_no AS band_no,
  CASE
    WHEN b.office_no IS NULL THEN 'new'
    WHEN n.office_no IS NULL THEN 'gone'
    WHEN b.wage_band_no IS NULL OR n.wage_band_no IS NULL THEN 'not_comparable'
    WHEN n.wage_band_no > b.wage_band_no THEN 'up'
    WHEN n.wage_band_no < b.wage_band_no THEN 'down'
    ELSE 'same'
  END AS transition
FROM this_year n
FULL JOIN year_before b ON b.from_fiscal_year = n.from_fiscal_year AND b.fiscal_year = n.fiscal_year AND b.office_no = n.office_no
ORDER BY from_fiscal_year, fiscal_year, office_no;

-- Each reported fiscal year and the reported year before it. Years can be sparse, so the
-- year before is the previous year with reports, not always fiscal_year - 1.
CREATE OR REPLACE VIEW consecutive_years AS
SELECT * FROM (
  SELECT fiscal_year, lag(fiscal_year) OVER (ORDER BY fiscal_year) AS previous_fiscal_year
  FROM (SELECT DISTINCT fiscal_year FROM reports)
)
WHERE previous_fiscal_year IS NOT NULL;

-- Each facility between a reported fiscal year and the reported year before it (facility_moves
-- of consecutive years).
--   previous_fiscal_year   the reported year compared with
--   previous_band_no       its wage band that year (NULL: not in the list, or not in the average)
--   band_no                its wage band in fiscal_year (NULL likewise)
--   transition             new | gone | up | same | down | not_comparable
CREATE OR REPLACE VIEW facility_transitions AS
SELECT m.fiscal_year, m.from_fiscal_year AS previous_fiscal_year, m.office_no, m.office_name, m.municipality,
  m.from_band_no AS previous_band_no, m.band_no, m.transition
FROM facility_moves m
JOIN consecutive_years y ON y.fiscal_year = m.fiscal_year AND y.previous_fiscal_year = m.from_fiscal_year
ORDER BY m.fiscal_year, m.office_no;

-- How many facilities moved between wage bands between two reported years, any two, and how
-- many are new to the list or gone from it: facility_moves counted, every kind listed.
--   sort_no      the order tables list them in
--   transition   new | gone | up | same | down | not_comparable
--   facilities   facilities with that transition
CREATE OR REPLACE VIEW band_moves AS
SELECT p.from_fiscal_year, p.fiscal_year, t.sort_no, t.transition, CAST(count(m.office_no) AS INTEGER) AS facilities
FROM (SELECT DISTINCT from_fiscal_year, fiscal_year FROM facility_moves) p
CROSS JOIN (VALUES (1, 'up'), (2, 'same'), (3, 'down'), (4, 'not_comparable'), (5, 'new'), (6, 'gone')) t(sort_no, transition)
LEFT JOIN facility_moves m ON m.from_fiscal_year = p.from_fiscal_year AND m.fiscal_year = p.fiscal_year AND m.transition = t.transition
GROUP BY ALL
ORDER BY p.from_fiscal_year, p.fiscal_year, t.sort_no;

-- How many facilities moved between wage bands from the reported year before, and how many
-- are new to the list or gone from it: band_moves of consecutive years.
--   sort_no      the order tables list them in
--   transition   new | gone | up | same | down | not_comparable
--   facilities   facilities with that transition
CREATE OR REPLACE VIEW band_transitions AS
SELECT m.fiscal_year, m.from_fiscal_year AS previous_fiscal_year, m.sort_no, m.transition, m.facilities
FROM band_moves m
JOIN consecutive_years y ON y.fiscal_year = m.fiscal_year AND y.previous_fiscal_year = m.from_fiscal_year
ORDER BY m.fiscal_year, m.sort_no;
