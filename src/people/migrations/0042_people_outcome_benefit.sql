-- The benefit of Decree 178/2024 (as amended by Decree 67/2025) stored with a leaving outcome (issue 12):
-- computed in the outcome's transaction from the person's record, so the sheet shown later is the one decided,
-- even after the record, the base salary or the rule sets change. Amounts in đồng, exact (bigint).
alter table people_outcomes
  add column leave_date               date,
  add column reorganisation_date      date,    -- the reorganisation decision: the 12 months after it pay in full
  add column benefit_rule_set         text,
  add column benefit_base_salary_vnd  bigint check (benefit_base_salary_vnd > 0),
  add column benefit_total_vnd        bigint check (benefit_total_vnd >= 0),
  add column benefit_sheet            jsonb,   -- the calculator's answer: salary parts, facts, clauses, notes
  add constraint people_outcomes_benefit_check check (
    (kind in ('early_retirement','resignation')) =
    (leave_date is not null and reorganisation_date is not null and benefit_rule_set is not null
     and benefit_base_salary_vnd is not null and benefit_total_vnd is not null and benefit_sheet is not null)) not valid;  -- outcomes recorded before this change keep no sheet: re-record them
