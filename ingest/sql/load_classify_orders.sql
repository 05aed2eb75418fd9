-- Each staged order is new, updated (something differs from the stored one) or unchanged.
create temp table order_changes as
with staged as (
    select
        source_order_id,
        cast(customer_id as integer) as customer_id,
        cast(ordered_at as timestamp) as ordered_at,
        currency,
        cast(round(amount, 2) as decimal(18, 2)) as amount,
        cast(round(discount, 2) as decimal(18, 2)) as discount,
        cast(round(shipping, 2) as decimal(18, 2)) as shipping,
        cast(round(tax, 2) as decimal(18, 2)) as tax,
        cast(round(refunded_amount, 2) as decimal(18, 2)) as refunded_amount,
        status,
        channel
    from staged_orders
),

stored as (
    select * from orders where source = $source and lineage = $lineage
),

final as (
    select
        s.*,
        o.order_id as existing_id,
        case
            when o.order_id is null then 'new'
            when s.customer_id is distinct from o.customer_id
                or s.ordered_at is distinct from o.ordered_at
                or s.currency is distinct from o.currency
                or s.amount is distinct from o.amount
                or s.discount is distinct from o.discount
                or s.shipping is distinct from o.shipping
                or s.tax is distinct from o.tax
                or s.refunded_amount is distinct from o.refunded_amount
                or s.status is distinct from o.status
                or s.channel is distinct from o.channel
                then 'updated'
            else 'unchanged'
        end as change
    from staged as s
    left join stored as o on o.source_order_id = s.source_order_id
)

select * from final
