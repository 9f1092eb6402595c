-- The HR role (issue 12, item 7): officers who keep the register of people affected by the reorganisation.
-- Granted at a unit, it covers that unit's subtree like every grant: a commune's or an agency's HR officers
-- at their unit, the province's Department of Home Affairs (Sở Nội vụ) at the province. Only this role sees
-- names, birth dates and identity numbers (Decree 13/2023/NĐ-CP on personal data: the least who need it).
alter table grants drop constraint grants_role_check;
alter table grants add constraint grants_role_check
  check (role in ('system_admin','central_officer','province_officer','commune_officer','viewer','hr_officer'));
