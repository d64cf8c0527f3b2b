-- Real-name verifications are reviewed by the courts an applicant litigates at; a court that handles
-- general verification for the platform (an Internet court, 人民法院在线诉讼规则第七条) reviews every one.
alter table courts add column reviews_all_verifications boolean not null default false;
