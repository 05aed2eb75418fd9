-- Keys follow the person: a later import that brings them lands on the kept customer.
update customer_keys set customer_id = $kept where customer_id = $merged
