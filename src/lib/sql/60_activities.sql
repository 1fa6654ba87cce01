-- Production activities, over the facilities that reported. A facility lists up to three
-- main works, so one facility may give several answers: `answers` sums them, `facilities`
-- counts facilities with at least one. A facility that answered none of the activity
-- questions (all empty) is not counted: not reported is not "no".
-- share_of_answers is over the activities in the answer mix only.
CREATE OR REPLACE VIEW activity_mix AS
WITH long AS (
  -- UNPIVOT leaves out NULL answers: the facilities that did not answer.
  UNPIVOT (SELECT fiscal_year, own_business, contract_work, agri_welfare FROM reports WHERE submitted)
  ON own_business, contract_work, agri_welfare
  INTO NAME activity VALUE answers
),
per_activity AS (
  SELECT fiscal_year, activity,
    sum(answers) AS answers,
    count(*) FILTER (WHERE answers > 0) AS facilities,
    count(*) AS facilities_answering
  FROM long GROUP BY fiscal_year, activity
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
  p.facilities * 1.0 / p.facilities_answering AS share_of_facilities
FROM per_activity p
JOIN plan_activities a ON a.activity = p.activity
ORDER BY p.fiscal_year, a.sort_no;
