-- Element tables of a case (要素式审判, modules/judgment): the table the case's cause calls for, opened the
-- first time a party, agent, the judge or a clerk reads it, and one row per element with the value
-- proposed (pre-filled from the complaint or proposed by a side), each side's position and the judge's
-- settled value with reasons and the evidence relied on. Values are JSON whose shape follows the
-- element's value type; the checks below hold the shape the code validates.

create table case_element_tables (
  case_id uuid primary key references cases (id) on delete cascade,
  -- The element table's id in judgment.elements.ts (e.g. 'loan').
  table_id text not null check (char_length(table_id) between 1 and 60),
  cause_code text not null,
  created_at timestamptz not null
);

create table case_element_values (
  case_id uuid not null references case_element_tables (case_id) on delete cascade,
  element_key text not null check (char_length(element_key) between 1 and 60),
  value_type text not null check (value_type in ('amount', 'date', 'rate', 'boolean', 'text', 'duration')),
  proposed_value jsonb,
  proposed_source text check (proposed_source in ('complaint', 'plaintiff', 'defendant', 'judge')),
  proposed_by uuid references users (id),
  proposed_at timestamptz,
  -- Each side's position: 'pending' until it marks the element agreed or disputed (with reasons).
  plaintiff_position text not null default 'pending'
    check (plaintiff_position in ('pending', 'agreed', 'disputed')),
  plaintiff_reason text check (char_length(plaintiff_reason) between 1 and 2000),
  plaintiff_counter_value jsonb,
  plaintiff_marked_by uuid references users (id),
  plaintiff_marked_at timestamptz,
  defendant_position text not null default 'pending'
    check (defendant_position in ('pending', 'agreed', 'disputed')),
  defendant_reason text check (char_length(defendant_reason) between 1 and 2000),
  defendant_counter_value jsonb,
  defendant_marked_by uuid references users (id),
  defendant_marked_at timestamptz,
  -- The judge's finding: 'agreed' when both sides agreed the value, 'decided' otherwise.
  settled_value jsonb,
  settled_kind text check (settled_kind in ('agreed', 'decided')),
  settled_reasons text check (char_length(settled_reasons) between 1 and 2000),
  settled_evidence_ids jsonb not null default '[]' check (jsonb_typeof(settled_evidence_ids) = 'array'),
  settled_by uuid references users (id),
  settled_at timestamptz,
  updated_at timestamptz not null,
  primary key (case_id, element_key),
  check ((proposed_value is null) = (proposed_source is null)),
  check (proposed_source is null or proposed_source = 'complaint' or proposed_by is not null),
  check (plaintiff_position <> 'disputed' or plaintiff_reason is not null),
  check (defendant_position <> 'disputed' or defendant_reason is not null),
  check (plaintiff_position = 'pending' or plaintiff_marked_at is not null),
  check (defendant_position = 'pending' or defendant_marked_at is not null),
  check ((settled_at is null) = (settled_value is null)),
  check ((settled_at is null) = (settled_by is null)),
  check ((settled_at is null) = (settled_kind is null)),
  check (settled_kind is distinct from 'decided' or settled_reasons is not null),
  -- The JSON shape of each value type: fen as a non-negative integer, an ISO day, a decimal rate in
  -- percent per year, true/false, text, or { months, days }.
  check (
    proposed_value is null
    or (value_type = 'amount' and jsonb_typeof(proposed_value) = 'number')
    or (value_type in ('date', 'rate', 'text') and jsonb_typeof(proposed_value) = 'string')
    or (value_type = 'boolean' and jsonb_typeof(proposed_value) = 'boolean')
    or (value_type = 'duration' and jsonb_typeof(proposed_value) = 'object')
  ),
  check (
    settled_value is null
    or (value_type = 'amount' and jsonb_typeof(settled_value) = 'number')
    or (value_type in ('date', 'rate', 'text') and jsonb_typeof(settled_value) = 'string')
    or (value_type = 'boolean' and jsonb_typeof(settled_value) = 'boolean')
    or (value_type = 'duration' and jsonb_typeof(settled_value) = 'object')
  )
);
