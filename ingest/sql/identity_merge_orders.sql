update orders set customer_id = $kept where customer_id = $merged
