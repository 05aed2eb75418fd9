-- Owner decisions about identity (ingest/identity.py): what a merge moved, so a split can put it
-- back, and what is left of a forgotten person (hashes only, so an old file cannot bring them
-- back).

-- The merged customer's row as it was, removed from customers while the merge stands, and what
-- the merge changed on the kept customer.
create table merged_customers (
    merged_customer_id  integer primary key,
    kept_customer_id    integer not null,
    merged_at           timestamp not null,
    email               varchar,
    phone               varchar,
    first_name          varchar,
    last_name           varchar,
    full_name           varchar,
    postal_code         varchar,
    city                varchar,
    country             varchar,
    email_consent       boolean,
    consent_source      varchar,
    consent_at          timestamp,
    first_seen          timestamp not null,
    import_id           integer not null,
    filled              varchar[],          -- kept customer's columns that were blank and took ours
    kept_email_consent  boolean,            -- kept customer's consent before the merge
    kept_consent_source varchar,
    kept_consent_at     timestamp,
    kept_first_seen     timestamp not null
);

-- Orders and identity keys a merge moved to the kept customer ('order', 'key'), and the merged
-- customer's name + postcode recorded as the kept customer's ('alias'), so later imports of the
-- same rows land on the kept customer.
create table customer_merge_moves (
    merged_customer_id  integer not null,
    kind                varchar not null,
    order_id            bigint,
    key_kind            varchar,
    key_value           varchar
);

-- SHA-256 of 'kind:value' of every identity key of a forgotten person: an import that brings one
-- back loads the orders without a customer, and nobody can be written to again.
create table forgotten_keys (
    key_sha256          varchar primary key,
    forgotten_at        timestamp not null
);

-- What each erasure removed (counts only: the record of the request, not of the person).
create table forget_log (
    forgotten_at        timestamp not null,
    orders_detached     integer not null,
    keys_removed        integer not null,
    merged_removed      integer not null,
    suppressions_removed integer not null,
    rejects_redacted    integer not null
);
