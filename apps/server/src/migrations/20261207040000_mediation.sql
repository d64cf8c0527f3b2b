-- Pre-litigation mediation (诉前调解): the court's register of invited mediation organisations and
-- mediators (特邀调解规定第五条/第八条, 在线调解规则第五条), one mediation per case attempt, the other
-- side's consent (在线调解规则第十五条), offers, messages, sessions, documents and period extensions
-- (在线调解规则第二十四条).

-- 在线调解规则第二十四条: the mediator assigned to a case in mediation; only they see it as mediator.
alter table cases add column mediator_id uuid references users (id);
create index cases_mediator_idx on cases (mediator_id) where mediator_id is not null;

create table mediation_organisations (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  name text not null check (length(name) between 1 and 200),
  name_en text check (name_en is null or length(name_en) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  case_types jsonb not null default '[]' check (jsonb_typeof(case_types) = 'array'),
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (court_id, name)
);

create table mediators (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  user_id uuid not null references users (id),
  organisation_id uuid references mediation_organisations (id),
  display_name text not null check (length(display_name) between 1 and 100),
  specialties text not null default '' check (length(specialties) <= 1000),
  case_types jsonb not null default '[]' check (jsonb_typeof(case_types) = 'array'),
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (court_id, user_id)
);
create index mediators_court_idx on mediators (court_id) where is_active;

create table mediations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  court_id uuid not null references courts (id),
  origin text not null check (origin in ('application', 'offered_at_filing')),
  status text not null check (status in ('offered', 'declined', 'awaiting_mediator', 'awaiting_acceptance',
    'in_progress', 'agreement_drafted', 'agreed', 'confirmation_applied', 'confirmed',
    'confirmation_dismissed', 'ended', 'referred')),
  applicant_user_id uuid not null references users (id),
  mediator_id uuid references mediators (id),
  mediator_user_id uuid references users (id),
  mediator_chosen_by text check (mediator_chosen_by in ('applicant', 'court')),
  offered_at timestamptz,
  offered_by uuid references users (id),
  applied_at timestamptz,
  appointment_due_on date,
  assigned_at timestamptz,
  acceptance_due_on date,
  accepted_at timestamptz,
  period_ends_on date,
  period_ends_at timestamptz,
  ended_at timestamptz,
  outcome text check (outcome in ('failed', 'withdrawn', 'lapsed', 'refused_by_other_side')),
  outcome_reason text check (outcome_reason is null or length(outcome_reason) <= 2000),
  referred_at timestamptz,
  record_issue_id uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  check ((mediator_id is null) = (mediator_user_id is null)),
  check ((status = 'ended') = (outcome is not null) or status = 'referred')
);
-- One live mediation per case; a declined offer or a referred mediation leaves room for history.
create unique index mediations_one_live_per_case on mediations (case_id)
  where status not in ('declined', 'referred', 'ended');
create index mediations_case_idx on mediations (case_id, created_at);
create index mediations_mediator_idx on mediations (mediator_user_id) where mediator_user_id is not null;
create index mediations_period_idx on mediations (period_ends_at) where status = 'in_progress';

create table mediation_consents (
  mediation_id uuid not null references mediations (id),
  party_id uuid not null references case_parties (id),
  answer text not null check (answer in ('pending', 'agreed', 'refused')),
  answered_by uuid references users (id),
  answered_at timestamptz,
  asked_at timestamptz not null,
  primary key (mediation_id, party_id)
);

create table mediation_offers (
  id uuid primary key default gen_random_uuid(),
  -- Order of making within the database (several offers can share one instant).
  seq bigint generated always as identity,
  mediation_id uuid not null references mediations (id),
  answers_offer_id uuid references mediation_offers (id),
  party_id uuid not null references case_parties (id),
  made_by uuid not null references users (id),
  amount_fen bigint not null check (amount_fen >= 0),
  terms text not null check (length(terms) <= 4000),
  status text not null check (status in ('open', 'accepted', 'rejected', 'countered')),
  answered_by uuid references users (id),
  answered_at timestamptz,
  created_at timestamptz not null
);
create index mediation_offers_mediation_idx on mediation_offers (mediation_id, seq);
-- An offer is answered once: accepted, rejected or countered by one counter-offer.
create unique index mediation_offers_one_counter on mediation_offers (answers_offer_id)
  where answers_offer_id is not null;

create table mediation_messages (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  mediation_id uuid not null references mediations (id),
  author_user_id uuid not null references users (id),
  author_role text not null check (author_role in ('party', 'agent', 'mediator')),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null
);
create index mediation_messages_mediation_idx on mediation_messages (mediation_id, seq);

create table mediation_sessions (
  id uuid primary key default gen_random_uuid(),
  mediation_id uuid not null references mediations (id),
  starts_at timestamptz not null,
  video_url text check (video_url is null or length(video_url) <= 500),
  note text not null default '' check (length(note) <= 2000),
  scheduled_by uuid not null references users (id),
  created_at timestamptz not null
);
create index mediation_sessions_mediation_idx on mediation_sessions (mediation_id, starts_at);

create table mediation_documents (
  id uuid primary key default gen_random_uuid(),
  mediation_id uuid not null references mediations (id),
  sha256 text not null references stored_files (sha256),
  file_name text not null,
  media_type text not null,
  size bigint not null,
  title text not null,
  uploaded_by uuid not null references users (id),
  created_at timestamptz not null
);
create index mediation_documents_mediation_idx on mediation_documents (mediation_id, created_at);

create table mediation_extensions (
  id uuid primary key default gen_random_uuid(),
  mediation_id uuid not null references mediations (id),
  proposed_by uuid not null references users (id),
  party_id uuid not null references case_parties (id),
  days integer not null check (days between 1 and 180),
  status text not null check (status in ('open', 'agreed', 'refused')),
  answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
  created_at timestamptz not null,
  resolved_at timestamptz
);
-- One open proposal at a time.
create unique index mediation_extensions_one_open on mediation_extensions (mediation_id) where status = 'open';
