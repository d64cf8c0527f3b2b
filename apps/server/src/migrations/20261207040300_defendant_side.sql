-- The defendant's side of a case: the case code that links a defendant without an account to the
-- case (人民法院在线诉讼规则第七条: identity verified before acting online), the answer (答辩状,
-- 民事诉讼法第一百二十八条), objections to jurisdiction (第一百三十条) and counterclaims (第一百四十三条).

-- One code per defendant party, printed on the service message; it links an account once, and only
-- when the account's verified identity matches the party's (never by name alone).
create table case_party_codes (
  party_id uuid primary key references case_parties (id) on delete cascade,
  case_id uuid not null references cases (id) on delete cascade,
  code text not null unique check (length(code) between 8 and 32),
  created_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references users (id),
  check ((used_at is null) = (used_by is null))
);
create index case_party_codes_case_idx on case_party_codes (case_id);

-- 民事诉讼法第一百二十八条: the defendant's answer, one per defendant party; a draft until submitted.
create table case_answers (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  status text not null check (status in ('draft', 'submitted')),
  responses jsonb not null default '[]' check (jsonb_typeof(responses) = 'array'),
  facts_and_reasons text not null default '' check (length(facts_and_reasons) <= 20000),
  evidence jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
  document_issue_id uuid,
  written_by uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  submitted_at timestamptz,
  unique (case_id, party_id),
  check ((status = 'submitted') = (submitted_at is not null))
);

-- 民事诉讼法第一百三十条: an objection to jurisdiction within the answer period, decided by ruling.
create table jurisdiction_objections (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  grounds text not null check (length(grounds) between 1 and 5000),
  proposed_court text check (proposed_court is null or length(proposed_court) between 1 and 200),
  status text not null check (status in ('pending', 'upheld', 'dismissed')),
  filed_by uuid not null references users (id),
  filed_at timestamptz not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  reason text check (reason is null or length(reason) <= 5000),
  ruling_issue_id uuid,
  check ((status = 'pending') = (decided_at is null))
);
-- One pending objection per party at a time.
create unique index jurisdiction_objections_pending_idx on jurisdiction_objections (case_id, party_id)
  where status = 'pending';

-- 民事诉讼法第一百四十三条: a counterclaim tried with the action; its fee is halved when the court
-- tries them together (诉讼费用交纳办法第十八条) and due within 7 days of filing (第二十二条).
create table counterclaims (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  claims jsonb not null check (jsonb_typeof(claims) = 'array'),
  facts_and_reasons text not null check (length(facts_and_reasons) between 1 and 20000),
  claim_total_fen bigint not null check (claim_total_fen >= 0),
  fee_fen bigint not null check (fee_fen >= 0),
  fee_quote jsonb not null,
  fee_due_at timestamptz not null,
  status text not null check (status in ('fee_due', 'filed')),
  filed_by uuid not null references users (id),
  filed_at timestamptz not null
);
create index counterclaims_case_idx on counterclaims (case_id);

-- Case pages are cached until their case changes: these records belong to the case's change key.
create trigger case_party_codes_change after insert or update or delete on case_party_codes
  for each row execute function netcourt_notify_change('case');
create trigger case_answers_change after insert or update or delete on case_answers
  for each row execute function netcourt_notify_change('case');
create trigger jurisdiction_objections_change after insert or update or delete on jurisdiction_objections
  for each row execute function netcourt_notify_change('case');
create trigger counterclaims_change after insert or update or delete on counterclaims
  for each row execute function netcourt_notify_change('case');

-- 民事诉讼法第六十二条: an agent admits, waives or changes claims, settles, counterclaims or appeals only
-- with the party's special authority, stated in the power of attorney.
alter table case_agents add column special_authority boolean not null default false;
alter table case_agents add column appointed_by uuid references users (id);

-- Files a defendant attaches to the answer's evidence list, kept under their SHA-256.
create table answer_attachments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  file_sha256 text not null references stored_files (sha256),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size bigint not null check (size > 0),
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null
);
create index answer_attachments_case_idx on answer_attachments (case_id, party_id);
create trigger answer_attachments_change after insert or update or delete on answer_attachments
  for each row execute function netcourt_notify_change('case');
