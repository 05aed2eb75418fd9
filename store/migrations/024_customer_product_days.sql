-- One row per product purchase (a customer, a product, a day: the definition
-- product_purchases_from_orders, store/definitions/14_product_purchases.sql) as of the latest
-- data, so that replenishment, bought next and the builder's product picker read a few rows per
-- customer instead of joining every order line to its order. Refreshed with customer_summary, in the
-- transaction of each import, merge, split and forget (store/summary.py); filled for an existing
-- database right after this migration. No key: rows are found by customer (refresh) or scanned.
create table customer_product_days (
    customer_id         integer not null,
    product             varchar not null,
    day                 date not null,
    lines               bigint not null,   -- order lines of it that day
    previous_day        date,              -- previous purchase of it (NULL on the first)
    next_day            date,              -- next purchase of it (NULL on the last)
    purchase_number     bigint not null,   -- 1 on the customer's first purchase of it
    first_purchase_day  date not null,     -- the customer's first purchase day of any product
    next_purchase_day   date,              -- the customer's next purchase day of any product
    first_of_day        boolean not null   -- one row per customer and day (its first product)
);

-- Per day, how many valid orders (anonymous till sales included) hold each product (product NULL:
-- how many hold any product, the day's baskets), as of the latest data (the definition
-- product_baskets_from_orders): bought together's base counts without grouping every order line.
-- It depends on the orders only, not on who placed them: refreshed whenever customer_summary is
-- refreshed for everyone (an import, its removal, a currency rate), not by a merge, split or
-- forget, which move orders between people or detach them (store/summary.py).
create table product_basket_days (
    day     date not null,
    product varchar,           -- NULL: every basket of the day
    orders  bigint not null
);
