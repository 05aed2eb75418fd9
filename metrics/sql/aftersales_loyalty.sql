-- name: states
-- The loyalty link (association, not proof): customers after an event (their first refund,
-- first ticket or first low score up to the end of day $as_of) against comparable customers who
-- never had one: same cohort (month of the first order placed) and the same number of orders
-- placed at the event's day. Days only: "bought again" is a valid order on a later day than the
-- event's, up to $as_of; "value in 12 months" is the net spend of valid orders in the 365 days
-- after it, for events at least 365 days before $as_of. Each event customer weighs the same: the
-- comparable figure is the mean, over the customers who have comparables, of their comparables'
-- share (or mean value), and the event customers' own figure beside it is over those same
-- customers. Customers who had bought nothing by the event's day are not compared.
--
-- Run as temp tables on one cursor, statement by statement (as CTEs the planner joined the
-- states again and again: minutes on a 1M-line shop). Each customer's state from one purchase
-- day until the next: the day's net spend of valid orders, orders placed so far, net spend of
-- valid orders so far, the first valid order day after it (the same for any day of the span),
-- the cohort.
create temp table loyalty_states as
with

purchase_days as (
    select
        p.customer_id,
        p.ordered_at::date as day,
        count(*) as orders,
        coalesce(sum(v.net_amount), 0) as spend,
        count(v.order_id) > 0 as valid
    from placed_orders as p
    left join valid_orders as v on v.order_id = p.order_id
    where p.customer_id is not null and p.ordered_at < $as_of::date + 1
    group by p.customer_id, p.ordered_at::date
)

select
    customer_id,
    day,
    spend,
    lead(day) over later as next_day,
    sum(orders) over later as orders_so_far,
    sum(spend) over later as spend_so_far,
    min(case when valid then day end) over (
        partition by customer_id order by day
        rows between 1 following and unbounded following
    ) as next_valid_day,
    date_trunc('month', first_value(day) over later)::date as cohort
from purchase_days
window later as (partition by customer_id order by day)

-- name: events
-- Each event customer's state at the event's day, and the number of its stratum (event, cohort,
-- orders so far), which the steps below group and join on.
create temp table loyalty_events as
with

events as (
    select 'refund' as event, customer_id, min(refund_day) as day
    from placed_orders
    where refunded and customer_id is not null and refund_day <= $as_of::date
    group by customer_id
    union all
    select 'ticket', customer_id, min(opened_at::date)
    from tickets
    where customer_id is not null and opened_at < $as_of::date + 1
    group by customer_id
    union all
    select 'low_score', customer_id, min(day)
    from low_scores
    where customer_id is not null and day <= $as_of::date
    group by customer_id
)

select
    e.event, e.customer_id, e.day as event_day, s.cohort, s.orders_so_far,
    s.next_valid_day is not null as bought_again, s.spend_so_far,
    dense_rank() over (order by e.event, s.cohort, s.orders_so_far) as stratum
from events as e
inner join loyalty_states as s
    on s.customer_id = e.customer_id and s.day <= e.day
    and (s.next_day is null or s.next_day > e.day)

-- name: candidates
-- Per kind of event, the states of the customers who never had it up to the date, in the
-- strata (cohort, orders so far) where an event falls and overlapping their span of days,
-- with the stratum's number of events.
create temp table loyalty_candidates as
with

strata as (
    select event, cohort, orders_so_far, stratum, count(*) as stratum_events,
        min(event_day) as first_day, max(event_day) as last_day
    from loyalty_events
    group by all
)

select k.event, s.*, k.stratum, k.stratum_events
from loyalty_states as s
inner join strata as k
    on k.cohort = s.cohort and k.orders_so_far = s.orders_so_far
    and s.day <= k.last_day and (s.next_day is null or s.next_day > k.first_day)
anti join loyalty_events as e on e.event = k.event and e.customer_id = s.customer_id

