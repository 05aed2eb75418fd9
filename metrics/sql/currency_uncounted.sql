-- Valid orders (as the files gave them) in a currency the figures cannot count yet: neither the
-- shop's nor one the owner gave a rate to the shop's currency (view currency_factors, migration
-- 011). One row per currency, most orders first.
with

paid_orders as (
    select currency, net_amount
    from valid_orders_as_paid
),

counted as (
    select currency
    from currency_factors
),

final as (
    select
        paid_orders.currency,
        count(*) as orders,
        sum(paid_orders.net_amount)::double as net_amount
    from paid_orders
    anti join counted using (currency)
    group by paid_orders.currency
    order by orders desc, paid_orders.currency
)

select * from final
