-- One customer's refunded orders, newest first: the order, its day, what was refunded (in the
-- order's currency) and when, where the file says (orders.refunded_at).
select
    source_order_id,
    ordered_at,
    currency,
    case when status = 'refunded' then greatest(amount, refunded_amount)
        else refunded_amount end::double as refunded,
    refunded_at
from orders
where customer_id = $customer_id
    and (refunded_amount > 0 or status = 'refunded')
order by ordered_at desc, order_id desc
