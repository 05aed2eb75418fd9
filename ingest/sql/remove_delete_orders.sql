delete from orders where order_id in (select order_id from remove_orders)
