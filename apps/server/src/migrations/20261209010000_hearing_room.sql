-- The online hearing room (在线诉讼规则第二十一条至第二十六条; 互联网法院规定第十二条): the room of an online
-- hearing opened by the court, who was present when (民事诉讼法第一百四十条: the clerk checks who is present),
-- the chat kept as part of the record, and large signalling messages relayed between server nodes.

create table hearing_rooms (
  hearing_id uuid primary key references hearings (id),
  opened_at timestamptz not null,
  opened_by uuid not null references users (id),
  -- 互联网法院规定第六条: the court may require a face check of the parties before they enter.
  requires_face_check boolean not null default false,
  -- Set while the court is in recess (休庭); null while it sits.
  recess_since timestamptz,
  -- The evidence file shown to everyone, if any: { caseId, fileId, fileName, mediaType, url, by }.
  display jsonb,
  ended_at timestamptz,
  ended_by uuid references users (id)
);

-- One row per entry into the room: joined, admitted from the waiting room, left or removed.
create table hearing_attendance (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('judge', 'clerk', 'party', 'agent')),
  party_role text check (party_role in ('plaintiff', 'defendant', 'third_party')),
  name text not null check (length(name) between 1 and 200),
  joined_at timestamptz not null,
  admitted_at timestamptz,
  admitted_by uuid references users (id),
  is_muted boolean not null default false,
  is_mute_locked boolean not null default false,
  left_at timestamptz,
  removed_at timestamptz,
  removed_by uuid references users (id),
  -- 民事诉讼法第一百一十三条: removal from the court for disorder is recorded with its reason.
  reason text check (reason is null or length(reason) between 1 and 500),
  check (removed_at is null or (reason is not null and removed_by is not null)),
  check (left_at is null or left_at >= joined_at)
);
create index hearing_attendance_hearing on hearing_attendance (hearing_id, joined_at);
create index hearing_attendance_present on hearing_attendance (hearing_id) where left_at is null;

create table hearing_room_chat (
  id uuid primary key default gen_random_uuid(),
  hearing_id uuid not null references hearings (id),
  attendance_id uuid not null references hearing_attendance (id),
  user_id uuid not null references users (id),
  body text not null check (length(body) between 1 and 2000),
  sent_at timestamptz not null
);
create index hearing_room_chat_hearing on hearing_room_chat (hearing_id, sent_at);

-- Signalling messages too large for a NOTIFY payload, read by id by every node and swept after a minute.
create table hearing_room_relay (
  id uuid primary key default gen_random_uuid(),
  payload text not null,
  created_at timestamptz not null
);
