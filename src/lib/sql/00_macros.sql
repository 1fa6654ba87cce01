-- The rules every published figure follows, written once and used by every view.

-- n ÷ d rounded half-up to a whole number, in exact integer arithmetic (n ≥ 0, d > 0): the
-- plan's averages (791,398,746 ÷ 67,850 = 11,663.9… → 11,664). NULL when d is not positive.
CREATE OR REPLACE MACRO half_up_div(n, d) AS
  CASE WHEN d > 0 THEN (2 * n + d) // (2 * d) END;

-- n ÷ d rounded half-up to one decimal, exactly (means per facility: 12.25 → 12.3).
CREATE OR REPLACE MACRO half_up_div_1dp(n, d) AS
  half_up_div(10 * n, d) / 10;

-- The fiscal year (1 April – 31 March) a date falls in, named by the calendar year it starts in.
CREATE OR REPLACE MACRO fiscal_year_of(d) AS
  year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END;
