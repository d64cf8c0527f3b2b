-- Hearing recordings (最高人民法院关于人民法院庭审录音录像的若干规定) and the public live stream of a public
-- hearing (最高人民法院关于人民法院直播录播庭审活动的规定, 在线诉讼规则第二十七条).

-- A recording of a hearing as the clerk's browser makes it: chunks arrive in order with a sequence number,
-- then the recording is sealed into one content-addressed file whose SHA-256 goes to the ledger
-- (第四条: the recording kept true and complete; 第五条: stored).
create table hearing_recordings (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  status text not null check (status in ('open', 'sealed')),
  media_type text not null check (length(media_type) between 1 and 100),
  started_at timestamptz not null,
  started_by uuid not null references users (id),
  sha256 text check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
  size bigint check (size is null or size >= 0),
  duration_ms bigint check (duration_ms is null or duration_ms >= 0),
  chunk_count integer check (chunk_count is null or chunk_count >= 1),
  -- 第四条: chunks that never arrived (sealed by the system after the hearing) are named, not hidden.
  missing_seqs integer[] not null default '{}',
  sealed_at timestamptz,
  -- Null when the system sealed it after the hearing ended.
  sealed_by uuid references users (id),
  check ((status = 'sealed') = (sha256 is not null and sealed_at is not null and size is not null))
);
create unique index hearing_recordings_open_idx on hearing_recordings (hearing_id) where status = 'open';
create index hearing_recordings_hearing_idx on hearing_recordings (hearing_id);

create table hearing_recording_chunks (
  recording_id uuid not null references hearing_recordings (id),
  seq integer not null check (seq between 0 and 1000000),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size > 0),
  received_at timestamptz not null,
  primary key (recording_id, seq)
);

-- A live stream of a public hearing: started and stopped by the judge or the clerk.
create table hearing_live_streams (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  status text not null check (status in ('live', 'ended')),
  hide_faces boolean not null,
  started_at timestamptz not null,
  started_by uuid not null references users (id),
  ended_at timestamptz,
  ended_by uuid references users (id),
  latest_seq integer,
  check ((status = 'ended') = (ended_at is not null))
);
create unique index hearing_live_streams_live_idx on hearing_live_streams (hearing_id) where status = 'live';
create index hearing_live_streams_hearing_idx on hearing_live_streams (hearing_id);

-- Each standalone WebM segment of a stream, kept in the file store: the replay after the hearing
-- (庭审录音录像规定第十二条: the court may play recordings of public hearings) and the source of a viewer on
-- another node.
create table hearing_live_segments (
  stream_id uuid not null references hearing_live_streams (id),
  seq integer not null check (seq between 0 and 1000000),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size > 0),
  captured_at timestamptz not null,
  received_at timestamptz not null,
  primary key (stream_id, seq)
);

-- Viewers each node saw within the last seconds, written every few seconds: the judge's count sums the
-- nodes' recent rows.
create table hearing_live_viewers (
  stream_id uuid not null references hearing_live_streams (id),
  node_id text not null check (length(node_id) between 1 and 64),
  viewers integer not null check (viewers >= 0),
  updated_at timestamptz not null,
  primary key (stream_id, node_id)
);
