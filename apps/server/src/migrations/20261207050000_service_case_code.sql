-- The addressee's case code, sent with the complaint copy so an addressee without an account can link
-- the case after registering (shown only to the addressee and court staff).
alter table service_records add column case_code text;
