delete from customer_keys where customer_id in (select customer_id from forget_chain)
