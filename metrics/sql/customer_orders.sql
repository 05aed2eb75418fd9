-- Every order of one customer, newest first, whatever its status (is_valid says whether it
-- counts: valid, in the shop's currency or one with a rate), its amounts in its own currency,
-- with its lines in one text: "2 × Savon lavande, Bougie figue".
with

customer_orders as (
    select
        order_id, source, source_order_id, ordered_at, currency, amount, refunded_amount, status,
        channel
    from orders
    where customer_id = $customer_id
),

valid as (
    select order_id
    from valid_orders
    where customer_id = $customer_id
),

lines as (
    select
        order_id,
        string_agg(
            case
                when quantity is null or quantity = 1 then product
                when quantity = trunc(quantity) then quantity::bigint::varchar || ' × ' || product
                else quantity::double::varchar || ' × ' || product
            end,
            ', '
            order by line_number
        ) as products
    from order_lines
    where order_id in (select order_id from customer_orders)
    group by order_id
),

final as (
    select
        customer_orders.order_id,
        customer_orders.source_order_id,
        customer_orders.ordered_at,
        customer_orders.status,
        customer_orders.channel,
        customer_orders.currency,
        customer_orders.amount::double as amount,
        customer_orders.refunded_amount::double as refunded_amount,
        (customer_orders.amount - customer_orders.refunded_amount)::double as net_amount,
        valid.order_id is not null as is_valid,
        lines.products
    from customer_orders
    left join valid on valid.order_id = customer_orders.order_id
    left join lines on lines.order_id = customer_orders.order_id
)

select * from final
order by ordered_at desc, order_id desc
