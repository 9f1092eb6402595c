-- A note that goes with every figure of a period, shown above each staffing
-- screen of it: where its figures come from and what they are not (for the
-- demo: only the national total is official; every figure below it, and every
-- headcount, is illustrative). Figures themselves say so in their decision.
alter table staffing_periods add column data_note text;
