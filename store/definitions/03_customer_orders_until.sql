-- A customer's valid orders as of a day: valid orders of known customers placed before the end of
-- day as_of. Every count of orders, customers and purchase occasions per customer reads this.
create or replace macro customer_orders_until(as_of) as table
    select *
    from valid_orders
    where customer_id is not null
        and ordered_at < as_of::date + 1;
