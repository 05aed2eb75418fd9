-- One meaning of "a customer's valid orders as of a day" for every metric: valid orders of known
-- customers placed before the end of day as_of.
create macro customer_orders_until(as_of) as table
    select *
    from valid_orders
    where customer_id is not null
        and ordered_at < as_of::date + 1;
