-- One row per customer (a person with money: a valid order or a credit note) as of the latest
-- data: the store's definition customer_facts_until (store/definitions/) kept as a table, with
-- the person's e-mail consent, so that pages reading "today" do not scan every order. Refreshed
-- in the transaction of each import, merge, split and forget (store/summary.py); filled for an
-- existing database right after this migration.
create table customer_summary (
    customer_id        integer primary key,
    valid_orders       bigint not null,
    first_ordered_at   timestamp,
    second_ordered_at  timestamp,
    last_ordered_at    timestamp,
    purchase_days      bigint not null,
    net_spend          decimal(18,2) not null,
    currency           varchar,          -- NULL: several currencies
    web_orders         bigint not null,
    shop_orders        bigint not null,
    marketplace_orders bigint not null,
    email_consent      boolean
);
