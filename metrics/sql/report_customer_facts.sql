-- Every customer with a valid order by the end of day $as_of: contact details, orders and
-- purchase rhythm, for the weekly report's new repeat customers and the at-risk lists
-- (metrics.at_risk). suppressed: their email is on the suppression list (asked to be left alone).
-- expected_next_order = last purchase day + the average gap between the customer's purchase
-- days (several orders on one day are one purchase occasion, DESIGN.md); NULL with one day only.
-- orders counts valid orders; spend is net of the customer's credit notes (customer_money_until).
with

customer_orders as (
    select order_id, customer_id, ordered_at
    from customer_orders_until($as_of)
),

customer_money as (
    select customer_id, net_amount
    from customer_money_until($as_of)
),

numbered as (
    select
        *,
        row_number() over (partition by customer_id order by ordered_at, order_id) as order_number
    from customer_orders
),

totals as (
    select
        customer_id,
        count(*) as orders,
        min(ordered_at) as first_ordered_at,
        min(ordered_at) filter (where order_number = 2) as second_ordered_at,
        max(ordered_at) as last_ordered_at,
        count(distinct ordered_at::date) as purchase_days
    from numbered
    group by customer_id
),

spend as (
    select customer_id, sum(net_amount) as spend
    from customer_money
    group by customer_id
),

suppressed as (
    select email
    from suppressions
),

contacts as (
    select
        customers.customer_id,
        coalesce(
            nullif(concat_ws(' ', customers.first_name, customers.last_name), ''),
            customers.full_name
        ) as name,
        customers.email,
        customers.phone,
        customers.email_consent,
        suppressed.email is not null as suppressed
    from customers
    left join suppressed on suppressed.email = customers.email
),

final as (
    select
        totals.customer_id,
        contacts.name,
        contacts.email,
        contacts.phone,
        contacts.email_consent,
        contacts.suppressed,
        totals.orders,
        spend.spend::double as spend,
        totals.first_ordered_at,
        totals.second_ordered_at,
        totals.last_ordered_at,
        case when totals.purchase_days >= 2 then
            totals.last_ordered_at::date + round(
                date_diff('day', totals.first_ordered_at::date, totals.last_ordered_at::date)
                / (totals.purchase_days - 1)
            )::integer
        end as expected_next_order
    from totals
    inner join spend using (customer_id)
    inner join contacts using (customer_id)
)

select * from final
order by customer_id
