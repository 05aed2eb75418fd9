select customer_id from customers where list_contains($ids, customer_id)
