-- Refunds by calendar month of the order, up to the end of day $as_of: orders placed, of which
-- refunded, the refund rates by orders and by value, and the median days to refund of the month's
-- orders whose refund is dated. Glossary: aftersales_refund_rate_orders, ..._revenue,
-- aftersales_days_to_refund.
with

orders_in as (
    select date_trunc('month', ordered_at)::date as month, *
    from placed_orders
    where ordered_at < $as_of::date + 1
),

final as (
    select
        month,
        count(*) as orders_placed,
        count(*) filter (where refunded) as refunded_orders,
        count(*) filter (where refunded) / count(*) as refund_rate_orders,
        sum(amount) as revenue_placed,
        sum(refunded_value) as refunded_value,
        (sum(refunded_value) / nullif(sum(amount), 0))::double as refund_rate_revenue,
        count(*) filter (where refunded and refund_dated) as dated_refunds,
        median(date_diff('day', ordered_at::date, refunded_at::date))
            filter (where refunded and refund_dated) as median_days_to_refund
    from orders_in
    group by month
)

select * from final order by month
