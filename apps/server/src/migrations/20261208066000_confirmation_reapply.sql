-- 民诉法解释第三百五十七条: withdrawing an application for judicial confirmation ends that application, not
-- the parties' right to apply again within the period of 民事诉讼法第二百零五条. One open application per
-- agreement; a withdrawn one stays on record beside the next.
alter table judicial_confirmations drop constraint judicial_confirmations_agreement_id_key;
create unique index judicial_confirmations_agreement_open on judicial_confirmations (agreement_id)
  where status <> 'withdrawn';
