-- customer_facts_until(as_of), read from the customer_summary table when the caller knows that
-- as_of covers every order (summary_current: metrics.dates.facts_as_of), the usual "today" of the
-- pages: one row per customer instead of every order. Only one branch runs: with the flag bound
-- as a parameter, the other branch's filter is false before it scans.
create or replace macro customer_facts_as_of(as_of, summary_current) as table
    select * exclude (email_consent)
    from customer_summary
    where summary_current
    union all
    select *
    from customer_facts_until(as_of)
    where not summary_current;
