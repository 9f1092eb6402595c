-- The two hot writes of the staffing module as functions: setting a node's quota
-- under the allocation rule, and recording a headcount. Each is one call from the
-- application (one round trip; outside an explicit transaction also its own
-- transaction, so no BEGIN/COMMIT trips), and PL/pgSQL keeps its statements'
-- plans per connection: the same work as one ad-hoc CTE statement cost more to
-- plan than to run (15 ms against 1.6 ms under load). The rules stay those of
-- 0005; the messages are written by the service from what these return.
-- A change to either function comes as a new migration (create or replace).

-- Sets one node's quota (and reserve) in one category. Returns null when the node
-- does not exist; otherwise a JSON object with the figures the limits were decided
-- on and `refusal`: null (written and audited), 'scope' (the caller holds no grant
-- over the giving unit), 'missing' (no row in this category yet), 'closed',
-- 'parent_closed', 'parent_quota' or 'own_allocations' (nothing written).
-- p_writer_scopes / p_central_scopes: the caller's grant units for writer and
-- central roles, null for the CLI and the system (no scope check). The scope walk
-- is that of accounts/access.ts, on the unit that gives the quota: an agency's unit,
-- a unit's parent, or the country itself for the national total (central roles).
create function staffing_allocate(p_period bigint, p_key text, p_category text, p_quota integer, p_reserve integer, p_decision_ref text,
  p_writer_scopes bigint[], p_central_scopes bigint[], p_actor_id bigint, p_actor text, p_ip text, p_user_agent text, p_action text)
returns jsonb language plpgsql as $$
declare
  v_node staffing_nodes;
  v_parent staffing_nodes;
  v_own staffing_allocations;
  v_par staffing_allocations;
  v_par_found boolean := false;
  v_name text;
  v_parent_name text;
  v_unit_parent bigint;
  v_unit_level smallint;
  v_giver bigint;
  v_reserve integer;
  v_ref text;
  v_refusal text;
  v_answer jsonb;
  v_after staffing_allocations;
  v_par_after staffing_allocations;
begin
  select * into v_node from staffing_nodes where period_id = p_period and key = p_key;
  if not found then return null; end if;
  select coalesce(g.name, u.full_name), u.parent_id, u.level into v_name, v_unit_parent, v_unit_level
    from units u left join agencies g on g.id = v_node.agency_id where u.id = v_node.unit_id;
  if p_writer_scopes is not null then
    v_giver := case when v_node.agency_id is not null then v_node.unit_id when v_unit_parent is not null then v_unit_parent
                    when v_unit_level = 0 then v_node.unit_id end;
    if v_giver is null or not exists (
        with recursive up(id, parent_id) as (
          select u.id, u.parent_id from units u where u.id = v_giver
          union all select u.id, u.parent_id from units u join up on u.id = up.parent_id)
        select 1 from up where up.id = any(case when v_node.agency_id is null and v_unit_parent is null then p_central_scopes else p_writer_scopes end)) then
      return jsonb_build_object('refusal', 'scope', 'node_id', v_node.id);
    end if;
  end if;
  -- Locks: the parent's row, then the node's own (top-down, the order of every writer).
  if v_node.parent_id is not null then
    select * into v_parent from staffing_nodes where id = v_node.parent_id;
    select coalesce(g.name, u.full_name) into v_parent_name from units u left join agencies g on g.id = v_parent.agency_id where u.id = v_parent.unit_id;
    select * into v_par from staffing_allocations where node_id = v_node.parent_id and category = p_category for update;
    v_par_found := found;
  end if;
  select * into v_own from staffing_allocations where node_id = v_node.id and category = p_category for update;
  if not found then return jsonb_build_object('refusal', 'missing', 'node_id', v_node.id); end if;
  v_reserve := coalesce(p_reserve, v_own.reserve);
  v_ref := coalesce(p_decision_ref, v_own.decision_ref);
  v_refusal := case
    when v_node.closed_at is not null then 'closed'
    when v_parent.closed_at is not null then 'parent_closed'
    when v_node.parent_id is not null and coalesce(v_par.allocated_below, 0) - v_own.quota + coalesce(v_par.reserve, 0) + p_quota > coalesce(v_par.quota, 0) then 'parent_quota'
    when v_own.allocated_below + v_reserve > p_quota then 'own_allocations' end;
  v_answer := jsonb_build_object('refusal', v_refusal, 'node_id', v_node.id, 'parent_id', v_node.parent_id, 'name', v_name, 'parent_name', v_parent_name,
    'quota', v_own.quota, 'reserve', v_own.reserve, 'allocated_below', v_own.allocated_below, 'decision_ref', v_own.decision_ref, 'new_reserve', v_reserve,
    'parent_found', v_par_found, 'p_quota', coalesce(v_par.quota, 0), 'p_reserve', coalesce(v_par.reserve, 0), 'p_below', coalesce(v_par.allocated_below, 0));
  if v_refusal is not null then return v_answer; end if;
  update staffing_allocations set quota = p_quota, reserve = v_reserve, decision_ref = v_ref, updated_at = now()
   where node_id = v_node.id and category = p_category returning * into v_after;
  if v_par_found then
    update staffing_allocations set allocated_below = allocated_below + (p_quota - v_own.quota), updated_at = now()
     where node_id = v_node.parent_id and category = p_category returning * into v_par_after;
  end if;
  insert into audit_log (actor_id, actor, ip, user_agent, action, entity, entity_id, before, after)
  values (p_actor_id, p_actor, p_ip, p_user_agent, p_action, 'staffing_allocation', v_node.id || ':' || p_category,
    jsonb_build_object('quota', v_own.quota, 'reserve', v_own.reserve, 'decisionRef', v_own.decision_ref),
    jsonb_build_object('periodId', p_period, 'quota', p_quota, 'reserve', v_reserve, 'decisionRef', v_ref));
  return v_answer || jsonb_build_object('after_quota', v_after.quota, 'after_reserve', v_after.reserve, 'after_below', v_after.allocated_below,
    'after_ref', v_after.decision_ref, 'parent_after_quota', v_par_after.quota, 'parent_after_reserve', v_par_after.reserve,
    'parent_after_below', v_par_after.allocated_below);
