-- Hearings (开庭): the courtrooms of each court, the hearings of a case with their mode, publicity and
-- place, the summons (传票) served for each sitting, adjournments (民事诉讼法第一百四十九条) and the
-- public announcement of a public hearing (民事诉讼法第一百三十九条: 公告当事人姓名、案由和开庭的时间、地点).
-- The online hearing room, recordings and transcripts reference hearings (id) and come later.

-- A court's register of courtrooms (courts context): physical rooms, and online courtrooms set up with
-- every element a courtroom needs (在线诉讼规则第二十四条: 在线法庭).
create table courtrooms (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  code text not null check (length(code) between 1 and 32),
  name_zh text not null check (length(name_zh) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 100),
  kind text not null check (kind in ('physical', 'online')),
  location_zh text check (location_zh is null or length(location_zh) <= 200),
  location_en text check (location_en is null or length(location_en) <= 200),
  is_active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (court_id, code)
);

create table hearings (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  court_id uuid not null references courts (id),
  -- The n-th sitting of the case (a new sitting after an adjournment keeps the row; a new hearing row
  -- is a further sitting).
  sitting integer not null check (sitting >= 1),
  mode text not null check (mode in ('online', 'courtroom', 'asynchronous')),
  status text not null check (status in ('scheduled', 'adjourned', 'cancelled', 'in_progress', 'held')),
  starts_at timestamptz not null,
  duration_minutes integer not null check (duration_minutes between 15 and 720),
  courtroom_id uuid references courtrooms (id),
  judge_id uuid not null references users (id),
  clerk_id uuid references users (id),
  -- 民事诉讼法第一百三十七条: public unless a reason says otherwise.
  is_public boolean not null,
  not_public_reason text check (not_public_reason in ('state_secret', 'personal_privacy', 'law_provides',
    'divorce_on_request', 'trade_secret_on_request')),
  not_public_note text check (not_public_note is null or length(not_public_note) <= 1000),
  -- 互联网法院规定第十二条: why an Internet court sits offline.
  offline_reason text check (offline_reason in ('identity_check', 'original_documents', 'physical_evidence',
    'not_suitable_online')),
  -- The online hearing room (modules/hearing, later): its key once the room is opened.
  room_key text,
  summons_issued_at timestamptz,
  reminded_for timestamptz,
  scheduled_by uuid not null references users (id),
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason is null or length(cancel_reason) <= 1000),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 0,
  check (is_public = (not_public_reason is null)),
  check (mode <> 'courtroom' or courtroom_id is not null),
  unique (case_id, sitting)
);
create index hearings_case_idx on hearings (case_id);
create index hearings_court_time_idx on hearings (court_id, starts_at) where status = 'scheduled';
create index hearings_judge_time_idx on hearings (judge_id, starts_at) where status = 'scheduled';
create index hearings_courtroom_time_idx on hearings (courtroom_id, starts_at)
  where status = 'scheduled' and courtroom_id is not null;

-- Who takes part: the judge, the clerk, each party and each active agent (the room admits them later).
create table hearing_participants (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  role text not null check (role in ('judge', 'clerk', 'party', 'agent')),
  party_id uuid references case_parties (id),
  agent_id uuid references case_agents (id),
  user_id uuid references users (id),
  name text not null,
  party_role text check (party_role in ('plaintiff', 'defendant', 'third_party')),
  created_at timestamptz not null,
  check ((role in ('party', 'agent')) = (party_id is not null))
);
create index hearing_participants_hearing_idx on hearing_participants (hearing_id);
create index hearing_participants_user_idx on hearing_participants (user_id) where user_id is not null;

-- Each summons (传票) issued for a sitting and the service of it on each recipient (modules/delivery).
create table hearing_summonses (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  party_id uuid not null references case_parties (id),
  -- The sitting time the summons names.
  starts_at timestamptz not null,
  document_issue_id uuid not null,
  service_id uuid not null,
  recipient_user_id uuid references users (id),
  recipient_name text not null,
  recipient_role text not null check (recipient_role in ('party', 'agent')),
  is_current boolean not null default true,
  created_at timestamptz not null
);
create index hearing_summonses_hearing_idx on hearing_summonses (hearing_id);

-- 民事诉讼法第一百四十九条: adjournments with their ground and reasons.
create table hearing_adjournments (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  ground text not null check (ground in ('absence_with_cause', 'recusal_request', 'further_evidence', 'other')),
  reason text not null check (length(reason) between 1 and 2000),
  previous_starts_at timestamptz not null,
  new_starts_at timestamptz,
  decided_by uuid not null references users (id),
  decided_at timestamptz not null
);
create index hearing_adjournments_hearing_idx on hearing_adjournments (hearing_id);

-- 民事诉讼法第一百三十九条: the public announcement (开庭公告) of a public hearing, as the portal shows it:
-- names of natural persons masked, the cause, the time and the place.
create table hearing_announcements (
  hearing_id uuid primary key references hearings (id),
  court_id uuid not null references courts (id),
  case_number text,
  cause_name_zh text,
  cause_name_en text,
  parties_zh text not null,
  parties_en text not null,
  starts_at timestamptz not null,
  mode text not null check (mode in ('online', 'courtroom', 'asynchronous')),
  place_zh text not null,
  place_en text not null,
  status text not null check (status in ('published', 'withdrawn')),
  published_at timestamptz not null,
  updated_at timestamptz not null
);
create index hearing_announcements_court_idx on hearing_announcements (court_id, starts_at)
  where status = 'published';
