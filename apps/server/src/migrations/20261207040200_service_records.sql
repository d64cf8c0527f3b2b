-- Service of process (送达): one record per served document × recipient, one attempt per channel try,
-- and each user's confirmed electronic service address (互联网法院规定第十五条至第十九条; 人民法院在线诉讼规则
-- 第二十九条至第三十三条; 民事诉讼法第八十七条至第九十五条).
create table service_records (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  court_id uuid not null references courts (id),
  -- The served document: both language versions of one `case_documents` issue are served together.
  document_issue_id uuid not null,
  kind text not null check (kind in ('complaint_copy', 'response_notice', 'evidence_notice',
    'acceptance_notice', 'answer_copy', 'ruling', 'mediation_agreement', 'confirmation_ruling', 'judgment',
    'summons', 'other')),
  recipient_party_id uuid,
  recipient_user_id uuid references users (id),
  recipient_name text not null,
  recipient_role text not null,
  -- The electronic addresses served at (shown unmasked to court staff only).
  recipient_phone text,
  recipient_email text,
  -- confirmed: an address the addressee gave or confirmed with consent; provided: given by the other side.
  address_basis text not null check (address_basis in ('confirmed', 'provided')),
  status text not null check (status in ('pending', 'delivered', 'served', 'failed', 'undeliverable',
    'served_by_post', 'served_by_notice')),
  sent_at timestamptz,
  delivered_at timestamptz,
  opened_at timestamptz,
  acted_at timestamptz,
  served_at timestamptz,
  -- How service was completed: delivered, opened, acted, post, notice.
  served_how text check (served_how in ('delivered', 'opened', 'acted', 'post', 'notice')),
  served_by uuid references users (id),
  unopened_days integer not null default 3 check (unopened_days between 1 and 30),
  following_kind text,
  following_days integer check (following_days between 1 and 365),
  following_basis text,
  post_tracking_number text,
  post_signed_on date,
  post_signed_by text,
  notice_on date,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((following_kind is null) = (following_days is null)),
  check ((status in ('served', 'served_by_post', 'served_by_notice')) = (served_at is not null))
);
create index service_records_case_idx on service_records (case_id, created_at);
create index service_records_open_idx on service_records (court_id, status)
  where status in ('pending', 'delivered', 'failed', 'undeliverable');
create index service_records_user_idx on service_records (recipient_user_id);

create table service_attempts (
  id uuid primary key default gen_random_uuid(),
  -- Order of the tries (several may share one instant).
  seq bigint generated always as identity,
  service_id uuid not null references service_records (id),
  channel text not null check (channel in ('inbox', 'sms', 'email', 'post', 'notice')),
  address text,
  status text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'refused')),
  error text,
  provider_reference text,
  created_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  updated_at timestamptz not null
);
create index service_attempts_service_idx on service_attempts (service_id, seq);

-- 送达地址确认书: the account's confirmed electronic service address and the text it agreed to.
create table service_addresses (
  user_id uuid primary key references users (id),
  phone text,
  email text,
  consent_version text not null,
  consented_at timestamptz not null,
  updated_at timestamptz not null,
  check (phone is not null or email is not null)
);

