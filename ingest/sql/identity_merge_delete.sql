delete from customers where customer_id = $merged
