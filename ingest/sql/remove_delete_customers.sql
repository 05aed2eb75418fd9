delete from customers where customer_id in (select customer_id from remove_customers)
