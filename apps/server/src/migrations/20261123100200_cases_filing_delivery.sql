-- The case aggregate, online filing (立案) and the platform inbox.

create table cases (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  status text not null check (status in (
    'mediation', 'draft', 'under_review', 'correction_requested', 'accepted', 'service',
    'evidence_exchange', 'hearing', 'judgment', 'appeal_window', 'effective', 'enforcement',
    'closed', 'refused', 'withdrawn', 'deemed_withdrawn')),
  -- Case-type code of the case number (民初, 行初 …).
  type_code text not null,
  procedure text check (procedure in ('ordinary', 'simplified', 'small_claims')),
  cause_code text,
  cause_name_zh text,
  cause_name_en text,
  title text,
  facts_and_reasons text not null default '',
  claim_total_fen bigint not null default 0 check (claim_total_fen >= 0),
  filed_by uuid not null references users (id),
  case_number text unique,
  case_year integer,
  case_sequence integer check (case_sequence > 0),
  query_code_hash text unique,
  fee_fen bigint check (fee_fen >= 0),
  fee_quote jsonb,
  judge_id uuid references users (id),
  judge_assignment jsonb,
  submitted_at timestamptz,
  review_clock_started_at timestamptz,
  review_due_on date,
  accepted_at timestamptz,
  closed_at timestamptz,
  closure_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  -- Case numbers are unique and gapless per court, year and type (see case_number_counters).
  unique (court_id, case_year, type_code, case_sequence),
  check ((case_number is null) = (case_sequence is null) and (case_number is null) = (case_year is null)),
  check (status in ('mediation', 'draft', 'under_review', 'correction_requested', 'refused', 'withdrawn', 'deemed_withdrawn')
         or case_number is not null),
  check (status not in ('accepted', 'service', 'evidence_exchange', 'hearing', 'judgment') or judge_id is not null)
);
create index cases_court_status_idx on cases (court_id, status, review_due_on);
create index cases_judge_idx on cases (judge_id, status) where judge_id is not null;
create index cases_filed_by_idx on cases (filed_by, updated_at desc);

create table case_number_counters (
  court_id uuid not null references courts (id),
  year integer not null,
  type_code text not null,
  last_sequence integer not null check (last_sequence >= 0),
  primary key (court_id, year, type_code)
);

create table case_parties (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  position integer not null,
  role text not null check (role in ('plaintiff', 'defendant', 'third_party')),
  kind text not null check (kind in ('natural_person', 'legal_person', 'other_organisation')),
  name text not null check (char_length(name) between 1 and 200),
  id_number text check (id_number is null or id_number ~ '^[0-9]{17}[0-9X]$'),
  credit_code text check (credit_code is null or credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  legal_representative text,
  sex text check (sex in ('male', 'female')),
  ethnicity text,
  birth_date date,
  phone text,
  email text,
  address text,
  service_address text,
  user_id uuid references users (id),
  created_at timestamptz not null,
  unique (case_id, position)
);
create index case_parties_user_idx on case_parties (user_id) where user_id is not null;
create index case_parties_case_idx on case_parties (case_id);

create table case_agents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  user_id uuid references users (id),
  kind text not null check (kind in ('lawyer', 'legal_worker', 'relative', 'employee', 'other')),
  name text not null,
  phone text,
  law_firm text,
  licence_number text,
  -- The power of attorney (授权委托书) the agent acts under.
  power_of_attorney_sha256 text references stored_files (sha256),
  status text not null check (status in ('active', 'revoked')),
  created_at timestamptz not null
);
create index case_agents_user_idx on case_agents (user_id) where user_id is not null and status = 'active';
create index case_agents_case_idx on case_agents (case_id);

create table case_claims (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  position integer not null,
  text text not null check (char_length(text) between 1 and 2000),
  amount_fen bigint check (amount_fen is null or amount_fen >= 0),
  unique (case_id, position)
);

create table case_timeline (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id) on delete cascade,
  occurred_at timestamptz not null,
  kind text not null,
  actor_user_id uuid references users (id),
  data jsonb not null default '{}'::jsonb,
  -- Shown on the public progress page (query code) when true.
  is_public boolean not null default false
);
create index case_timeline_case_idx on case_timeline (case_id, id);

create table case_deadlines (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  kind text not null,
  due_at timestamptz not null,
  basis text not null,
  status text not null check (status in ('open', 'met', 'missed', 'cancelled')),
  created_at timestamptz not null,
  resolved_at timestamptz
);
create index case_deadlines_case_idx on case_deadlines (case_id, status);
create unique index case_deadlines_open_kind_key on case_deadlines (case_id, kind) where status = 'open';

create table filing_attachments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  file_sha256 text not null references stored_files (sha256),
  file_name text not null check (char_length(file_name) between 1 and 200),
  media_type text not null,
  size bigint not null check (size > 0),
  category text not null check (category in ('complaint', 'evidence', 'identity', 'power_of_attorney', 'other')),
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null,
  removed_at timestamptz
);
create index filing_attachments_case_idx on filing_attachments (case_id) where removed_at is null;

create table filing_evidence (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  position integer not null,
  name text not null check (char_length(name) between 1 and 500),
  source text,
  purpose text,
  attachment_id uuid references filing_attachments (id),
  unique (case_id, position)
);

create table fee_orders (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  amount_fen bigint not null check (amount_fen > 0),
  status text not null check (status in ('pending', 'paid', 'expired', 'cancelled')),
  gateway text not null,
  gateway_reference text unique,
  due_at timestamptz not null,
  paid_at timestamptz,
  created_at timestamptz not null,
  check ((status = 'paid') = (paid_at is not null))
);
-- At most one live order per case.
create unique index fee_orders_live_key on fee_orders (case_id) where status in ('pending', 'paid');

create table filing_reviews (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  decision text not null check (decision in ('accepted', 'correction_requested', 'refused')),
  items jsonb not null default '[]'::jsonb,
  reason text,
  decided_by uuid not null references users (id),
  decided_at timestamptz not null,
  ruling_sha256 text references stored_files (sha256),
  ruling_en_sha256 text references stored_files (sha256),
  check (decision <> 'refused' or (reason is not null and ruling_sha256 is not null))
);
create index filing_reviews_case_idx on filing_reviews (case_id, decided_at);

create table inbox_messages (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references users (id),
  case_id uuid references cases (id) on delete cascade,
  kind text not null,
  params jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  read_at timestamptz
);
create index inbox_messages_recipient_idx on inbox_messages (recipient_id, created_at desc);
create index inbox_messages_unread_idx on inbox_messages (recipient_id) where read_at is null;
