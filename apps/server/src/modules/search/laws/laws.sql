-- Law catalogue: national laws, regulations and judicial interpretations, one row per document
-- version (the 民法典 is eight rows, one per 编), their articles, and the repeals they state.
-- PostgreSQL 15+, no extensions. Loaded by importLawCorpus() in laws.repository.ts; read by
-- createDbLawCatalog() in law-catalog.db.ts.
--
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
