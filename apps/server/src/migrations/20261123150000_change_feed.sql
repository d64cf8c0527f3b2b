-- Change notifications for read caches: every committed change to a case (and to what is shown with
-- it), an account or a session tells every listening server which record changed.

create function netcourt_notify_change() returns trigger language plpgsql as $$
declare
  row_data jsonb := to_jsonb(coalesce(new, old));
  key text;
begin
  key := case tg_argv[0]
    when 'case' then 'case:' || coalesce(row_data ->> 'case_id', row_data ->> 'id')
    when 'user' then 'user:' || coalesce(row_data ->> 'user_id', row_data ->> 'id')
    when 'session' then 'session:' || (row_data ->> 'id_hash')
  end;
  if key is not null then
    perform pg_notify('netcourt_changes', key);
  end if;
  return null;
end $$;

create trigger cases_change after insert or update or delete on cases for each row execute function netcourt_notify_change('case');
create trigger case_parties_change after insert or update or delete on case_parties for each row execute function netcourt_notify_change('case');
create trigger case_agents_change after insert or update or delete on case_agents for each row execute function netcourt_notify_change('case');
create trigger case_claims_change after insert or update or delete on case_claims for each row execute function netcourt_notify_change('case');
create trigger case_timeline_change after insert or update or delete on case_timeline for each row execute function netcourt_notify_change('case');
create trigger case_deadlines_change after insert or update or delete on case_deadlines for each row execute function netcourt_notify_change('case');
create trigger fee_orders_change after insert or update or delete on fee_orders for each row execute function netcourt_notify_change('case');
create trigger users_change after update or delete on users for each row execute function netcourt_notify_change('user');
create trigger court_staff_change after insert or update or delete on court_staff for each row execute function netcourt_notify_change('user');
create trigger sessions_change after update or delete on sessions for each row execute function netcourt_notify_change('session');
