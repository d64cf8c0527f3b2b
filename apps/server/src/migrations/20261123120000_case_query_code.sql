-- The progress query code is shown to the parties whenever they open the case, so it is kept as is
-- (12 Crockford base-32 characters, 60 random bits) rather than as a hash.
alter table cases drop column query_code_hash;
alter table cases add column query_code text unique check (query_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$');
