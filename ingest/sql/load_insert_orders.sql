-- New orders, numbered in order-number order so that the same import gives the same ids.
insert into orders (
    source, lineage, source_order_id, customer_id, ordered_at, currency, amount, discount,
    shipping, tax, refunded_amount, status, channel, import_id
)
select
    $source, $lineage, source_order_id, customer_id, ordered_at, currency, amount, discount,
    shipping, tax, refunded_amount, status, channel, $import_id
from order_changes
where change = 'new'
order by source_order_id
