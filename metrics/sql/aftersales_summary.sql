-- The after-sales headline over the days $since to $as_of (both included): orders placed and
-- refunded, refund rates by orders and by value, time to refund (dated refunds only), NPS, CSAT,
-- average review rating, tickets per 100 orders placed, first-response and resolution times,
-- share of tickets resolved at first contact (tickets whose file says). Glossary: aftersales_*.
with

orders_in as (
    select *
    from placed_orders
    where ordered_at >= $since::date and ordered_at < $as_of::date + 1
),

refunds as (
    select
        count(*) as orders_placed,
        count(*) filter (where refunded) as refunded_orders,
        sum(amount) as revenue_placed,
        coalesce(sum(refunded_value), 0) as refunded_value
    from orders_in
),

refund_times as (
    -- refunds made in the window whose file gives their date, by the day they were made
    select
        count(*) as dated_refunds,
        median(date_diff('day', ordered_at::date, refunded_at::date)) as median_days_to_refund
    from placed_orders
    where refunded and refund_dated
        and refunded_at >= $since::date and refunded_at < $as_of::date + 1
),

answers as (
    select
        count(nps_score) as nps_answers,
        count(*) filter (where nps_class(nps_score) = 'promoter') as promoters,
        count(*) filter (where nps_class(nps_score) = 'passive') as passives,
        count(*) filter (where nps_class(nps_score) = 'detractor') as detractors,
        count(csat_score) as csat_answers,
        count(*) filter (where is_satisfied(csat_score)) as satisfied
    from survey_answers
    where answered_at >= $since::date and answered_at < $as_of::date + 1
),

rated as (
    select count(*) as reviews, avg(rating)::double as average_rating
    from reviews
    where reviewed_at >= $since::date and reviewed_at < $as_of::date + 1
),

ticket_times as (
    select
        count(*) as tickets,
        median(date_diff('minute', opened_at, first_response_at) / 60)
            filter (where first_response_at >= opened_at) as median_hours_to_first_response,
        median(date_diff('minute', opened_at, resolved_at) / 1440)
            filter (where resolved_at >= opened_at) as median_days_to_resolution,
        count(one_touch) as tickets_saying_first_contact,
        count(*) filter (where one_touch) as resolved_first_contact
    from tickets
    where opened_at >= $since::date and opened_at < $as_of::date + 1
),

final as (
    select
        orders_placed,
        refunded_orders,
        refunded_orders / nullif(orders_placed, 0) as refund_rate_orders,
        revenue_placed,
        refunded_value,
        (refunded_value / nullif(revenue_placed, 0))::double as refund_rate_revenue,
        dated_refunds,
        median_days_to_refund,
        nps_answers,
        promoters,
        passives,
        detractors,
        100.0 * (promoters - detractors) / nullif(nps_answers, 0) as nps,
        csat_answers,
        satisfied / nullif(csat_answers, 0) as csat,
        reviews,
        average_rating,
        tickets,
        100.0 * tickets / nullif(orders_placed, 0) as tickets_per_100_orders,
        median_hours_to_first_response,
        median_days_to_resolution,
        tickets_saying_first_contact,
        resolved_first_contact / nullif(tickets_saying_first_contact, 0)
            as first_contact_resolution
    from refunds
    cross join refund_times
    cross join answers
    cross join rated
    cross join ticket_times
)

select * from final
