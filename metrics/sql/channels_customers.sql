-- Customers by the channels they bought through up to the end of day $as_of (customer_facts):
-- 'web_only', 'shop_only', 'both' (web and shop) and 'other' (marketplace only, or channels the
-- files did not give). Per group: customers, their share, valid orders and net spend per
-- customer, the median net spend, the repeat customers (2 valid orders or more), and the net
-- spend per repeat customer: a customer of both channels has two orders at least, so it is
-- against the repeat customers of one channel that "both" compares like with like.
with

facts as (
    select valid_orders, net_spend, web_orders, shop_orders
    from customer_facts_as_of($as_of, $summary_current)
    where valid_orders > 0
),

grouped as (
    select
        *,
        case
            when web_orders > 0 and shop_orders > 0 then 'both'
            when web_orders > 0 then 'web_only'
            when shop_orders > 0 then 'shop_only'
            else 'other'
        end as channel_use
    from facts
),

final as (
    select
        channel_use,
        count(*) as customers,
        customers / sum(customers) over () as share,
        round(avg(valid_orders), 2)::double as orders_per_customer,
        round(avg(net_spend), 2)::double as net_spend_per_customer,
        round(median(net_spend), 2)::double as median_net_spend,
        count(*) filter (where is_repeat_customer(valid_orders)) as repeat_customers,
        repeat_customers / customers as repeat_rate,
        round(avg(net_spend) filter (where is_repeat_customer(valid_orders)), 2)::double
            as net_spend_per_repeat_customer
    from grouped
    group by channel_use
)

select * from final
order by list_position(['web_only', 'shop_only', 'both', 'other'], channel_use)
