-- Sessions follow the privileges of their account, and sign-in challenges are spent once.

-- A counter of privilege changes per account (staff membership, real-name verification, second
-- factor, disabling). A session records the value it was issued under; a session issued under an
-- older value is renewed on its next request (platform/auth/sessions.ts), so a token that existed
-- before a privilege change does not carry the new privileges for long (OWASP ASVS 4.0 V3.2.1;
-- OWASP Session Management Cheat Sheet: renew the session ID after any privilege level change).
alter table users add column privilege_version integer not null default 0 check (privilege_version >= 0);
alter table sessions add column privilege_version integer not null default 0;
-- When a session was renewed, and its successor: the old token keeps working for a short grace period
-- only (requests already in flight), and signing out of either ends both.
alter table sessions add column rotated_at timestamptz;
alter table sessions add column rotated_to text;

-- Counted in the database so every path that changes a privilege counts, including the ones added later.
create function netcourt_bump_privilege_version() returns trigger language plpgsql as $$
begin
  if (old.verification_status = 'verified') is distinct from (new.verification_status = 'verified')
     or old.totp_enabled_at is distinct from new.totp_enabled_at
     or old.totp_secret is distinct from new.totp_secret and new.totp_secret is null
     or old.disabled_at is distinct from new.disabled_at then
    new.privilege_version := old.privilege_version + 1;
  end if;
  return new;
end $$;
create trigger users_privilege_version before update on users
  for each row execute function netcourt_bump_privilege_version();

create function netcourt_bump_staff_privilege_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.user_id = new.user_id and old.court_id = new.court_id
     and old.role = new.role and old.is_active = new.is_active
     and old.division_id is not distinct from new.division_id then
    return null;
  end if;
  update users set privilege_version = privilege_version + 1
    where id in (coalesce(new.user_id, old.user_id), coalesce(old.user_id, new.user_id));
  return null;
end $$;
create trigger court_staff_privilege_version after insert or update or delete on court_staff
  for each row execute function netcourt_bump_staff_privilege_version();

-- Proof-of-work challenges already used to sign in: a solution counts once (kept until it expires).
create table auth_spent_challenges (
  nonce text primary key,
  expires_at timestamptz not null
);
create index auth_spent_challenges_expiry_idx on auth_spent_challenges (expires_at);

-- Secrets the servers of one installation share and make themselves on first use (the HMAC key of
-- sign-in challenges: a challenge issued by one server is checked by another).
create table platform_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null
);
