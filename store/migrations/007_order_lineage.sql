-- Order numbers are unique within a lineage, not across a whole source: two tills (or two
-- hand-made files) both numbering 1001, 1002… keep both their orders (ingest/load.py). Lineage 0
-- is a source's first family of orders; another lineage is named by the import that started it.
-- DuckDB cannot drop a unique constraint, so the table is rebuilt with the wider key; its rows,
-- ids and sequence are kept.
create table orders_by_lineage (
    order_id        bigint primary key default nextval('orders_seq'),
    source          varchar not null,
    lineage         integer not null default 0,  -- 0, or the import id that started the family
    source_order_id varchar not null,
    customer_id     integer,
    ordered_at      timestamp not null,
    currency        varchar not null default 'EUR',
    amount          decimal(18,2) not null,
    discount        decimal(18,2),
    shipping        decimal(18,2),
    tax             decimal(18,2),
    refunded_amount decimal(18,2) not null default 0,
    status          varchar not null,
    channel         varchar,
    import_id       integer not null,
    unique (source, lineage, source_order_id)
);

insert into orders_by_lineage (
    order_id, source, lineage, source_order_id, customer_id, ordered_at, currency, amount,
    discount, shipping, tax, refunded_amount, status, channel, import_id
)
select
    order_id, source, 0, source_order_id, customer_id, ordered_at, currency, amount, discount,
    shipping, tax, refunded_amount, status, channel, import_id
from orders;

drop table orders;

alter table orders_by_lineage rename to orders;
