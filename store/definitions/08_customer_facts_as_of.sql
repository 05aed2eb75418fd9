-- customer_facts_until(as_of), read from the customer_summary table when as_of covers every order
-- (the usual "today" of the pages: one row per person instead of every order), else computed.
-- Only one branch runs: the other's filter is false before it scans.
create or replace macro customer_facts_as_of(as_of) as table
    select *
    from customer_summary
    where as_of::date >= (select max(ordered_at)::date from orders)
    union all
    select *
    from customer_facts_until(as_of)
    where as_of::date < (select max(ordered_at)::date from orders);
