-- Refunds of the week $monday to $sunday by their day (placed_orders.refund_day: the refund's
-- own date where the file gives it, else the order's), largest first.
select
    o.customer_id,
    customer_name(p.first_name, p.last_name, p.full_name) as name,
    p.email,
    x.source_order_id as order_number,
    o.ordered_at,
    o.refund_day as refunded_on,
    o.refund_dated,
    o.refunded_value as refunded
from placed_orders as o
inner join orders as x using (order_id)
left join customers as p on p.customer_id = o.customer_id
where o.refunded and o.refund_day between $monday::date and $sunday::date
order by o.refunded_value desc, o.order_id
