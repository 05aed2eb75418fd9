insert into order_lines (
    order_id, line_number, product, sku, quantity, unit_price, line_amount, import_id
)
select
    o.order_id,
    l.line_number,
    l.product,
    l.sku,
    cast(l.quantity as decimal(18, 3)),
    cast(round(l.unit_price, 2) as decimal(18, 2)),
    cast(round(l.line_amount, 2) as decimal(18, 2)),
    $import_id
from staged_lines as l
inner join order_changes as c
    on c.source_order_id = l.source_order_id and c.change in ('new', 'updated')
inner join orders as o
    on o.source = $source and o.lineage = $lineage and o.source_order_id = l.source_order_id
