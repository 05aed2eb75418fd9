-- customer_facts_until(as_of), read from the customer_summary table (kept as of the latest data):
-- when the caller knows that as_of covers every order (summary_current: metrics.dates.facts_as_of),
-- the usual "today" of the pages, one row per customer instead of every order; at an earlier day,
-- the summary's rows of the customers without money after it, and customer_facts_until for the
-- others only (a week back: the few who bought since, not the 3M orders of everyone). With the
-- flag bound as a parameter, the branch it rules out is false before it scans.
create or replace macro customer_facts_as_of(as_of, summary_current) as table
    with

    bought_since as (
        select distinct customer_id
        from net_revenue
        where not summary_current
            and customer_id is not null
            and ordered_at >= as_of::date + 1
    ),

    unchanged as (
        select * exclude (email_consent)
        from customer_summary
        anti join bought_since using (customer_id)
    ),

    recomputed as (
        select *
        from customer_facts_until(
            as_of,
            customer_ids := (select coalesce(list(customer_id), []) from bought_since)
        )
        where not summary_current
    )

    select * from unchanged
    union all
    select * from recomputed;
