-- Signed payment notifications as the gateway sent them: evidence of what it said about a court fee,
-- and the record that makes each signed message count once (its nonce is the key).
create table payment_notifications (
  gateway text not null,
  nonce text not null,
  order_id uuid not null references fee_orders (id),
  reference text not null,
  status text not null check (status in ('paid', 'failed')),
  amount_fen bigint not null,
  outcome text not null check (outcome in ('paid', 'already_paid', 'late', 'paid_twice', 'failed', 'repeated', 'conflict')),
  body text not null,
  signature text not null,
  signed_at timestamptz not null,
  received_at timestamptz not null,
  primary key (gateway, nonce)
);
create index payment_notifications_order_idx on payment_notifications (order_id, reference, status, gateway);
