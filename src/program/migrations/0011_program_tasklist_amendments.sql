-- An Excel task-list import is one amendment that may add some tasks and adjust
-- others. Recorded as 'add' or 'adjust', a task the file added showed as
-- "adjusted" in its history whenever the same file also adjusted another; it
-- gets its own kind instead.
alter table program_amendments drop constraint program_amendments_kind_check;
alter table program_amendments add constraint program_amendments_kind_check
  check (kind in ('import','add','adjust','cancel','cascade','tasklist'));
