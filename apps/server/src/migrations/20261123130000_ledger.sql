-- Evidence ledger (司法区块链 as a witnessed Merkle log, docs/ledger.md): the log stored as tlog-tiles,
-- its signed checkpoints, the platforms that deposit evidence hashes (存证), court events waiting to be
-- logged, and the verification of files attached to cases (核验).

-- One row: the size and root the sequencer last committed. Every append locks it (select … for update)
-- and checks the size it expects, so two server processes cannot fork the log (split view).
create table ledger_state (
  id smallint primary key check (id = 1),
  -- The log's identity (c2sp.org/tlog-checkpoint origin line), chosen once and never changed.
  origin text not null,
  -- The log's note verifier key: a different key in DATA_DIR stops the server instead of re-keying the log.
  verifier_key text not null,
  size bigint not null check (size >= 0),
  root_hash bytea not null check (length(root_hash) = 32),
  updated_at timestamptz not null
);

-- Hash tiles (level 0..63) and entry bundles (level -1), c2sp.org/tlog-tiles. A row holds the widest
-- bytes of its tile so far; every narrower partial tile is a prefix of them. A full tile (width 256)
-- is written once and never changes.
create table ledger_tiles (
  level smallint not null check (level between -1 and 63),
  idx bigint not null check (idx >= 0),
  width smallint not null check (width between 1 and 256),
  data bytea not null,
  primary key (level, idx)
);
-- Hashes do not compress: store them out of line without trying.
alter table ledger_tiles alter column data set storage external;

create function ledger_tiles_grow_only() returns trigger language plpgsql as $$
begin
  if old.width = 256 then
    raise exception 'ledger tile %/% is full and immutable', old.level, old.idx using errcode = '55000';
  end if;
  if new.width < old.width or substring(new.data from 1 for length(old.data)) <> old.data then
    raise exception 'ledger tile %/% may only grow', old.level, old.idx using errcode = '55000';
  end if;
  return new;
end $$;
create trigger ledger_tiles_grow_only before update on ledger_tiles
  for each row execute function ledger_tiles_grow_only();
create trigger ledger_tiles_no_delete before delete or truncate on ledger_tiles
  for each statement execute function netcourt_forbid_change();

-- Every checkpoint the log signed. A checkpoint is published (served at /ledger/checkpoint, put in
-- receipts) once the witness quorum cosigned it.
create table ledger_checkpoints (
  size bigint primary key check (size >= 0),
  root_hash bytea not null check (length(root_hash) = 32),
  signed_note text not null,
  cosigned_note text,
  signed_at timestamptz not null,
  published_at timestamptz,
  check ((cosigned_note is null) = (published_at is null))
);
create index ledger_checkpoints_published_idx on ledger_checkpoints (size) where published_at is not null;

-- The size each witness last cosigned, as far as the log knows (tlog-witness `old` line).
create table ledger_witness_sizes (
  name text primary key,
  size bigint not null check (size >= 0),
  updated_at timestamptz not null
);

-- Third-party platforms registered by a court's administrators to deposit evidence (天平链接入).
create table ledger_platforms (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  name text not null,
  -- Who runs it: shown to judges for 在线诉讼规则第十七条(二) (relation between a party and the platform).
  operator_name text not null,
  operator_credit_code text,
  category text not null,
  description text,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  disabled_at timestamptz,
  unique (court_id, name)
);

create table ledger_platform_credentials (
  id uuid primary key default gen_random_uuid(),
  platform_id uuid not null references ledger_platforms (id),
  kind text not null check (kind in ('ed25519', 'api_key')),
  public_key bytea unique check (public_key is null or length(public_key) = 32),
  -- SHA-256 of the API key; the key itself is shown once and never stored.
  api_key_hash bytea unique check (api_key_hash is null or length(api_key_hash) = 32),
  -- The identifier logged in each deposit leaf (`platform`): SHA-256 of the public key, or of the
  -- credential id for API keys (docs/ledger.md).
  key_hash bytea not null unique check (length(key_hash) = 32),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  revoked_at timestamptz,
  check ((kind = 'ed25519') = (public_key is not null)),
  check ((kind = 'api_key') = (api_key_hash is not null))
);
create index ledger_platform_credentials_platform_idx on ledger_platform_credentials (platform_id);

-- Signed deposit requests, kept verbatim: with the platform's public key they prove who asked for each
-- deposit (non-repudiation, 在线诉讼规则第十七条(二)). The nonce is unique per credential (replay).
create table ledger_deposit_requests (
  id bigint generated always as identity primary key,
  credential_id uuid not null references ledger_platform_credentials (id),
  nonce text not null,
  signed_at timestamptz not null,
  signature_input text not null,
  signature bytea not null,
  body bytea not null,
  received_at timestamptz not null,
  unique (credential_id, nonce)
);

-- One row per deposit leaf. The public leaf holds no title, metadata or identity data: only a salted
-- commitment to `opening`, which stays here (access-controlled).
create table ledger_deposits (
  leaf_index bigint primary key check (leaf_index >= 0),
  platform_id uuid not null references ledger_platforms (id),
  credential_id uuid not null references ledger_platform_credentials (id),
  request_id bigint references ledger_deposit_requests (id),
  sha256 bytea not null check (length(sha256) = 32),
  kind text not null,
  -- Canonical JSON {metadata, occurredAt, salt, title}; the leaf commits to its SHA-256.
  opening text not null,
  deposited_at timestamptz not null,
  -- Idempotent per platform and hash; the index also serves look-ups by hash alone (核验).
  unique (sha256, platform_id)
);
create trigger ledger_deposits_append_only before update or delete on ledger_deposits
  for each row execute function netcourt_forbid_change();

-- Court events and evidence submissions, written in the transaction of the act (outbox) and appended
-- to the log by the sequencer, which records the leaf index here.
create table ledger_court_events (
  id bigint generated always as identity primary key,
  leaf_type text not null check (leaf_type in ('court_event', 'evidence')),
  kind text not null,
  court_id uuid not null,
  case_id uuid,
  sha256 bytea check (sha256 is null or length(sha256) = 32),
  -- Canonical JSON {caseId, payload, salt}; the leaf commits to its SHA-256.
  opening text not null,
  recorded_at timestamptz not null,
  leaf_index bigint unique,
  check ((leaf_type = 'evidence') = (sha256 is not null))
);
create index ledger_court_events_pending_idx on ledger_court_events (id) where leaf_index is null;
create index ledger_court_events_case_idx on ledger_court_events (case_id, id);

-- The result of checking a file attached to a case against the ledger (在线诉讼规则第十六条).
create table ledger_verifications (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null,
  subject_id uuid not null,
  case_id uuid not null,
  court_id uuid not null,
  sha256 bytea not null check (length(sha256) = 32),
  -- The deposit the party named (存证编号), if any.
  claimed_index bigint,
  result text not null check (result in ('verified', 'not_deposited', 'no_match')),
  deposit_indexes bigint[] not null default '{}',
  checked_at timestamptz not null,
  unique (subject_type, subject_id)
);
create index ledger_verifications_sha256_idx on ledger_verifications (sha256);
create index ledger_verifications_case_idx on ledger_verifications (case_id);
