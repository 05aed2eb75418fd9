-- Conversion rates the owner enters (Données page) for orders in another currency than the
-- shop's: the views that apply them (valid_orders_as_paid, shop_currency, currency_factors,
-- valid_orders, net_revenue) live in store/definitions/01_valid_orders.sql and
-- 02_net_revenue.sql.
create table currency_rates (
    currency    varchar primary key,  -- ISO 4217 code of the orders converted
    to_currency varchar not null,     -- the shop's currency when the owner entered the rate
    rate        decimal(18,6) not null check (rate > 0),  -- 1 currency = rate to_currency
    entered_at  timestamp not null
);
