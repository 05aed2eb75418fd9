-- Figures per sales channel (web, shop, marketplace; NULL: the file did not say) up to the end of
-- day $as_of, from the day $since if given (the report's week): valid orders, the known customers who bought there (a customer of both channels
-- counts in each), net revenue (credit notes included, as everywhere), its share of the shop's,
-- and the average basket (net revenue / valid orders).
with

orders_by_channel as (
    select channel, count(*) as orders, count(distinct customer_id) as customers
    from valid_orders
    where ordered_at < $as_of::date + 1
        and ($since::date is null or ordered_at >= $since::date)
    group by channel
),

revenue_by_channel as (
    select channel, sum(net_amount) as revenue
    from net_revenue
    where ordered_at < $as_of::date + 1
        and ($since::date is null or ordered_at >= $since::date)
    group by channel
),

final as (
    select
        channel,
        coalesce(o.orders, 0) as orders,
        coalesce(o.customers, 0) as customers,
        round(coalesce(r.revenue, 0), 2)::double as revenue,
        (r.revenue / sum(r.revenue) over ())::double as revenue_share,
        round(r.revenue / nullif(o.orders, 0), 2)::double as average_basket
    from orders_by_channel as o
    full join revenue_by_channel as r using (channel)
)

select * from final
order by revenue desc, channel nulls last
