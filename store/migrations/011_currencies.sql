-- Currencies (DESIGN.md): every amount carries its currency, figures are shown in the shop's and
-- never summed across currencies without rates the owner gave.
-- The shop's currency is the currency of its valid orders, the one with most net revenue when
-- there are several (EUR for an empty base). An order in another currency counts, converted,
-- once the owner has entered its rate to the shop's currency (Données page); until then it is
-- in no figure at all (no revenue, no order, no customer), and every page, the report and the
-- CLI say how many such orders there are. So valid_orders, which every figure reads (directly
-- or through net_revenue), holds the counted orders with their amounts in the shop's currency;
-- valid_orders_as_paid keeps the rule on the orders as the files gave them.
create table currency_rates (
    currency    varchar primary key,  -- ISO 4217 code of the orders converted
    to_currency varchar not null,     -- the shop's currency when the owner entered the rate
    rate        decimal(18,6) not null check (rate > 0),  -- 1 currency = rate to_currency
    entered_at  timestamp not null
);

alter view valid_orders rename to valid_orders_as_paid;

create view shop_currency as
select coalesce(
    (
        select currency
        from valid_orders_as_paid
        group by currency
        order by sum(net_amount) desc, currency
        limit 1
    ),
    'EUR'
) as currency;

-- Each currency the figures count, with its factor to the shop's currency (to_currency): the
-- shop's own (1) and those the owner gave a rate to that same currency (a rate to a former shop
-- currency waits). The shop's currency is computed once per query (materialized).
create view currency_factors as
with shop as materialized (
    select currency from shop_currency
)
select shop.currency, shop.currency as to_currency, 1::decimal(18,6) as rate
from shop
union all
select r.currency, r.to_currency, r.rate
from currency_rates as r
inner join shop on shop.currency = r.to_currency
where r.currency <> shop.currency;

-- Amounts in the shop's currency keep their exact value (no multiplication: most shops have one
-- currency, and every figure reads this view); converted ones are rounded to the cent per order.
create view valid_orders as
select
    o.order_id, o.source, o.source_order_id, o.customer_id, o.ordered_at,
    f.to_currency as currency,
    case when f.rate = 1 then o.amount
        else round(o.amount * f.rate, 2)::decimal(18,2) end as amount,
    case when f.rate = 1 then o.refunded_amount
        else round(o.refunded_amount * f.rate, 2)::decimal(18,2) end as refunded_amount,
    case when f.rate = 1 then o.amount - o.refunded_amount
        else round(o.amount * f.rate, 2)::decimal(18,2)
            - round(o.refunded_amount * f.rate, 2)::decimal(18,2) end as net_amount,
    o.status, o.channel, o.import_id
from valid_orders_as_paid as o
inner join currency_factors as f on f.currency = o.currency;

create or replace view net_revenue as
select order_id, customer_id, ordered_at, currency, net_amount, channel
from valid_orders
union all
select
    o.order_id, o.customer_id, o.ordered_at, f.to_currency as currency,
    case when f.rate = 1 then o.amount - o.refunded_amount
        else round((o.amount - o.refunded_amount) * f.rate, 2)::decimal(18,2) end as net_amount,
    o.channel
from orders as o
inner join currency_factors as f on f.currency = o.currency
where o.status = 'credit_note';
