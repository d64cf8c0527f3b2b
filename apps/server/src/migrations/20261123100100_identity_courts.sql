-- Identity (accounts, real-name verification) and the court registry (courts, divisions, staff).

create table users (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person', 'organisation')),
  name text not null check (char_length(name) between 1 and 200),
  -- GB 11643-1999 resident identity number of a natural person.
  id_number text check (id_number ~ '^[0-9]{17}[0-9X]$'),
  -- GB 32100-2015 unified social credit code of an organisation.
  credit_code text check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  organisation_kind text check (organisation_kind in ('legal_person', 'other_organisation')),
  legal_representative text,
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  email text check (email is null or position('@' in email) > 1),
  password_hash text not null,
  totp_secret text,
  totp_enabled_at timestamptz,
  verification_status text not null default 'unverified'
    check (verification_status in ('unverified', 'pending', 'verified', 'rejected')),
  verified_at timestamptz,
  lawyer_licence_number text check (lawyer_licence_number is null or lawyer_licence_number ~ '^[0-9]{17}$'),
  law_firm text,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  disabled_at timestamptz,
  check (
    (kind = 'person' and id_number is not null and credit_code is null and organisation_kind is null)
    or (kind = 'organisation' and credit_code is not null and id_number is null
        and organisation_kind is not null and legal_representative is not null)
  ),
  check ((totp_enabled_at is null) or (totp_secret is not null)),
  check ((verification_status = 'verified') = (verified_at is not null))
);
create unique index users_phone_key on users (phone);
create unique index users_email_key on users (lower(email)) where email is not null;
create unique index users_id_number_key on users (id_number) where id_number is not null;
create unique index users_credit_code_key on users (credit_code) where credit_code is not null;

create table identity_verifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  method text not null check (method in ('clerk_review', 'external')),
  status text not null check (status in ('pending', 'approved', 'rejected')),
  front_sha256 text references stored_files (sha256),
  back_sha256 text references stored_files (sha256),
  provider text,
  provider_reference text,
  reviewer_id uuid references users (id),
  decided_at timestamptz,
  reason text,
  created_at timestamptz not null,
  check ((status = 'pending') = (decided_at is null)),
  check (method <> 'clerk_review' or front_sha256 is not null)
);
-- One open verification per account.
create unique index identity_verifications_pending_key on identity_verifications (user_id) where status = 'pending';
create index identity_verifications_queue_idx on identity_verifications (created_at) where status = 'pending';

create table courts (
  id uuid primary key default gen_random_uuid(),
  -- The court code of case numbers (关于人民法院案件案号的若干规定), e.g. 浙0192 for the Hangzhou Internet Court.
  code text not null unique,
  name_zh text not null,
  name_en text not null,
  level text not null check (level in ('supreme', 'high', 'intermediate', 'basic')),
  is_internet_court boolean not null default false,
  parent_id uuid references courts (id),
  province_zh text,
  province_en text,
  -- 民事诉讼法第一百六十五条: 50 % of the province's previous-year average annual wage of employed persons.
  small_claims_limit_fen bigint check (small_claims_limit_fen is null or small_claims_limit_fen >= 0),
  small_claims_basis text,
  address_zh text,
  phone text,
  created_at timestamptz not null,
  check ((level = 'supreme') = (parent_id is null))
);
create index courts_parent_idx on courts (parent_id);

create table court_divisions (
  id uuid primary key default gen_random_uuid(),
  court_id uuid not null references courts (id),
  code text not null,
  name_zh text not null,
  name_en text not null,
  kind text not null check (kind in ('filing', 'civil', 'administrative', 'criminal', 'enforcement', 'mediation', 'management', 'other')),
  unique (court_id, code)
);

create table court_staff (
  user_id uuid not null references users (id),
  court_id uuid not null references courts (id),
  role text not null check (role in ('judge', 'clerk', 'mediator', 'enforcement_officer', 'court_admin')),
  division_id uuid references court_divisions (id),
  title_zh text,
  title_en text,
  is_active boolean not null default true,
  created_at timestamptz not null,
  primary key (user_id, court_id, role)
);
create index court_staff_court_role_idx on court_staff (court_id, role) where is_active;
