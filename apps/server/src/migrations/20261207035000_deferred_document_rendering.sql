-- A document may be issued before its DOCX is rendered: the filed 起诉状 is recorded (model and content
-- hash, with its ledger event) in the filing's transaction and rendered by a job after commit, which sets
-- `docx_sha256` and `rendered_at` and records the rendering's hash in the ledger.
alter table case_documents alter column docx_sha256 drop not null;
alter table case_documents add column rendered_at timestamptz;
update case_documents set rendered_at = issued_at;
-- Document kinds grow with each context that issues documents; the registry in code
-- (modules/documents/documents.model.ts `documentKinds`) is the list, the database keeps the form.
alter table case_documents drop constraint case_documents_kind_check;
alter table case_documents add constraint case_documents_kind_form check (kind ~ '^[a-z][a-z_]{1,62}$');
