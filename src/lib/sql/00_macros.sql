-- The rules every published figure follows, written once and used by every view.

-- n ÷ d rounded half-up to a whole number, in exact integer arithmetic (n ≥ 0, d > 0): the
-- plan's averages (791,398,746 ÷ 67,850 = 11,663.9… → 11,664). NULL when d is not positive.
CREATE OR REPLACE MACRO half_up_div(n, d) AS
  CASE WHEN d > 0 THEN (2 * n + d) // (2 * d) END;

-- n ÷ d rounded half-up to one decimal, exactly (means per facility: 12.25 → 12.3).
CREATE OR REPLACE MACRO half_up_div_1dp(n, d) AS
  half_up_div(10 * n, d) / 10;

-- A published average in yen: whole yen, or one decimal where the plan says so
-- (plan.json precision.average_monthly_wage; 1,424,251,305 ÷ 81,798 = 17,411.8).
CREATE OR REPLACE MACRO average_yen(n, d, decimals) AS
  CASE WHEN decimals = 1 THEN half_up_div_1dp(n, d) ELSE CAST(half_up_div(n, d) AS DOUBLE) END;

-- Average daily users (年間延べ利用者数 ÷ 年間開所日数) in tenths, kept to one decimal and
-- rounded UP, as MHLW's corrected Q&A says: 1,756 ÷ 210 = 8.36… → 8.4 → 84 tenths.
CREATE OR REPLACE MACRO daily_users_tenths(user_days, open_days) AS
  CASE WHEN user_days > 0 AND open_days > 0 THEN (10 * user_days + open_days - 1) // open_days END;

-- The fiscal year (1 April – 31 March) a date falls in, named by the calendar year it starts in.
CREATE OR REPLACE MACRO fiscal_year_of(d) AS
  year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END;

-- Compound yearly growth, in percent, that takes `value` to `target` in `years` years; NULL
-- when no year is left or there is no value to grow from.
CREATE OR REPLACE MACRO growth_needed_pct(value, target, years) AS
  CASE WHEN years > 0 AND value > 0 THEN (power(target / value, 1.0 / years) - 1) * 100 END;
