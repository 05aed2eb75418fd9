-- Every list that left the app (issue 5): when, which segment or filter, in which format, how many
-- people were in the file and how many were left out for lack of email-marketing consent. It holds
-- counts and descriptions only, never a person's email, phone or name.

create sequence export_log_seq start 1;

create table export_log (
    export_id       integer primary key default nextval('export_log_seq'),
    exported_at     timestamp not null,
    description     varchar not null,          -- the segment or filter, in words
    filter          json,                      -- the same filter, as data
    format          varchar not null,          -- csv, xlsx, brevo, mailchimp
    consent_only    boolean not null,          -- only people who accept marketing emails
    rows_exported   integer not null,
    rows_left_out   integer not null,          -- matched the filter, left out for lack of consent
    file_name       varchar not null
);
