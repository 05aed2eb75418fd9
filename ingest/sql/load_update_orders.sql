update orders as o
set
    customer_id = c.customer_id,
    ordered_at = c.ordered_at,
    currency = c.currency,
    amount = c.amount,
    discount = c.discount,
    shipping = c.shipping,
    tax = c.tax,
    refunded_amount = c.refunded_amount,
    status = c.status,
    channel = c.channel,
    import_id = $import_id
from order_changes as c
where o.order_id = c.existing_id and c.change = 'updated'
