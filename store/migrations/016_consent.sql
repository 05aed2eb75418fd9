-- Consent per channel and the contact log (issue 17). A statement of consent belongs to an
-- address (an e-mail for the e-mail channel, a phone in E.164 for SMS and calls), not to a
-- customer row: customer_keys says whose address it is (store/definitions/10_channel_consent.sql),
-- so merges, splits and an unsubscribe imported before the person's orders need no move.
-- The older flags (customers.email_consent, suppressions) stay the record of what sales and
-- customer files said about e-mails; the definition reads them as undated statements.
create sequence consent_channels_seq;
create sequence contact_log_seq;

create table consent_channels (
    statement_id    bigint primary key default nextval('consent_channels_seq'),
    address         varchar not null,           -- lower-cased e-mail, or phone in E.164
    channel         varchar not null,           -- email, sms, phone
    consent         boolean not null,           -- false: a refusal (unsubscribe, blocklist…)
    stated_at       timestamp,                  -- when the person said it, per the file; NULL: undated
    source          varchar not null,           -- the file it came from
    import_id       integer not null
);

-- Who was contacted when, through which channel, in which list (an export, a call).
create table contact_log (
    contact_id      bigint primary key default nextval('contact_log_seq'),
    customer_id     integer not null,
    contacted_at    timestamp not null,
    channel         varchar not null,           -- email, sms, phone
    list_name       varchar not null,           -- the list in words (the export's description)
    export_id       integer                     -- the export that wrote it; NULL: marked by hand
);

-- The owner's settings: key -> value as text (store/settings.py knows each key's type and default).
create table settings (
    key             varchar primary key,
    value           varchar not null
);

alter table export_log add column channel varchar default 'email';
alter table export_log add column rows_recently_contacted integer default 0;
