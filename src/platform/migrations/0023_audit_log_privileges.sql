-- The audit log is evidence, so the role the server works as must not be able to
-- change it, even if the server itself were taken over: that role may only read it
-- and append to it. The triggers of 0001 refuse UPDATE, DELETE and TRUNCATE, but the
-- table's owner can disable triggers; so the owner (who applies migrations,
-- DATABASE_MIGRATE_URL) and the server's role (DATABASE_URL) are two roles on
-- PostgreSQL (README, "PostgreSQL roles"). Only the owner or a superuser can ALTER the
-- table, disable or drop its triggers, or change session_replication_role; the
-- server's role gets no UPDATE, DELETE, TRUNCATE, TRIGGER or REFERENCES on it.
-- PGlite has a single user, which owns everything: there the triggers are the guard.
revoke update, delete, truncate, trigger, references on audit_log from public;

-- What the server's role needs, granted by the owner after every migration run
-- (platform/runtime.ts), so the tables of later migrations are covered too: read and
-- write every table and sequence, run the functions (the staffing write functions of
-- 0008 insert their own audit rows, as the caller), read and append to audit_log only,
-- and read schema_migrations only (migrations are the owner's).
create function apparatus_grant_app_role(app_role name) returns void language plpgsql as $$
begin
  execute format('grant usage on schema public to %I', app_role);
  execute format('grant select, insert, update, delete on all tables in schema public to %I', app_role);
  execute format('grant usage, select on all sequences in schema public to %I', app_role);
  execute format('grant execute on all functions in schema public to %I', app_role);
  execute format('revoke update, delete, truncate, trigger, references on audit_log from %I', app_role);
  execute format('revoke insert, update, delete, truncate, trigger, references on schema_migrations from %I', app_role);
  execute format('revoke execute on function apparatus_grant_app_role(name) from %I', app_role);
end $$;
revoke execute on function apparatus_grant_app_role(name) from public;
