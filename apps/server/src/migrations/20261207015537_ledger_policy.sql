-- The log's trust policy: which witnesses (key name + cosignature verifier key) it asks and how many
-- cosignatures a checkpoint needs before it is published. A property of the log, not of a server:
-- recorded by the first server that opens the log; a server configured otherwise refuses to start.
-- Witness URLs are how a server reaches a witness and stay in its own configuration.
create table ledger_policy (
  id smallint primary key check (id = 1),
  witnesses jsonb not null check (jsonb_typeof(witnesses) = 'array'),
  quorum integer not null check (quorum >= 0 and quorum <= jsonb_array_length(witnesses)),
  recorded_at timestamptz not null
);

-- Every server learns at once that some server published (or re-cosigned) a checkpoint: deposits
-- waiting on any server are acknowledged and /ledger/checkpoint serves the newest one everywhere.
create function netcourt_notify_ledger_checkpoint() returns trigger language plpgsql as $$
begin
  if new.published_at is not null then
    perform pg_notify('netcourt_changes', 'ledger_checkpoint:' || new.size);
  end if;
  return null;
end $$;

create trigger ledger_checkpoints_published after insert or update on ledger_checkpoints
  for each row execute function netcourt_notify_ledger_checkpoint();
