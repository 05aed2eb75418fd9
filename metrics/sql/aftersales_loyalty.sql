-- The loyalty link (association, not proof): customers after an event (their first refund,
-- first ticket or first low score up to the end of day $as_of) against comparable customers who
-- never had one: same cohort (month of the first order placed) and the same number of orders
-- placed at the event's day. Days only: "bought again" is a valid order on a later day than the
-- event's, up to $as_of; "value in 12 months" is the net spend of valid orders in the 365 days
-- after it, for events at least 365 days before $as_of. Each event customer weighs the same:
-- the comparable figure is the mean, over the customers who have comparables, of their
-- comparables' share (or mean value). Customers who had bought nothing by the event's day are
-- not compared. At most $cap customers without the event per cohort are compared, the same ones
-- each run (the smallest hashes of their ids): big shops stay fast.
with

purchase_days as (
    -- per customer and day: orders placed so far, net spend of valid orders so far, and whether
    -- the day holds a valid order
    select
        customer_id,
        day,
        sum(orders) over history as orders_so_far,
        sum(spend) over history as spend_so_far,
        valid
    from (
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
    window history as (partition by customer_id order by day)
),

states as (
    -- each customer's state from one purchase day until the next: what they had bought, and the
    -- first valid order day after it (the same for any day of the span)
    select
        customer_id,
        day,
        lead(day) over later as next_day,
        orders_so_far,
        spend_so_far,
        min(case when valid then day end) over (
            partition by customer_id order by day
            rows between 1 following and unbounded following
        ) as next_valid_day,
        date_trunc('month', first_value(day) over later)::date as cohort
    from purchase_days
    window later as (partition by customer_id order by day)
),

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
),

event_states as (
    -- each event customer's state at the event's day
    select e.event, e.customer_id, e.day as event_day, s.cohort, s.orders_so_far,
        s.next_valid_day is not null as bought_again,
        s.spend_so_far
    from events as e
    inner join states as s
        on s.customer_id = e.customer_id and s.day <= e.day
        and (s.next_day is null or s.next_day > e.day)
),

cohort_members as (
    select distinct customer_id, cohort from states
),

comparables as (
    -- per event kind and cohort, up to $cap customers who never had that event
    select k.event, m.customer_id, m.cohort
    from cohort_members as m
    cross join (select distinct event from events) as k
    anti join events as e on e.event = k.event and e.customer_id = m.customer_id
    qualify row_number() over (
        partition by k.event, m.cohort order by hash(m.customer_id), m.customer_id
    ) <= $cap
),

comparable_states as (
    select c.event, s.*
    from comparables as c
    inner join states as s using (customer_id)
),

pairs as (
    select
        e.event, e.customer_id, c.customer_id as comparable_id, e.event_day,
        c.next_valid_day is not null as bought_again, c.spend_so_far
    from event_states as e
    inner join comparable_states as c
        on c.event = e.event and c.cohort = e.cohort and c.orders_so_far = e.orders_so_far
        and c.day <= e.event_day and (c.next_day is null or c.next_day > e.event_day)
),

value_after as (
    -- spend in the 365 days after the event: spend so far a year on, minus at the event
    select p.event, p.customer_id, p.comparable_id, p.bought_again,
        s.spend_so_far - p.spend_so_far as value_12m
    from pairs as p
    asof inner join states as s
        on s.customer_id = p.comparable_id and s.day <= p.event_day + 365
    where p.event_day + 365 <= $as_of::date
),

per_event as (
    select
        e.event, e.customer_id, e.bought_again,
        case when e.event_day + 365 <= $as_of::date then y.spend_so_far - e.spend_so_far end
            as value_12m,
        c.comparables, c.comparables_bought_again, v.comparables_value_12m
    from event_states as e
    asof left join states as y
        on y.customer_id = e.customer_id and y.day <= e.event_day + 365
    left join (
        select event, customer_id, count(*) as comparables,
            avg(bought_again::int) as comparables_bought_again
        from pairs
        group by all
    ) as c on c.event = e.event and c.customer_id = e.customer_id
    left join (
        select event, customer_id, avg(value_12m) as comparables_value_12m
        from value_after
        group by all
    ) as v on v.event = e.event and v.customer_id = e.customer_id
),

final as (
    select
        k.event,
        count(p.customer_id) as customers,
        count(*) filter (where p.bought_again) as repeat_customers,
        count(*) filter (where p.bought_again) / nullif(count(p.customer_id), 0)
            as repeat_rate_after,
        count(p.comparables) as matched_customers,
        (select count(distinct comparable_id) from pairs where pairs.event = k.event)
            as comparable_customers,
        avg(p.comparables_bought_again) as repeat_rate_without,
        count(p.value_12m) as value_customers,
        avg(p.value_12m)::double as value_12m_after,
        avg(p.comparables_value_12m)::double as value_12m_without
    from (values ('refund', 1), ('ticket', 2), ('low_score', 3)) as k(event, rank)
    left join per_event as p on p.event = k.event
    group by k.event, k.rank
    order by k.rank
)

select * from final
