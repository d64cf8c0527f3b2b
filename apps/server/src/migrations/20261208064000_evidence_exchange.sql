-- Evidence exchange (modules/evidence): the periods the court sets (举证期限, 质证期限), each party's
-- evidence catalogue (证据目录) with its files, requests for more time or for leave to submit late, the
-- other side's opinions (质证意见) and the judge's decision on each item (认证). The evidence the
-- plaintiff listed in the complaint stays in the filing tables and is read through the filing module:
-- opinions and decisions name it by `subject_kind = 'filed'`.

create table evidence_periods (
  case_id uuid not null references cases (id) on delete cascade,
  -- 民事诉讼法第六十八条 (举证期限); 在线诉讼规则第十四条第三款 (the period for online cross-examination).
  kind text not null check (kind in ('evidence', 'cross_examination')),
  starts_on text not null check (starts_on ~ '^\d{4}-\d{2}-\d{2}$'),
  ends_on text not null check (ends_on ~ '^\d{4}-\d{2}-\d{2}$'),
  -- The end of the last court day: acts until this instant are in time.
  ends_at timestamptz not null,
  days integer not null check (days between 1 and 365),
  basis text not null,
  set_by uuid not null references users (id),
  set_at timestamptz not null,
  extended_count integer not null default 0 check (extended_count >= 0),
  primary key (case_id, kind),
  check (ends_on > starts_on)
);

create table evidence_items (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  -- 证据规定第十九条: each item named, with its source and what it is offered to prove.
  title text not null check (char_length(title) between 1 and 200),
  source text not null check (char_length(source) between 1 and 200),
  purpose text not null check (char_length(purpose) between 1 and 1000),
  status text not null check (status in ('draft', 'submitted', 'withdrawn')),
  -- Submitted after the period with the court's leave (民诉法解释第一百零一条/第一百零二条).
  is_late boolean not null default false,
  submitted_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'submitted') = (submitted_at is not null))
);
create index evidence_items_case_idx on evidence_items (case_id, created_at);

create table evidence_files (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references evidence_items (id) on delete cascade,
  case_id uuid not null references cases (id) on delete cascade,
  file_sha256 text not null references stored_files (sha256),
  file_name text not null check (char_length(file_name) between 1 and 200),
  media_type text not null,
  size integer not null check (size > 0),
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null,
  removed_at timestamptz
);
create index evidence_files_item_idx on evidence_files (item_id) where removed_at is null;

create table evidence_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  party_id uuid not null references case_parties (id) on delete cascade,
  -- 民诉法解释第一百条 (extension, before the period ends) or 第一百零一条 (leave to submit late).
  kind text not null check (kind in ('extension', 'late_submission')),
  reason text not null check (char_length(reason) between 1 and 2000),
  requested_until text not null check (requested_until ~ '^\d{4}-\d{2}-\d{2}$'),
  status text not null check (status in ('pending', 'granted', 'refused')),
  granted_until text check (granted_until ~ '^\d{4}-\d{2}-\d{2}$'),
  granted_until_at timestamptz,
  decision_reason text,
  requested_by uuid not null references users (id),
  requested_at timestamptz not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  check ((status = 'pending') = (decided_at is null)),
  check ((status = 'granted') = (granted_until is not null)),
  check ((granted_until is null) = (granted_until_at is null))
);
-- One open request of a kind per party: the court answers it before another is made.
create unique index evidence_requests_one_pending on evidence_requests (case_id, party_id, kind)
  where status = 'pending';

create table evidence_opinions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  subject_kind text not null check (subject_kind in ('item', 'filed')),
  subject_id uuid not null,
  party_id uuid not null references case_parties (id) on delete cascade,
  authenticity text not null check (authenticity in ('admit', 'dispute')),
  authenticity_reason text check (char_length(authenticity_reason) <= 2000),
  -- For a ledger-verified item: after the deposit (在线诉讼规则第十七条) or before it (第十八条).
  ledger_ground text check (ledger_ground in ('altered_after_deposit', 'untrue_before_deposit')),
  legality text not null check (legality in ('admit', 'dispute')),
  legality_reason text check (char_length(legality_reason) <= 2000),
  relevance text not null check (relevance in ('admit', 'dispute')),
  relevance_reason text check (char_length(relevance_reason) <= 2000),
  given_by uuid not null references users (id),
  given_at timestamptz not null,
  unique (subject_kind, subject_id, party_id),
  check (ledger_ground is null or authenticity = 'dispute')
);
create index evidence_opinions_case_idx on evidence_opinions (case_id);

create table evidence_decisions (
  case_id uuid not null references cases (id) on delete cascade,
  subject_kind text not null check (subject_kind in ('item', 'filed')),
  subject_id uuid not null,
  decision text not null check (decision in ('admitted', 'not_admitted')),
  reason text check (char_length(reason) <= 2000),
  decided_by uuid not null references users (id),
  decided_at timestamptz not null,
  primary key (subject_kind, subject_id),
  -- 证据规定第八十五条: the judge states the reasons of a refusal.
  check (decision = 'admitted' or reason is not null)
);
create index evidence_decisions_case_idx on evidence_decisions (case_id);
