select nextval('customers_seq') as id from range($n)
