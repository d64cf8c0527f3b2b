-- 民事诉讼法第三十七条、第一百三十条: a case whose objection to jurisdiction was upheld is transferred to
-- the competent court once the ruling takes effect; `transferred` is where it ends in this court.
alter table cases drop constraint cases_status_check;
alter table cases add constraint cases_status_check check (status in (
  'mediation', 'draft', 'under_review', 'correction_requested', 'accepted', 'service',
  'evidence_exchange', 'hearing', 'judgment', 'appeal_window', 'effective', 'enforcement',
  'closed', 'refused', 'withdrawn', 'deemed_withdrawn', 'transferred'));
