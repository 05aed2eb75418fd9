-- Canonical tables of DESIGN.md. Money is DECIMAL(18,2); timestamps are local shop time.

create sequence imports_seq start 1;
create sequence customers_seq start 1;
create sequence orders_seq start 1;

create table imports (
    import_id       integer primary key default nextval('imports_seq'),
    file_name       varchar not null,
    sha256          varchar not null,
    source          varchar not null,          -- detected or chosen platform, e.g. 'generic'
    file_kind       varchar not null,          -- 'orders', 'customers' or 'both'
    options         json,                      -- encoding, delimiter, header row, sheet, date order, mapping
    rows_read       integer not null default 0,
    rows_loaded     integer not null default 0,
    rows_rejected   integer not null default 0,
    orders_new      integer not null default 0,
    orders_updated  integer not null default 0,
    orders_unchanged integer not null default 0,
    customers_new   integer not null default 0,
    status          varchar not null,          -- 'loaded'
    messages        json,                      -- what was decided and reported (dropped totals row, ...)
    started_at      timestamp not null,
    finished_at     timestamp
);

create table customers (
    customer_id     integer primary key default nextval('customers_seq'),
    email           varchar,                   -- trimmed, lower-case
    phone           varchar,                   -- E.164
    first_name      varchar,
    last_name       varchar,
    full_name       varchar,
    postal_code     varchar,
    city            varchar,
    country         varchar,
    email_consent   boolean,                   -- NULL: never said
    consent_source  varchar,                   -- file the consent value came from
    consent_at      timestamp,                 -- when that file was imported
    first_seen      timestamp not null,
    import_id       integer not null
);

-- Identity map: (kind, value) -> customer. Kinds: email, phone, platform_id, name_postcode.
create table customer_keys (
    kind            varchar not null,
    value           varchar not null,
    customer_id     integer not null,
    import_id       integer,
    primary key (kind, value)
);

-- Merges and splits decided by the owner; never destructive, replayed by later imports.
create table customer_merges (
    merged_at       timestamp not null,
    action          varchar not null,          -- 'merge', 'split', 'distinct', 'auto'
    kept_customer_id    integer not null,
    merged_customer_id  integer not null
);

create table orders (
    order_id        bigint primary key default nextval('orders_seq'),
    source          varchar not null,
    source_order_id varchar not null,
    customer_id     integer,
    ordered_at      timestamp not null,
    currency        varchar not null default 'EUR',
    amount          decimal(18,2) not null,    -- what the customer paid, tax and shipping included
    discount        decimal(18,2),
    shipping        decimal(18,2),
    tax             decimal(18,2),
    refunded_amount decimal(18,2) not null default 0,
    status          varchar not null,          -- paid, pending, cancelled, refunded, partially_refunded
    channel         varchar,                   -- web, shop, marketplace
    import_id       integer not null,
    unique (source, source_order_id)
);

create table order_lines (
    order_id        bigint not null,
    line_number     integer not null,
    product         varchar,
    sku             varchar,
    quantity        decimal(18,3),
    unit_price      decimal(18,2),
    line_amount     decimal(18,2),
    import_id       integer not null
);

create table rejects (
    import_id       integer not null,
    row_number      integer not null,          -- line number in the file (1 = first line)
    reason          varchar not null,
    raw             varchar
);

-- People who said no to email marketing: kept across imports, an older file cannot undo it.
create table suppressions (
    email           varchar primary key,
    since           timestamp not null,
    source          varchar not null
);

-- One meaning everywhere (DESIGN.md): a valid order is not cancelled, refunded or pending and
-- has a positive net amount. Anonymous orders (customer_id NULL) count in revenue, not in
-- customer figures.
create view valid_orders as
select
    order_id, source, source_order_id, customer_id, ordered_at, currency, amount,
    refunded_amount, amount - refunded_amount as net_amount, status, channel, import_id
from orders
where status not in ('cancelled', 'refunded', 'pending')
  and amount - refunded_amount > 0;