end $$;

-- Records the headcount present in a node at a date. Returns null when the node
-- does not exist, {"missing": true} when a row of its chain in this category is
-- missing (nothing written), else the node's previous figures and whether this date
-- is its latest. The chain's rows are locked root first — the order allocation
-- writers use (parent, then child), so the two cannot deadlock — and held only for
-- the rest of this call and its commit. The node's latest figure moves only when
-- p_as_of is not older than the recorded one; then the difference is added to
-- present_below of the node and of every ancestor.
create function staffing_record_headcount(p_period bigint, p_key text, p_category text, p_as_of date, p_present integer, p_source text,
  p_actor_id bigint, p_actor text, p_ip text, p_user_agent text)
returns jsonb language plpgsql as $$
declare
  v_node bigint;
  v_chain bigint[];
  v_id bigint;
  v_own staffing_allocations;
  v_latest boolean;
  v_delta integer;
begin
  select id into v_node from staffing_nodes where period_id = p_period and key = p_key;
  if not found then return null; end if;
  with recursive up(id, parent_id, depth) as (
    select n.id, n.parent_id, n.depth from staffing_nodes n where n.id = v_node
    union all select n.id, n.parent_id, n.depth from staffing_nodes n join up on n.id = up.parent_id)
  select array_agg(up.id order by up.depth) into v_chain from up;
  foreach v_id in array v_chain loop
    perform 1 from staffing_allocations where node_id = v_id and category = p_category for update;
    if not found then return jsonb_build_object('missing', true); end if;
  end loop;
  select * into v_own from staffing_allocations where node_id = v_node and category = p_category;
  v_latest := v_own.present_as_of is null or p_as_of >= v_own.present_as_of;
  v_delta := case when v_latest then p_present - coalesce(v_own.present, 0) else 0 end;
  insert into staffing_actuals (node_id, category, as_of, present, source) values (v_node, p_category, p_as_of, p_present, p_source)
  on conflict (node_id, category, as_of) do update set present = excluded.present, source = excluded.source;
  if v_latest then
    update staffing_allocations set present = p_present, present_as_of = p_as_of, present_below = present_below + v_delta, updated_at = now()
     where node_id = v_node and category = p_category;
    if v_delta <> 0 then
      update staffing_allocations set present_below = present_below + v_delta
       where node_id = any(v_chain) and node_id <> v_node and category = p_category;
    end if;
  end if;
  insert into audit_log (actor_id, actor, ip, user_agent, action, entity, entity_id, before, after)
  values (p_actor_id, p_actor, p_ip, p_user_agent, 'staffing.present', 'staffing_actual', v_node || ':' || p_category || ':' || to_char(p_as_of, 'YYYY-MM-DD'),
    jsonb_build_object('present', v_own.present, 'asOf', v_own.present_as_of), jsonb_build_object('present', p_present, 'asOf', p_as_of, 'source', p_source));
  return jsonb_build_object('node_id', v_node, 'quota', v_own.quota, 'present', v_own.present, 'present_as_of', v_own.present_as_of, 'latest', v_latest);
end $$;
