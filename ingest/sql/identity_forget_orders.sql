-- Orders stay in the shop's accounts, without a customer.
update orders
set customer_id = null
where customer_id in (select customer_id from forget_chain)
