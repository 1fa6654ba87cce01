-- Production activities. A facility lists up to three main works, so one facility may give
-- several answers: `answers` sums them, `facilities` counts facilities with at least one.
-- share_of_answers is over the activities in the answer mix only.
CREATE OR REPLACE VIEW activity_mix AS
WITH long AS (
  UNPIVOT (SELECT fiscal_year, own_business, contract_work, agri_welfare FROM reports)
  ON own_business, contract_work, agri_welfare
  INTO NAME activity VALUE answers
),
per_activity AS (
  SELECT fiscal_year, activity,
    sum(answers) AS answers,
    count(*) FILTER (WHERE answers > 0) AS facilities
  FROM long GROUP BY fiscal_year, activity
),
years AS (
  SELECT fiscal_year, count(*) AS year_facilities FROM reports GROUP BY fiscal_year
)
SELECT
  p.fiscal_year,
  a.activity,
  a.sort_no,
  a.in_answer_mix,
  CAST(p.answers AS INTEGER) AS answers,
  CAST(p.facilities AS INTEGER) AS facilities,
  CASE WHEN a.in_answer_mix THEN
    p.answers * 1.0 / sum(CASE WHEN a.in_answer_mix THEN p.answers END) OVER (PARTITION BY p.fiscal_year)
  END AS share_of_answers,
  p.facilities * 1.0 / y.year_facilities AS share_of_facilities
FROM per_activity p
JOIN plan_activities a ON a.activity = p.activity
JOIN years y ON y.fiscal_year = p.fiscal_year
ORDER BY p.fiscal_year, a.sort_no;
