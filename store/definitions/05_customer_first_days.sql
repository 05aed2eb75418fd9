-- A customer's first and second order days as of a day (second_day null after one order): what
-- every "how soon do they come back" figure starts from (glossary: days_to_second_order =
-- second_day - first_day). Two smallest days by an aggregate, not a window over every order
-- (faster: bench/RESULTS.md).
create or replace macro customer_first_days(as_of) as table
    select customer_id, days[1] as first_day, days[2] as second_day
    from (
        select customer_id, min(ordered_at::date, 2) as days
        from customer_orders_until(as_of)
        group by customer_id
    );
