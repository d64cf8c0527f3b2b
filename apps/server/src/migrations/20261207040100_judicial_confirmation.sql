-- Mediation agreements signed online and their judicial confirmation (司法确认).
-- 人民法院在线调解规则第十九条: the mediator draws up the agreement online; the parties and the mediator
-- e-sign it (互联网法院规定第十九条, 在线诉讼规则第三十三条: online confirmation is a signature) and it takes
-- effect once every party has signed. 民事诉讼法第二百零五条/第二百零六条: within 30 days of that the
-- parties apply together for confirmation; the court accepts within 3 days and decides within 15
-- (最高人民法院关于人民调解协议司法确认程序的若干规定第四条、第五条), free of charge (第十一条).

-- One row per drafted version; a redraft supersedes the previous one (only before anyone signed).
create table mediation_agreements (
  id uuid primary key default gen_random_uuid(),
  mediation_id uuid not null references mediations (id),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'superseded', 'effective')),
  terms jsonb not null,
  -- The case document (modules/documents) and the hash of its Chinese original, which parties sign.
  issue_id uuid not null,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  drafted_by uuid not null references users (id),
  drafted_at timestamptz not null,
  effective_at timestamptz,
  effective_on date,
  unique (mediation_id, version),
  check ((status = 'effective') = (effective_at is not null)),
  check ((effective_at is null) = (effective_on is null))
);
-- At most one live (draft or effective) agreement per mediation.
create unique index mediation_agreements_one_live on mediation_agreements (mediation_id)
  where status <> 'superseded';

-- Each party signs once (in person or by an agent), and the mediator once.
create table mediation_agreement_signatures (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references mediation_agreements (id),
  signer_user_id uuid not null references users (id),
  signer_role text not null check (signer_role in ('party', 'agent', 'mediator')),
  party_id uuid references case_parties (id),
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  ip text,
  signed_at timestamptz not null,
  check ((signer_role = 'mediator') = (party_id is null))
);
create unique index mediation_agreement_signatures_party on mediation_agreement_signatures (agreement_id, party_id)
  where party_id is not null;
create unique index mediation_agreement_signatures_mediator on mediation_agreement_signatures (agreement_id)
  where signer_role = 'mediator';

create table judicial_confirmations (
  id uuid primary key default gen_random_uuid(),
  mediation_id uuid not null references mediations (id),
  agreement_id uuid not null unique references mediation_agreements (id),
  case_id uuid not null references cases (id),
  court_id uuid not null references courts (id),
  status text not null check (status in ('awaiting_parties', 'applied', 'accepted', 'refused', 'confirmed',
    'dismissed')),
  -- 民事诉讼法第二百零五条: the last day to apply (30 days from the agreement's effect).
  application_due_on date not null,
  started_by uuid not null references users (id),
  started_at timestamptz not null,
  -- When the last party joined: the joint application is made (共同提出).
  applied_at timestamptz,
  acceptance_due_on date,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  case_number text unique,
  judge_id uuid references users (id),
  -- Names as they sign the ruling (民事诉讼法第一百五十七条第三款), kept as they were at the time.
  judge_name text,
  clerk_name text,
  decision_due_on date,
  -- 若干规定第五条第一款: 10 more days with the president's approval, once.
  decision_extended_at timestamptz,
  decision_extended_by uuid references users (id),
  extension_reason text check (extension_reason is null or length(extension_reason) <= 2000),
  refused_at timestamptz,
  refused_by uuid references users (id),
  refusal_grounds jsonb,
  refusal_reason text check (refusal_reason is null or length(refusal_reason) <= 2000),
  decided_at timestamptz,
  decided_by uuid references users (id),
  decision text check (decision in ('confirm', 'dismiss')),
  dismissal_grounds jsonb,
  reasons text check (reasons is null or length(reasons) <= 5000),
  ruling_issue_id uuid,
  -- 民事诉讼法第二百零六条: a ruling confirming the agreement can be enforced.
  is_enforceable boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  check (is_enforceable = (status = 'confirmed')),
  check ((status in ('confirmed', 'dismissed')) = (decision is not null)),
  check ((status in ('accepted', 'confirmed', 'dismissed')) = (case_number is not null))
);
create index judicial_confirmations_court_idx on judicial_confirmations (court_id, status, created_at);
create index judicial_confirmations_mediation_idx on judicial_confirmations (mediation_id);

-- 民诉法解释第三百五十一条: each party applies in person or by its agent.
create table judicial_confirmation_applicants (
  confirmation_id uuid not null references judicial_confirmations (id),
  party_id uuid not null references case_parties (id),
  applied_by uuid not null references users (id),
  applied_as text not null check (applied_as in ('party', 'agent')),
  ip text,
  applied_at timestamptz not null,
  primary key (confirmation_id, party_id)
);
