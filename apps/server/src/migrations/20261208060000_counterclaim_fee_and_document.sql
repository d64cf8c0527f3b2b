-- A counterclaim's acceptance fee is paid online through the fee orders the case fee uses (诉讼费用交纳办法
-- 第二十条: 被告提起反诉……由被告预交; 第二十二条: 自提起反诉次日起7日内交纳), and the counterclaim is issued
-- as a document (民事反诉状, 人民法院在线诉讼规则第十一条) served on the plaintiffs.

-- One fee order per counterclaim; the case acceptance fee order is the one without a counterclaim.
alter table fee_orders add column counterclaim_id uuid unique references counterclaims (id);
drop index fee_orders_live_key;
-- At most one live case fee order per case.
create unique index fee_orders_live_key on fee_orders (case_id)
  where counterclaim_id is null and status in ('pending', 'paid');

-- 民诉法解释第二百一十三条 by analogy: a counterclaim whose fee is still unpaid after its due date is
-- treated as withdrawn; the action itself goes on (民诉法解释第二百三十九条).
alter table counterclaims drop constraint counterclaims_status_check;
alter table counterclaims add constraint counterclaims_status_check
  check (status in ('fee_due', 'filed', 'deemed_withdrawn'));
alter table counterclaims add column fee_paid_at timestamptz;
alter table counterclaims add column withdrawn_at timestamptz;
-- The 民事反诉状 issued on filing, and the receipt of its fee.
alter table counterclaims add column document_issue_id uuid;
alter table counterclaims add column fee_receipt_issue_id uuid;
alter table counterclaims add constraint counterclaims_withdrawn_check
  check ((status = 'deemed_withdrawn') = (withdrawn_at is not null));

-- The copy of the counterclaim served on the plaintiffs (反诉状副本).
alter table service_records drop constraint service_records_kind_check;
alter table service_records add constraint service_records_kind_check check (kind in ('complaint_copy',
  'response_notice', 'evidence_notice', 'acceptance_notice', 'answer_copy', 'counterclaim_copy', 'ruling',
  'mediation_agreement', 'confirmation_ruling', 'judgment', 'summons', 'other'));
