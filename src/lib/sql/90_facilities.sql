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

-- Each reported fiscal year and the reported year before it. Years can be sparse, so the
-- year before is the previous year with reports, not always fiscal_year - 1.
CREATE OR REPLACE VIEW consecutive_years AS
SELECT * FROM (
  SELECT fiscal_year, lag(fiscal_year) OVER (ORDER BY fiscal_year) AS previous_fiscal_year
  FROM (SELECT DISTINCT fiscal_year FROM reports)
)
WHERE previous_fiscal_year IS NOT NULL;

-- Each facility between two reported years, matched by office number: the one rule of
-- facility_moves (any two years) and facility_transitions (each year and the one before),
-- which differ only in the pairs of years. The pairs are chosen before the facilities are
-- joined, so the year-to-year view does not compute every pair.
CREATE OR REPLACE MACRO moves_between_years(consecutive_only) AS TABLE
WITH years AS (SELECT DISTINCT fiscal_year FROM reports),
pairs AS (
  SELECT a.fiscal_year AS from_fiscal_year, b.fiscal_year
  FROM years a JOIN years b ON a.fiscal_year < b.fiscal_year
  WHERE NOT consecutive_only OR (a.fiscal_year, b.fiscal_year) IN (SELECT (previous_fiscal_year, fiscal_year) FROM consecutive_years)
),
listed AS MATERIALIZED (SELECT fiscal_year, office_no, office_name, municipality, wage_band_no FROM facility_history),
this_year AS (SELECT p.from_fiscal_year, p.fiscal_year, f.office_no, f.office_name, f.municipality, f.wage_band_no FROM pairs p JOIN listed f ON f.fiscal_year = p.fiscal_year),
year_before AS (SELECT p.from_fiscal_year, p.fiscal_year, f.office_no, f.office_name, f.municipality, f.wage_band_no FROM pairs p JOIN listed f ON f.fiscal_year = p.from_fiscal_year)
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
FULL JOIN year_before b ON b.from_fiscal_year = n.from_fiscal_year AND b.fiscal_year = n.fiscal_year AND b.office_no = n.office_no;

-- Each facility between two reported fiscal years, any two (from_fiscal_year before
-- fiscal_year): new to the list, gone from it, or up, down or in the same wage band.
--   from_fiscal_year   the earlier reported year compared with
--   from_band_no       its wage band that year (NULL: not in the list, or not in the average)
--   band_no            its wage band in fiscal_year (NULL likewise)
--   transition         new | gone | up | same | down | not_comparable (in both lists, not in both averages)
CREATE OR REPLACE VIEW facility_moves AS
SELECT * FROM moves_between_years(false)
ORDER BY from_fiscal_year, fiscal_year, office_no;

-- Each facility between a reported fiscal year and the reported year before it.
--   previous_fiscal_year   the reported year compared with
--   previous_band_no       its wage band that year (NULL: not in the list, or not in the average)
--   band_no                its wage band in fiscal_year (NULL likewise)
--   transition             new | gone | up | same | down | not_comparable
CREATE OR REPLACE VIEW facility_transitions AS
SELECT fiscal_year, from_fiscal_year AS previous_fiscal_year, office_no, office_name, municipality,
  from_band_no AS previous_band_no, band_no, transition
FROM moves_between_years(true)
ORDER BY fiscal_year, office_no;

-- The moves of moves_between_years counted for each pair of years, every kind listed (a kind
-- no facility made counts 0): band_moves and band_transitions.
CREATE OR REPLACE MACRO band_move_counts(consecutive_only) AS TABLE
WITH counts AS MATERIALIZED (
  SELECT from_fiscal_year, fiscal_year, transition, count(*) AS facilities FROM moves_between_years(consecutive_only) GROUP BY ALL
)
SELECT p.from_fiscal_year, p.fiscal_year, t.sort_no, t.transition, CAST(coalesce(c.facilities, 0) AS INTEGER) AS facilities
FROM (SELECT DISTINCT from_fiscal_year, fiscal_year FROM counts) p
CROSS JOIN (VALUES (1, 'up'), (2, 'same'), (3, 'down'), (4, 'not_comparable'), (5, 'new'), (6, 'gone')) t(sort_no, transition)
LEFT JOIN counts c ON c.from_fiscal_year = p.from_fiscal_year AND c.fiscal_year = p.fiscal_year AND c.transition = t.transition;

-- How many facilities moved between wage bands between two reported years, any two, and how
-- many are new to the list or gone from it.
--   sort_no      the order tables list them in
--   transition   new | gone | up | same | down | not_comparable
--   facilities   facilities with that transition
CREATE OR REPLACE VIEW band_moves AS
SELECT * FROM band_move_counts(false)
ORDER BY from_fiscal_year, fiscal_year, sort_no;

-- How many facilities moved between wage bands from the reported year before, and how many
-- are new to the list or gone from it.
--   sort_no      the order tables list them in
--   transition   new | gone | up | same | down | not_comparable
--   facilities   facilities with that transition
CREATE OR REPLACE VIEW band_transitions AS
SELECT fiscal_year, from_fiscal_year AS previous_fiscal_year, sort_no, transition, facilities
FROM band_move_counts(true)
ORDER BY fiscal_year, sort_no;
