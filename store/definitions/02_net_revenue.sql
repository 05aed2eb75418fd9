-- Net revenue (CA net): credit notes and returns reduce it, they are never dropped. A credit note
-- is money paid back that no sale of its file carries (status 'credit_note', negative amount):
-- no order, no purchase occasion, no customer, so valid_orders leaves it out; this view adds it,
-- with its negative net amount, to the valid orders. Every figure that sums revenue reads this
-- view; counts of orders and customers read valid_orders. Glossary: net_revenue.
create or replace view net_revenue as
select order_id, customer_id, ordered_at, currency, net_amount, channel
from valid_orders
union all
select order_id, customer_id, ordered_at, currency, amount - refunded_amount as net_amount, channel
from orders
where status = 'credit_note';
