-- Provisioning a real court: staff invitations, and TOTP secrets stored only as encrypted envelopes.

-- One-time links through which an invited staff member sets a password and enrols TOTP. Only the
-- token's SHA-256 is kept, so a copy of this table does not hand out the links.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (id),
  court_id uuid not null references courts (id),
  purpose text not null check (purpose in ('staff_enrolment', 'second_factor_reset')),
  created_by uuid references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  check (expires_at > created_at),
  check (used_at is null or revoked_at is null)
);
-- At most one open invitation per account: a new one revokes the previous.
create unique index invitations_open_key on invitations (user_id) where used_at is null and revoked_at is null;

-- users.totp_secret holds an AES-256-GCM envelope `v1.<key id>.<nonce>.<ciphertext>.<tag>`
-- (modules/identity/totp-secrets.ts). Clear secrets of earlier versions are sealed at start, which
-- then validates this constraint; until then it already holds for every new or changed row.
alter table users add constraint users_totp_secret_sealed
  check (totp_secret is null or totp_secret like 'v1.%') not valid;
