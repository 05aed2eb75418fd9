-- What the removed imports brought: their orders (an order a later import updated is that
-- import's now, and stays).
create or replace temp table remove_orders as
select order_id
from orders
where list_contains($ids, import_id)
