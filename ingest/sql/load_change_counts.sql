select change, count(*) from order_changes group by change
