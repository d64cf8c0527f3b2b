-- Identity: TOTP replay protection, ID-document uploads awaiting a verification, external verifier scores.

-- RFC 6238 §5.2: a verifier must not accept the same one-time password twice; the last accepted
-- 30-second step is kept so a code (and any earlier one) is refused after use.
alter table users add column totp_last_step bigint check (totp_last_step is null or totp_last_step >= 0);

-- Images of an ID card (or business licence) an account uploaded for real-name verification. A
-- verification may only reference images its own account uploaded for that side.
create table identity_documents (
  user_id uuid not null references users (id),
  side text not null check (side in ('front', 'back')),
  sha256 text not null references stored_files (sha256),
  media_type text not null check (media_type in ('image/png', 'image/jpeg', 'image/webp', 'image/heic')),
  uploaded_at timestamptz not null,
  primary key (user_id, side, sha256)
);

-- Score reported by an external face/ID verification service (0 to 1), kept with its reference.
alter table identity_verifications add column provider_score double precision
  check (provider_score is null or (provider_score >= 0 and provider_score <= 1));
create index identity_verifications_user_idx on identity_verifications (user_id, created_at desc);
