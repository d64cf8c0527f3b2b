-- Platform: audit trail, durable jobs, stored files, sessions, sign-in throttling.

create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_label text not null,
  ip text,
  request_id text,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  court_id uuid,
  data jsonb not null default '{}'::jsonb
);
create index audit_events_court_idx on audit_events (court_id, id desc);
create index audit_events_subject_idx on audit_events (subject_type, subject_id, id);
create index audit_events_actor_idx on audit_events (actor_user_id, id desc);

-- The audit trail is append-only (全流程留痕): no update, delete or truncate.
create function netcourt_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '55000';
end $$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function netcourt_forbid_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function netcourt_forbid_change();

create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null,
  status text not null check (status in ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts integer not null default 0,
  max_attempts integer not null default 8 check (max_attempts > 0),
  locked_until timestamptz,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index jobs_due_idx on jobs (run_at) where status in ('pending', 'running');
create unique index jobs_dedupe_idx on jobs (dedupe_key) where status = 'pending';

create table stored_files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size > 0),
  media_type text not null,
  created_at timestamptz not null
);

create table sessions (
  id_hash text primary key,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null,
  ip text,
  user_agent text,
  second_factor_at timestamptz,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

create table auth_throttle (
  key text primary key,
  window_start timestamptz not null,
  failures integer not null check (failures >= 0),
  locked_until timestamptz
);
