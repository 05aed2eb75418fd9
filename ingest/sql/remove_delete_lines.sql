delete from order_lines where order_id in (select order_id from remove_orders)
