-- Search context: the law catalogue (laws, articles, stated repeals) and the judgments archive
-- behind similar-case retrieval, law search, citation checks and deviation warnings.

-- Full-text search without pg_trgm or a Chinese parser: the application splits article text into
-- overlapping character bigrams (违约责任 → 违约 约责 责任) and whole ASCII words, writes each term
-- as an ASCII token (`t` + five hex digits per code point, so the built-in parser reads one word
-- per term under any locale), and stores to_tsvector('simple', <tokens>) in search_vector. A query
-- becomes a tsquery of the same tokens: terms of one phrase joined with <-> (adjacent positions,
-- i.e. the exact substring), phrases joined with &. The GIN index answers @@ without scanning and
-- ts_rank_cd ranks. No ILIKE/LIKE '%…%' scans: those cannot use a B-tree and pg_trgm is not available.

create table laws (
  id text primary key check (id ~ '^law-[0-9a-f]{12}$'),
  path text not null unique,
  category text not null,
  title text not null check (length(title) > 0),
  -- title without 中华人民共和国, brackets, quotes and spaces: what titles are matched on
  title_key text not null check (length(title_key) > 0),
  short_title text not null,
  subtitle text,
  version_date date,
  is_latest_version boolean not null,
  effective_from date,
  effective_from_source text check (effective_from_source in ('curated', 'history', 'text', 'version_date')),
  history text[] not null default '{}',
  article_count integer not null check (article_count >= 0),
  body text not null,
  check ((effective_from is null) = (effective_from_source is null))
);

create index laws_title_key_idx on laws (title_key);

create table law_articles (
  id text primary key,
  law_id text not null references laws (id) on delete cascade,
  number integer not null check (number > 0),
  -- '' or 之一, 之二 … (articles inserted by amendments: 刑法第一百三十三条之一)
  suffix text not null default '' check (suffix = '' or suffix ~ '^之[一二三四五六七八九十]+$'),
  position integer not null check (position > 0),
  label text not null,
  part text,
  headings text[] not null default '{}',
  text text not null,
  search_vector tsvector not null,
  unique (law_id, number, suffix),
  unique (law_id, position)
);

create index law_articles_search_idx on law_articles using gin (search_vector);

-- Repeals stated by a later document (…同时废止). The repealed law is often not in `laws`
-- (合同法, 侵权责任法 …), so it is keyed by title, not by id.
create table law_repeals (
  repealed_title_key text not null check (length(repealed_title_key) > 0),
  repealed_by_title_key text not null,
  repealed_title text not null,
  repealed_on date,
  repealed_by_law_id text not null references laws (id) on delete cascade,
  repealed_by_title text not null,
  repealed_by_article text not null,
  primary key (repealed_title_key, repealed_by_title_key)
);

create index law_repeals_by_law_idx on law_repeals (repealed_by_law_id);

-- Judgments archive: published judgments of this court network and corpora a court imports
-- (npx netcourt judgments import). Rows are the source of truth; the embedded JudgmentIndex under
-- DATA_DIR/search is derived from them and kept in step by index_seq: every insert or update takes
-- the next value, and each server indexes the rows above the mark it stored with its index.
create sequence judgments_index_seq;

create table judgments (
  id uuid primary key default gen_random_uuid(),
  -- where the row came from and its id there: (netcourt, 案号), (lecard, doc_id), (cail, id)
  source text not null check (source in ('netcourt', 'lecard', 'cail')),
  source_id text not null check (length(source_id) > 0),
  court_id uuid references courts (id),
  court_name text,
  case_number text,
  title text not null,
  decided_on date,
  kind text not null check (kind in ('criminal', 'civil', 'administrative', 'other')),
  facts text not null default '',
  reasoning text not null default '',
  outcome text not null default '',
  full_text text not null default '',
  -- canonical charge names (危险驾驶罪) of a criminal judgment; causes of action (网络购物合同纠纷) of a civil one
  charges text[] not null default '{}',
  causes text[] not null default '{}',
  -- cited articles as 短标题:条号 (刑法:133之一, 民法典:577)
  articles text[] not null default '{}',
  -- months of the principal penalty; -1 life imprisonment, -2 death (the CAIL2018 convention)
  term_months integer check (term_months >= -2),
  fine_yuan numeric(16, 2) check (fine_yuan >= 0),
  claimed_amount numeric(16, 2) check (claimed_amount >= 0),
  awarded_amount numeric(16, 2) check (awarded_amount >= 0),
  -- unpublished judgments are seen only by the staff of their court (and never without a court)
  published boolean not null default true,
  index_seq bigint not null default nextval('judgments_index_seq'),
  imported_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source, source_id),
  check (published or court_id is not null)
);

create index judgments_index_seq_idx on judgments (index_seq);
create index judgments_court_idx on judgments (court_id);
create index judgments_case_number_idx on judgments (case_number);
create index judgments_charges_idx on judgments using gin (charges);

-- One notification per statement, so a bulk import wakes the index once.
create function search_notify_judgments() returns trigger language plpgsql as $$
begin
  perform pg_notify('netcourt_changes', 'judgments:changed');
  return null;
end $$;

create trigger judgments_change after insert or update or delete on judgments
  for each statement execute function search_notify_judgments();
