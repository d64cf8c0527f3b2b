-- Asynchronous trial (非同步审理, 在线诉讼规则第二十条): in a case under the small-claims procedure or the
-- simplified procedure, when one party applies in writing and every party agrees, the judge may let the
-- parties take part in the trial at different times within the windows the court sets. Its own tables,
-- not a `hearings` row: a hearing is a sitting at one instant with a summons, a duration and a courtroom,
-- while an asynchronous trial is a written thread over days — questions with windows, answers and the
-- parties' requests for a live hearing — whose record is issued when the judge closes it.

create table async_trials (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  court_id uuid not null references courts (id),
  -- applied → open → closed | ended_for_live; applied → refused (the judge refused, or a party refused consent).
  status text not null check (status in ('applied', 'open', 'closed', 'ended_for_live', 'refused')),
  -- 在线诉讼规则第二十条第二款第（二）项: one party applies in writing, with its reasons.
  applicant_party_id uuid not null references case_parties (id),
  applied_by uuid not null references users (id),
  reasons text not null check (char_length(reasons) between 1 and 2000),
  applied_at timestamptz not null,
  -- The judge's attestation of the conditions of 第二十条第二款 when opening it.
  difficulty_attested boolean not null default false,
  undisputed_attested boolean not null default false,
  disputed_items_at_opening integer check (disputed_items_at_opening is null or disputed_items_at_opening >= 0),
  opened_by uuid references users (id),
  opened_at timestamptz,
  -- Why it ended without a record: the judge's reasons for refusing, or the party that refused consent.
  refusal_kind text check (refusal_kind in ('judge', 'party')),
  refusal_reason text check (refusal_reason is null or char_length(refusal_reason) between 1 and 2000),
  ended_by uuid references users (id),
  ended_at timestamptz,
  -- The record (the thread) issued when the judge closes it.
  record_issue_id uuid,
  record_sha256 text check (record_sha256 is null or record_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'open') <= (opened_at is not null)),
  check ((status = 'open') <= (difficulty_attested and undisputed_attested)),
  check ((status = 'refused') = (refusal_kind is not null)),
  check ((status = 'closed') = (record_issue_id is not null))
);
-- One application or trial under way per case.
create unique index async_trials_one_active on async_trials (case_id) where status in ('applied', 'open');
create index async_trials_case_idx on async_trials (case_id);

-- Each party's answer to the application: the applicant's own application counts as its consent.
create table async_trial_consents (
  trial_id uuid not null references async_trials (id),
  party_id uuid not null references case_parties (id),
  decision text not null check (decision in ('consented', 'refused')),
  reason text check (reason is null or char_length(reason) <= 2000),
  decided_by uuid not null references users (id),
  decided_at timestamptz not null,
  primary key (trial_id, party_id)
);

-- The judge's questions and the issues in dispute (争议焦点), each with a response window.
create table async_trial_questions (
  id uuid primary key default gen_random_uuid(),
  trial_id uuid not null references async_trials (id),
  number integer not null check (number >= 1),
  kind text not null check (kind in ('question', 'issue')),
  body text not null check (char_length(body) between 1 and 4000),
  -- null: addressed to every party.
  addressed_party_id uuid references case_parties (id),
  window_ends_at timestamptz not null,
  extended_count integer not null default 0 check (extended_count >= 0),
  -- The window end the reminder was sent for, and the one the non-answers were recorded for.
  reminded_for timestamptz,
  lapsed_for timestamptz,
  posted_by uuid not null references users (id),
  posted_at timestamptz not null,
  check (window_ends_at > posted_at),
  unique (trial_id, number)
);

-- A party's answer; a later answer to the same question is a supplement (补充陈述) and recorded as one.
-- 在线诉讼规则第二十条第二款: the party may record its part of the trial on video and upload it; the
-- video is a content-addressed file (stored_files) and its hash goes to the ledger with the answer.
create table async_trial_answers (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references async_trial_questions (id),
  party_id uuid not null references case_parties (id),
  body text not null check (char_length(body) <= 8000),
  video_sha256 text check (video_sha256 is null or video_sha256 ~ '^[0-9a-f]{64}$'),
  video_media_type text,
  video_size integer check (video_size is null or video_size > 0),
  is_supplement boolean not null,
  answered_by uuid not null references users (id),
  answered_at timestamptz not null,
  check ((video_sha256 is null) = (video_media_type is null) and (video_sha256 is null) = (video_size is null)),
  check (char_length(body) >= 1 or video_sha256 is not null)
);
create index async_trial_answers_question_idx on async_trial_answers (question_id, answered_at);
create unique index async_trial_answers_first on async_trial_answers (question_id, party_id)
  where not is_supplement;

-- A window that closed without a party's answer (recorded by the window-close job for the judge).
create table async_trial_missed_answers (
  question_id uuid not null references async_trial_questions (id),
  party_id uuid not null references case_parties (id),
  window_ends_at timestamptz not null,
  recorded_at timestamptz not null,
  primary key (question_id, party_id, window_ends_at)
);

-- A party's request for a live hearing and the judge's decision on it.
create table async_trial_live_requests (
  id uuid primary key default gen_random_uuid(),
  trial_id uuid not null references async_trials (id),
  party_id uuid not null references case_parties (id),
  reasons text not null check (char_length(reasons) between 1 and 2000),
  requested_by uuid not null references users (id),
  requested_at timestamptz not null,
  status text not null check (status in ('pending', 'granted', 'refused')),
  decision_reasons text check (decision_reasons is null or char_length(decision_reasons) <= 2000),
  decided_by uuid references users (id),
  decided_at timestamptz,
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'refused' or decision_reasons is not null)
);
create unique index async_trial_live_requests_one_pending on async_trial_live_requests (trial_id, party_id)
  where status = 'pending';
