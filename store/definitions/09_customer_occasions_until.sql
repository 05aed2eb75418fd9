-- A customer's purchase occasions as of a day (DESIGN.md "CLV"): the calendar days with a valid
-- order before the end of day as_of, each with the day's net spend (its valid orders summed).
-- What the lifetime value models count (metrics/sql/clv_summary.sql) and what the table
-- customer_repeat_spend keeps as of the latest data (store/summary.py). customer_ids: only these
-- customers (a merge, split or forget refreshes two people, not every row).
create or replace macro customer_occasions_until(as_of, customer_ids := null) as table
    select customer_id, ordered_at::date as ordered_on, sum(net_amount) as spend
    from customer_orders_until(as_of)
    where customer_ids is null or customer_id in (select unnest(customer_ids))
    group by customer_id, ordered_on;

-- A customer's repeat spend as of a day: the net spend of their purchase occasions after the
-- first (what Gamma-Gamma averages per repeat occasion), with the number of those occasions
-- (the models' frequency); one row per customer with at least one repeat occasion.
create or replace macro customer_repeat_spend_until(as_of, customer_ids := null) as table
    select
        customer_id,
        count(*) - 1 as repeat_occasions,
        sum(spend) - arg_min(spend, ordered_on) as repeat_spend
    from customer_occasions_until(as_of, customer_ids := customer_ids)
    group by customer_id
    having count(*) > 1;
