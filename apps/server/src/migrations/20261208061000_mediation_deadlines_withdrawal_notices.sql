-- Deadlines of mediation and judicial confirmation that pass unmet, the withdrawal of an application
-- for judicial confirmation, and notices sent once.

-- 人民法院在线调解规则第十条第三款: when the court's three working days to appoint a mediator pass, the
-- mediation is marked overdue for the clerks (cleared when a mediator is appointed).
alter table mediations add column appointment_overdue_at timestamptz;

-- 若干规定第四条 (three days to accept) and 第五条 (fifteen days to decide): overdue marks for the staff.
alter table judicial_confirmations add column acceptance_overdue_at timestamptz;
alter table judicial_confirmations add column decision_overdue_at timestamptz;

-- 民诉法解释第三百五十七条; 若干规定第五条第二款: before the ruling an applicant withdraws; once the
-- application was accepted the court rules to allow it (准许撤回 民事裁定书).
alter table judicial_confirmations add column withdrawn_at timestamptz;
alter table judicial_confirmations add column withdrawn_by uuid references users (id);
alter table judicial_confirmations add column withdrawn_party_ids jsonb;
alter table judicial_confirmations add column withdrawal_reason text
  check (withdrawal_reason is null or length(withdrawal_reason) <= 2000);
alter table judicial_confirmations add column withdrawal_ruling_issue_id uuid;

alter table judicial_confirmations drop constraint judicial_confirmations_status_check;
alter table judicial_confirmations add constraint judicial_confirmations_status_check
  check (status in ('awaiting_parties', 'applied', 'accepted', 'refused', 'confirmed', 'dismissed', 'withdrawn'));

-- An application withdrawn after acceptance keeps its case number; the old check did not allow that.
do $$
declare c record;
begin
  for c in
    select conname from pg_constraint
    where conrelid = 'judicial_confirmations'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%case_number IS NOT NULL%'
  loop
    execute format('alter table judicial_confirmations drop constraint %I', c.conname);
  end loop;
end $$;
alter table judicial_confirmations add constraint judicial_confirmations_case_number_check
  check (status = 'withdrawn' or (status in ('accepted', 'confirmed', 'dismissed')) = (case_number is not null));
alter table judicial_confirmations add constraint judicial_confirmations_withdrawn_check
  check ((status = 'withdrawn') = (withdrawn_at is not null));
alter table judicial_confirmations add constraint judicial_confirmations_withdrawal_ruling_check
  check (withdrawal_ruling_issue_id is null or (status = 'withdrawn' and case_number is not null));

-- Each try to send a notice (not the service of a document) by SMS or e-mail, committed before the
-- message is handed to the gateway: its id is the message's idempotency key, so a rerun after a crash
-- sends an unanswered try again under the same key and never sends one that went out.
create table notice_attempts (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  case_id uuid not null references cases (id),
  party_id uuid not null references case_parties (id),
  purpose text not null check (purpose in ('mediation_invitation')),
  channel text not null check (channel in ('sms', 'email')),
  status text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'refused')),
  error text,
  provider_reference text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index notice_attempts_party_idx on notice_attempts (party_id, purpose, seq);
-- At most one try per channel whose outcome is not known.
create unique index notice_attempts_one_queued on notice_attempts (party_id, purpose, channel)
  where status = 'queued';