-- name: along
-- Per stratum and day, on the days a candidate state enters (its purchase day) or leaves (its
-- next one) and the events' days: running totals along the days, without forming pairs. Read at
-- an event's day: the candidate states that cover it (started on or before it, not ended by it),
-- of them those that bought again, and their net spend in the 365 days after it (a later
-- purchase day P of a candidate counts for the days of its state from P - 365 on: enters then,
-- leaves with the state). Read at a state's first and next day: the stratum's events before that
-- day, so that the events in its span are those before its end less those before its start
-- (all of the stratum's when it has not ended).
create temp table loyalty_along as
with

later as (
    -- each later purchase day of a candidate, within a year of some day of its state
    select c.stratum, greatest(c.day, q.day - 365) as day, c.next_day, q.spend
    from loyalty_candidates as c
    inner join loyalty_states as q
        on q.customer_id = c.customer_id and q.day >= c.next_day and q.day - 365 < c.next_day
),

moves as (
    select stratum, day, 1 as customers, (next_valid_day is not null)::int as again,
        0 as events, 0 as spend
    from loyalty_candidates
    union all
    select stratum, next_day, -1, -(next_valid_day is not null)::int, 0, 0
    from loyalty_candidates
    where next_day is not null
    union all
    select stratum, event_day, 0, 0, 1, 0
    from loyalty_events
    union all
    select stratum, day, 0, 0, 0, spend
    from later
    union all
    select stratum, next_day, 0, 0, 0, -spend
    from later
),

by_day as (
    select stratum, day, sum(customers) as customers, sum(again) as again,
        sum(events) as events, sum(spend) as spend
    from moves
    group by all
)

select
    stratum, day,
    sum(spend) over running as comparables_spend_12m,
    sum(customers) over running as comparables,
    sum(again) over running as comparables_again,
    sum(events) over running - events as events_before
from by_day
window running as (
    partition by stratum order by day
    rows between unbounded preceding and current row
)

-- name: final
with

per_event as (
    select
        e.event, e.customer_id, e.bought_again,
        case when e.event_day + 365 <= $as_of::date then y.spend_so_far - e.spend_so_far end
            as value_12m,
        w.comparables,
        w.comparables_again / nullif(w.comparables, 0) as comparables_bought_again,
        case when e.event_day + 365 <= $as_of::date and w.comparables > 0
            then w.comparables_spend_12m / w.comparables end as comparables_value_12m
    from loyalty_events as e
    asof left join loyalty_states as y
        on y.customer_id = e.customer_id and y.day <= e.event_day + 365
    left join loyalty_along as w on w.stratum = e.stratum and w.day = e.event_day
),

met as (
    -- candidates with a state some event of its stratum falls in: events before its end (all
    -- of the stratum's if it has not ended) more than before its start
    select c.event, count(distinct c.customer_id) as comparable_customers
    from loyalty_candidates as c
    inner join loyalty_along as b on b.stratum = c.stratum and b.day = c.day
    left join loyalty_along as f on f.stratum = c.stratum and f.day = c.next_day
    where coalesce(f.events_before, c.stratum_events) > b.events_before
    group by c.event
),

final as (
    select
        k.event,
        count(p.customer_id) as customers,
        count(*) filter (where p.bought_again) as repeat_customers,
        count(*) filter (where p.bought_again) / nullif(count(p.customer_id), 0)
            as repeat_rate_after,
        count(*) filter (where p.comparables > 0) as matched_customers,
        avg(p.bought_again::int) filter (where p.comparables > 0) as repeat_rate_after_matched,
        coalesce(any_value(m.comparable_customers), 0) as comparable_customers,
        avg(p.comparables_bought_again) filter (where p.comparables > 0) as repeat_rate_without,
        count(*) filter (where p.comparables_value_12m is not null) as value_customers,
        avg(p.value_12m) filter (where p.comparables_value_12m is not null)::double
            as value_12m_after,
        avg(p.comparables_value_12m)::double as value_12m_without
    from (values ('refund', 1), ('ticket', 2), ('low_score', 3)) as k(event, rank)
    left join per_event as p on p.event = k.event
    left join met as m on m.event = k.event
    group by k.event, k.rank
    order by k.rank
)

select * from final
