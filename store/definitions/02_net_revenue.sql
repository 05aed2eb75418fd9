-- Net revenue (CA net): credit notes and returns reduce it, they are never dropped. A credit note
-- is money paid back that no sale of its file carries (status 'credit_note', negative amount):
-- no order, no purchase occasion, no customer, so valid_orders leaves it out; this view adds it,
-- with its negative net amount, to the valid orders, in the shop's currency (a credit note in a
-- currency without a rate counts no more than its orders). Every figure that sums revenue reads
-- this view; counts of orders and customers read valid_orders. Glossary: revenue.
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
