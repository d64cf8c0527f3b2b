-- The hearing transcript (庭审笔录, 民事诉讼法第一百五十条): the audio each participant's device sends in
-- chunks, the segments speech recognition makes of it (最高人民法院关于人民法院庭审录音录像的若干规定第二条、
-- 第六条) with the original recognised text kept beside the clerk's corrections, every edit, the versions
-- frozen for signature with their content hash, each participant's online signature or refusal (在线诉讼规则
-- 第三十三条、第三十四条) and the requests for correction (第一百五十条第二款: 如果不予补正，应当将申请记录在案).

-- Change numbers of segments, for the editor's live polling (`since`): every insert or edit takes the next.
create sequence hearing_transcript_changes;

-- One chunk of audio as a participant's device recorded it; transcribed after the request by a job.
create table hearing_transcript_chunks (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  participant_id uuid not null references hearing_participants (id),
  seq integer not null check (seq between 0 and 1000000),
  -- Where the chunk starts, in milliseconds since the hearing opened.
  offset_ms integer not null check (offset_ms between 0 and 86400000),
  duration_ms integer check (duration_ms is null or duration_ms between 0 and 600000),
  media_type text not null check (media_type in ('audio/webm', 'audio/wav', 'audio/ogg')),
  audio_sha256 text not null references stored_files (sha256),
  size integer not null check (size > 0),
  status text not null check (status in ('pending', 'transcribed', 'failed')),
  provider text check (provider is null or length(provider) <= 200),
  error text check (error is null or length(error) <= 500),
  received_at timestamptz not null,
  transcribed_at timestamptz,
  -- The same chunk sent again (a retry after a lost answer) is the same chunk.
  unique (hearing_id, participant_id, seq)
);
create index hearing_transcript_chunks_pending on hearing_transcript_chunks (hearing_id) where status = 'pending';

create table hearing_transcript_segments (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  chunk_id uuid references hearing_transcript_chunks (id),
  source text not null check (source in ('asr', 'manual')),
  -- Who spoke: the participant, and the role and name as the transcript prints them (审判员 张三).
  participant_id uuid references hearing_participants (id),
  speaker_role text not null check (speaker_role in ('judge', 'clerk', 'plaintiff', 'defendant', 'third_party',
    'plaintiff_agent', 'defendant_agent', 'third_party_agent', 'other')),
  speaker_name text not null check (length(speaker_name) between 1 and 200),
  -- Milliseconds since the hearing opened.
  start_ms integer not null check (start_ms between 0 and 86400000),
  end_ms integer not null check (end_ms between 0 and 86400000),
  -- What speech recognition heard, never changed; null for a line the clerk wrote.
  original_text text check (original_text is null or length(original_text) between 1 and 4000),
  text text not null check (length(text) between 1 and 4000),
  is_struck boolean not null default false,
  struck_reason text check (struck_reason is null or length(struck_reason) between 1 and 500),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  change_no bigint not null,
  check (end_ms >= start_ms),
  check ((source = 'asr') = (original_text is not null)),
  check ((source = 'manual') = (created_by is not null)),
  check (is_struck or struck_reason is null)
);
create index hearing_transcript_segments_hearing on hearing_transcript_segments (hearing_id, change_no);

-- Every edit of a segment: who, when, what it was and what it became.
create table hearing_transcript_edits (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  segment_id uuid not null references hearing_transcript_segments (id),
  kind text not null check (kind in ('insert', 'text', 'speaker', 'strike', 'restore')),
  before jsonb,
  after jsonb not null,
  edited_by uuid not null references users (id),
  edited_at timestamptz not null
);
create index hearing_transcript_edits_segment on hearing_transcript_edits (segment_id, edited_at);

-- A version frozen for reading and signature (第一百五十条第二款: 当庭宣读, or read within five days).
create table hearing_transcript_versions (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  number integer not null check (number >= 1),
  status text not null check (status in ('awaiting_signatures', 'superseded', 'signed')),
  -- The segments as frozen, and the SHA-256 of their canonical JSON: what each signature confirms.
  content jsonb not null,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  closed_by uuid not null references users (id),
  closed_at timestamptz not null,
  completed_at timestamptz,
  document_issue_id uuid,
  unique (hearing_id, number),
  check ((status = 'signed') = (completed_at is not null)),
  check ((status = 'signed') = (document_issue_id is not null))
);
create unique index hearing_transcript_versions_current on hearing_transcript_versions (hearing_id)
  where status <> 'superseded';

-- Who must sign a version and what each did: signed online (在线诉讼规则第三十三条), refused (第一百五十条第三款:
-- 记明情况附卷) or was absent from the hearing.
create table hearing_transcript_signatures (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references hearing_transcript_versions (id),
  hearing_id uuid not null references hearings (id),
  participant_id uuid not null references hearing_participants (id),
  user_id uuid references users (id),
  role text not null check (role in ('judge', 'clerk', 'party', 'agent')),
  party_role text check (party_role in ('plaintiff', 'defendant', 'third_party')),
  name text not null check (length(name) between 1 and 200),
  decision text not null check (decision in ('pending', 'signed', 'refused', 'absent')),
  reason text check (reason is null or length(reason) between 1 and 1000),
  -- The version's hash the signer confirmed.
  content_sha256 text check (content_sha256 is null or content_sha256 ~ '^[0-9a-f]{64}$'),
  decided_at timestamptz,
  recorded_by uuid references users (id),
  unique (version_id, participant_id),
  check ((decision = 'signed') = (content_sha256 is not null)),
  check ((decision = 'pending') = (decided_at is null)),
  check (decision not in ('refused', 'absent') or reason is not null)
);
create index hearing_transcript_signatures_user on hearing_transcript_signatures (user_id) where user_id is not null;

-- 第一百五十条第二款: a request to correct the record of one's own statement, and what the clerk did with it.
create table hearing_transcript_corrections (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references hearing_transcript_versions (id),
  hearing_id uuid not null references hearings (id),
  participant_id uuid not null references hearing_participants (id),
  user_id uuid not null references users (id),
  segment_id uuid references hearing_transcript_segments (id),
  request text not null check (length(request) between 1 and 2000),
  status text not null check (status in ('open', 'corrected', 'declined')),
  answer text check (answer is null or length(answer) between 1 and 2000),
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null,
  check ((status = 'open') = (decided_at is null)),
  check (status <> 'declined' or answer is not null)
);
create index hearing_transcript_corrections_hearing on hearing_transcript_corrections (hearing_id, created_at);
