-- Documents of a case through one pipeline (modules/documents): the filed 起诉状, the fee receipt, the
-- notices of acceptance, evidence and response, rulings and 告知书. One row per language version; the
-- versions of one issue share `issue_id`. DOCX is stored at issue; the PDF is printed on first download.
create table case_documents (
  id uuid primary key default gen_random_uuid(),
  -- Issue order within a case (several documents can share one instant, e.g. the notices of acceptance).
  seq bigint generated always as identity,
  issue_id uuid not null,
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('complaint', 'fee_receipt', 'acceptance_notice', 'evidence_notice',
    'response_notice', 'refusal_ruling', 'referral_notice')),
  locale text not null check (locale in ('zh-CN', 'en')),
  title text not null,
  case_number text,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  docx_sha256 text not null references stored_files (sha256),
  pdf_sha256 text references stored_files (sha256),
  model jsonb not null,
  issued_by uuid references users (id),
  signed_by uuid references users (id),
  issued_at timestamptz not null,
  unique (issue_id, locale)
);
create index case_documents_case_idx on case_documents (case_id, seq);
