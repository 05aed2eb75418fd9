-- A customer's purchase occasions as of a day (DESIGN.md "CLV"): the calendar days with a valid
-- order before the end of day as_of, each with the day's net spend (its valid orders summed),
-- totalled per customer: how many, the first and last, and the repeat spend (the net spend of
-- the occasions after the first, 0 after one, what Gamma-Gamma averages per repeat occasion).
-- What the lifetime value models read (metrics/sql/clv_summary.sql) and, for the customers with
-- a repeat occasion, what the table customer_repeat_spend keeps as of the latest data
-- (store/summary.py). customer_ids: only these customers (a merge, split or forget refreshes two
-- people, not every row).
create or replace macro customer_occasions_until(as_of, customer_ids := null) as table
    with

    occasions as (
        select customer_id, ordered_at::date as ordered_on, sum(net_amount) as spend
        from customer_orders_until(as_of)
        where customer_ids is null or customer_id in (select unnest(customer_ids))
        group by customer_id, ordered_on
    ),

    final as (
        select
            customer_id,
            count(*) as occasions,
            min(ordered_on) as first_on,
            max(ordered_on) as last_on,
            (sum(spend) - arg_min(spend, ordered_on))::decimal(18, 2) as repeat_spend
        from occasions
        group by customer_id
    )

    select * from final;
