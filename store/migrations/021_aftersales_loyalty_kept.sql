-- The loyalty comparison of the Après-vente page and `python -m metrics aftersales`
-- (metrics/sql/aftersales_loyalty.sql) kept as of the shop's latest day, per data version
-- (metrics.aftersales.kept_loyalty), as the forecasts are in clv_fits: it rebuilds every
-- customer's purchase-day states from all orders, too slow on a big shop to redo at each command
-- or page view. One row per event, in the comparison's order (rank); rows of older data versions
-- are dropped when a new one is kept.
create table aftersales_loyalty_kept (
    import_version            integer not null,  -- store.data_version: latest import id,
    merges                    integer not null,  -- customer merges,
    customer_count            integer not null,  -- customers
    as_of                     date not null,
    rank                      integer not null,
    event                     varchar not null,
    customers                 bigint not null,
    repeat_customers          bigint not null,
    repeat_rate_after         double,
    matched_customers         bigint not null,
    repeat_rate_after_matched double,
    comparable_customers      bigint not null,
    repeat_rate_without       double,
    value_customers           bigint not null,
    value_12m_after           double,
    value_12m_without         double,
    primary key (import_version, merges, customer_count, as_of, rank)
);
