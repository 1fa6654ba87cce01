-- The plan's targets over time, and each year's result against the target in force.
--
-- target_path: for every year of every phase's period and every formula the phase has
-- targets in, the target in force: the phase's next target from that year on (its stated
-- target for the year, or the one it works towards), else its last. Nothing outside a phase,
-- and no new-formula target before the first year the new formula has results (nationally,
-- in reference/national_averages.csv, or in the prefecture's reports; least() skips a NULL).
-- Where neither has any, nothing says when it began and the targets stand as stated.
CREATE OR REPLACE VIEW target_path AS
WITH years AS (
  SELECT p.phase_no, y.fiscal_year
  FROM plan_phases p, range(p.start_fiscal_year, p.end_fiscal_year + 1) AS y(fiscal_year)
),
new_formula_from AS (
  SELECT least(
    (SELECT min(fiscal_year) FROM national_averages WHERE formula = 'new'),
    (SELECT min(fiscal_year) FROM yearly_indicators WHERE average_monthly_wage_new_yen IS NOT NULL)
  ) AS fiscal_year
),
formulas AS (SELECT DISTINCT phase_no, formula FROM plan_targets),
finals AS (
  SELECT phase_no, formula, max(fiscal_year) AS final_fiscal_year FROM plan_targets GROUP BY ALL
),
candidates AS (
  SELECT y.phase_no, CAST(y.fiscal_year AS INTEGER) AS fiscal_year, f.formula, t.fiscal_year AS target_fiscal_year,
    t.average_monthly_wage_yen, t.average_hourly_wage_yen,
    -- The next target at or after the year first; past the last target, the last one.
    row_number() OVER (PARTITION BY y.phase_no, y.fiscal_year, f.formula
      ORDER BY t.fiscal_year < y.fiscal_year, abs(t.fiscal_year - y.fiscal_year)) AS rank
  FROM years y
  JOIN formulas f ON f.phase_no = y.phase_no
  JOIN plan_targets t ON t.phase_no = y.phase_no AND t.formula = f.formula
)
SELECT c.phase_no, c.fiscal_year, c.formula, c.target_fiscal_year,
  c.average_monthly_wage_yen AS target_yen,
  c.average_hourly_wage_yen AS hourly_target_yen,
  fin.final_fiscal_year AS final_target_fiscal_year,
  ft.average_monthly_wage_yen AS final_target_yen
FROM candidates c
JOIN finals fin ON fin.phase_no = c.phase_no AND fin.formula = c.formula
JOIN plan_targets ft ON ft.phase_no = c.phase_no AND ft.formula = c.formula AND ft.fiscal_year = fin.final_fiscal_year
WHERE c.rank = 1
  AND (c.formula = 'old' OR c.fiscal_year >= coalesce((SELECT fiscal_year FROM new_formula_from), c.fiscal_year))
ORDER BY c.phase_no, c.fiscal_year, c.formula;

-- goal_progress: each year with results against the target in force, like with like: an
-- old-formula target against the old-formula average, a new-formula one against the new.
CREATE OR REPLACE VIEW goal_progress AS
WITH results AS (
  SELECT fiscal_year, 'old' AS formula, average_monthly_wage_yen AS average_yen, average_hourly_wage_yen FROM yearly_indicators
  UNION ALL
  SELECT fiscal_year, 'new', average_monthly_wage_new_yen, average_hourly_wage_yen FROM yearly_indicators
)
SELECT
  t.fiscal_year,
  t.phase_no,
  t.formula,
  r.average_yen,
  t.target_fiscal_year,
  t.target_yen,
  t.target_yen - r.average_yen AS gap_to_goal_yen,
  r.average_yen * 100.0 / t.target_yen AS share_of_goal_pct,
  r.average_yen >= t.target_yen AS goal_met,
  t.final_target_fiscal_year,
  t.final_target_yen,
  -- Compound yearly growth that would reach the phase's last target in its year, in percent.
  growth_needed_pct(r.average_yen, t.final_target_yen, t.final_target_fiscal_year - t.fiscal_year) AS growth_needed_per_year_pct,
  r.average_hourly_wage_yen,
  t.hourly_target_yen,
  r.average_hourly_wage_yen * 100.0 / t.hourly_target_yen AS share_of_hourly_goal_pct,
  n.average_monthly_wage_yen AS national_average_yen
FROM target_path t
JOIN results r ON r.fiscal_year = t.fiscal_year AND r.formula = t.formula AND r.average_yen IS NOT NULL
LEFT JOIN national_averages n ON n.fiscal_year = t.fiscal_year AND n.formula = t.formula
ORDER BY t.fiscal_year, t.formula DESC;
