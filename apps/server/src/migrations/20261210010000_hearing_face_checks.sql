-- Identity checked again at the hearing room's door (在线诉讼规则第七条第三款: 在线开展庭审等诉讼活动，应当再次
-- 验证诉讼主体的身份; 互联网法院规定第六条: 生物特征识别). When the court opened the room requiring it, each party
-- and agent takes a photo with their camera; the face/ID service compares it with the account's verified name
-- and ID number. Every attempt is kept, the failed ones too (the judge then checks identity by sight).
-- The photo is biometric, sensitive personal data (个人信息保护法第二十八条): only the hearing's judge and clerk
-- read it.
create table hearing_face_checks (
  id uuid primary key default gen_random_uuid(),
  -- Orders the attempts when the clock gives two the same instant: the latest one decides.
  seq integer generated always as identity,
  hearing_id uuid not null references hearings (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('party', 'agent')),
  result text not null check (result in ('match', 'mismatch', 'error')),
  provider text not null check (length(provider) between 1 and 200),
  reference text not null check (length(reference) between 1 and 500),
  score double precision check (score is null or (score >= 0 and score <= 1)),
  image_sha256 text not null references stored_files (sha256),
  image_media_type text not null check (image_media_type in ('image/jpeg', 'image/png')),
  image_size integer not null check (image_size > 0),
  checked_at timestamptz not null
);
create index hearing_face_checks_hearing_user on hearing_face_checks (hearing_id, user_id, seq);
