-- Shared plumbing: trigram search support and the append-only audit log.
create extension if not exists pg_trgm;

create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  actor_id    bigint,                 -- users.id; null for the system or the CLI
  actor       text not null,          -- user name, 'system' or 'cli:<os user>'
  ip          text,
  user_agent  text,
  action      text not null,          -- e.g. 'units.import', 'users.create'
  entity      text not null,          -- e.g. 'unit', 'user', 'dataset'
  entity_id   text,
  before      jsonb,
  after       jsonb
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_actor_idx on audit_log (actor);
create index audit_log_action_idx on audit_log (action);

-- The audit log is evidence: no code path may change or remove a row, so the
-- database itself refuses UPDATE, DELETE and TRUNCATE.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
