-- After-sales: reviews, survey answers and support tickets, linked to customers like orders are
-- (by e-mail, order number or customer number through customer_keys and orders). A row that
-- matches nobody is kept with customer_id NULL and counted. Each file's own id, or a hash of the
-- row where it has none, makes re-importing a file change nothing. Numbered 014: 013 is left to
-- a branch that may add it at the same time.
create sequence reviews_seq;
create sequence survey_answers_seq;
create sequence tickets_seq;

create table reviews (
    review_id       bigint primary key default nextval('reviews_seq'),
    source          varchar not null,          -- trustpilot, avis_verifies, judgeme, ...
    source_review_id varchar not null,
    customer_id     integer,                   -- NULL: matched nobody
    order_ref       varchar,                   -- the order number the file gives, if any
    reviewed_at     timestamp not null,
    rating          decimal(3,1) not null,     -- out of 5
    title           varchar,
    body            varchar,
    product         varchar,
    replied_at      timestamp,
    import_id       integer not null,
    unique (source, source_review_id)
);

create table survey_answers (
    answer_id       bigint primary key default nextval('survey_answers_seq'),
    source          varchar not null,          -- google_forms, typeform, ...
    source_answer_id varchar not null,
    customer_id     integer,
    order_ref       varchar,
    answered_at     timestamp not null,
    nps_score       smallint,                  -- 0-10 "would you recommend"; NULL if not asked
    csat_score      smallint,                  -- 1-5 satisfaction; NULL if not asked
    comment         varchar,
    import_id       integer not null,
    unique (source, source_answer_id)
);

create table tickets (
    ticket_id       bigint primary key default nextval('tickets_seq'),
    source          varchar not null,          -- zendesk, gorgias, freshdesk, fiche_sav, ...
    source_ticket_id varchar not null,
    customer_id     integer,
    order_ref       varchar,
    opened_at       timestamp not null,
    first_response_at timestamp,
    resolved_at     timestamp,
    status          varchar not null,          -- open, pending, solved, closed
    reason          varchar,                   -- the file's own words (Motif, Subject, Tags)
    one_touch       boolean,                   -- resolved at first contact; NULL: file does not say
    import_id       integer not null,
    unique (source, source_ticket_id)
);

-- When a refund was made, where the sales file says so (Shopify, WooCommerce, Stripe, PayPal):
-- refunds by month and the time to refund use it; NULL where the file gives no date.
alter table orders add column refunded_at timestamp;
