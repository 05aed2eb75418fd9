-- Customers the removed imports created and nothing else holds: no order and no identity key
-- left from another import.
create or replace temp table remove_customers as
select c.customer_id
from customers as c
where list_contains($ids, c.import_id)
    and not exists (
        select 1
        from orders as o
        where o.customer_id = c.customer_id
            and o.order_id not in (select order_id from remove_orders)
    )
    and not exists (
        select 1
        from customer_keys as k
        where k.customer_id = c.customer_id
            and k.import_id is not null
            and (k.kind, k.value) not in (select kind, value from remove_keys)
    )
